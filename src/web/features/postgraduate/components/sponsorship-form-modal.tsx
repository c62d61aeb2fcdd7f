import { Alert, App, Button, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { POSTGRAD_LEVELS } from '../../../../contracts/postgraduate';
import { BudgetAndNote, budgetOf } from '../../../components/budget-inputs';
import { DateInput } from '../../../components/date-input';
import { PersonPicker } from '../../../components/person-picker';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { blank } from '../../../kit/form-values';
import { isApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { PlanLineSelect } from '../../plans/components/plan-line-select';
import {
  type CheckResult,
  checkSponsorship,
  type SponsorshipDetail,
  useCreateSponsorship,
  useInstitutionOptions,
  useUpdateSponsorship,
} from '../api/postgraduate';
import { postgradMessages } from '../messages';
import { EligibilityPanel } from './eligibility-panel';

interface Values {
  personId: number | null;
  field: string;
  level: (typeof POSTGRAD_LEVELS)[number];
  institutionId: number | null;
  institutionName: string | null;
  country: string;
  startsOn: string | null;
  expectedEndsOn: string | null;
  budget: Record<string, number | null>;
  decisionNo: string | null;
  note: string | null;
  planLineId: number | null;
}

/** Sponsor a person (eligibility checked on the start day, confirmed when not met) or edit a record. */
export function SponsorshipFormModal({
  editing,
  onClose,
}: {
  editing?: SponsorshipDetail;
  onClose: () => void;
}) {
  const t = useT(postgradMessages);
  const [form] = Form.useForm<Values>();
  const startsOn = Form.useWatch('startsOn', form);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const create = useCreateSponsorship();
  const update = useUpdateSponsorship(editing?.id ?? 0);
  const institutions = useInstitutionOptions();
  const [check, setCheck] = useState<CheckResult | null>(null);

  const runCheck = async () => {
    const v = form.getFieldsValue();
    if (!v.personId || !v.startsOn) {
      await form.validateFields(['personId', 'startsOn']);
      return;
    }
    try {
      setCheck(
        await checkSponsorship({
          personId: v.personId,
          startsOn: v.startsOn,
          expectedEndsOn: v.expectedEndsOn ?? undefined,
        }),
      );
    } catch (err) {
      onError(err, { form });
    }
  };

  const submit = async (v: Values) => {
    const fields = {
      field: v.field.trim(),
      level: v.level,
      institutionId: v.institutionId ?? null,
      institutionName: v.institutionId ? null : blank(v.institutionName),
      country: v.country.trim(),
      startsOn: v.startsOn!,
      expectedEndsOn: v.expectedEndsOn!,
      funding: budgetOf(v.budget),
      decisionNo: blank(v.decisionNo),
      note: blank(v.note),
      planLineId: v.planLineId ?? null,
    };
    if (editing) {
      await update.mutateAsync({ ...fields, version: editing.version });
      message.success(t('saved'));
      return null;
    }
    // The user has read the eligibility shown (checked, or returned by a first attempt): sending confirms it.
    const confirm = check !== null && !check.eligibility.eligible;
    const s = await create.mutateAsync({ ...fields, personId: v.personId!, confirm });
    message.success(t('created'));
    return s;
  };

  const needsConfirm = !editing && check !== null && !check.eligibility.eligible;
  return (
    <FormModal
      onDone={(s) => s && navigate(`/postgraduate/${s.id}`)}
      onFailed={(err) => {
        if (isApiError(err, 'NEEDS_CONFIRMATION')) {
          const d = err.details as { eligibility?: CheckResult['eligibility'] } | undefined;
          if (d?.eligibility) setCheck({ eligibility: d.eligibility, commitment: null });
        }
      }}
      width={780}
      title={editing ? t('editTitle') : t('createTitle')}
      okText={needsConfirm ? t('confirmSend') : t('save')}
      okButtonProps={{ danger: needsConfirm }}
      onClose={onClose}
      form={form}
      submit={submit}
      errorOptions={{ conflictMeansStale: !!editing, fieldMap: { funding: 'budget' } }}
      initialValues={
        editing
          ? {
              ...editing,
              budget: editing.funding,
              institutionName: editing.institutionId ? null : editing.institutionName,
            }
          : { level: 'THAC_SI', country: 'Việt Nam', budget: {}, institutionId: null }
      }
      formProps={{
        onValuesChange: (changed) => {
          if ('personId' in changed || 'startsOn' in changed || 'expectedEndsOn' in changed) setCheck(null);
        },
      }}
      after={
        editing ? null : (
          <>
            <Button onClick={runCheck} style={{ marginBottom: 12 }}>
              {t('checkEligibility')}
            </Button>
            {check ? (
              <>
                <EligibilityPanel e={check.eligibility} />
                {check.commitment ? (
                  <Alert
                    style={{ marginTop: 12 }}
                    type="info"
                    showIcon
                    title={t('commitment')}
                    description={t('commitmentText', {
                      multiplier: check.commitment.multiplier,
                      study: check.commitment.studyMonths,
                      months: check.commitment.committedMonths,
                      from: check.commitment.startsOn.split('-').reverse().join('/'),
                      to: check.commitment.endsOn.split('-').reverse().join('/'),
                      basis: t('basisExpected'),
                    })}
                  />
                ) : null}
                {needsConfirm ? (
                  <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('confirmNotEligible')} />
                ) : null}
              </>
            ) : null}
          </>
        )
      }
    >
      <Row gutter={12}>
        {editing ? null : (
          <Field span={24} name="personId" label={t('person')} required={t('required')}>
            <PersonPicker />
          </Field>
        )}
        <Field span={16} name="field" label={t('field')} required={t('required')}>
          <Input maxLength={200} />
        </Field>
        <Field span={8} name="level" label={t('level')} required={t('required')}>
          <Select options={POSTGRAD_LEVELS.map((l) => ({ value: l, label: t(`level${l}`) }))} />
        </Field>
        <Field span={12} name="institutionId" label={t('institution')}>
          <Select
            allowClear
            options={institutions.data ?? []}
            loading={institutions.isPending}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Field>
        <Field span={12} name="institutionName" label={t('institutionName')}>
          <Input maxLength={300} />
        </Field>
        <Field span={8} name="country" label={t('country')} required={t('required')}>
          <Input maxLength={100} />
        </Field>
        <Field span={8} name="startsOn" label={t('startsOn')} required={t('required')}>
          <DateInput />
        </Field>
        <Field span={8} name="expectedEndsOn" label={t('expectedEndsOn')} required={t('required')}>
          <DateInput />
        </Field>
        <Field span={12} name="decisionNo" label={t('decisionNo')}>
          <Input maxLength={100} />
        </Field>
        <Field span={12} name="planLineId" label={t('planLine')}>
          <PlanLineSelect
            kind="POSTGRADUATE"
            year={startsOn ? Number(String(startsOn).slice(0, 4)) : null}
            placeholder={t('noPlanLine')}
          />
        </Field>
      </Row>
      <BudgetAndNote title={t('funding')} noteLabel={t('note')} plain />
    </FormModal>
  );
}
