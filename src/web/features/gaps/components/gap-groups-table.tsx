import { Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLang, useT } from '../../../lib/i18n';
import type { GapGroup, GapsSummary } from '../api/gaps';
import type { GapSelection, GroupBy } from '../gaps-url';
import { gapsMessages } from '../messages';
import { formatCount, formatShare } from '../report-format';
import { CountButton } from './count-button';

interface Props {
  summary: GapsSummary | undefined;
  by: GroupBy;
  loading: boolean;
  onOpen: (s: GapSelection) => void;
  /** Where a unit row leads to see its own sub-units (null: it has none). */
  drillHref: (unitId: number) => string | null;
  /** A link to the people list behind a headcount, when that list shows the same people. */
  headcountLink?: (g: GapGroup, n: ReactNode) => ReactNode;
}

/** The people behind a row of the summary, as the people endpoint filters them. */
export function selectionOf(g: GapGroup): GapSelection {
  if (g.unitId !== null) return { groupUnitId: g.unitId };
  if (g.ruleCode !== null) return { ruleCode: g.ruleCode };
  return { category: g.category ?? undefined };
}

const NUM_COL = { align: 'right' as const, className: 'tabular' };

type CountKey = 'peopleWithGaps' | 'gaps' | 'missing' | 'due';
const COUNT_KEYS: readonly string[] = ['peopleWithGaps', 'gaps', 'missing', 'due'];
const STATUS_OF: Record<CountKey, GapSelection['status']> = {
  peopleWithGaps: undefined,
  gaps: undefined,
  missing: 'missing',
  due: 'due',
};

/** The summary grouped by unit, standard or category; every non-zero number opens its people. */
export function GapGroupsTable({ summary, by, loading, onOpen, drillHref, headcountLink }: Props) {
  const t = useT(gapsMessages);
  const [lang] = useLang();
  const groups = summary?.groups ?? [];
  const byRule = by === 'rule';

  const count = (key: CountKey) => ({
    ...NUM_COL,
    title: t(key),
    key,
    width: 120,
    sorter: (a: GapGroup, b: GapGroup) => a[key] - b[key],
    render: (_: unknown, g: GapGroup) => (
      <CountButton
        n={g[key]}
        label={t('openList', { what: t(key), group: g.label[lang], n: formatCount(g[key]) })}
        onOpen={() => onOpen({ ...selectionOf(g), status: STATUS_OF[key] })}
      />
    ),
  });

  const labelTitle = by === 'unit' ? t('colUnit') : byRule ? t('colRule') : t('colCategory');
  const columns: TableColumnsType<GapGroup> = [
    { ...NUM_COL, title: t('stt'), key: 'stt', width: 56, render: (_v, _g, i) => i + 1 },
    {
      title: labelTitle,
      key: 'label',
      sorter: (a, b) => a.label[lang].localeCompare(b.label[lang], lang),
      render: (_v, g) => {
        const href = g.unitId !== null && g.unitId !== summary?.unitId ? drillHref(g.unitId) : null;
        return href ? (
          <Link to={href} title={t('drillDown', { unit: g.label[lang] })}>
            {g.label[lang]}
          </Link>
        ) : (
          <span>{g.label[lang]}</span>
        );
      },
    },
  ];
  if (!byRule)
    columns.push(
      {
        ...NUM_COL,
        title: t('headcount'),
        key: 'headcount',
        width: 120,
        sorter: (a, b) => (a.headcount ?? 0) - (b.headcount ?? 0),
        render: (_v, g) => {
          const n = formatCount(g.headcount ?? 0);
          return headcountLink && g.headcount ? headcountLink(g, n) : n;
        },
      },
      count('peopleWithGaps'),
      {
        ...NUM_COL,
        title: t('share'),
        key: 'share',
        width: 90,
        sorter: (a, b) => a.peopleWithGaps / (a.headcount || 1) - b.peopleWithGaps / (b.headcount || 1),
        render: (_v, g) => formatShare(g.peopleWithGaps, g.headcount, lang) || '—',
      },
    );
  else columns.push(count('peopleWithGaps'));
  // By standard, a person counts once per standard: people and gaps are the same number.
  if (!byRule) columns.push(count('gaps'));
  columns.push(count('missing'), count('due'));

  const totals = summary?.totals;
  // The total row opens the same lists as the header; by standard its people are distinct
  // people, fewer than the sum of the rows.
  const totalCell = (key: string): ReactNode => {
    if (!totals || !summary) return null;
    if (key === 'headcount') return formatCount(totals.headcount ?? 0);
    if (key === 'share') return formatShare(totals.peopleWithGaps, totals.headcount, lang);
    if (!COUNT_KEYS.includes(key)) return null;
    const k = key as CountKey;
    return (
      <CountButton
        n={totals[k]}
        strong
        label={t('openList', { what: t(k), group: summary.unitName, n: formatCount(totals[k]) })}
        onOpen={() => onOpen({ status: STATUS_OF[k] })}
      />
    );
  };
  const byLabel = by === 'unit' ? t('byUnit') : byRule ? t('byRule') : t('byCategory');
  return (
    <Table<GapGroup>
      aria-label={t('groupsTable', { by: byLabel.toLowerCase() })}
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={groups}
      loading={loading}
      pagination={false}
      scroll={{ x: 860 }}
      locale={{ emptyText: loading ? t('loading') : t('noGroups') }}
      summary={() =>
        totals && summary && groups.length > 1 ? (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0} colSpan={2}>
                {t('totalRow')}
              </Table.Summary.Cell>
              {columns.slice(2).map((c, i) => (
                <Table.Summary.Cell key={String(c.key)} index={i + 2} align="right" className="tabular">
                  {totalCell(String(c.key))}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
