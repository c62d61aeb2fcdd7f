import { App } from 'antd';
import { FormModal } from '../../../kit/form-modal';
import { useT } from '../../../lib/i18n';
import { type PlanDetail, useMultiyearList, useUpdatePlan } from '../api/plans';
import { plansMessages } from '../messages';
import { PlanHeaderFields } from './plan-header-fields';

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
      <PlanHeaderFields programmes={programmes} noteRows={3} />
    </FormModal>
  );
}
