import { App, Button, Card, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { IMPORT_KIND_LABELS, IMPORT_MODE_LABELS, IMPORT_STATUS_LABELS } from '../../../../contracts/imports';
import { formatDateTime } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { fileUrl, type ImportBatch, useImportHistory, useUndoImport } from '../api/imports';
import { importsMessages } from '../messages';

const STATUS_COLOR: Record<ImportBatch['status'], string> = {
  previewed: 'default',
  running: 'processing',
  committed: 'success',
  failed: 'error',
  interrupted: 'warning',
  undone: 'default',
};

/** Imports of the actor's subtree: who, when, counts, status; the original file; undo with a reason. */
export function ImportHistory() {
  const t = useT(importsMessages);
  const [lang] = useLang();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [page, setPage] = useState(1);
  const history = useImportHistory(page);
  const undo = useUndoImport();
  const [undoing, setUndoing] = useState<ImportBatch | null>(null);
  const [reason, setReason] = useState('');

  const confirmUndo = () => {
    if (!undoing) return;
    undo.mutate(
      { id: undoing.id, reason },
      {
        onSuccess: () => {
          message.success(t('undone'));
          setUndoing(null);
          setReason('');
        },
        onError: (e) => onError(e),
      },
    );
  };

  return (
    <Card size="small" title={t('history')}>
      <Table
        size="small"
        rowKey="id"
        loading={history.isFetching}
        dataSource={history.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: history.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: '#', dataIndex: 'id', width: 60 },
          {
            title: t('kind'),
            dataIndex: 'kind',
            render: (k: ImportBatch['kind']) => IMPORT_KIND_LABELS[k][lang],
          },
          { title: t('file'), dataIndex: 'fileName', ellipsis: true },
          { title: t('who'), dataIndex: 'username' },
          { title: t('when'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('mode'),
            dataIndex: 'mode',
            render: (m: ImportBatch['mode']) => (m ? IMPORT_MODE_LABELS[m][lang] : '—'),
          },
          {
            title: t('counts'),
            key: 'counts',
            render: (_, b) => `${b.totalRows} / ${b.validRows} / ${b.errorRows} / ${b.writtenRows}`,
          },
          {
            title: t('status'),
            dataIndex: 'status',
            render: (s: ImportBatch['status'], b) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS_COLOR[s]}>{IMPORT_STATUS_LABELS[s][lang]}</Tag>
                {b.undoneReason ? <Typography.Text type="secondary">{b.undoneReason}</Typography.Text> : null}
              </Space>
            ),
          },
          {
            title: '',
            key: 'actions',
            render: (_, b) => (
              <Space>
                <Button size="small" href={fileUrl(b.id)} download>
                  {t('download')}
                </Button>
                {b.status === 'committed' ? (
                  <Button size="small" danger onClick={() => setUndoing(b)}>
                    {t('undo')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={undoing !== null}
        title={undoing ? t('undoTitle', { id: undoing.id }) : ''}
        okText={t('undo')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: undo.isPending }}
        onOk={confirmUndo}
        onCancel={() => setUndoing(null)}
      >
        <Typography.Paragraph>{t('undoText')}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
        />
      </Modal>
    </Card>
  );
}
