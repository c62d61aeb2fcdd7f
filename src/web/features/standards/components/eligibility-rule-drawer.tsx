import { PURPOSE_LABELS } from '../../../../contracts/standards';
import { useLang } from '../../../lib/i18n';
import { type EligibilityRule, useEligibilityRule } from '../api/standards';
import { EligibilityRuleFormModal } from './eligibility-rule-form-modal';
import { useRuleWords } from './rule-bits';
import { type RuleDrawerProps, RuleDrawerShell } from './rule-drawer-shell';

/** An eligibility rule: its purpose and conditions in plain words; its versions and changes. */
export function EligibilityRuleDrawer({ ruleId, asOf, onOpenRule, onClose }: RuleDrawerProps) {
  const words = useRuleWords();
  const { t } = words;
  const [lang] = useLang();
  return (
    <RuleDrawerShell<EligibilityRule>
      family="eligibility"
      open={ruleId !== null}
      query={useEligibilityRule(ruleId, asOf)}
      contentItems={(rule) => [
        {
          key: 'purpose',
          label: t('purpose'),
          children: PURPOSE_LABELS[rule.purpose]?.[lang] ?? rule.purpose,
        },
        {
          key: 'conditions',
          label: t('colConditions'),
          children: (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {rule.conditions.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id and never reorder
                <li key={i}>{words.condition(c)}</li>
              ))}
            </ul>
          ),
        },
      ]}
      summary={(v) => v.conditions.map(words.condition).join('; ')}
      renderRevise={(rule, close) => (
        <EligibilityRuleFormModal revising={rule} onClose={close} onSaved={(r) => onOpenRule(r.id)} />
      )}
      onOpenRule={onOpenRule}
      onClose={onClose}
    />
  );
}
