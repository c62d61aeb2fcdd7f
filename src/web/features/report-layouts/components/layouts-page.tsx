import { App, Button, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { PageSpinner, QueryErrorResult } from '../../../components/results';
import { FormModal } from '../../../kit/form-modal';
import { ListTable } from '../../../kit/server-table';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import {
  type ReportLayout,
  useCopyLayout,
  useDeleteLayout,
  usePublishLayout,
  useReportLayouts,
} from '../api/layouts';
import { layoutsMessages } from '../messages';

/** `/reports/layouts`: the layouts of the annual statistical report; copy, edit, remove. */
export function LayoutsPage() {
  const t = useT(layoutsMessages);
  const [lang] = useLang();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const { data, error, isPending, refetch } = useReportLayouts();
  const copy = useCopyLayout();
  const remove = useDeleteLayout();
  const publish = usePublishLayout();
  const { message } = App.useApp();
  const [copying, setCopying] = useState<ReportLayout | null>(null);
  if (isPending) return <PageSpinner />;
  if (error) return <QueryErrorResult error={error} onRetry={refetch} />;

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <ListTable<ReportLayout>
        size="middle"
        aria-label={t('title')}
        dataSource={data.items}
        columns={[
          { title: t('code'), dataIndex: 'code', width: 160 },
          {
            title: t('name'),
            key: 'name',
            render: (_v, l) => (
              <>
                <div>{lang === 'vi' ? l.nameVi : l.nameEn || l.nameVi}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {l.legalSource}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('owner'),
            key: 'owner',
            width: 180,
            render: (_v, l) => (
              <>
                {l.builtIn ? <Tag>{t('builtIn')}</Tag> : l.ownerUnitName}
                {l.draft ? <Tag color="orange">{t('draft')}</Tag> : null}
              </>
            ),
          },
          {
            title: t('effective'),
            key: 'effective',
            width: 190,
            render: (_v, l) =>
              `${formatDate(l.effectiveFrom)} – ${l.effectiveTo ? formatDate(l.effectiveTo) : '…'}`,
          },
          { title: t('version'), dataIndex: 'version', width: 90 },
          {
            title: '',
            key: 'actions',
            width: 300,
            render: (_v, l) => (
              <Space wrap>
                <Link to={`/reports/annual-statistics?layout=${l.id}`}>{t('open')}</Link>
                {data.canManage ? (
                  <Button size="small" onClick={() => setCopying(l)}>
                    {t('copy')}
                  </Button>
                ) : null}
                <Link to={`/reports/layouts/${l.id}`}>{l.editable ? t('edit') : t('open')}</Link>
                {l.editable && l.draft ? (
                  <Popconfirm
                    title={t('publishConfirm', { code: l.code })}
                    onConfirm={() =>
                      publish.mutate(
                        { id: l.id, version: l.version },
                        { onSuccess: () => message.success(t('published')), onError: (e) => onError(e) },
                      )
                    }
                  >
                    <Button size="small" type="primary">
                      {t('publish')}
                    </Button>
                  </Popconfirm>
                ) : null}
                {l.editable ? (
                  <Popconfirm
                    title={t('removeConfirm', { code: l.code })}
                    onConfirm={() => remove.mutate(l.id, { onError: (e) => onError(e) })}
                  >
                    <Button size="small" danger>
                      {t('remove')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {copying ? (
        <FormModal<{ code: string }, ReportLayout>
          title={t('copyTitle', { code: copying.code })}
          okText={t('copy')}
          onClose={() => setCopying(null)}
          initialValues={{ code: `${copying.code}_2` }}
          submit={({ code }) => copy.mutateAsync({ id: copying.id, code })}
          onDone={(made) => navigate(`/reports/layouts/${made.id}`)}
        >
          <Form.Item
            name="code"
            label={t('newCode')}
            rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{1,40}$/, message: t('keyPattern') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
        </FormModal>
      ) : null}
    </>
  );
}
