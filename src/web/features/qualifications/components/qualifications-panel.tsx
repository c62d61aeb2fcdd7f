import {
  DeleteOutlined,
  EditOutlined,
  PaperClipOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Space,
  Switch,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { QueryErrorResult } from '../../../components/results';
import { RowAction } from '../../../kit/row-action';
import { ListTable } from '../../../kit/server-table';
import { useCodeLabel, useCodes } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import {
  ATTACHMENT_TYPES,
  attachmentUrl,
  MAX_ATTACHMENT_BYTES,
  type Qualification,
  readAsBase64,
  useQualifications,
  useUploadAttachment,
} from '../api/qualifications';
import { qualificationMessages } from '../messages';
import { DeleteQualificationModal } from './delete-qualification-modal';
import { QualificationFormModal } from './qualification-form-modal';

const SOURCE_COLORS: Record<string, string> = { typed: 'blue', imported: 'purple', class: 'green' };

/** A person's qualifications grouped by kind, with add/edit/remove and attachments. */
export function QualificationsPanel({ personId, canEdit }: { personId: number; canEdit: boolean }) {
  const t = useT(qualificationMessages);
  const label = useCodeLabel();
  const codes = useCodes();
  const [showRemoved, setShowRemoved] = useState(false);
  const { data, error, isPending, isFetching, refetch } = useQualifications(personId, showRemoved);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Qualification | null>(null);
  const [deleting, setDeleting] = useState<Qualification | null>(null);
  const upload = useUploadAttachment(personId);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const groups = useMemo(() => {
    const order = (codes.data?.qualification_kind ?? []).map((c) => c.code);
    const byKind = new Map<string, Qualification[]>();
    for (const q of data ?? []) {
      const list = byKind.get(q.kind) ?? [];
      list.push(q);
      byKind.set(q.kind, list);
    }
    const rank = (k: string) => {
      const i = order.indexOf(k);
      return i < 0 ? order.length : i;
    };
    return [...byKind.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
  }, [data, codes.data]);

  const titleOf = (q: Qualification) =>
    `${label('qualification_kind', q.kind)} — ${label(`level_${q.kind}`, q.level)}`;

  const attach = async (q: Qualification, file: File) => {
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) {
      message.error(t('attachWrongType'));
      return;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      message.error(t('attachTooBig', { name: file.name }));
      return;
    }
    const contentBase64 = await readAsBase64(file);
    upload.mutate(
      {
        qualificationId: q.id,
        body: {
          fileName: file.name,
          mimeType: file.type as (typeof ATTACHMENT_TYPES)[number],
          contentBase64,
        },
      },
      {
        onSuccess: () => message.success(t('attached', { name: file.name })),
        onError: (err) => onError(err),
      },
    );
  };

  const columns = (kind: string): TableColumnsType<Qualification> => [
    { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('level'),
      dataIndex: 'level',
      key: 'level',
      width: 190,
      render: (level: string, q) => (
        <>
          <span style={{ fontWeight: 500 }}>{label(`level_${kind}`, level)}</span>
          {q.deletedAt ? (
            <Tooltip
              title={[t('deletedOn', { date: formatDate(q.deletedAt) }), q.deletedReason]
                .filter(Boolean)
                .join(': ')}
            >
              {' '}
              <Tag color="red" style={{ textDecoration: 'none' }}>
                {t('deleted')}
              </Tag>
            </Tooltip>
          ) : null}
        </>
      ),
    },
    { title: t('major'), dataIndex: 'major', key: 'major', render: (v) => v ?? '—' },
    { title: t('issuer'), dataIndex: 'issuer', key: 'issuer', render: (v) => v ?? '—' },
    {
      title: t('issuedOn'),
      dataIndex: 'issuedOn',
      key: 'issuedOn',
      width: 100,
      render: (d) => formatDate(d),
    },
    {
      title: t('certificateNo'),
      dataIndex: 'certificateNo',
      key: 'certificateNo',
      width: 130,
      render: (v) => v ?? '—',
    },
    {
      title: t('source'),
      dataIndex: 'source',
      key: 'source',
      width: 120,
      render: (s: string) => (
        <Tag color={SOURCE_COLORS[s] ?? 'default'}>{label('qualification_source', s)}</Tag>
      ),
    },
    {
      title: t('attachments'),
      key: 'attachments',
      width: 170,
      className: 'keep-decoration',
      render: (_v, q) => (
        <Flex vertical gap={2}>
          {q.attachments.map((a) => (
            <a
              key={a.id}
              href={attachmentUrl(a.id)}
              download={a.fileName}
              aria-label={t('download', { name: a.fileName })}
            >
              <PaperClipOutlined /> {a.fileName}
            </a>
          ))}
          {canEdit && !q.deletedAt ? (
            <Upload
              accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
              showUploadList={false}
              beforeUpload={(file) => {
                void attach(q, file);
                return Upload.LIST_IGNORE;
              }}
            >
              <Tooltip title={t('attachHint')}>
                <Button
                  size="small"
                  type="link"
                  icon={<UploadOutlined />}
                  style={{ padding: 0 }}
                  loading={upload.isPending && upload.variables?.qualificationId === q.id}
                >
                  {t('attach')}
                </Button>
              </Tooltip>
            </Upload>
          ) : null}
        </Flex>
      ),
    },
    ...(canEdit
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 90,
            fixed: 'right' as const,
            className: 'keep-decoration',
            render: (_v: unknown, q: Qualification) =>
              q.deletedAt ? null : (
                <Space size={0}>
                  <RowAction
                    tip={t('edit')}
                    icon={<EditOutlined />}
                    label={t('editRow', { name: titleOf(q) })}
                    onClick={() => setEditing(q)}
                  />
                  <RowAction
                    tip={t('delete')}
                    danger
                    icon={<DeleteOutlined />}
                    label={t('deleteRow', { name: titleOf(q) })}
                    onClick={() => setDeleting(q)}
                  />
                </Space>
              ),
          },
        ]
      : []),
  ];

  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <Switch
            id={`show-removed-${personId}`}
            checked={showRemoved}
            onChange={setShowRemoved}
            size="small"
          />
          <label htmlFor={`show-removed-${personId}`}>{t('showRemoved')}</label>
        </span>
        {canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('add')}
          </Button>
        ) : null}
      </Flex>
      {!isPending && groups.length === 0 ? <Empty description={t('empty')} /> : null}
      {isPending ? <Card loading /> : null}
      <Flex vertical gap={16}>
        {groups.map(([kind, items]) => (
          <Card
            key={kind}
            size="small"
            title={
              <Flex gap={8} align="baseline">
                <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
                  {label('qualification_kind', kind)}
                </Typography.Title>
                <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12 }}>
                  {t('count', { n: items.length })}
                </Typography.Text>
              </Flex>
            }
            styles={{ body: { padding: 0 } }}
          >
            <ListTable<Qualification>
              aria-label={label('qualification_kind', kind)}
              loading={isFetching && !isPending}
              columns={columns(kind)}
              dataSource={items}
              scroll={{ x: 1000 }}
              rowClassName={(q) => (q.deletedAt ? 'row-deleted' : '')}
            />
          </Card>
        ))}
      </Flex>
      {adding ? <QualificationFormModal personId={personId} onClose={() => setAdding(false)} /> : null}
      {editing ? (
        <QualificationFormModal personId={personId} editing={editing} onClose={() => setEditing(null)} />
      ) : null}
      {deleting ? (
        <DeleteQualificationModal
          personId={personId}
          qualification={deleting}
          title={titleOf(deleting)}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}
