import { App, Form, Input, Select } from 'antd';
import { FormModal } from '../../../kit/form-modal';
import { useT } from '../../../lib/i18n';
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
  const { data: programmes } = useMultiyearList(plan.year);
  const update = useUpdatePlan(plan.id);
  const { message } = App.useApp();
  const submit = async (v: Values) => {
    await update.mutateAsync({ ...v, multiyearId: v.multiyearId ?? null });
    message.success(t('saved'));
  };
  return (
    <FormModal<Values>
      title={t('editPlan')}
      onClose={onClose}
      submit={submit}
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
    </FormModal>
  );
}
