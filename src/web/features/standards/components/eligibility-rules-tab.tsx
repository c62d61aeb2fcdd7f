import { Alert, type TableColumnsType } from 'antd';
import { useCallback, useMemo } from 'react';
import { PURPOSE_LABELS } from '../../../../contracts/standards';
import { QueryErrorResult } from '../../../components/results';
import { ListTable } from '../../../kit/server-table';
import { useLang } from '../../../lib/i18n';
import { type EligibilityRule, useEligibilityRules } from '../api/standards';
import { filterRules, ruleOrigin } from '../rule-words';
import { EligibilityRuleDrawer } from './eligibility-rule-drawer';
import { OriginTag, RuleNameCell, SourceText, useRuleWords } from './rule-bits';
import { RuleFilterBar, type RulesView, type RulesViewChange } from './rule-filter-bar';

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
  const { data, error, isPending, isFetching, refetch } = useEligibilityRules(view.asOf);
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

  const columns: TableColumnsType<EligibilityRule> = [
    {
      title: t('stt'),
      key: 'stt',
      width: 56,
      align: 'right',
      className: 'tabular',
      render: (_v, _r, i) => i + 1,
    },
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
    {
      title: t('colRule'),
      key: 'rule',
      width: 260,
      render: (_v, r) => <RuleNameCell rule={r} onOpen={() => onChange({ ruleId: r.id })} />,
    },
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
      width: 210,
      render: (_v, r) => <SourceText source={r.legalSource} />,
    },
    {
      title: t('colOrigin'),
      key: 'origin',
      width: 160,
      render: (_v, r) => <OriginTag origin={ruleOrigin(r, data ?? [])} unit={r.ownerUnitName} />,
    },
  ];

  return (
    <>
      <Alert type="info" showIcon title={t('anyRuleHint')} style={{ marginBottom: 12 }} />
      <RuleFilterBar family="eligibility" view={view} onChange={onChange} />
      {error && !data ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <ListTable<EligibilityRule>
          aria-label={t('tabEligibility')}
          bordered
          columns={columns}
          dataSource={rows}
          loading={isPending || isFetching}
          scroll={{ x: 1200 }}
          locale={{ emptyText: t('noRules') }}
          rowClassName={(r) => (r.state === 'in_force' ? '' : 'row-inactive')}
          footer={() => t('eligibilityCount', { n: rows.length.toLocaleString('vi-VN') })}
        />
      )}
      <EligibilityRuleDrawer
        ruleId={view.ruleId}
        asOf={view.asOf}
        onOpenRule={(ruleId) => onChange({ ruleId })}
        onClose={() => onChange({ ruleId: null })}
      />
    </>
  );
}
