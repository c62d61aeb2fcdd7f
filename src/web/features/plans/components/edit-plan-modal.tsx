import { App, Form, Input, Modal, Select } from 'antd';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type PlanDetail, useMultiyearList, useUpdatePlan } from '../api/plans';
import { plansMessages } from '../messages';

interface Values {
  title: string;
  multiyearId: number | null;
  note: string | null;
}

/** Change the title, multi-year programme or note of a draft or returned plan. */
export function EditPlanModal({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const t = useT(plansMessages);
  const [form] = Form.useForm<Values>();
  const { data: programmes } = useMultiyearList(plan.year);
  const update = useUpdatePlan(plan.id);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = (v: Values) =>
    update.mutate(
      { ...v, multiyearId: v.multiyearId ?? null },
      {
        onSuccess: () => {
          message.success(t('saved'));
          onClose();
        },
        onError: (err) => onError(err, { form }),
      },
    );
  return (
    <Modal
      open
      title={t('editPlan')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('save')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ title: plan.title, multiyearId: plan.multiyearId, note: plan.note }}
      >
        <Form.Item
          name="title"
          label={t('planTitle')}
          rules={[{ required: true, whitespace: true, message: t('required') }]}
        >
          <Input maxLength={400} />
        </Form.Item>
        <Form.Item name="multiyearId" label={t('multiyear')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('multiyearNone')}
            options={(programmes ?? []).map((m) => ({ value: m.id, label: `${m.code} – ${m.name}` }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
