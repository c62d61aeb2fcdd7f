import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Switch,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { foldText } from '../../../../contracts/text';
import { Field } from '../../../kit/field';
import { ListTable } from '../../../kit/server-table';
import { useMe } from '../../../lib/auth';
import { formatDate, formatDateTime } from '../../../lib/dates';
import type { BoardFilters, BoardRow, CampaignBoard, ProposalStatus } from '../api/needs';
import { fmtNumber } from '../needs-logic';
import { ProposalStatusTag, useNeedsT } from './needs-tags';
import { useMyUnitIds } from './use-my-units';

const LATE_SHOWN = 40;
type FilterKey = 'all' | ProposalStatus | 'late';
type Item = BoardRow & { stt: number };

/** The "Tiến độ" tab: every proposal of my subtree with its status, lateness and last action. */
export function CampaignBoardTab({
  board,
  loading,
  filters,
  onFilters,
}: {
  board: CampaignBoard;
  loading: boolean;
  filters: BoardFilters;
  onFilters: (f: BoardFilters) => void;
}) {
  const t = useNeedsT();
  const me = useMe();
  const myUnits = useMyUnitIds();
  const [q, setQ] = useState('');
  const [awaitingMe, setAwaitingMe] = useState(false);
  const [showAllLate, setShowAllLate] = useState(false);
  const c = board.campaign;
  const counts = c.proposals;
  const active: FilterKey = filters.late ? 'late' : (filters.status ?? 'all');

  const rows = useMemo(() => {
    const needle = foldText(q);
    return board.proposals
      .filter(
        (p) =>
          (!needle || foldText(p.unitName).includes(needle)) &&
          (!awaitingMe ||
            (p.status === 'submitted' &&
              p.unitId !== me.scopeUnitId &&
              p.reviewerUnitId !== null &&
              myUnits.has(p.reviewerUnitId))),
      )
      .map((p, i) => ({ ...p, stt: i + 1 }));
  }, [board.proposals, q, awaitingMe, me.scopeUnitId, myUnits]);

  const filterOptions: { value: FilterKey; label: string }[] = [
    { value: 'all', label: `${t('all')} (${fmtNumber(counts.total)})` },
    ...(['draft', 'submitted', 'returned', 'accepted'] as const).map((s) => ({
      value: s,
      label: `${t(`status_${s}`)} (${fmtNumber(counts[s])})`,
    })),
    { value: 'late', label: `${t('filterLate')} (${fmtNumber(counts.late)})` },
  ];

  const columns: TableColumnsType<Item> = [
    { title: t('stt'), dataIndex: 'stt', key: 'stt', width: 56, align: 'right' },
    {
      title: t('unit'),
      dataIndex: 'unitName',
      key: 'unit',
      width: 250,
      render: (name: string, p) => (
        <Link to={`/needs/proposals/${p.proposalId}`} style={{ fontWeight: 500 }}>
          {name}
        </Link>
      ),
    },
    {
      title: t('status'),
      key: 'status',
      width: 160,
      render: (_v, p) => (
        <ProposalStatusTag status={p.status} late={p.late} submittedLate={p.submittedLate} />
      ),
    },
    {
      title: t('lines'),
      key: 'lines',
      width: 84,
      align: 'right',
      className: 'tabular',
      render: (_v, p) => (
        <Tooltip title={t('linesDetail', p.lines)}>
          <span>{fmtNumber(p.lines.total)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('people'),
      key: 'people',
      width: 84,
      align: 'right',
      className: 'tabular',
      render: (_v, p) => fmtNumber(p.lines.people),
    },
    {
      title: t('submittedAt'),
      dataIndex: 'submittedAt',
      key: 'submittedAt',
      width: 104,
      className: 'tabular',
      render: (d: string | null) => formatDate(d),
    },
    { title: t('reviewer'), dataIndex: 'reviewerName', key: 'reviewer', width: 180, render: (v) => v ?? '—' },
    {
      title: t('lastAction'),
      key: 'last',
      width: 300,
      render: (_v, p) => {
        const e = p.lastEvent;
        if (!e) return '—';
        const by = t('lastActionBy', { who: e.actorName ?? t('system'), at: formatDateTime(e.at) });
        return (
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Text ellipsis={{ tooltip: e.comment ?? undefined }}>
              {t(`event_${e.action}`)}
              {e.comment ? <Typography.Text italic>: “{e.comment}”</Typography.Text> : null}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis={{ tooltip: by }} style={{ fontSize: 12 }}>
              {by}
            </Typography.Text>
          </Flex>
        );
      },
    },
  ];

  const late = board.lateUnits;
  const lateShown = showAllLate ? late : late.slice(0, LATE_SHOWN);

  return (
    <>
      {late.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('lateUnitsTitle', { n: fmtNumber(late.length), deadline: formatDate(c.deadline) })}
          description={
            <ul
              aria-label={t('filterLate')}
              style={{
                display: 'flex',
                flexWrap: 'wrap',
                gap: '4px 16px',
                listStyle: 'none',
                margin: 0,
                padding: 0,
              }}
            >
              {lateShown.map((u) => (
                <li key={u.proposalId}>
                  <Link to={`/needs/proposals/${u.proposalId}`}>{u.unitName}</Link>
                  {u.status === 'returned' ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' '}
                      ({t('status_returned')})
                    </Typography.Text>
                  ) : null}
                </li>
              ))}
              {late.length > LATE_SHOWN ? (
                <li>
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => setShowAllLate((v) => !v)}
                  >
                    {showAllLate ? t('collapseAll') : `+${fmtNumber(late.length - LATE_SHOWN)}`}
                  </Button>
                </li>
              ) : null}
            </ul>
          }
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div" role="search">
          <Row gutter={[16, 0]} align="bottom">
            <Field span={24} label={t('filterStatus')} style={{ marginBottom: 12 }}>
              <Radio.Group
                aria-label={t('filterStatus')}
                optionType="button"
                value={active}
                options={filterOptions}
                onChange={(e) => {
                  const v = e.target.value as FilterKey;
                  onFilters(v === 'all' ? {} : v === 'late' ? { late: true } : { status: v });
                }}
              />
            </Field>
            <Field
              xs={24}
              md={12}
              xl={8}
              label={t('searchUnit')}
              htmlFor="needs-board-q"
              style={{ marginBottom: 8 }}
            >
              <Input
                id="needs-board-q"
                type="search"
                allowClear
                value={q}
                onChange={(e) => setQ(e.target.value)}
                placeholder={t('searchUnitPlaceholder')}
              />
            </Field>
            <Col xs={24} md={12} xl={5}>
              <Flex align="center" gap={8} style={{ marginBottom: 14 }}>
                <Switch id="needs-awaiting-me" size="small" checked={awaitingMe} onChange={setAwaitingMe} />
                <label htmlFor="needs-awaiting-me">{t('awaitingMe')}</label>
              </Flex>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        {/* The board comes whole from the server: paged in the browser. */}
        <ListTable<Item>
          aria-label={t('boardCaption')}
          rowKey="proposalId"
          columns={columns}
          dataSource={rows}
          loading={loading}
          scroll={{ x: 1150 }}
          locale={{ emptyText: t('noProposals') }}
          pagination={{
            defaultPageSize: 50,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            hideOnSinglePage: true,
            showTotal: (total) => t('total', { n: fmtNumber(total) }),
            style: { padding: '0 12px' },
          }}
        />
      </Card>
    </>
  );
}
