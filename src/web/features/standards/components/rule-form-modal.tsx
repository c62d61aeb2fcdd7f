import { Alert, App, Checkbox, Divider, Form, InputNumber, Radio, Row, Select } from 'antd';
import type { Grace, RuleRequirement } from '../../../../contracts/rules';
import { CodeSelect } from '../../../components/code-select';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useMe } from '../../../lib/auth';
import { useT } from '../../../lib/i18n';
import { type StandardRule, useCreateRule, useReviseRule } from '../api/standards';
import { standardsMessages } from '../messages';
import {
  changedFields,
  type LegalSourceValues,
  type SelectorValues,
  toLegalSource,
  toSelector,
} from '../rule-form';
import { CodeField, TitleFields } from './rule-action-modals';
import { LegalSourceFields, PeriodFields, ReviseHint, SelectorFields } from './rule-form-parts';

interface Values {
  code?: string;
  titleVi: string;
  titleEn: string;
  appliesTo: SelectorValues;
  requirement: {
    type: 'qualification' | 'annual_periods';
    kind?: string | null;
    minLevel?: string | null;
    minPeriods?: number | null;
  };
  hasGrace: boolean;
  grace?: { from?: Grace['from']; months?: number | null };
  effectiveFrom: string;
  effectiveTo?: string | null;
  legalSource: LegalSourceValues;
}

/** The typed rule from the form: empty selector fields and optional texts left out. */
function toRule(v: Values) {
  const requirement: RuleRequirement =
    v.requirement.type === 'annual_periods'
      ? { type: 'annual_periods', minPeriods: v.requirement.minPeriods ?? 0 }
      : { type: 'qualification', kind: v.requirement.kind ?? '', minLevel: v.requirement.minLevel ?? '' };
  const grace: Grace | null =
    v.hasGrace && v.grace?.from && v.grace.months ? { from: v.grace.from, months: v.grace.months } : null;
  return {
    titleVi: v.titleVi.trim(),
    titleEn: v.titleEn.trim(),
    appliesTo: toSelector(v.appliesTo),
    requirement,
    grace,
    legalSource: toLegalSource(v.legalSource),
  };
}

function toValues(r: StandardRule): Partial<Values> {
  return {
    titleVi: r.titleVi,
    titleEn: r.titleEn,
    appliesTo: { ...r.appliesTo },
    requirement: { ...r.requirement },
    hasGrace: !!r.grace,
    grace: r.grace ?? { from: 'appointedOn', months: 12 },
    legalSource: { ...r.legalSource },
  };
}

/**
 * Add a province's own rule, or revise one from a date (`revising`). A revision sends only what
 * changed: the server takes the rest from the version it replaces on that date, which may be
 * newer than the one shown.
 */
export function RuleFormModal({
  revising,
  onClose,
  onSaved,
}: {
  revising?: StandardRule;
  onClose: () => void;
  onSaved: (rule: StandardRule) => void;
}) {
  const t = useT(standardsMessages);
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const reqType = Form.useWatch(['requirement', 'type'], form);
  const kind = Form.useWatch(['requirement', 'kind'], form);
  const hasGrace = Form.useWatch('hasGrace', form);
  const create = useCreateRule();
  const revise = useReviseRule();
  const { message } = App.useApp();

  const submit = async (v: Values) => {
    const rule = toRule(v);
    if (!revising)
      return create.mutateAsync({
        code: v.code!.trim(),
        ...rule,
        effectiveFrom: v.effectiveFrom,
        effectiveTo: v.effectiveTo ?? null,
      });
    const changes = changedFields(rule, toRule(toValues(revising) as Values));
    if (Object.keys(changes).length === 0) {
      message.warning(t('nothingChanged'));
      return false;
    }
    return revise.mutateAsync({ id: revising.id, body: { effectiveFrom: v.effectiveFrom, ...changes } });
  };

  return (
    <FormModal
      success={(saved) => t(revising ? 'revised' : 'created', { code: saved.code })}
      onDone={onSaved}
      title={
        revising ? t('reviseTitle', { code: revising.code }) : t('createTitle', { unit: me.scopeUnitName })
      }
      width={760}
      mask={{ closable: false }}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={
        revising
          ? toValues(revising)
          : {
              requirement: { type: 'qualification' },
              hasGrace: false,
              grace: { from: 'appointedOn', months: 12 },
            }
      }
      formProps={{
        onValuesChange: (changed: Partial<Values>) => {
          // Levels belong to a kind: a new kind empties the level.
          if (changed.requirement && 'kind' in changed.requirement)
            form.setFieldValue(['requirement', 'minLevel'], null);
        },
      }}
      intro={revising ? <ReviseHint rule={revising} /> : null}
    >
      {revising ? null : <CodeField />}
      <TitleFields />

      <Divider titlePlacement="start">{t('sectionAppliesTo')}</Divider>
      <Alert type="info" title={t('appliesToHelp')} style={{ marginBottom: 12 }} />
      <SelectorFields prefix={['appliesTo']} />

      <Divider titlePlacement="start">{t('sectionRequirement')}</Divider>
      <Form.Item name={['requirement', 'type']} label={t('requirementType')}>
        <Radio.Group
          options={[
            { value: 'qualification', label: t('reqTypeQualification') },
            { value: 'annual_periods', label: t('reqTypePeriods') },
          ]}
        />
      </Form.Item>
      {reqType === 'annual_periods' ? (
        <Field
          name={['requirement', 'minPeriods']}
          label={t('minPeriods')}
          extra={t('minPeriodsHelp')}
          required={t('required')}
        >
          <InputNumber min={1} max={2000} precision={0} style={{ width: 160 }} />
        </Field>
      ) : (
        <Row gutter={16}>
          <Field xs={24} sm={12} name={['requirement', 'kind']} label={t('kind')} required={t('required')}>
            <CodeSelect list="qualification_kind" allowClear={false} />
          </Field>
          <Field
            xs={24}
            sm={12}
            name={['requirement', 'minLevel']}
            label={t('minLevel')}
            extra={t('minLevelHelp')}
            required={t('required')}
          >
            <CodeSelect
              list={kind ? `level_${kind}` : null}
              placeholder={kind ? undefined : t('pickKindFirst')}
              disabled={!kind}
              allowClear={false}
            />
          </Field>
        </Row>
      )}
      <Form.Item name="hasGrace" valuePropName="checked" style={{ marginBottom: hasGrace ? 8 : 24 }}>
        <Checkbox>{t('hasGrace')}</Checkbox>
      </Form.Item>
      {hasGrace ? (
        <Row gutter={16}>
          <Field xs={24} sm={12} name={['grace', 'from']} label={t('graceFrom')} rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'appointedOn', label: t('graceAppointedOn') },
                { value: 'serviceStart', label: t('graceServiceStart') },
              ]}
            />
          </Field>
          <Field xs={24} sm={12} name={['grace', 'months']} label={t('graceMonths')} required={t('required')}>
            <InputNumber min={1} max={120} precision={0} style={{ width: 160 }} />
          </Field>
        </Row>
      ) : null}

      <PeriodFields withEnd={!revising} />
      <LegalSourceFields />
    </FormModal>
  );
}
