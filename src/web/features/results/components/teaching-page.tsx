/**
 * "Lớp của tôi" of a lecturer's login (ADR 038): the classes it teaches with its own sessions;
 * choosing one opens the class register (attendance, scores, results) below, on the same page,
 * so a class organised outside the lecturer's scope is reachable too.
 */
import { Alert, Card, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { CLASS_STATUS_LABELS, type ClassStatus } from '../../../../contracts/classes';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { type TaughtClass, useTeaching } from '../api/results';
import { resultsMessages } from '../messages';
import { ResultsCard } from './results-card';

export function TeachingPage() {
  const t = useT(resultsMessages);
  const [lang] = useLang();
  const { data, error, isPending, refetch } = useTeaching();
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('class')) || null;
  const open = data?.classes.find((c) => c.id === openId) ?? null;

  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  const subtitle = data?.lecturer ? t('teachingSubtitle', { name: data.lecturer.fullName }) : undefined;
  return (
    <>
      <PageHeader title={t('teachingTitle')} subtitle={subtitle} />
      {data && !data.lecturer ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('teachingNotLinked')} />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table<TaughtClass>
          aria-label={t('teachingTitle')}
          rowKey="id"
          size="small"
          loading={isPending}
          dataSource={data?.classes ?? []}
          pagination={false}
          locale={{ emptyText: t('teachingEmpty') }}
          rowClassName={(c) => (c.id === openId ? 'ant-table-row-selected' : '')}
          onRow={(c) => ({
            onClick: () => setParams({ class: String(c.id) }),
            style: { cursor: 'pointer' },
          })}
          columns={[
            {
              title: t('teachingClass'),
              key: 'class',
              render: (_, c) => (
                <Typography.Link onClick={() => setParams({ class: String(c.id) })}>
                  {c.code} · {c.name}
                </Typography.Link>
              ),
            },
            {
              title: t('teachingDates'),
              key: 'dates',
              render: (_, c) => `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`,
            },
            {
              title: t('teachingStatus'),
              key: 'status',
              render: (_, c) => <Tag>{CLASS_STATUS_LABELS[c.status as ClassStatus]?.[lang] ?? c.status}</Tag>,
            },
            {
              title: t('teachingSessions'),
              key: 'sessions',
              render: (_, c) =>
                c.sessions
                  .map((s) => `${formatDate(s.day)} ${s.startsAt}–${s.endsAt}${s.room ? ` (${s.room})` : ''}`)
                  .join('; '),
            },
          ]}
        />
      </Card>
      {open ? <ResultsCard key={open.id} classId={open.id} status={open.status as ClassStatus} /> : null}
    </>
  );
}
