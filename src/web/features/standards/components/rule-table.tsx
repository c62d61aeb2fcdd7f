import type { TableColumnsType, TableProps } from 'antd';
import { QueryErrorResult } from '../../../components/results';
import { ListTable, rowNumberColumn } from '../../../kit/server-table';
import type { RuleVersion } from '../api/standards';
import { ruleOrigin } from '../rule-words';
import { OriginTag, RuleNameCell, SourceText, useRuleWords } from './rule-bits';
import type { RulesViewChange } from './rule-filter-bar';

interface Widths {
  rule: number;
  source: number;
  origin: number;
}

/**
 * The columns every rule list has around its own: number, rule (opens it), then after the family's
 * columns its period, legal source and origin.
 */
export function useRuleColumns<R extends RuleVersion>(
  all: R[],
  onChange: RulesViewChange,
  widths: Widths,
  { before = [], middle }: { before?: TableColumnsType<R>; middle: TableColumnsType<R> },
): TableColumnsType<R> {
  const words = useRuleWords();
  const { t } = words;
  return [
    rowNumberColumn(t('stt'), 0, 56),
    ...before,
    {
      title: t('colRule'),
      key: 'rule',
      width: widths.rule,
      render: (_v, r) => <RuleNameCell rule={r} onOpen={() => onChange({ ruleId: r.id })} />,
    },
    ...middle,
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
      width: widths.source,
      render: (_v, r) => <SourceText source={r.legalSource} />,
    },
    {
      title: t('colOrigin'),
      key: 'origin',
      width: widths.origin,
      render: (_v, r) => <OriginTag origin={ruleOrigin(r, all)} unit={r.ownerUnitName} />,
    },
  ];
}

/** A list of rule versions (the server sends them whole): its first failed load shows the error. */
export function RuleTable<R extends RuleVersion>({
  query,
  rows,
  ...table
}: {
  query: { data?: R[]; error: unknown; isPending: boolean; isFetching: boolean; refetch: () => unknown };
  rows: R[];
} & Omit<TableProps<R>, 'dataSource' | 'loading'>) {
  const { t } = useRuleWords();
  if (query.error && !query.data)
    return <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />;
  return (
    <ListTable<R>
      dataSource={rows}
      loading={query.isPending || query.isFetching}
      locale={{ emptyText: t('noRules') }}
      rowClassName={(r) => (r.state === 'in_force' ? '' : 'row-inactive')}
      {...table}
    />
  );
}
