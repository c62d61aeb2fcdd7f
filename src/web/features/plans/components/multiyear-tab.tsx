import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { QueryErrorResult } from '../../../components/results';
import { formatPercent } from '../../../kit/numbers';
import { ListTable } from '../../../kit/server-table';
import { useCan } from '../../../lib/auth';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { getLang } from '../../../lib/lang';
import { levelList } from '../../../lib/levels';
import { type Multiyear, type MultiyearDetail, useMultiyear, useMultiyearList } from '../api/plans';
import { money, plansMessages, STATUS_COLORS, STATUS_KEYS } from '../messages';
import { MultiyearModal } from './multiyear-modal';

/** Multi-year programmes issued in the user's subtree or above it; a row opens its targets. */
export function MultiyearTab() {
  const t = useT(plansMessages);
  const can = useCan();
  const { data, error, isPending, refetch } = useMultiyearList();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  if (error) return <QueryErrorResult error={error} onRetry={refetch} />;
  const columns: TableColumnsType<Multiyear> = [
    { title: t('stt'), key: 'stt', width: 60, align: 'right', render: (_v, _r, i) => i + 1 },
    { title: t('code'), dataIndex: 'code', key: 'code', width: 140 },
    { title: t('name'), dataIndex: 'name', key: 'name' },
    { title: t('period'), key: 'period', width: 120, render: (_v, m) => `${m.fromYear}–${m.toYear}` },
    { title: t('unit'), dataIndex: 'unitName', key: 'unit' },
    {
      title: t('decisionNo'),
      key: 'decision',
      render: (_v, m) => (m.decisionNo ? `${m.decisionNo}, ${formatDate(m.decisionDate)}` : '—'),
    },
    {
      title: t('status'),
      key: 'status',
      width: 130,
      render: (_v, m) => <Tag color={STATUS_COLORS[m.status]}>{t(STATUS_KEYS[m.status])}</Tag>,
    },
    { title: t('plansLinked'), dataIndex: 'plans', key: 'plans', align: 'right', width: 100 },
    ...(can('plans.manage')
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 90,
            render: (_v: unknown, m: Multiyear) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={`${t('edit')} ${m.code}`}
                onClick={() => setEditing(m.id)}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <Card>
      {can('plans.manage') ? (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('newMultiyear')}
          </Button>
        </Flex>
      ) : null}
      <Table<Multiyear>
        rowKey="id"
        loading={isPending}
        columns={columns}
        dataSource={data ?? []}
        pagination={false}
        expandable={{ expandedRowRender: (m) => <Targets id={m.id} /> }}
      />
      {editing !== null ? (
        <MultiyearModal id={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Card>
  );
}

function Targets({ id }: { id: number }) {
  const t = useT(plansMessages);
  const label = useCodeLabel();
  const { data, isPending } = useMultiyear(id);
  type Target = MultiyearDetail['targets'][number];
  return (
    <ListTable<Target>
      loading={isPending}
      dataSource={data?.targets ?? []}
      columns={[
        { title: t('year'), key: 'year', width: 120, render: (_v, x) => x.year ?? t('wholePeriod') },
        {
          title: t('programmeKind'),
          key: 'kind',
          render: (_v, x) => label('programme_kind', x.programmeKind),
        },
        {
          title: t('level'),
          key: 'level',
          render: (_v, x) => label(levelList(x.programmeKind) ?? '', x.level),
        },
        { title: t('trainees'), dataIndex: 'trainees', key: 'trainees', align: 'right', render: money },
        {
          title: t('classes'),
          key: 'classes',
          align: 'right',
          render: (_v, x) => (x.classes == null ? '—' : money(x.classes)),
        },
        {
          title: t('planned'),
          key: 'planned',
          align: 'right',
          render: (_v, x) =>
            `${money(x.planned)}${x.trainees ? ` (${formatPercent(Math.round((x.planned / x.trainees) * 100), getLang())})` : ''}`,
        },
      ]}
    />
  );
}
