import { Button, Space, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { nameSortKey } from '../../../../contracts/text';
import { ApproveButton } from '../../../components/approve-button';
import { DecisionText } from '../../../components/decision-fields';
import { ListTable } from '../../../kit/server-table';
import { sortBy } from '../../../kit/sort';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { type Nomination, type NominationsView, useDecide, useWithdraw } from '../api/nominations';
import { nominationsMessages } from '../messages';
import { ApproveModal } from './approve-modal';
import { BulkBar } from './bulk-bar';
import { NominationHistory } from './nomination-history';
import { NominationStatusTag } from './nomination-status-tag';
import { ReasonModal } from './reason-modal';
import { SubstituteModal } from './substitute-modal';
import { WarningsIcon } from './warnings';

type Acting = { kind: 'approve' | 'reject' | 'withdraw' | 'substitute'; n: Nomination } | null;

/** The nominations the actor may see, their history on expanding a row, and what the actor may do with each. */
export function NominationsTable({ view }: { view: NominationsView }) {
  const t = useT(nominationsMessages);
  const decide = useDecide(view.classId);
  const withdraw = useWithdraw(view.classId);
  const [acting, setActing] = useState<Acting>(null);
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  // Rows a decision applies to (pending or waitlisted, in a class the actor runs) can be selected.
  const selectable = view.items.some((n) => n.canDecide);
  const selected = view.items.filter((n) => n.canDecide && selectedIds.includes(n.id));
  const nameOf = new Map(view.items.map((n) => [n.id, n.personName]));
  const anyAction = view.items.some((n) => n.canDecide || n.canWithdraw || n.canSubstitute);

  const columns: TableColumnsType<Nomination> = [
    { title: t('stt'), key: 'stt', width: 52, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('fullName'),
      key: 'name',
      width: 190,
      ...sortBy<Nomination>((n) => nameSortKey(n.personName)),
      render: (_v, n) => (
        <>
          <b>{n.personName}</b> <WarningsIcon warnings={n.warnings} />
          {n.replacesId ? (
            <div>
              <Typography.Text type="secondary">
                {t('replaces', { name: nameOf.get(n.replacesId) ?? `#${n.replacesId}` })}
              </Typography.Text>
            </div>
          ) : null}
          {n.replacedById ? (
            <div>
              <Typography.Text type="secondary">
                {t('replacedBy', { name: nameOf.get(n.replacedById) ?? `#${n.replacedById}` })}
              </Typography.Text>
            </div>
          ) : null}
          {n.note ? (
            <div>
              <Typography.Text type="secondary" italic>
                {n.note}
              </Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('birthDate'),
      key: 'birth',
      width: 100,
      ...sortBy<Nomination>((n) => n.birthDate),
      className: 'tabular',
      render: (_v, n) => formatDate(n.birthDate),
    },
    { title: t('unit'), dataIndex: 'unitName', key: 'unit', width: 170 },
    {
      title: t('status'),
      key: 'status',
      width: 130,
      render: (_v, n) => (
        <>
          <NominationStatusTag status={n.status} />
          {n.waitlistPosition ? (
            <div>
              <Typography.Text type="secondary">
                {t('waitlistPosition')}: <b>{n.waitlistPosition}</b>
              </Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    { title: t('reason'), key: 'reason', render: (_v, n) => n.reason ?? '' },
    {
      title: t('sentBy'),
      key: 'by',
      width: 190,
      ...sortBy<Nomination>((n) => n.nominatedAt),
      render: (_v, n) => (
        <>
          <div>
            {n.nominatedBy ?? '—'}, <span className="tabular">{formatDateTime(n.nominatedAt)}</span>
          </div>
          {n.decidedAt ? (
            <Typography.Text type="secondary">
              {t('decidedBy')}: {n.decidedBy ?? '—'},{' '}
              <span className="tabular">{formatDateTime(n.decidedAt)}</span>
            </Typography.Text>
          ) : null}
          {n.decisionNo ? (
            <div>
              <Typography.Text type="secondary">
                <DecisionText d={n} />
              </Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    ...(anyAction
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 150,
            fixed: 'right' as const,
            render: (_v: unknown, n: Nomination) => (
              <Space size={0} wrap>
                {n.canDecide ? (
                  <>
                    <ApproveButton
                      type="link"
                      size="small"
                      blockedReason={n.approveBlockedReason}
                      aria-label={t('approveOf', { name: n.personName })}
                      onClick={() => setActing({ kind: 'approve', n })}
                    >
                      {t('approve')}
                    </ApproveButton>
                    <Button
                      type="link"
                      size="small"
                      danger
                      aria-label={t('rejectOf', { name: n.personName })}
                      onClick={() => setActing({ kind: 'reject', n })}
                    >
                      {t('reject')}
                    </Button>
                  </>
                ) : null}
                {n.canSubstitute ? (
                  <Button
                    type="link"
                    size="small"
                    aria-label={t('substituteOf', { name: n.personName })}
                    onClick={() => setActing({ kind: 'substitute', n })}
                  >
                    {t('substitute')}
                  </Button>
                ) : null}
                {n.canWithdraw ? (
                  <Button
                    type="link"
                    size="small"
                    danger
                    aria-label={t('withdrawOf', { name: n.personName })}
                    onClick={() => setActing({ kind: 'withdraw', n })}
                  >
                    {t('withdraw')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <BulkBar classId={view.classId} selected={selected} onDone={() => setSelectedIds([])} />
      <ListTable<Nomination>
        aria-label={t('listCaption')}
        rowSelection={
          selectable
            ? {
                selectedRowKeys: selected.map((n) => n.id),
                onChange: (keys) => setSelectedIds(keys.map(Number)),
                getCheckboxProps: (n) => ({
                  disabled: !n.canDecide,
                  'aria-label': t('selectOf', { name: n.personName }),
                }),
              }
            : undefined
        }
        columns={columns}
        dataSource={view.items}
        pageSize={100}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('noNominations') }}
        expandable={{
          expandedRowRender: (n) => <NominationHistory n={n} />,
          rowExpandable: (n) => n.events.length > 0,
        }}
      />
      {acting?.kind === 'approve' ? (
        <ApproveModal classId={view.classId} nomination={acting.n} onClose={() => setActing(null)} />
      ) : null}
      {acting?.kind === 'reject' ? (
        <ReasonModal
          title={t('rejectOf', { name: acting.n.personName })}
          label={t('rejectReason')}
          okText={t('reject')}
          danger
          run={(reason) => decide.mutateAsync({ id: acting.n.id, decision: 'reject', reason })}
          onClose={() => setActing(null)}
        />
      ) : null}
      {acting?.kind === 'withdraw' ? (
        <ReasonModal
          title={t('withdrawOf', { name: acting.n.personName })}
          label={t('withdrawReason')}
          okText={t('withdraw')}
          danger
          run={(reason) => withdraw.mutateAsync({ id: acting.n.id, reason })}
          onClose={() => setActing(null)}
        />
      ) : null}
      {acting?.kind === 'substitute' ? (
        <SubstituteModal classId={view.classId} nomination={acting.n} onClose={() => setActing(null)} />
      ) : null}
    </>
  );
}
