import { type TableColumnsType, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { QueryErrorResult } from '../../../components/results';
import { ListTable } from '../../../kit/server-table';
import { useCodeLabel } from '../../../lib/codes';
import { dayBefore, formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { type PersonHistoryRow, usePersonHistory } from '../api/people';
import { peopleMessages } from '../messages';

type Field =
  | 'unitName'
  | 'category'
  | 'rank'
  | 'postCode'
  | 'leadershipTier'
  | 'managementAuthority'
  | 'planningTitle'
  | 'status';

/** The dated periods of a person's record, newest first; values that changed from the period before are bold. */
export function PersonHistoryTab({ personId }: { personId: number }) {
  const t = useT(peopleMessages);
  const label = useCodeLabel();
  const { data, error, isPending, refetch } = usePersonHistory(personId);
  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;

  const rows = [...(data ?? [])].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const previous = new Map<number, PersonHistoryRow | undefined>(rows.map((r, i) => [r.id, rows[i - 1]]));
  rows.reverse();

  const cell =
    (field: Field, show: (r: PersonHistoryRow) => ReactNode) => (_: unknown, r: PersonHistoryRow) => {
      const prev = previous.get(r.id);
      const changed = prev !== undefined && prev[field] !== r[field];
      const content = show(r);
      return changed ? (
        <Tooltip title={t('historyChanged')}>
          <strong>{content}</strong>
        </Tooltip>
      ) : (
        content
      );
    };

  const columns: TableColumnsType<PersonHistoryRow> = [
    { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('historyFrom'),
      dataIndex: 'validFrom',
      key: 'from',
      width: 100,
      render: (d) => formatDate(d),
    },
    {
      title: t('historyTo'),
      dataIndex: 'validTo',
      key: 'to',
      width: 100,
      // A period ends the day before the next one starts (validTo is that next start).
      render: (d) => (d ? formatDate(dayBefore(d)) : t('historyNow')),
    },
    { title: t('unit'), key: 'unit', render: cell('unitName', (r) => r.unitName) },
    {
      title: t('category'),
      key: 'category',
      width: 130,
      render: cell('category', (r) => label('category', r.category)),
    },
    { title: t('rank'), key: 'rank', width: 150, render: cell('rank', (r) => label('rank', r.rank)) },
    {
      title: t('post'),
      key: 'post',
      render: cell('postCode', (r) => (r.postCode ? label('post', r.postCode) : (r.post ?? '—'))),
    },
    {
      title: t('leadershipTier'),
      key: 'tier',
      width: 130,
      render: cell('leadershipTier', (r) => label('leadership_tier', r.leadershipTier)),
    },
    {
      title: t('status'),
      key: 'status',
      width: 120,
      render: cell('status', (r) => label('status', r.status)),
    },
    { title: t('reason'), dataIndex: 'reason', key: 'reason', render: (v) => v ?? '—' },
  ];

  return (
    <ListTable<PersonHistoryRow>
      aria-label={t('tabHistory')}
      bordered
      loading={isPending}
      columns={columns}
      dataSource={rows}
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('historyEmpty') }}
    />
  );
}
