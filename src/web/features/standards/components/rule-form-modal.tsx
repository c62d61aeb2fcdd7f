import { Alert, Checkbox, Divider, Form, InputNumber, Radio, Row, Select } from 'antd';
import type { Grace, RuleRequirement } from '../../../../contracts/rules';
import { CodeSelect } from '../../../components/code-select';
import { Field } from '../../../kit/field';
import { useMe } from '../../../lib/auth';
import { useT } from '../../../lib/i18n';
import { type StandardRule, useCreateRule, useReviseRule } from '../api/standards';
import { standardsMessages } from '../messages';
import { type LegalSourceValues, type SelectorValues, toLegalSource, toSelector } from '../rule-form';
import { TitleFields } from './rule-action-modals';
import { SelectorFields } from './rule-form-parts';
import { type RuleFormBase, RuleFormShell } from './rule-form-shell';

interface Values extends RuleFormBase {
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

/** Add a province's own rule, or revise one from a date (`revising`). */
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

  return (
    <RuleFormShell
      revising={revising}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
      toContent={toRule}
      toValues={toValues}
      create={(body) => create.mutateAsync(body)}
      revise={(id, body) => revise.mutateAsync({ id, body })}
      createTitle={t('createTitle', { unit: me.scopeUnitName })}
      initialValues={{
        requirement: { type: 'qualification' },
        hasGrace: false,
        grace: { from: 'appointedOn', months: 12 },
      }}
      onValuesChange={(changed: Partial<Values>) => {
        // Levels belong to a kind: a new kind empties the level.
        if (changed.requirement && 'kind' in changed.requirement)
          form.setFieldValue(['requirement', 'minLevel'], null);
      }}
    >
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
    </RuleFormShell>
  );
}
