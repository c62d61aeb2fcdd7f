import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApproveButton } from '../../../components/approve-button';
import { DecisionText } from '../../../components/decision-fields';
import { PageHeader } from '../../../components/page-header';
import { PageSpinner, QueryErrorResult } from '../../../components/results';
import { useCan, useMe } from '../../../lib/auth';
import { formatDate, formatDateTime, todayIso } from '../../../lib/dates';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type ProposalDetail, useProposal, useProposalTransition } from '../api/needs';
import { fmtNumber, proposalAbilities } from '../needs-logic';
import { CampaignStatusTag, Deadline, ProposalStatusTag, useNeedsT } from './needs-tags';
import { ProposalHistory, SubProposals } from './proposal-history';
import { LINE_PAGE_SIZES, ProposalLines } from './proposal-lines';
import { AcceptModal, ReturnModal } from './review-modals';
import { useMyUnitIds } from './use-my-units';

/** Route /needs/proposals/:id: one unit's proposal, its lines, review actions and history. */
export function ProposalPage() {
  const t = useNeedsT();
  const id = Number(useParams().id);
  // Paging belongs to one proposal: following a link to another starts again at page 1.
  const [paging, setPaging] = useState({ id, page: 1, pageSize: LINE_PAGE_SIZES[1] });
  const page = paging.id === id ? paging.page : 1;
  const { data: p, error, isPending, isFetching, refetch } = useProposal(id, page, paging.pageSize);
  const me = useMe();
  const can = useCan();
  const unitIds = useMyUnitIds();
  const [reviewing, setReviewing] = useState<'return' | 'accept' | null>(null);

  if (isPending) return <PageSpinner />;
  if (error && !p) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  const may = proposalAbilities(p, { scopeUnitId: me.scopeUnitId, unitIds, can }, todayIso());

  return (
    <>
      <PageHeader
        title={t('proposalTitle', { unit: p.unitName })}
        subtitle={<Link to={`/needs/campaigns/${p.campaign.id}`}>{p.campaign.title}</Link>}
        extra={
          <>
            {may.submit ? <SubmitButton proposal={p} lateIfSubmitted={may.lateIfSubmitted} /> : null}
            {may.review ? (
              <>
                <Button danger icon={<RollbackOutlined />} onClick={() => setReviewing('return')}>
                  {t('returnAction')}
                </Button>
                <ApproveButton
                  blockedReason={p.approveBlockedReason}
                  icon={<CheckOutlined />}
                  onClick={() => setReviewing('accept')}
                >
                  {t('accept')}
                </ApproveButton>
              </>
            ) : null}
          </>
        }
      />
      <StatusBanner proposal={p} notStarted={may.notStarted} canSubmit={may.submit} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, xl: 3 }}
          items={[
            { key: 'unit', label: t('unit'), children: p.unitName },
            {
              key: 'status',
              label: t('status'),
              children: <ProposalStatusTag status={p.status} late={p.late} submittedLate={p.submittedLate} />,
            },
            { key: 'reviewer', label: t('reviewer'), children: p.reviewerName ?? '—' },
            {
              key: 'campaign',
              label: t('campaign'),
              children: (
                <Flex gap={8} wrap align="center">
                  <Link to={`/needs/campaigns/${p.campaign.id}`}>{p.campaign.title}</Link>
                  <CampaignStatusTag status={p.campaign.status} />
                </Flex>
              ),
            },
            {
              key: 'deadline',
              label: t('deadline'),
              children: <Deadline deadline={p.campaign.deadline} open={p.campaign.status === 'open'} />,
            },
            {
              key: 'dates',
              label: `${t('submittedAt')} / ${t('reviewedAt')}`,
              children: `${formatDateTime(p.submittedAt)} / ${formatDateTime(p.reviewedAt)}`,
            },
            {
              key: 'totals',
              label: t('totals'),
              children: t('totalsValue', {
                lines: fmtNumber(p.totals.lines),
                people: fmtNumber(p.totals.people),
                quantity: fmtNumber(p.totals.quantity),
              }),
            },
            ...(p.subProposals.total
              ? [
                  {
                    key: 'sub',
                    label: t('subProposals'),
                    children: t('subProposalsValue', {
                      accepted: fmtNumber(p.subProposals.accepted),
                      total: fmtNumber(p.subProposals.total),
                    }),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ProposalLines
        proposal={p}
        canEdit={may.edit}
        loading={isFetching}
        onPage={(next, pageSize) => setPaging({ id, page: next, pageSize })}
      />
      <Row gutter={16}>
        {p.subProposals.total ? (
          <Col xs={24} xl={14}>
            <SubProposals proposal={p} />
          </Col>
        ) : null}
        <Col xs={24} xl={p.subProposals.total ? 10 : 14}>
          <ProposalHistory events={p.events} />
        </Col>
      </Row>
      {reviewing === 'return' ? <ReturnModal proposal={p} onClose={() => setReviewing(null)} /> : null}
      {reviewing === 'accept' ? <AcceptModal proposal={p} onClose={() => setReviewing(null)} /> : null}
    </>
  );
}

/** What the unit should know first: returned with a comment, waiting, accepted, late, not open yet. */
function StatusBanner({
  proposal: p,
  notStarted,
  canSubmit,
}: {
  proposal: ProposalDetail;
  notStarted: boolean;
  canSubmit: boolean;
}) {
  const t = useNeedsT();
  const style = { marginBottom: 16 };
  const banners = [];
  if (p.campaign.status === 'closed')
    banners.push(<Alert key="closed" type="info" showIcon style={style} title={t('closedBanner')} />);
  if (p.status === 'returned' && p.reviewComment)
    banners.push(
      <Alert
        key="returned"
        type="error"
        showIcon
        style={style}
        title={<Typography.Text strong>{t('returnedTitle')}</Typography.Text>}
        description={
          <>
            <Typography.Paragraph style={{ fontSize: 16, margin: '4px 0', whiteSpace: 'pre-line' }}>
              “{p.reviewComment}”
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {p.reviewerName} · {t('returnedBy', { at: formatDateTime(p.reviewedAt) })}
            </Typography.Text>
          </>
        }
      />,
    );
  if (p.status === 'submitted')
    banners.push(
      <Alert
        key="submitted"
        type="info"
        showIcon
        style={style}
        title={t('submittedInfo', { at: formatDateTime(p.submittedAt), reviewer: p.reviewerName ?? '—' })}
      />,
    );
  if (p.status === 'accepted')
    banners.push(
      <Alert
        key="accepted"
        type="success"
        showIcon
        style={style}
        title={t('acceptedTitle', { reviewer: p.reviewerName ?? '—', at: formatDate(p.reviewedAt) })}
        description={
          p.decisionNo || p.reviewComment ? (
            <>
              <div>
                <DecisionText d={p} />
              </div>
              {p.reviewComment ? <div>{t('acceptedComment', { comment: p.reviewComment })}</div> : null}
            </>
          ) : undefined
        }
      />,
    );
  if (p.late && canSubmit)
    banners.push(
      <Alert
        key="late"
        type="warning"
        showIcon
        style={style}
        title={t('lateBanner', { deadline: formatDate(p.campaign.deadline) })}
      />,
    );
  if (notStarted)
    banners.push(
      <Alert
        key="not-started"
        type="info"
        showIcon
        style={style}
        title={t('notStartedBanner', { date: formatDate(p.campaign.opensOn) })}
      />,
    );
  return <>{banners}</>;
}

/** Submit after a confirm that says what goes up, and warns when it will be marked late. */
function SubmitButton({
  proposal: p,
  lateIfSubmitted,
}: {
  proposal: ProposalDetail;
  lateIfSubmitted: boolean;
}) {
  const t = useNeedsT();
  const { modal, message } = App.useApp();
  const transition = useProposalTransition(p.id);
  const onError = useApiErrorHandler();
  const pendingSubs = p.subProposals.total - p.subProposals.accepted;
  const confirm = () =>
    modal.confirm({
      title: t('submitConfirmTitle', { reviewer: p.reviewerName ?? '—' }),
      width: 520,
      content: (
        <>
          <Typography.Paragraph>
            {t('submitConfirmText', {
              lines: fmtNumber(p.totals.lines),
              quantity: fmtNumber(p.totals.quantity),
            })}
          </Typography.Paragraph>
          {p.totals.lines === 0 ? (
            <Typography.Paragraph type="warning">{t('submitEmpty')}</Typography.Paragraph>
          ) : null}
          {pendingSubs > 0 ? (
            <Typography.Paragraph type="warning">
              {t('submitSubPending', { n: fmtNumber(pendingSubs) })}
            </Typography.Paragraph>
          ) : null}
          {lateIfSubmitted ? (
            <Alert
              type="warning"
              showIcon
              title={t('submitLateWarning', { deadline: formatDate(p.campaign.deadline) })}
            />
          ) : null}
        </>
      ),
      okText: t('submit'),
      cancelText: t('cancel'),
      onOk: () =>
        transition
          .mutateAsync({ action: 'submit' })
          .then(() => message.success(t('submitted')))
          .catch((err) => onError(err)),
    });
  return (
    <Button type="primary" icon={<SendOutlined />} onClick={confirm} loading={transition.isPending}>
      {t('submit')}
    </Button>
  );
}
