import { Drawer, Grid, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CLASS_STATUS_LABELS, type ClassStatus } from '../../../../contracts/classes';
import { QueryErrorResult } from '../../../components/results';
import { type PagedQuery, rowNumberColumn, ServerTable } from '../../../kit/server-table';
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
  const query = useDrill(drill, page, PAGE_SIZE);
  const { data, error, refetch } = query;
  const offset = (page - 1) * PAGE_SIZE;

  const personColumns: TableColumnsType<PersonRow> = [
    rowNumberColumn(t('stt'), offset, 56),
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
    rowNumberColumn(t('stt'), offset, 56),
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
  const paging = {
    bare: true,
    page,
    pageSize: PAGE_SIZE,
    onPageChange: setPage,
    showTotal: (n: number) => t('total', { n: vnd(n) }),
    paginationExtra: { hideOnSinglePage: true },
    scroll: { x: true as const },
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
            <ServerTable<ClassRow>
              {...paging}
              query={query as PagedQuery<ClassRow>}
              columns={classColumns}
              aria-label={t('drawerClasses')}
            />
          ) : (
            <ServerTable<PersonRow>
              {...paging}
              rowKey="personId"
              query={query as PagedQuery<PersonRow>}
              columns={personColumns}
              aria-label={t('drawerPeople')}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
