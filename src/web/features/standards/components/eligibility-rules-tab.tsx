import { Alert } from 'antd';
import { useCallback, useMemo } from 'react';
import { PURPOSE_LABELS } from '../../../../contracts/standards';
import { useLang } from '../../../lib/i18n';
import { type EligibilityRule, useEligibilityRules } from '../api/standards';
import { filterRules } from '../rule-words';
import { EligibilityRuleDrawer } from './eligibility-rule-drawer';
import { useRuleWords } from './rule-bits';
import { RuleFilterBar, type RulesView, type RulesViewChange } from './rule-filter-bar';
import { RuleTable, useRuleColumns } from './rule-table';

const PURPOSE_ORDER = Object.keys(PURPOSE_LABELS);
const purposeRank = (p: string) => {
  const i = PURPOSE_ORDER.indexOf(p);
  return i < 0 ? PURPOSE_ORDER.length : i;
};

/** Eligibility rules: who may be sent to which programme, each condition in plain words. */
export function EligibilityRulesTab({ view, onChange }: { view: RulesView; onChange: RulesViewChange }) {
  const words = useRuleWords();
  const { t } = words;
  const [lang] = useLang();
  const query = useEligibilityRules(view.asOf);
  const { data } = query;
  const purposeLabel = useCallback((p: string) => PURPOSE_LABELS[p]?.[lang] ?? p, [lang]);

  const textOf = useCallback(
    (r: EligibilityRule) =>
      [
        r.code,
        r.titleVi,
        r.titleEn,
        purposeLabel(r.purpose),
        r.legalSource.document,
        r.legalSource.article,
        r.ownerUnitName,
        ...r.conditions.map(words.condition),
      ].join(' '),
    [words, purposeLabel],
  );
  const rows = useMemo(
    () =>
      filterRules(
        (data ?? []).filter((r) => !view.purpose || r.purpose === view.purpose),
        { asOfOnly: !view.all, origin: view.origin, q: view.q },
        textOf,
      ).sort(
        (a, b) =>
          purposeRank(a.purpose) - purposeRank(b.purpose) ||
          a.purpose.localeCompare(b.purpose) ||
          a.code.localeCompare(b.code) ||
          a.version - b.version,
      ),
    [data, view.purpose, view.all, view.origin, view.q, textOf],
  );

  const columns = useRuleColumns(
    data ?? [],
    onChange,
    { rule: 260, source: 210, origin: 160 },
    {
      before: [
        {
          title: t('colPurpose'),
          key: 'purpose',
          width: 170,
          render: (_v, r) => <b>{purposeLabel(r.purpose)}</b>,
          onCell: (r, i) => {
            // One cell per purpose: its rules are alternatives, read together.
            const first = rows.findIndex((x) => x.purpose === r.purpose);
            return { rowSpan: i === first ? rows.filter((x) => x.purpose === r.purpose).length : 0 };
          },
        },
      ],
      middle: [
        {
          title: t('colConditions'),
          key: 'conditions',
          render: (_v, r) => (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {r.conditions.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id and never reorder
                <li key={i}>{words.condition(c)}</li>
              ))}
            </ul>
          ),
        },
      ],
    },
  );

  return (
    <>
      <Alert type="info" showIcon title={t('anyRuleHint')} style={{ marginBottom: 12 }} />
      <RuleFilterBar family="eligibility" view={view} onChange={onChange} />
      <RuleTable<EligibilityRule>
        query={query}
        rows={rows}
        aria-label={t('tabEligibility')}
        bordered
        columns={columns}
        scroll={{ x: 1200 }}
        footer={() => t('eligibilityCount', { n: rows.length.toLocaleString('vi-VN') })}
      />
      <EligibilityRuleDrawer
        ruleId={view.ruleId}
        asOf={view.asOf}
        onOpenRule={(ruleId) => onChange({ ruleId })}
        onClose={() => onChange({ ruleId: null })}
      />
    </>
  );
}
