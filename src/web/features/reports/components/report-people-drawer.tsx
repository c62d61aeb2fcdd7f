import { Drawer, Grid, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ReportPerson } from '../../../../contracts/reports';
import { ExportButton } from '../../../components/export-button';
import { rowNumberColumn, ServerTable } from '../../../kit/server-table';
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
  const people = useReportPeople(report, query, drill.cell, page, pageSize);
  const { data } = people;
  const columns: TableColumnsType<ReportPerson> = [
    rowNumberColumn(tc('stt'), (page - 1) * pageSize, 56),
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
      extra={
        data?.total ? (
          <ExportButton
            path={`/reports/${report}/people/export.xlsx`}
            filters={{ ...query, cell: drill.cell }}
          />
        ) : null
      }
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
      <ServerTable<ReportPerson>
        bare
        query={people}
        rowKey={(r) => `${r.id}:${r.detail ?? ''}`}
        columns={columns}
        scroll={{ x: 'max-content' }}
        page={page}
        pageSize={pageSize}
        pageSizeOptions={[20, 50, 100, 200]}
        onPageChange={(p, s) => {
          setPage(p);
          setPageSize(s);
        }}
        showTotal={(n) => tc('total', { n })}
      />
    </Drawer>
  );
}
