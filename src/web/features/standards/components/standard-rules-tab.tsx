import { type TableColumnsType, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { QueryErrorResult } from '../../../components/results';
import { ListTable } from '../../../kit/server-table';
import { useLang } from '../../../lib/i18n';
import { type StandardRule, useRules } from '../api/standards';
import { filterRules, ruleOrigin } from '../rule-words';
import { OriginTag, RuleNameCell, SourceText, useRuleWords } from './rule-bits';
import { RuleDrawer } from './rule-drawer';
import { RuleFilterBar, type RulesView, type RulesViewChange } from './rule-filter-bar';

export function StandardRulesTab({ view, onChange }: { view: RulesView; onChange: RulesViewChange }) {
  const words = useRuleWords();
  const { t } = words;
  const [_lang] = useLang();
  const { data, error, isPending, isFetching, refetch } = useRules(view.asOf);

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

  const columns: TableColumnsType<StandardRule> = [
    {
      title: t('stt'),
      key: 'stt',
      width: 56,
      align: 'right',
      className: 'tabular',
      render: (_v, _r, i) => i + 1,
    },
    {
      title: t('colRule'),
      key: 'rule',
      width: 300,
      render: (_v, r) => <RuleNameCell rule={r} onOpen={() => onChange({ ruleId: r.id })} />,
    },
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
    {
      title: t('colPeriod'),
      key: 'period',
      width: 120,
      className: 'tabular',
      render: (_v, r) => words.period(r.effectiveFrom, r.effectiveTo),
    },
    {
      title: t('colSource'),
      key: 'source',
      width: 230,
      render: (_v, r) => <SourceText source={r.legalSource} />,
    },
    {
      title: t('colOrigin'),
      key: 'origin',
      width: 170,
      render: (_v, r) => <OriginTag origin={ruleOrigin(r, data ?? [])} unit={r.ownerUnitName} />,
    },
  ];

  return (
    <>
      <RuleFilterBar family="standards" view={view} onChange={onChange} />
      {error && !data ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <ListTable<StandardRule>
          aria-label={t('tabStandards')}
          columns={columns}
          dataSource={rows}
          loading={isPending || isFetching}
          scroll={{ x: 1320 }}
          locale={{ emptyText: t('noRules') }}
          rowClassName={(r) => (r.state === 'in_force' ? '' : 'row-inactive')}
          footer={() => t('rulesCount', { n: rows.length.toLocaleString('vi-VN') })}
        />
      )}
      <RuleDrawer
        ruleId={view.ruleId}
        asOf={view.asOf}
        onOpenRule={(ruleId) => onChange({ ruleId })}
        onClose={() => onChange({ ruleId: null })}
      />
    </>
  );
}
