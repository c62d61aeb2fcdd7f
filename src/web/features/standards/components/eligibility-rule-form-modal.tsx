import { Alert, App, Divider, Form, Select } from 'antd';
import { PURPOSE_LABELS } from '../../../../contracts/standards';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useMe } from '../../../lib/auth';
import { useLang, useT } from '../../../lib/i18n';
import { type EligibilityRule, useCreateEligibilityRule, useReviseEligibilityRule } from '../api/standards';
import { standardsMessages } from '../messages';
import {
  type ConditionValues,
  changedFields,
  type LegalSourceValues,
  toCondition,
  toConditionValues,
  toLegalSource,
} from '../rule-form';
import { ConditionsEditor } from './conditions-editor';
import { CodeField, TitleFields } from './rule-action-modals';
import { LegalSourceFields, PeriodFields, ReviseHint } from './rule-form-parts';

interface Values {
  code?: string;
  purpose?: string;
  titleVi: string;
  titleEn: string;
  conditions: ConditionValues[];
  effectiveFrom: string;
  effectiveTo?: string | null;
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

/**
 * Add a province's own eligibility rule, or revise one from a date (`revising`). A revision sends
 * only what changed; the server takes the rest from the version it replaces on that date.
 */
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
  const { message } = App.useApp();

  const submit = async (v: Values) => {
    const content = toContent(v);
    if (!revising)
      return create.mutateAsync({
        code: v.code!.trim(),
        purpose: v.purpose!,
        ...content,
        effectiveFrom: v.effectiveFrom,
        effectiveTo: v.effectiveTo ?? null,
      });
    const changes = changedFields(content, toContent(toValues(revising) as Values));
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
        revising
          ? t('reviseTitle', { code: revising.code })
          : t('createEligibilityTitle', { unit: me.scopeUnitName })
      }
      width={760}
      mask={{ closable: false }}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={revising ? toValues(revising) : { conditions: [{}] }}
      formProps={{
        onValuesChange: (changed: Partial<Values>) => {
          // Levels belong to a kind: a new kind empties that row's level. Adding or removing a
          // row reports whole rows, which must keep their level.
          changed.conditions?.forEach((row, i) => {
            if (row && Object.keys(row).length === 1 && 'kind' in row)
              form.setFieldValue(['conditions', i, 'minLevel'], null);
          });
        },
      }}
      intro={revising ? <ReviseHint rule={revising} /> : null}
    >
      {revising ? null : <CodeField />}
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

      <PeriodFields withEnd={!revising} />
      <LegalSourceFields />
    </FormModal>
  );
}
