import { Divider, Form, Input, Row, Select } from 'antd';
import { useNavigate } from 'react-router';
import { BudgetAndNote, BudgetInputs, budgetOf } from '../../../components/budget-inputs';
import { DateInput } from '../../../components/date-input';
import { ProgrammeSelect } from '../../../components/programme-select';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { blank } from '../../../kit/form-values';
import { useT } from '../../../lib/i18n';
import { PlanLineSelect } from '../../plans/components/plan-line-select';
import {
  type DelegationDetail,
  useCreateDelegation,
  usePartnerOptions,
  useUpdateDelegation,
} from '../api/abroad';
import { abroadMessages } from '../messages';

interface Values {
  code: string;
  name: string;
  partnerInstitutionId: number;
  programmeId: number | null;
  country: string;
  departsOn: string | null;
  returnsOn: string | null;
  decisionNo: string | null;
  decisionDate: string | null;
  budget: Record<string, number | null>;
  note: string | null;
  planLineId: number | null;
  actualCost?: Record<string, number | null>;
}

/** Form a delegation or edit one (until it is closed). */
export function DelegationFormModal({
  editing,
  onClose,
}: {
  editing?: DelegationDetail;
  onClose: () => void;
}) {
  const t = useT(abroadMessages);
  const navigate = useNavigate();
  const create = useCreateDelegation();
  const update = useUpdateDelegation(editing?.id ?? 0);
  const partners = usePartnerOptions();
  const [form] = Form.useForm<Values>();
  const departsOn = Form.useWatch('departsOn', form);
  const submit = async (v: Values) => {
    const body = {
      code: v.code.trim(),
      name: v.name.trim(),
      partnerInstitutionId: v.partnerInstitutionId,
      programmeId: v.programmeId ?? null,
      country: v.country.trim(),
      departsOn: v.departsOn!,
      returnsOn: v.returnsOn!,
      decisionNo: blank(v.decisionNo),
      decisionDate: v.decisionDate ?? null,
      budget: budgetOf(v.budget),
      note: blank(v.note),
      planLineId: v.planLineId ?? null,
      ...(editing ? { actualCost: budgetOf(v.actualCost) } : {}),
    };
    return editing
      ? update.mutateAsync({ ...body, version: editing.version }).then(() => null)
      : create.mutateAsync(body);
  };

  return (
    <FormModal
      form={form}
      success={(d) => (d ? t('created', { code: d.code }) : t('saved'))}
      onDone={(d) => d && navigate(`/abroad/${d.id}`)}
      width={760}
      title={editing ? t('editTitle', { code: editing.code }) : t('createTitle')}
      onClose={onClose}
      submit={submit}
      errorOptions={{ conflictMeansStale: !!editing }}
      initialValues={
        editing
          ? { ...editing, budget: editing.budget }
          : { country: '', budget: {}, programmeId: null, decisionNo: null, decisionDate: null }
      }
      formProps={{ requiredMark: true }}
    >
      <Row gutter={12}>
        <Field span={8} name="code" label={t('code')} required={t('required')}>
          <Input maxLength={40} placeholder="ĐNN-01/2026" />
        </Field>
        <Field span={16} name="name" label={t('name')} required={t('required')}>
          <Input maxLength={300} />
        </Field>
        <Field span={12} name="partnerInstitutionId" label={t('partner')} required={t('required')}>
          <Select
            options={partners.data ?? []}
            loading={partners.isPending}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Field>
        <Field span={12} name="country" label={t('country')} required={t('required')}>
          <Input maxLength={100} />
        </Field>
        <Field span={24} name="programmeId" label={t('programme')}>
          <ProgrammeSelect
            allowClear
            placeholder={t('noProgramme')}
            current={
              editing?.programmeId ? { value: editing.programmeId, label: editing.programmeName ?? '' } : null
            }
          />
        </Field>
        <Field span={12} name="departsOn" label={t('departsOn')} required={t('required')}>
          <DateInput />
        </Field>
        <Field span={12} name="returnsOn" label={t('returnsOn')} required={t('required')}>
          <DateInput />
        </Field>
        <Field span={12} name="decisionNo" label={t('decisionNo')}>
          <Input maxLength={100} placeholder="123/QĐ-UBND" />
        </Field>
        <Field span={12} name="decisionDate" label={t('decisionDate')}>
          <DateInput />
        </Field>
        <Field span={24} name="planLineId" label={t('planLine')}>
          <PlanLineSelect
            kind="ABROAD"
            year={departsOn ? Number(departsOn.slice(0, 4)) : null}
            placeholder={t('noPlanLine')}
          />
        </Field>
      </Row>
      <BudgetAndNote title={t('budget')} noteLabel={t('note')} plain />
      {editing ? (
        <>
          <Divider titlePlacement="start" plain>
            {t('actualCost')}
          </Divider>
          <BudgetInputs name="actualCost" />
        </>
      ) : null}
    </FormModal>
  );
}
