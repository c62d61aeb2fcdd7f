import { Form, InputNumber, Row, Select } from 'antd';
import { BudgetAndNote } from '../../../components/budget-inputs';
import { CodeSelect } from '../../../components/code-select';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { filterCodeOption } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { levelList } from '../../../lib/levels';
import { type PlanLine, type PlanLineInput, useSaveLine } from '../api/plans';
import { plansMessages } from '../messages';

/** Add or edit a plan line: programme kind x target group x level, targets, budget by funding source. */
export function LineModal({
  planId,
  line,
  onClose,
}: {
  planId: number;
  line: PlanLine | null;
  onClose: () => void;
}) {
  const t = useT(plansMessages);
  const [form] = Form.useForm<PlanLineInput>();
  const kind = Form.useWatch('programmeKind', form);
  const targetList = Form.useWatch('targetList', form);
  const save = useSaveLine(planId);

  const submit = (v: PlanLineInput) => {
    // Drop empty funding sources so the line's budget holds only what was entered.
    const budget = Object.fromEntries(Object.entries(v.budget ?? {}).filter(([, n]) => n));
    return save.mutateAsync({
      id: line?.id,
      body: { ...v, targetCode: v.targetList ? v.targetCode : null, budget },
    });
  };

  return (
    <FormModal
      success={t('saved')}
      width={760}
      title={line ? t('editLine') : t('newLine')}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={line ?? { classes: 1, trainees: 0, budget: {} }}
    >
      <Row gutter={12}>
        <Field span={12} name="programmeKind" label={t('programmeKind')} required={t('required')}>
          <CodeSelect list="programme_kind" onChange={() => form.setFieldValue('level', null)} />
        </Field>
        <Field span={12} name="level" label={t('level')}>
          <CodeSelect list={levelList(kind)} />
        </Field>
        <Field span={12} name="targetList" label={t('targetList')}>
          <Select
            allowClear
            showSearch={{ filterOption: (input, option) => filterCodeOption(input, option) }}
            placeholder={t('everyone')}
            onChange={() => form.setFieldValue('targetCode', null)}
            options={[
              { value: 'category', label: t('listCategory') },
              { value: 'leadership_tier', label: t('listTier') },
              { value: 'rank', label: t('listRank') },
            ]}
          />
        </Field>
        <Field
          span={12}
          name="targetCode"
          label={t('targetCode')}
          rules={[{ required: !!targetList, message: t('required') }]}
        >
          <CodeSelect list={targetList ?? null} disabled={!targetList} />
        </Field>
        <Field span={8} name="classes" label={t('classes')} required={t('required')}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Field>
        <Field span={8} name="trainees" label={t('trainees')} required={t('required')}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Field>
        <Field span={8} name="periods" label={t('periods')}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Field>
      </Row>
      <BudgetAndNote title={t('budget')} noteLabel={t('note')} noteMax={1000} />
    </FormModal>
  );
}
