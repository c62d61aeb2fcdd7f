import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Radio,
  Switch,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { foldText } from '../../../../contracts/text';
import { FilterBar, FilterField } from '../../../kit/filter-bar';
import { SearchFilter } from '../../../kit/filters';
import { ListTable } from '../../../kit/server-table';
import type { UrlPatch, UrlValues } from '../../../kit/url-filters';
import { useMe } from '../../../lib/auth';
import { formatDate, formatDateTime } from '../../../lib/dates';
import type { BoardRow, CampaignBoard, ProposalStatus } from '../api/needs';
import type { BOARD_URL } from '../board-url';
import { fmtNumber } from '../needs-logic';
import { ProposalStatusTag, useNeedsT } from './needs-tags';
import { useMyUnitIds } from './use-my-units';

const LATE_SHOWN = 40;
type FilterKey = 'all' | ProposalStatus | 'late';
type Item = BoardRow & { stt: number };
type BoardUrl = typeof BOARD_URL;

/** The "Tiến độ" tab: every proposal of my subtree with its status, lateness and last action. */
export function CampaignBoardTab({
  board,
  loading,
  filters,
  set,
}: {
  board: CampaignBoard;
  loading: boolean;
  /** The page's URL state (board-url.ts): status and late go to the server, q and awaitingMe filter here. */
  filters: UrlValues<BoardUrl>;
  set: (patch: UrlPatch<BoardUrl>, replace?: boolean) => void;
}) {
  const t = useNeedsT();
  const me = useMe();
  const myUnits = useMyUnitIds();
  const { q, awaitingMe } = filters;
  const [showAllLate, setShowAllLate] = useState(false);
  const c = board.campaign;
  const counts = c.proposals;
  const active: FilterKey = filters.late ? 'late' : (filters.status ?? 'all');

  const rows = useMemo(() => {
    const needle = foldText(q ?? '');
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
      <FilterBar filters={filters} set={set}>
        <FilterField
          span={24}
          label={t('filterStatus')}
          htmlFor="needs-board-status"
          style={{ marginBottom: 12 }}
        >
          <Radio.Group
            id="needs-board-status"
            aria-label={t('filterStatus')}
            optionType="button"
            value={active}
            options={filterOptions}
            onChange={(e) => {
              const v = e.target.value as FilterKey;
              set({ status: v === 'all' || v === 'late' ? undefined : v, late: v === 'late' });
            }}
          />
        </FilterField>
        <SearchFilter
          xs={24}
          md={12}
          xl={8}
          id="needs-board-q"
          label={t('searchUnit')}
          placeholder={t('searchUnitPlaceholder')}
        />
        <Col xs={24} md={12} xl={5} style={{ alignSelf: 'flex-end' }}>
          <Flex align="center" gap={8} style={{ marginBottom: 6 }}>
            <Switch
              id="needs-awaiting-me"
              size="small"
              checked={awaitingMe}
              onChange={(v) => set({ awaitingMe: v })}
            />
            <label htmlFor="needs-awaiting-me">{t('awaitingMe')}</label>
          </Flex>
        </Col>
      </FilterBar>
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
          pageSize={50}
          pageSizeOptions={[20, 50, 100, 200]}
          showTotal={(total) => t('total', { n: fmtNumber(total) })}
        />
      </Card>
    </>
  );
}
