import { type StandardRule, useRule } from '../api/standards';
import { useRuleWords } from './rule-bits';
import { type RuleDrawerProps, RuleDrawerShell } from './rule-drawer-shell';
import { RuleFormModal } from './rule-form-modal';

/** A standard: who it applies to, what it requires, the time allowed; its versions and changes. */
export function RuleDrawer({ ruleId, asOf, onOpenRule, onClose }: RuleDrawerProps) {
  const words = useRuleWords();
  const { t } = words;
  return (
    <RuleDrawerShell<StandardRule>
      family="standards"
      open={ruleId !== null}
      query={useRule(ruleId, asOf)}
      contentItems={(rule) => [
        { key: 'appliesTo', label: t('colAppliesTo'), children: words.selector(rule.appliesTo) },
        { key: 'req', label: t('colRequirement'), children: words.requirement(rule.requirement) },
        { key: 'grace', label: t('hasGrace'), children: words.grace(rule.grace) },
      ]}
      summary={(v) => `${words.requirement(v.requirement)} · ${words.selector(v.appliesTo)}`}
      renderRevise={(rule, close) => (
        <RuleFormModal revising={rule} onClose={close} onSaved={(r) => onOpenRule(r.id)} />
      )}
      onOpenRule={onOpenRule}
      onClose={onClose}
    />
  );
}
