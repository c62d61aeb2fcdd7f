import { TeamOutlined, WarningFilled } from '@ant-design/icons';
import { Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useCodeLabel } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import type { Distribution, DistributionUnit } from '../api/ratings';
import { formatCount, formatPct, RATING_CODES, type RatingCode, sharePct } from '../distribution';
import { ratingMessages } from '../messages';
import { CapCell } from './cap-cell';

const SHORT_KEYS: Record<RatingCode, 'excellentShort' | 'goodShort' | 'completedShort' | 'failedShort'> = {
  EXCELLENT: 'excellentShort',
  GOOD: 'goodShort',
  COMPLETED: 'completedShort',
  FAILED: 'failedShort',
};

/** Red wash on the rows of units breaking the cap, so they stand out even when scrolled. */
const BREAKING_ROW = { style: { background: '#fff1f0' } };

/** Counts per rating for each unit, the excellent share and cap check, and a totals row. */
export function DistributionTable({
  data,
  units,
  loading,
  caption,
}: {
  data: Distribution | undefined;
  /** The units to list, already ordered (breaking ones first) and filtered. */
  units: DistributionUnit[];
  loading: boolean;
  caption: string;
}) {
  const t = useT(ratingMessages);
  const label = useCodeLabel();
  const capPct = data?.units.flatMap((u) => u.caps)[0]?.capPct ?? 20;
  const countColumns = RATING_CODES.map((code) => ({
    title: <Tooltip title={label('annual_rating', code)}>{t(SHORT_KEYS[code])}</Tooltip>,
    key: code,
    width: 100,
    align: 'right' as const,
    className: 'tabular',
    sorter: (a: DistributionUnit, b: DistributionUnit) => a.counts[code] - b.counts[code],
    render: (_v: unknown, u: DistributionUnit) => formatCount(u.counts[code]),
  }));

  const columns: TableColumnsType<DistributionUnit> = [
    {
      title: t('stt'),
      key: 'stt',
      width: 56,
      align: 'right',
      className: 'tabular',
      render: (_v, _u, i) => i + 1,
    },
    {
      title: t('unit'),
      dataIndex: 'unitName',
      key: 'unitName',
      width: 200,
      render: (name: string, u) => (
        <span style={{ display: 'inline-flex', gap: 6, alignItems: 'baseline' }}>
          {u.breaksCap ? (
            <WarningFilled style={{ color: '#cf1322' }} aria-label={t('capBrokenTag')} role="img" />
          ) : null}
          <Tooltip title={t('openPeople', { unit: name })}>
            <Link to={`/people?unitId=${u.unitId}&subtree=false`} style={{ fontWeight: 500 }}>
              {name}
            </Link>
          </Tooltip>
        </span>
      ),
    },
    ...countColumns,
    {
      title: t('totalRated'),
      key: 'total',
      width: 80,
      align: 'right',
      className: 'tabular',
      sorter: (a, b) => a.counts.total - b.counts.total,
      render: (_v, u) => <strong>{formatCount(u.counts.total)}</strong>,
    },
    {
      title: <Tooltip title={t('excellentShareHint')}>{t('excellentShare')}</Tooltip>,
      key: 'share',
      width: 96,
      align: 'right',
      className: 'tabular',
      render: (_v, u) => formatPct(sharePct(u.counts.EXCELLENT, u.counts.total)),
    },
    {
      title: <Tooltip title={t('capCheckHint', { pct: capPct })}>{t('capCheck')}</Tooltip>,
      key: 'cap',
      render: (_v, u) => <CapCell caps={u.caps} />,
    },
  ];

  const totals = data?.totals;
  return (
    <Table<DistributionUnit>
      aria-label={caption}
      rowKey="unitId"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={units}
      // One page: a province has a few hundred units at most, and the reviewer scans them all.
      pagination={false}
      sticky={{ offsetHeader: 56 }}
      scroll={{ x: 1100 }}
      onRow={(u) => (u.breaksCap ? BREAKING_ROW : {})}
      locale={{ emptyText: t('noBreakingUnits') }}
      title={() => (
        <Typography.Text strong>
          {caption}
          {data ? (
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {' · '}
              {t('ratedUnitsCount', { n: formatCount(data.units.length) })}
            </Typography.Text>
          ) : null}
        </Typography.Text>
      )}
      summary={() =>
        totals && data ? (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 600 }}>
              <Table.Summary.Cell index={0} />
              <Table.Summary.Cell index={1}>
                <TeamOutlined /> {t('totalsRow', { unit: data.unitName })}
              </Table.Summary.Cell>
              {RATING_CODES.map((code, i) => (
                <Table.Summary.Cell key={code} index={2 + i} align="right" className="tabular">
                  {formatCount(totals[code])}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={6} align="right" className="tabular">
                {formatCount(totals.total)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right" className="tabular">
                {formatPct(sharePct(totals.EXCELLENT, totals.total))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={8}>
                {data.unitsBreakingCap > 0 ? (
                  <Typography.Text type="danger">
                    {t('unitsBreaking', { n: formatCount(data.unitsBreakingCap) })}
                  </Typography.Text>
                ) : (
                  '—'
                )}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
