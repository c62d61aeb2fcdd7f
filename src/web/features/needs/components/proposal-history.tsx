import { Card, Empty, type TableColumnsType, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { ListTable } from '../../../kit/server-table';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { type BoardRow, type NeedsEvent, type ProposalDetail, useCampaignBoard } from '../api/needs';
import { fmtNumber, parseConsolidateComment } from '../needs-logic';
import { ProposalStatusTag, useNeedsT } from './needs-tags';

const EVENT_COLORS: Record<string, string> = {
  submit: 'blue',
  return: 'red',
  accept: 'green',
  consolidate: 'green',
  close: 'gray',
};

/** Who did what and when, newest first. */
export function ProposalHistory({ events }: { events: NeedsEvent[] }) {
  const t = useNeedsT();
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('history')}
        </Typography.Title>
      }
    >
      {events.length === 0 ? (
        <Empty description={t('noHistory')} />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={events.map((e) => ({
            key: e.id,
            color: EVENT_COLORS[e.action] ?? 'gray',
            content: (
              <>
                <Typography.Text strong>{t(`event_${e.action}`)}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('lastActionBy', { who: e.actorName ?? t('system'), at: formatDateTime(e.at) })}
                  </Typography.Text>
                </div>
                {e.comment ? <EventComment action={e.action} comment={e.comment} /> : null}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function EventComment({ action, comment }: { action: string; comment: string }) {
  const t = useNeedsT();
  const merged = action === 'consolidate' ? parseConsolidateComment(comment) : null;
  if (merged) return <div>{t('consolidatedFrom', { unit: merged.unit, n: fmtNumber(merged.lines) })}</div>;
  return (
    <Typography.Paragraph style={{ margin: '2px 0 0', whiteSpace: 'pre-line' }}>
      “{comment}”
    </Typography.Paragraph>
  );
}

/** The proposals this unit reviews (read from the campaign board), with links. */
export function SubProposals({ proposal: p }: { proposal: ProposalDetail }) {
  const t = useNeedsT();
  const { data, isPending } = useCampaignBoard(p.campaign.id, {}, p.subProposals.total > 0);
  if (p.subProposals.total === 0) return null;
  const rows = (data?.proposals ?? []).filter((r) => r.reviewerUnitId === p.unitId);
  const columns: TableColumnsType<BoardRow> = [
    { title: t('stt'), key: 'stt', width: 48, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('unit'),
      dataIndex: 'unitName',
      key: 'unit',
      render: (name: string, r) => <Link to={`/needs/proposals/${r.proposalId}`}>{name}</Link>,
    },
    {
      title: t('status'),
      key: 'status',
      width: 170,
      render: (_v, r) => (
        <ProposalStatusTag status={r.status} late={r.late} submittedLate={r.submittedLate} />
      ),
    },
    {
      title: t('lines'),
      key: 'lines',
      width: 70,
      align: 'right',
      className: 'tabular',
      render: (_v, r) => fmtNumber(r.lines.total),
    },
    {
      title: t('submittedAt'),
      dataIndex: 'submittedAt',
      key: 'submittedAt',
      width: 100,
      className: 'tabular',
      render: (d: string | null) => formatDate(d),
    },
  ];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('subProposalsTitle')}{' '}
          <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
            {t('subProposalsValue', {
              accepted: fmtNumber(p.subProposals.accepted),
              total: fmtNumber(p.subProposals.total),
            })}
          </Typography.Text>
        </Typography.Title>
      }
      styles={{ body: { padding: 0 } }}
    >
      <ListTable<BoardRow>
        aria-label={t('subProposalsCaption', { unit: p.unitName })}
        rowKey="proposalId"
        loading={isPending}
        columns={columns}
        dataSource={rows}
        pageSize={20}
      />
    </Card>
  );
}
