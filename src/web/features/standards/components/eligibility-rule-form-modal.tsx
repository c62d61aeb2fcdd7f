import { Alert, Divider, Form, Select } from 'antd';
import { PURPOSE_LABELS } from '../../../../contracts/standards';
import { Field } from '../../../kit/field';
import { useMe } from '../../../lib/auth';
import { useLang, useT } from '../../../lib/i18n';
import { type EligibilityRule, useCreateEligibilityRule, useReviseEligibilityRule } from '../api/standards';
import { standardsMessages } from '../messages';
import {
  type ConditionValues,
  type LegalSourceValues,
  toCondition,
  toConditionValues,
  toLegalSource,
} from '../rule-form';
import { ConditionsEditor } from './conditions-editor';
import { TitleFields } from './rule-action-modals';
import { type RuleFormBase, RuleFormShell } from './rule-form-shell';

interface Values extends RuleFormBase {
  purpose?: string;
  titleVi: string;
  titleEn: string;
  conditions: ConditionValues[];
  legalSource: LegalSourceValues;
}

/** What a revision may change (the purpose stays). */
function toContent(v: Values) {
  return {
    titleVi: v.titleVi.trim(),
    titleEn: v.titleEn.trim(),
    conditions: v.conditions.map(toCondition),
    legalSource: toLegalSource(v.legalSource),
  };
}

function toValues(r: EligibilityRule): Partial<Values> {
  return {
    purpose: r.purpose,
    titleVi: r.titleVi,
    titleEn: r.titleEn,
    conditions: r.conditions.map(toConditionValues),
    legalSource: { ...r.legalSource },
  };
}

/** Add a province's own eligibility rule, or revise one from a date (`revising`). */
export function EligibilityRuleFormModal({
  revising,
  onClose,
  onSaved,
}: {
  revising?: EligibilityRule;
  onClose: () => void;
  onSaved: (rule: EligibilityRule) => void;
}) {
  const t = useT(standardsMessages);
  const [lang] = useLang();
  const me = useMe();
  const create = useCreateEligibilityRule();
  const revise = useReviseEligibilityRule();
  const [form] = Form.useForm<Values>();

  return (
    <RuleFormShell
      revising={revising}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
      toContent={toContent}
      toValues={toValues}
      create={(body, v) => create.mutateAsync({ ...body, purpose: v.purpose! })}
      revise={(id, body) => revise.mutateAsync({ id, body })}
      createTitle={t('createEligibilityTitle', { unit: me.scopeUnitName })}
      initialValues={{ conditions: [{}] as ConditionValues[] }}
      onValuesChange={(changed: Partial<Values>) => {
        // Levels belong to a kind: a new kind empties that row's level. Adding or removing a
        // row reports whole rows, which must keep their level.
        changed.conditions?.forEach((row, i) => {
          if (row && Object.keys(row).length === 1 && 'kind' in row)
            form.setFieldValue(['conditions', i, 'minLevel'], null);
        });
      }}
    >
      <Field
        name="purpose"
        label={t('purpose')}
        extra={revising ? t('purposeFixed') : undefined}
        required={t('required')}
      >
        <Select
          disabled={!!revising}
          options={Object.entries(PURPOSE_LABELS).map(([value, l]) => ({ value, label: l[lang] }))}
        />
      </Field>
      <TitleFields />

      <Divider titlePlacement="start">{t('colConditions')}</Divider>
      <Alert type="info" title={t('conditionsHelp')} style={{ marginBottom: 12 }} />
      <ConditionsEditor />
    </RuleFormShell>
  );
}
