import { Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  IMPORT_KIND_LABELS,
  IMPORT_MODE_LABELS,
  IMPORT_SORT_KEYS,
  IMPORT_STATUS_LABELS,
} from '../../../../contracts/imports';
import { FormModal } from '../../../kit/form-modal';
import { ServerTable } from '../../../kit/server-table';
import { oneOf } from '../../../kit/url-filters';
import { useUrlFilters } from '../../../kit/use-url-filters';
import { formatDateTime } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
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

const FILTERS = { sort: oneOf(IMPORT_SORT_KEYS.flatMap((k) => [k, `-${k}`])) };

/** Undo a committed import, with the reason (required: OK stays off until one is written). */
function UndoModal({ batch, onClose }: { batch: ImportBatch; onClose: () => void }) {
  const t = useT(importsMessages);
  const undo = useUndoImport();
  const [form] = Form.useForm<{ reason: string }>();
  const reason: string | undefined = Form.useWatch('reason', form);
  return (
    <FormModal<{ reason: string }>
      form={form}
      onClose={onClose}
      title={t('undoTitle', { id: batch.id })}
      okText={t('undo')}
      okButtonProps={{ danger: true, disabled: !reason?.trim() }}
      submit={(v) => undo.mutateAsync({ id: batch.id, reason: v.reason ?? '' })}
      success={t('undone')}
      intro={<Typography.Paragraph>{t('undoText')}</Typography.Paragraph>}
    >
      <Form.Item name="reason" noStyle>
        <Input.TextArea aria-label={t('reason')} rows={3} />
      </Form.Item>
    </FormModal>
  );
}

/** Imports of the actor's subtree: who, when, counts, status; the original file; undo with a reason. */
export function ImportHistory() {
  const t = useT(importsMessages);
  const [lang] = useLang();
  const { filters, set, paging } = useUrlFilters(FILTERS, { pageSize: 20 });
  const history = useImportHistory(paging.page, filters.sort);
  const [undoing, setUndoing] = useState<ImportBatch | null>(null);

  return (
    <Card size="small" title={t('history')}>
      <ServerTable<ImportBatch>
        bare
        query={history}
        {...paging}
        sortKeys={IMPORT_SORT_KEYS}
        sort={filters.sort}
        onSortChange={(sort) => set({ sort })}
        showTotal={() => null}
        paginationExtra={{ style: undefined }}
        columns={[
          { title: '#', dataIndex: 'id', width: 60 },
          {
            title: t('kind'),
            dataIndex: 'kind',
            render: (k: ImportBatch['kind']) => IMPORT_KIND_LABELS[k][lang],
          },
          { title: t('file'), dataIndex: 'fileName', key: 'fileName', ellipsis: true },
          { title: t('who'), dataIndex: 'username', key: 'username' },
          {
            title: t('when'),
            dataIndex: 'createdAt',
            key: 'createdAt',
            render: (v: string) => formatDateTime(v),
          },
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
      {undoing ? <UndoModal batch={undoing} onClose={() => setUndoing(null)} /> : null}
    </Card>
  );
}
