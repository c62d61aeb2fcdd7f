import { Alert, App, Form, Input, Select } from 'antd';
import { POSTGRAD_OUTCOMES, POSTGRAD_STATUS_LABELS } from '../../../../contracts/postgraduate';
import { DateInput } from '../../../components/date-input';
import { FormModal } from '../../../kit/form-modal';
import { useLang, useT } from '../../../lib/i18n';
import { useLeave, useOutcome } from '../api/postgraduate';
import { postgradMessages } from '../messages';

interface OutcomeValues {
  status: (typeof POSTGRAD_OUTCOMES)[number];
  actualEndsOn: string | null;
  diplomaNo: string | null;
  diplomaDate: string | null;
  note: string | null;
}

/** Graduated (with the diploma: it goes on the record), ended without a diploma, or dropped out. */
export function OutcomeModal({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT(postgradMessages);
  const [lang] = useLang();
  const { message } = App.useApp();
  const save = useOutcome(id);
  const [form] = Form.useForm<OutcomeValues>();
  const status = Form.useWatch('status', form);
  const submit = async (v: OutcomeValues) => {
    await save.mutateAsync({
      status: v.status,
      actualEndsOn: v.actualEndsOn!,
      diplomaNo: v.status === 'graduated' ? v.diplomaNo?.trim() || null : null,
      diplomaDate: v.status === 'graduated' ? v.diplomaDate : null,
      note: v.note?.trim() || null,
    });
    message.success(t('saved'));
  };
  return (
    <FormModal
      title={t('outcomeTitle')}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={{ status: 'graduated' }}
    >
      <Form.Item name="status" label={t('outcome')} rules={[{ required: true, message: t('required') }]}>
        <Select
          options={POSTGRAD_OUTCOMES.map((s) => ({ value: s, label: POSTGRAD_STATUS_LABELS[s][lang] }))}
        />
      </Form.Item>
      <Form.Item
        name="actualEndsOn"
        label={t('actualEndsOn')}
        rules={[{ required: true, message: t('required') }]}
      >
        <DateInput noFuture />
      </Form.Item>
      {status === 'graduated' ? (
        <>
          <Form.Item
            name="diplomaNo"
            label={t('diplomaNo')}
            rules={[{ required: true, message: t('required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="diplomaDate"
            label={t('diplomaDate')}
            rules={[{ required: true, message: t('required') }]}
          >
            <DateInput noFuture />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** The person leaves the service on a day: the repayment is computed from it. */
export function LeaveModal({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT(postgradMessages);
  const { message } = App.useApp();
  const save = useLeave(id);
  const submit = async (v: { leftOn: string | null; reason: string }) => {
    await save.mutateAsync({ leftOn: v.leftOn!, reason: v.reason.trim() });
    message.success(t('saved'));
  };
  return (
    <FormModal<{ leftOn: string | null; reason: string }>
      title={t('leaveTitle')}
      onClose={onClose}
      submit={submit}
      intro={<Alert type="info" showIcon title={t('leaveHint')} style={{ marginBottom: 12 }} />}
    >
      <Form.Item name="leftOn" label={t('leftOn')} rules={[{ required: true, message: t('required') }]}>
        <DateInput />
      </Form.Item>
      <Form.Item name="reason" label={t('leftReason')} rules={[{ required: true, message: t('required') }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
