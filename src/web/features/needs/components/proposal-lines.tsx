import { DeleteOutlined, EditOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { RowAction } from '../../../kit/row-action';
import { rowNumberColumn, ServerTable } from '../../../kit/server-table';
import { useCodeLabel } from '../../../lib/codes';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useRuleTitle } from '../../standards/api/standards';
import { type NeedsLine, type ProposalDetail, useDeleteLine } from '../api/needs';
import { fmtNumber, levelListOfProgramme } from '../needs-logic';
import { LineFormModal } from './line-form-modal';
import { PriorityTag, useNeedsT } from './needs-tags';

export const LINE_PAGE_SIZES = [50, 100, 200, 500];

/** The lines of a proposal; add, edit and delete while the unit may still change it. */
export function ProposalLines({
  proposal: p,
  canEdit,
  loading,
  onPage,
}: {
  proposal: ProposalDetail;
  canEdit: boolean;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}) {
  const t = useNeedsT();
  const label = useCodeLabel();
  const ruleTitle = useRuleTitle();
  const { modal, message } = App.useApp();
  const remove = useDeleteLine(p.id);
  const onError = useApiErrorHandler();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<NeedsLine | null>(null);

  const levelOf = (l: NeedsLine) => {
    const list = levelListOfProgramme(l.programmeKind);
    return l.level && list ? label(list, l.level) : null;
  };
  const nameOf = (l: NeedsLine) =>
    [label('programme_kind', l.programmeKind), levelOf(l), l.personName].filter(Boolean).join(' — ');

  const confirmDelete = (l: NeedsLine) =>
    modal.confirm({
      title: t('deleteLineTitle'),
      content: t('deleteLineText', { name: nameOf(l) }),
      okText: t('delete'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
      onOk: () =>
        remove
          .mutateAsync(l.id)
          .then(() => message.success(t('lineDeleted')))
          .catch((err) => onError(err)),
    });

  const columns: TableColumnsType<NeedsLine> = [
    rowNumberColumn(t('stt'), (p.lines.page - 1) * p.lines.pageSize, 56),
    {
      title: t('programme'),
      dataIndex: 'programmeKind',
      key: 'programme',
      width: 200,
      render: (k: string) => <span style={{ fontWeight: 500 }}>{label('programme_kind', k)}</span>,
    },
    { title: t('level'), key: 'level', width: 180, render: (_v, l) => levelOf(l) ?? '—' },
    {
      title: t('person'),
      key: 'person',
      width: 180,
      render: (_v, l) =>
        l.personId ? (
          <Link to={`/people/${l.personId}`}>{l.personName}</Link>
        ) : (
          <Typography.Text type="secondary">{t('unnamed')}</Typography.Text>
        ),
    },
    {
      title: t('people'),
      dataIndex: 'quantity',
      key: 'quantity',
      width: 80,
      align: 'right',
      className: 'tabular',
      render: (n: number) => fmtNumber(n),
    },
    {
      title: t('priority'),
      dataIndex: 'priority',
      key: 'priority',
      width: 100,
      render: (n: number) => <PriorityTag priority={n} />,
    },
    {
      title: t('origin'),
      key: 'origin',
      width: 180,
      render: (_v, l) =>
        l.source === 'gap' ? (
          <Tooltip title={l.ruleCode ? t('sourceGapRule', { rule: ruleTitle(l.ruleCode) }) : undefined}>
            <Tag color="purple">{t('sourceGap')}</Tag>
          </Tooltip>
        ) : l.source === 'manual' ? (
          <Tag color="cyan">{t('sourceManual')}</Tag>
        ) : (
          <ConsolidatedOrigin line={l} />
        ),
    },
    { title: t('note'), dataIndex: 'note', key: 'note', render: (v: string | null) => v ?? '—' },
    ...(canEdit
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 90,
            fixed: 'right' as const,
            render: (_v: unknown, l: NeedsLine) =>
              l.source === 'consolidated' ? (
                <Tooltip title={t('readOnlyLine')}>
                  <LockOutlined
                    aria-label={t('readOnlyLine')}
                    style={{ color: '#8c8c8c', padding: '0 8px' }}
                  />
                </Tooltip>
              ) : (
                <Space size={0}>
                  <RowAction
                    tip={t('edit')}
                    icon={<EditOutlined />}
                    label={t('editLine', { name: nameOf(l) })}
                    onClick={() => setEditing(l)}
                  />
                  <RowAction
                    tip={t('delete')}
                    danger
                    icon={<DeleteOutlined />}
                    label={t('deleteLine', { name: nameOf(l) })}
                    onClick={() => confirmDelete(l)}
                  />
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Flex gap={8} align="baseline" wrap>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('linesTitle')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
            {t('totalsValue', {
              lines: fmtNumber(p.totals.lines),
              people: fmtNumber(p.totals.people),
              quantity: fmtNumber(p.totals.quantity),
            })}
          </Typography.Text>
        </Flex>
      }
      extra={
        canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('addLine')}
          </Button>
        ) : null
      }
      styles={{ body: { padding: 0 } }}
    >
      {/* The lines come paged inside the proposal (its query is the page's). */}
      <ServerTable<NeedsLine>
        bare
        query={{
          data: p.lines,
          error: null,
          isPending: false,
          isFetching: loading,
          refetch: () => undefined,
        }}
        aria-label={t('linesCaption')}
        columns={columns}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('noLines') }}
        page={p.lines.page}
        pageSize={p.lines.pageSize}
        pageSizeOptions={LINE_PAGE_SIZES}
        onPageChange={onPage}
        showTotal={(total) => t('total', { n: fmtNumber(total) })}
        paginationExtra={{ hideOnSinglePage: p.lines.total <= LINE_PAGE_SIZES[0] }}
      />
      {adding ? (
        <LineFormModal
          proposalId={p.id}
          unitId={p.unitId}
          unitName={p.unitName}
          onClose={() => setAdding(false)}
        />
      ) : null}
      {editing ? (
        <LineFormModal
          proposalId={p.id}
          unitId={p.unitId}
          unitName={p.unitName}
          editing={editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

/** Where a consolidated line came from, linking to that unit's proposal. */
function ConsolidatedOrigin({ line: l }: { line: NeedsLine }) {
  const t = useNeedsT();
  const tag = (
    <Tag color="geekblue" style={{ whiteSpace: 'normal', cursor: l.fromProposalId ? 'pointer' : undefined }}>
      {t('sourceConsolidated', { unit: l.fromUnitName ?? '—' })}
    </Tag>
  );
  return l.fromProposalId ? <Link to={`/needs/proposals/${l.fromProposalId}`}>{tag}</Link> : tag;
}
