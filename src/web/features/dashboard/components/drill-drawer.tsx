import { Drawer, Grid, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CLASS_STATUS_LABELS, type ClassStatus } from '../../../../contracts/classes';
import { QueryErrorResult } from '../../../components/results';
import { useCan } from '../../../lib/auth';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { type DashboardClasses, type DashboardPeople, type Drill, useDrill } from '../api/dashboard';
import { dashboardMessages, vnd } from '../messages';

const PAGE_SIZE = 50;
type PersonRow = DashboardPeople['items'][number];
type ClassRow = DashboardClasses['items'][number];

/** The people or the classes behind one number of the dashboard, paged on the server. */
export function DrillDrawer({ drill, onClose }: { drill: Drill | null; onClose: () => void }) {
  const t = useT(dashboardMessages);
  const [lang] = useLang();
  const can = useCan();
  const screens = Grid.useBreakpoint();
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState(drill);
  if (drill !== shown) {
    setShown(drill);
    setPage(1);
  }
  const { data, error, isFetching, refetch } = useDrill(drill, page, PAGE_SIZE);
  const offset = (page - 1) * PAGE_SIZE;
  const stt = {
    title: t('stt'),
    key: 'stt',
    width: 56,
    render: (_: unknown, __: unknown, i: number) => offset + i + 1,
  };

  const personColumns: TableColumnsType<PersonRow> = [
    stt,
    {
      title: t('fullName'),
      dataIndex: 'fullName',
      render: (name: string, r) =>
        can('people.read') ? <Link to={`/people/${r.personId}`}>{name}</Link> : name,
    },
    { title: t('unitName'), dataIndex: 'unitName' },
    { title: t('detail'), dataIndex: 'detail', render: (d: string | null) => d ?? '—' },
  ];
  const classColumns: TableColumnsType<ClassRow> = [
    stt,
    {
      title: t('className'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Link to={`/classes/${r.id}`}>
          {r.code} – {name}
        </Link>
      ),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      render: (s: string) => CLASS_STATUS_LABELS[s as ClassStatus]?.[lang] ?? s,
    },
    {
      title: t('dates'),
      key: 'dates',
      render: (_, r) => `${formatDate(r.startsOn)} – ${formatDate(r.endsOn)}`,
    },
    { title: t('organiser'), dataIndex: 'organiserName' },
    { title: t('traineesCol'), dataIndex: 'trainees', align: 'right' },
    { title: t('costCol'), dataIndex: 'cost', align: 'right', render: (n: number) => vnd(n) },
  ];
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: data?.total ?? 0,
    showSizeChanger: false,
    showTotal: (n: number) => t('total', { n: vnd(n) }),
    onChange: setPage,
    hideOnSinglePage: true,
  };

  return (
    <Drawer open={drill !== null} onClose={onClose} size={screens.md ? 860 : '100%'} title={drill?.title}>
      {error && !data ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" role="status">
            {data ? t('readAt', { time: formatDateTime(data.readAt) }) : t('loading')}
          </Typography.Paragraph>
          {drill?.what === 'classes' ? (
            <Table<ClassRow>
              rowKey="id"
              size="small"
              scroll={{ x: true }}
              columns={classColumns}
              dataSource={(data?.items as ClassRow[] | undefined) ?? []}
              loading={isFetching}
              pagination={pagination}
              aria-label={t('drawerClasses')}
            />
          ) : (
            <Table<PersonRow>
              rowKey="personId"
              size="small"
              scroll={{ x: true }}
              columns={personColumns}
              dataSource={(data?.items as PersonRow[] | undefined) ?? []}
              loading={isFetching}
              pagination={pagination}
              aria-label={t('drawerPeople')}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
