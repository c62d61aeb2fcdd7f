import { Modal, type TableColumnsType, Tag } from 'antd';
import { ListTable } from '../../../kit/server-table';
import { useT } from '../../../lib/i18n';
import type { BulkOutcome, BulkResult } from '../api/bulk';
import { bulkMessages } from '../bulk-messages';
import { NominationStatusTag } from './nomination-status-tag';

/** What happened to each item of a bulk action: its new status, or why it was not done. */
export function BulkResultModal({
  result,
  nameOf,
  onClose,
}: {
  result: BulkResult;
  /** The name of an item's id (a person or a nomination). */
  nameOf: (id: number) => string;
  onClose: () => void;
}) {
  const t = useT(bulkMessages);
  const columns: TableColumnsType<BulkOutcome> = [
    { title: t('person'), key: 'who', render: (_v, r) => nameOf(r.id) },
    {
      title: t('outcome'),
      key: 'outcome',
      render: (_v, r) =>
        r.ok ? (
          r.status ? (
            <NominationStatusTag status={r.status as Parameters<typeof NominationStatusTag>[0]['status']} />
          ) : (
            <Tag color="green">{t('ok')}</Tag>
          )
        ) : (
          <Tag color="red" style={{ whiteSpace: 'normal' }}>
            {r.error?.message}
          </Tag>
        ),
    },
  ];
  return (
    <Modal
      open
      title={t('resultTitle', { done: result.done, failed: result.failed })}
      onCancel={onClose}
      onOk={onClose}
      okText={t('close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      width={720}
    >
      <ListTable<BulkOutcome> aria-label={t('outcome')} columns={columns} dataSource={result.results} />
    </Modal>
  );
}
