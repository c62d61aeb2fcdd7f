import { Form, InputNumber } from 'antd';
import { useNavigate } from 'react-router';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useMe } from '../../../lib/auth';
import { useT } from '../../../lib/i18n';
import { useCreatePlan, useMultiyearList } from '../api/plans';
import { plansMessages } from '../messages';
import { PlanHeaderFields } from './plan-header-fields';

interface Values {
  unitId: number;
  year: number;
  title: string;
  multiyearId?: number | null;
  note?: string;
}

/** A new, empty draft plan of a unit for a year (one plan per unit and year). */
export function CreatePlanModal({ onClose }: { onClose: () => void }) {
  const t = useT(plansMessages);
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const year = Form.useWatch('year', form);
  const { data: programmes } = useMultiyearList(year ?? undefined);
  const create = useCreatePlan();
  const navigate = useNavigate();
  const nextYear = new Date().getFullYear() + 1;

  const submit = (v: Values) => create.mutateAsync(v);

  return (
    <FormModal
      success={t('created')}
      onDone={(plan) => navigate(`/plans/${plan.id}`)}
      title={t('newPlanTitle')}
      okText={t('create')}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={{
        unitId: me.scopeUnitId,
        year: nextYear,
        title: `Kế hoạch đào tạo, bồi dưỡng năm ${nextYear}`,
      }}
    >
      <Field name="unitId" label={t('unit')} required={t('required')}>
        <UnitTreeSelect />
      </Field>
      <Field name="year" label={t('year')} required={t('required')}>
        <InputNumber min={2000} max={2200} style={{ width: 140 }} />
      </Field>
      <PlanHeaderFields programmes={programmes} noteRows={2} />
    </FormModal>
  );
}
