import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Row, Statistic, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { PageSpinner, QueryErrorResult } from '../../../components/results';
import { useUrlFilters } from '../../../kit/use-url-filters';
import { useCan, useMe } from '../../../lib/auth';
import { formatDate } from '../../../lib/dates';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type BoardFilters, type Campaign, useCampaignBoard, useCloseCampaign } from '../api/needs';
import { BOARD_URL } from '../board-url';
import { fmtNumber } from '../needs-logic';
import { CampaignBoardTab } from './campaign-board';
import { ConsolidatedTab } from './consolidated-table';
import { CampaignStatusTag, Deadline, useNeedsT } from './needs-tags';
import { useMyUnitIds } from './use-my-units';

/** Route /needs/campaigns/:id: the status board and the consolidated table of one campaign. */
export function CampaignPage() {
  const t = useNeedsT();
  const id = Number(useParams().id);
  const { filters: url, set } = useUrlFilters(BOARD_URL);
  const filters: BoardFilters = useMemo(
    () => ({ status: url.status, late: url.late || undefined }),
    [url.status, url.late],
  );
  const me = useMe();
  const myUnits = useMyUnitIds();
  const { data, error, isPending, isFetching, refetch } = useCampaignBoard(id, filters);

  if (isPending) return <PageSpinner />;
  if (error && !data) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  const c = data.campaign;
  const coversRoot = c.rootUnitId === me.scopeUnitId || myUnits.has(c.rootUnitId);
  const tab = url.tab === 'consolidated' && coversRoot ? 'consolidated' : 'progress';

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {c.title} <CampaignStatusTag status={c.status} />
          </Flex>
        }
        subtitle={t('campaignSubtitle', { year: c.year, unit: c.rootUnitName })}
        extra={coversRoot ? <CloseCampaignButton campaign={c} /> : null}
      />
      {c.status === 'closed' ? (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined />}
          title={t('closedBanner')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[16, 12]}>
          <Col xs={24} md={8} xl={5}>
            <Typography.Text type="secondary">{t('deadline')}</Typography.Text>
            <div style={{ fontSize: 18, margin: '4px 0 2px' }}>
              <Deadline deadline={c.deadline} open={c.status === 'open'} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('opensOn')}: {formatDate(c.opensOn)}
            </Typography.Text>
          </Col>
          <Col xs={12} md={8} xl={3}>
            <Statistic title={t('countTotal')} value={fmtNumber(c.proposals.total)} />
          </Col>
          {(['draft', 'submitted', 'returned', 'accepted'] as const).map((s) => (
            <Col key={s} xs={12} md={8} xl={3}>
              <Statistic title={t(`status_${s}`)} value={fmtNumber(c.proposals[s])} />
            </Col>
          ))}
          <Col xs={12} md={8} xl={4}>
            <Statistic
              title={t('late')}
              value={fmtNumber(c.proposals.late)}
              styles={{ content: c.proposals.late ? { color: '#cf1322' } : undefined }}
            />
          </Col>
        </Row>
        {c.note ? (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', whiteSpace: 'pre-line' }}>
            {c.note}
          </Typography.Paragraph>
        ) : null}
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k as typeof tab }, true)}
        items={[
          {
            key: 'progress',
            label: t('tabProgress'),
            children: <CampaignBoardTab board={data} loading={isFetching} filters={url} set={set} />,
          },
          ...(coversRoot
            ? [
                {
                  key: 'consolidated',
                  label: t('tabConsolidated'),
                  children: <ConsolidatedTab campaignId={c.id} />,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

function CloseCampaignButton({ campaign: c }: { campaign: Campaign }) {
  const t = useNeedsT();
  const can = useCan();
  const { modal, message } = App.useApp();
  const close = useCloseCampaign();
  const onError = useApiErrorHandler();
  if (!can('needs.manage') || c.status !== 'open') return null;
  const unsent = c.proposals.draft + c.proposals.returned;
  const confirm = () =>
    modal.confirm({
      title: t('closeConfirmTitle', { title: c.title }),
      content: (
        <>
          <Typography.Paragraph>{t('closeConfirmText')}</Typography.Paragraph>
          {unsent || c.proposals.submitted ? (
            <Typography.Paragraph type="warning" style={{ marginBottom: 0 }}>
              {t('closeConfirmPending', {
                unsent: fmtNumber(unsent),
                submitted: fmtNumber(c.proposals.submitted),
              })}
            </Typography.Paragraph>
          ) : null}
        </>
      ),
      okText: t('closeCampaign'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
      width: 520,
      onOk: () =>
        close
          .mutateAsync(c.id)
          .then(() => message.success(t('closed')))
          .catch((err) => onError(err)),
    });
  return (
    <Button danger icon={<LockOutlined />} onClick={confirm} loading={close.isPending}>
      {t('closeCampaign')}
    </Button>
  );
}
