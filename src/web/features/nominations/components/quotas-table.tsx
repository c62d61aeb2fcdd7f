import { Table, type TableColumnsType, Typography } from 'antd';
import { useT } from '../../../lib/i18n';
import type { NominationsView } from '../api/nominations';
import { nominationsMessages } from '../messages';

interface Row {
  key: string;
  unitName: string;
  seats: number;
  taken: number;
  waitlisted: number;
  pool?: boolean;
}

/** The seats given to units and the shared seats left over, with how many are held and waiting. */
export function QuotasTable({ view }: { view: NominationsView }) {
  const t = useT(nominationsMessages);
  if (!view.quotas.length)
    return <Typography.Paragraph type="secondary">{t('noQuotas')}</Typography.Paragraph>;
  const quotaWaiting = view.quotas.reduce((a, q) => a + q.waitlisted, 0);
  const rows: Row[] = [
    ...view.quotas.map((q) => ({ ...q, key: String(q.unitId) })),
    {
      key: 'pool',
      unitName: t('poolRow'),
      seats: view.pool.seats,
      taken: view.pool.taken,
      // Waiting for a shared seat: everyone in line not charged to a quota.
      waitlisted: Math.max(0, view.waitlisted - quotaWaiting),
      pool: true,
    },
  ];
  const num = { align: 'right' as const, width: 110, className: 'tabular' };
  const columns: TableColumnsType<Row> = [
    {
      title: t('unit'),
      key: 'unit',
      render: (_v, r) => (r.pool ? <Typography.Text italic>{r.unitName}</Typography.Text> : r.unitName),
    },
    { title: t('seats'), dataIndex: 'seats', key: 'seats', ...num },
    { title: t('held'), dataIndex: 'taken', key: 'taken', ...num },
    { title: t('waiting'), dataIndex: 'waitlisted', key: 'waitlisted', ...num },
  ];
  return (
    <Table<Row>
      aria-label={t('quotasCaption')}
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      style={{ marginBottom: 16, maxWidth: 760 }}
    />
  );
}
