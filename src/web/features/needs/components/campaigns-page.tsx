import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Progress, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { ListTable } from '../../../kit/server-table';
import { useCan, useMe } from '../../../lib/auth';
import { formatDate } from '../../../lib/dates';
import { type BoardRow, type Campaign, useCampaignBoards, useCampaigns } from '../api/needs';
import { fmtNumber, percent } from '../needs-logic';
import { CampaignStatusTag, Deadline, ProposalStatusTag, useNeedsT } from './needs-tags';
import { OpenCampaignModal } from './open-campaign-modal';

/** Route /needs: the campaigns I can see, my unit's proposal in each, and opening a new campaign. */
export function CampaignsPage() {
  const t = useNeedsT();
  const can = useCan();
  const me = useMe();
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const { data, error, isPending, refetch } = useCampaigns();

  // A unit officer works inside someone else's campaign: find their own unit's proposal in each.
  const inside = useMemo(
    () => (data ?? []).filter((c) => c.rootUnitId !== me.scopeUnitId),
    [data, me.scopeUnitId],
  );
  const boards = useCampaignBoards(inside.map((c) => c.id));
  const mine = useMemo(() => {
    const m = new Map<number, BoardRow | null>();
    inside.forEach((c, i) => {
      const b = boards[i]?.data;
      if (b) m.set(c.id, b.proposals.find((p) => p.unitId === me.scopeUnitId) ?? null);
    });
    return m;
  }, [inside, boards, me.scopeUnitId]);
  const openMine = inside.filter((c) => c.status === 'open' && mine.get(c.id));

  const columns: TableColumnsType<Campaign> = [
    { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    { title: t('year'), dataIndex: 'year', key: 'year', width: 64, className: 'tabular' },
    {
      title: t('campaignTitle'),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, c) => (
        <Link to={`/needs/campaigns/${c.id}`} style={{ fontWeight: 500 }}>
          {title}
        </Link>
      ),
    },
    { title: t('rootUnit'), dataIndex: 'rootUnitName', key: 'root', width: 170 },
    {
      title: t('deadline'),
      key: 'deadline',
      width: 180,
      render: (_v, c) => (
        <Flex vertical>
          <Deadline deadline={c.deadline} open={c.status === 'open'} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('opensOn')}: {formatDate(c.opensOn)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (s: Campaign['status']) => <CampaignStatusTag status={s} />,
    },
    {
      title: t('progress'),
      key: 'progress',
      width: 220,
      render: (_v, c) => <CampaignProgress counts={c.proposals} />,
    },
    ...(inside.length
      ? [
          {
            title: t('myProposal'),
            key: 'mine',
            width: 160,
            render: (_v: unknown, c: Campaign) => {
              if (c.rootUnitId === me.scopeUnitId) return null;
              const p = mine.get(c.id);
              if (p === undefined) return null;
              if (p === null) return <Typography.Text type="secondary">{t('noMyProposal')}</Typography.Text>;
              return (
                <Flex vertical gap={2} align="start">
                  <Link
                    to={`/needs/proposals/${p.proposalId}`}
                    aria-label={`${t('openMyProposal')}: ${c.title}`}
                  >
                    {t('openMyProposal')}
                  </Link>
                  <ProposalStatusTag status={p.status} late={p.late} />
                </Flex>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          can('needs.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              {t('openCampaign')}
            </Button>
          ) : null
        }
      />
      {openMine.length ? (
        <Card
          size="small"
          style={{ marginBottom: 16, borderColor: '#91caff', background: '#f0f7ff' }}
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {t('myProposalsTitle', { unit: me.scopeUnitName })}
            </Typography.Title>
          }
        >
          <Flex vertical gap={8}>
            {openMine.map((c) => {
              const p = mine.get(c.id)!;
              return (
                <Flex key={c.id} justify="space-between" align="center" wrap gap={12}>
                  <Flex vertical gap={4} style={{ minWidth: 0 }}>
                    <Typography.Text strong>{c.title}</Typography.Text>
                    <Flex gap={12} wrap align="center">
                      <ProposalStatusTag status={p.status} late={p.late} submittedLate={p.submittedLate} />
                      <span>
                        {t('deadline')}: <Deadline deadline={c.deadline} open />
                      </span>
                      <span>
                        {t('lines')}: {fmtNumber(p.lines.total)}
                      </span>
                    </Flex>
                  </Flex>
                  <Button
                    type="primary"
                    icon={<FileTextOutlined />}
                    aria-label={`${t('openMyProposal')}: ${c.title}`}
                    onClick={() => navigate(`/needs/proposals/${p.proposalId}`)}
                  >
                    {t('openMyProposal')}
                  </Button>
                </Flex>
              );
            })}
          </Flex>
        </Card>
      ) : null}
      {error && !data ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <ListTable<Campaign>
            aria-label={t('campaignsCaption')}
            columns={columns}
            dataSource={data ?? []}
            loading={isPending}
            scroll={{ x: 1100 }}
            locale={{ emptyText: isPending ? t('loading') : t('noCampaigns') }}
          />
        </Card>
      )}
      {opening ? <OpenCampaignModal onClose={() => setOpening(false)} /> : null}
    </>
  );
}

/** Submitted and accepted shares of the units, and the late ones. */
export function CampaignProgress({ counts }: { counts: Campaign['proposals'] }) {
  const t = useNeedsT();
  const sent = counts.submitted + counts.accepted;
  return (
    <Flex vertical gap={2}>
      <Progress
        percent={percent(sent, counts.total)}
        success={{ percent: percent(counts.accepted, counts.total) }}
        size="small"
        aria-label={t('progress')}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('progressText', {
          sent: fmtNumber(sent),
          accepted: fmtNumber(counts.accepted),
          total: fmtNumber(counts.total),
        })}
      </Typography.Text>
      {counts.late ? (
        <span>
          <Tag color="red">{t('lateCount', { n: fmtNumber(counts.late) })}</Tag>
        </span>
      ) : null}
    </Flex>
  );
}
