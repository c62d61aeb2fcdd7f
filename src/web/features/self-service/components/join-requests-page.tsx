import { Button, Card, Empty, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { JOIN_REQUEST_STATUS_LABELS, JOIN_REQUEST_STATUSES } from '../../../../contracts/self-service';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { ListTable } from '../../../kit/server-table';
import { oneOfOr } from '../../../kit/url-filters';
import { useUrlFilters } from '../../../kit/use-url-filters';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { type JoinRequest, type JoinRequestStatus, useJoinRequests } from '../api/self-service';
import { selfServiceMessages } from '../messages';
import { AcceptModal, DeclineModal } from './decide-modals';
import { JoinRequestTag, MyNominationTag } from './status-tags';

type Filter = JoinRequestStatus | 'all';

const FILTERS = { status: oneOfOr<Filter>([...JOIN_REQUEST_STATUSES, 'all'], 'pending') };

/** "Đề nghị đi học": the unit officer answers the requests of the people of their subtree. */
export function JoinRequestsPage() {
  const t = useT(selfServiceMessages);
  const [lang] = useLang();
  const { filters, set } = useUrlFilters(FILTERS);
  const filter = filters.status;
  const { data, error, isPending, refetch } = useJoinRequests(filter === 'all' ? undefined : filter);
  const [accepting, setAccepting] = useState<JoinRequest | null>(null);
  const [declining, setDeclining] = useState<JoinRequest | null>(null);

  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;

  return (
    <>
      <PageHeader title={t('officerTitle')} subtitle={t('officerSubtitle')} />
      <Card size="small">
        <Segmented<Filter>
          aria-label={t('filterStatus')}
          style={{ marginBottom: 12 }}
          value={filter}
          onChange={(status) => set({ status })}
          options={[
            ...JOIN_REQUEST_STATUSES.map((s) => ({ value: s, label: JOIN_REQUEST_STATUS_LABELS[s][lang] })),
            { value: 'all' as const, label: t('all') },
          ]}
        />
        <ListTable<JoinRequest>
          aria-label={t('officerCaption')}
          loading={isPending}
          dataSource={data?.items ?? []}
          pageSize={50}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={t('noOfficerRequests')} /> }}
          columns={[
            {
              title: t('person'),
              key: 'person',
              render: (_, r) => (
                <Flex vertical>
                  <Link to={`/people/${r.person.id}`}>{r.person.fullName}</Link>
                  <Typography.Text type="secondary">{r.person.unitName}</Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('class'),
              key: 'class',
              render: (_, r) => (
                <Flex vertical>
                  <Link to={`/classes/${r.class.id}`}>{r.class.code}</Link>
                  <span>{r.class.name}</span>
                  <Typography.Text type="secondary">
                    {formatDate(r.class.startsOn)} – {formatDate(r.class.endsOn)}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('deadline'),
              key: 'deadline',
              render: (_, r) =>
                r.classOpen ? (
                  r.class.nominationDeadline ? (
                    formatDate(r.class.nominationDeadline)
                  ) : (
                    t('noDeadline')
                  )
                ) : (
                  <Typography.Text type="danger">{t('classClosed')}</Typography.Text>
                ),
            },
            { title: t('note'), key: 'note', render: (_, r) => r.note ?? t('none') },
            { title: t('sentAt'), key: 'sentAt', render: (_, r) => formatDateTime(r.createdAt) },
            {
              title: t('status'),
              key: 'status',
              render: (_, r) => (
                <Flex vertical gap={2} align="start">
                  <JoinRequestTag status={r.status} />
                  {r.nomination ? <MyNominationTag status={r.nomination.status} /> : null}
                  {r.reason ? <Typography.Text type="secondary">{r.reason}</Typography.Text> : null}
                  {r.decidedBy ? (
                    <Typography.Text type="secondary">
                      {r.decidedBy}, {formatDateTime(r.decidedAt)}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t('actions'),
              key: 'actions',
              render: (_, r) =>
                r.status === 'pending' ? (
                  <Flex gap={8} wrap>
                    <Button
                      type="primary"
                      size="small"
                      disabled={!r.classOpen}
                      onClick={() => setAccepting(r)}
                      aria-label={t('acceptOf', { name: r.person.fullName })}
                    >
                      {t('accept')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      onClick={() => setDeclining(r)}
                      aria-label={t('declineOf', { name: r.person.fullName })}
                    >
                      {t('decline')}
                    </Button>
                  </Flex>
                ) : null,
            },
          ]}
        />
      </Card>
      {accepting ? <AcceptModal request={accepting} onClose={() => setAccepting(null)} /> : null}
      {declining ? <DeclineModal request={declining} onClose={() => setDeclining(null)} /> : null}
    </>
  );
}
