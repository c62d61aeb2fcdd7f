import { Drawer, Grid, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ReportPerson } from '../../../../contracts/reports';
import { QueryErrorResult } from '../../../components/results';
import { useCan } from '../../../lib/auth';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { common, useT } from '../../../lib/i18n';
import { type ReportQuery, useReportPeople } from '../api/reports';
import { reportsMessages } from '../messages';
import type { Drill } from './report-table';

interface Props {
  report: string;
  query: ReportQuery;
  drill: Drill;
  onClose: () => void;
}

/** The people behind one number of a report, paged on the server. */
export function ReportPeopleDrawer({ report, query, drill, onClose }: Props) {
  const t = useT(reportsMessages);
  const tc = useT(common);
  const can = useCan();
  const screens = Grid.useBreakpoint();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const { data, error, isPending, isFetching, refetch } = useReportPeople(
    report,
    query,
    drill.cell,
    page,
    pageSize,
  );
  const offset = (page - 1) * pageSize;
  const columns: TableColumnsType<ReportPerson> = [
    { title: tc('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => offset + i + 1 },
    {
      title: t('fullName'),
      key: 'fullName',
      render: (_v, r) => (can('people.read') ? <Link to={`/people/${r.id}`}>{r.fullName}</Link> : r.fullName),
    },
    { title: t('birthDate'), key: 'birthDate', width: 110, render: (_v, r) => formatDate(r.birthDate) },
    { title: t('unit'), dataIndex: 'unitName', key: 'unitName' },
    { title: t('category'), dataIndex: 'category', key: 'category' },
    {
      title: t('rankPost'),
      key: 'rankPost',
      render: (_v, r) => [r.rank, r.post].filter(Boolean).join(' · '),
    },
    { title: t('detail'), dataIndex: 'detail', key: 'detail' },
  ];
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.xl ? 1100 : '100%'}
      title={
        <div>
          <div>{data?.title ?? t('peopleTitle')}</div>
          <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
            {drill.what}
            {data ? ` · ${t('readAt', { time: formatDateTime(data.readAt) })}` : ''}
          </Typography.Text>
        </div>
      }
    >
      {error ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <Table<ReportPerson>
          size="small"
          rowKey={(r) => `${r.id}:${r.detail ?? ''}`}
          loading={isPending || isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (n) => tc('total', { n }),
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
        />
      )}
    </Drawer>
  );
}
