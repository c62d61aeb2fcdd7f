import { App, Button, Card, Empty, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { ListTable } from '../../../kit/server-table';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import {
  type JoinRequest,
  type OpenClass,
  useCancelJoinRequest,
  useMyJoinRequests,
  useOpenClasses,
} from '../api/self-service';
import { selfServiceMessages } from '../messages';
import { RequestJoinModal } from './request-join-modal';
import { JoinRequestTag, MyNominationTag } from './status-tags';

function ClassCell({ c }: { c: { code: string; name: string } }) {
  return (
    <Flex vertical>
      <Typography.Text strong>{c.code}</Typography.Text>
      <span>{c.name}</span>
    </Flex>
  );
}

/** The classes open for nomination my unit could send me to, with the button to ask. */
function OpenClassesCard() {
  const t = useT(selfServiceMessages);
  const { data, error, isPending, refetch } = useOpenClasses();
  const [asking, setAsking] = useState<OpenClass | null>(null);
  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  return (
    <Card size="small" title={t('openCaption')} style={{ marginBottom: 16 }}>
      <ListTable<OpenClass>
        aria-label={t('openCaption')}
        loading={isPending}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('noOpen')} /> }}
        columns={[
          { title: t('class'), key: 'class', render: (_, c) => <ClassCell c={c} /> },
          { title: t('programme'), key: 'programme', dataIndex: 'programmeName' },
          {
            title: t('institution'),
            key: 'institution',
            render: (_, c) => c.institutionName ?? c.organiserUnitName,
          },
          {
            title: t('dates'),
            key: 'dates',
            render: (_, c) => `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`,
          },
          {
            title: t('deadline'),
            key: 'deadline',
            render: (_, c) => (c.nominationDeadline ? formatDate(c.nominationDeadline) : t('noDeadline')),
          },
          {
            title: t('seatsLeft'),
            key: 'seats',
            align: 'right',
            render: (_, c) =>
              t('seatsOf', { free: Math.max(0, c.capacity - c.seatsTaken), capacity: c.capacity }),
          },
          {
            title: t('myStatus'),
            key: 'mine',
            render: (_, c) =>
              c.nomination ? (
                <MyNominationTag status={c.nomination.status} />
              ) : c.request ? (
                <JoinRequestTag status={c.request.status} />
              ) : (
                t('none')
              ),
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, c) =>
              c.canRequest ? (
                <Button
                  type="primary"
                  size="small"
                  onClick={() => setAsking(c)}
                  aria-label={t('requestJoinOf', { code: c.code })}
                >
                  {t('requestJoin')}
                </Button>
              ) : null,
          },
        ]}
      />
      {asking ? <RequestJoinModal item={asking} onClose={() => setAsking(null)} /> : null}
    </Card>
  );
}

/** My requests, the pending first, with their answer; a pending one can be cancelled. */
function MyRequestsCard() {
  const t = useT(selfServiceMessages);
  const { data, error, isPending, refetch } = useMyJoinRequests();
  const cancel = useCancelJoinRequest();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  return (
    <Card size="small" title={t('myRequestsTitle')}>
      <ListTable<JoinRequest>
        aria-label={t('myRequestsCaption')}
        loading={isPending}
        dataSource={data?.items ?? []}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty description={t('noRequests')} /> }}
        columns={[
          { title: t('class'), key: 'class', render: (_, r) => <ClassCell c={r.class} /> },
          { title: t('sentAt'), key: 'sentAt', render: (_, r) => formatDateTime(r.createdAt) },
          { title: t('note'), key: 'note', render: (_, r) => r.note ?? t('none') },
          {
            title: t('status'),
            key: 'status',
            render: (_, r) => (
              <Flex vertical gap={2} align="start">
                <JoinRequestTag status={r.status} />
                {r.reason ? <Typography.Text type="secondary">{r.reason}</Typography.Text> : null}
              </Flex>
            ),
          },
          {
            title: t('nomination'),
            key: 'nomination',
            render: (_, r) => (r.nomination ? <MyNominationTag status={r.nomination.status} /> : t('none')),
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, r) =>
              r.status === 'pending' ? (
                <Popconfirm
                  title={t('cancelConfirm', { code: r.class.code })}
                  okText={t('yes')}
                  cancelText={t('no')}
                  onConfirm={async () => {
                    try {
                      await cancel.mutateAsync(r.id);
                      message.success(t('cancelled'));
                    } catch (err) {
                      onError(err);
                    }
                  }}
                >
                  <Button size="small" danger aria-label={`${t('cancelRequest')} ${r.class.code}`}>
                    {t('cancelRequest')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

/** "Đăng ký học": ask to be sent to an open class; follow my requests. */
export function JoinPage() {
  const t = useT(selfServiceMessages);
  return (
    <>
      <PageHeader title={t('joinTitle')} subtitle={t('joinSubtitle')} />
      <OpenClassesCard />
      <MyRequestsCard />
    </>
  );
}
