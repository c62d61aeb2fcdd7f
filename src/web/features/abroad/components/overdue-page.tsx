import { Card, Table, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { OverdueReport } from '../../../../contracts/abroad';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { BackCrumb } from '../../../kit/back-crumb';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useOverdueReports } from '../api/abroad';
import { abroadMessages } from '../messages';

type Row = z.infer<typeof OverdueReport>;

/** /abroad/overdue — reports past due across my subtree, the latest first. */
export function OverduePage() {
  const t = useT(abroadMessages);
  const { data, error, isPending, refetch } = useOverdueReports();
  const columns: TableColumnsType<Row> = [
    { title: t('stt'), key: 'stt', width: 60, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('person'),
      key: 'p',
      render: (_v, r) => <Link to={`/people/${r.personId}`}>{r.fullName}</Link>,
    },
    { title: t('unit'), dataIndex: 'unitName', key: 'unit', width: 200 },
    {
      title: t('delegation'),
      key: 'd',
      render: (_v, r) => (
        <Link to={`/abroad/${r.delegationId}`}>{`${r.delegationCode} · ${r.delegationName}`}</Link>
      ),
    },
    { title: t('country'), dataIndex: 'country', key: 'c', width: 120 },
    { title: t('returnsOn'), key: 'r', width: 120, render: (_v, r) => formatDate(r.returnsOn) },
    { title: t('dueOn'), key: 'due', width: 120, render: (_v, r) => formatDate(r.dueOn) },
    {
      title: t('daysLate'),
      key: 'late',
      width: 130,
      align: 'right',
      render: (_v, r) => <Tag color="red">{r.daysLate}</Tag>,
    },
  ];
  return (
    <>
      <BackCrumb to="/abroad" label={t('backToList')} current={t('overdueTitle')} />
      <PageHeader
        title={t('overdueTitle')}
        subtitle={t('overdueSubtitle', { date: formatDate(data?.asOf) })}
      />
      {error && !data ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<Row>
            aria-label={t('overdueCaption')}
            rowKey="memberId"
            size="small"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={isPending}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('noOverdue') }}
          />
        </Card>
      )}
    </>
  );
}
