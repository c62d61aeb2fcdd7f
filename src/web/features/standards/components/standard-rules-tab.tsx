import { Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useLang } from '../../../lib/i18n';
import { type StandardRule, useRules } from '../api/standards';
import { filterRules } from '../rule-words';
import { useRuleWords } from './rule-bits';
import { RuleDrawer } from './rule-drawer';
import { RuleFilterBar, type RulesView, type RulesViewChange } from './rule-filter-bar';
import { RuleTable, useRuleColumns } from './rule-table';

export function StandardRulesTab({ view, onChange }: { view: RulesView; onChange: RulesViewChange }) {
  const words = useRuleWords();
  const { t } = words;
  const [_lang] = useLang();
  const query = useRules(view.asOf);
  const { data } = query;

  const textOf = useCallback(
    (r: StandardRule) =>
      [
        r.code,
        r.titleVi,
        r.titleEn,
        r.legalSource.document,
        r.legalSource.article,
        r.ownerUnitName,
        words.selector(r.appliesTo),
        words.requirement(r.requirement),
      ].join(' '),
    [words],
  );
  const rows = useMemo(
    () =>
      filterRules(
        data ?? [],
        { asOfOnly: !view.all, kind: view.kind, origin: view.origin, q: view.q },
        textOf,
      ).sort((a, b) => a.code.localeCompare(b.code) || a.version - b.version),
    [data, view.all, view.kind, view.origin, view.q, textOf],
  );

  const columns = useRuleColumns(
    data ?? [],
    onChange,
    { rule: 300, source: 230, origin: 170 },
    {
      middle: [
        {
          title: t('colAppliesTo'),
          key: 'appliesTo',
          width: 220,
          render: (_v, r) => words.selector(r.appliesTo),
        },
        {
          title: t('colRequirement'),
          key: 'requirement',
          width: 230,
          render: (_v, r) => (
            <>
              {words.requirement(r.requirement)}
              {r.grace ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {words.grace(r.grace)}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
      ],
    },
  );

  return (
    <>
      <RuleFilterBar family="standards" view={view} onChange={onChange} />
      <RuleTable<StandardRule>
        query={query}
        rows={rows}
        aria-label={t('tabStandards')}
        columns={columns}
        scroll={{ x: 1320 }}
        footer={() => t('rulesCount', { n: rows.length.toLocaleString('vi-VN') })}
      />
      <RuleDrawer
        ruleId={view.ruleId}
        asOf={view.asOf}
        onOpenRule={(ruleId) => onChange({ ruleId })}
        onClose={() => onChange({ ruleId: null })}
      />
    </>
  );
}
