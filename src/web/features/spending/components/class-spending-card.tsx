import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { RowAction } from '../../../kit/row-action';
import { ListTable } from '../../../kit/server-table';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type SpendingLine, useClassSpending, useDeleteLine, useReopen } from '../api/spending';
import { spendingMessages } from '../messages';
import { SettleModal, SpendingLineModal } from './spending-modals';

const money = (n: number) => n.toLocaleString('vi-VN');
const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * "Chi phí / Spending" of a class (ADR 039): estimate, actual and settled totals, the spending
 * lines by item and funding source, and the settlement that locks them. Shown to those who
 * manage the class.
 */
export function ClassSpendingCard({
  classId,
  endsOn,
  show,
}: {
  classId: number;
  endsOn: string;
  show: boolean;
}) {
  const t = useT(spendingMessages);
  const label = useCodeLabel();
  const { modal } = App.useApp();
  const onError = useApiErrorHandler();
  const q = useClassSpending(classId, show);
  const del = useDeleteLine(classId);
  const reopen = useReopen(classId);
  const [editing, setEditing] = useState<SpendingLine | 'new' | null>(null);
  const [settling, setSettling] = useState(false);
  if (!show || !q.data) return null;
  const s = q.data;

  const columns: ColumnsType<SpendingLine> = [
    { title: t('spentOn'), key: 'spentOn', width: 110, render: (_v, l) => formatDate(l.spentOn) },
    { title: t('item'), key: 'item', render: (_v, l) => label('spending_item', l.item) },
    { title: t('fundingSource'), key: 'src', render: (_v, l) => label('funding_source', l.fundingSource) },
    {
      title: t('amount'),
      key: 'amount',
      align: 'right',
      className: 'tabular',
      render: (_v, l) => money(l.amount),
    },
    { title: t('note'), key: 'note', render: (_v, l) => l.note ?? '—' },
    ...(s.canEdit
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 96,
            render: (_v: unknown, l: SpendingLine) => (
              <Space size={0}>
                <RowAction
                  tip={t('edit')}
                  icon={<EditOutlined />}
                  label={t('edit')}
                  onClick={() => setEditing(l)}
                />
                <RowAction
                  tip={t('delete')}
                  danger
                  icon={<DeleteOutlined />}
                  label={t('delete')}
                  onClick={() =>
                    modal.confirm({
                      title: t('deleteConfirm'),
                      okText: t('delete'),
                      okButtonProps: { danger: true },
                      cancelText: t('cancel'),
                      onOk: () => del.mutateAsync(l.id).catch((err) => onError(err)),
                    })
                  }
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
      title={t('title')}
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          {s.canEdit ? (
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('add')}
            </Button>
          ) : null}
          {s.canSettle ? (
            <Button type="primary" onClick={() => setSettling(true)}>
              {t('settle')}
            </Button>
          ) : null}
          {s.canReopen ? (
            <Button
              danger
              onClick={() =>
                modal.confirm({
                  title: t('reopenConfirm'),
                  okText: t('reopen'),
                  cancelText: t('cancel'),
                  onOk: () => reopen.mutateAsync().catch((err) => onError(err)),
                })
              }
            >
              {t('reopen')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('estimate')}>{money(s.estimateTotal)} đ</Descriptions.Item>
        <Descriptions.Item label={t('actual')}>{money(s.actualTotal)} đ</Descriptions.Item>
        <Descriptions.Item label={t('settled')}>
          {s.settlement ? `${money(s.settlement.settledTotal)} đ` : t('notSettled')}
        </Descriptions.Item>
      </Descriptions>
      {s.settlement ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('settledInfo', {
            number: s.settlement.number,
            date: formatDate(s.settlement.settledOn),
            total: money(s.settlement.settledTotal),
          })}
        />
      ) : null}
      <ListTable<SpendingLine>
        aria-label={t('caption')}
        columns={columns}
        dataSource={s.lines}
        locale={{ emptyText: t('noLines') }}
      />
      {editing ? (
        <SpendingLineModal
          classId={classId}
          editing={editing === 'new' ? undefined : editing}
          defaultDay={endsOn < todayIso() ? endsOn : todayIso()}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {settling ? (
        <SettleModal
          classId={classId}
          actualTotal={s.actualTotal}
          today={todayIso()}
          onClose={() => setSettling(false)}
        />
      ) : null}
    </Card>
  );
}
