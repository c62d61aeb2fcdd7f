import { Alert, App, Form, Input, Select } from 'antd';
import { POSTGRAD_OUTCOMES, POSTGRAD_STATUS_LABELS } from '../../../../contracts/postgraduate';
import { DateInput } from '../../../components/date-input';
import { Field } from '../../../kit/field';
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
      <Field name="status" label={t('outcome')} required={t('required')}>
        <Select
          options={POSTGRAD_OUTCOMES.map((s) => ({ value: s, label: POSTGRAD_STATUS_LABELS[s][lang] }))}
        />
      </Field>
      <Field name="actualEndsOn" label={t('actualEndsOn')} required={t('required')}>
        <DateInput noFuture />
      </Field>
      {status === 'graduated' ? (
        <>
          <Field name="diplomaNo" label={t('diplomaNo')} required={t('required')}>
            <Input maxLength={100} />
          </Field>
          <Field name="diplomaDate" label={t('diplomaDate')} required={t('required')}>
            <DateInput noFuture />
          </Field>
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
      <Field name="leftOn" label={t('leftOn')} required={t('required')}>
        <DateInput />
      </Field>
      <Field name="reason" label={t('leftReason')} required={t('required')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Field>
    </FormModal>
  );
}
