import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type DocumentKind,
  type TemplateBodyT,
} from '../../../../contracts/documents';
import { PageHeader } from '../../../components/page-header';
import { PageSpinner, QueryErrorResult } from '../../../components/results';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import {
  previewTemplate,
  type TemplateView,
  useResetTemplate,
  useSaveTemplate,
  useTemplates,
} from '../api/documents';
import { documentsMessages } from '../messages';
import { DocPreview } from './doc-preview';

/** The form's values: lists edited as one paragraph (or recipient) a line. */
type FormValues = Omit<TemplateBodyT, 'body' | 'recipients'> & { body: string; recipients: string };

const toForm = (t: TemplateView): FormValues => ({
  parentBody: t.parentBody,
  issuingBody: t.issuingBody,
  symbol: t.symbol,
  place: t.place,
  title: t.title,
  summary: t.summary,
  body: t.body.join('\n'),
  recipients: t.recipients.join('\n'),
  signerAuthority: t.signerAuthority,
  signerTitle: t.signerTitle,
  signerName: t.signerName,
});
const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
const toBody = (v: FormValues): TemplateBodyT => ({
  parentBody: blankToNull(v.parentBody),
  issuingBody: blankToNull(v.issuingBody),
  symbol: v.symbol ?? '',
  place: v.place ?? '',
  title: v.title ?? '',
  summary: v.summary ?? '',
  body: lines(v.body),
  recipients: lines(v.recipients),
  signerAuthority: blankToNull(v.signerAuthority),
  signerTitle: v.signerTitle ?? '',
  signerName: v.signerName ?? '',
});

/** /admin/document-templates — the unit's templates of official documents, with a live preview (ADR 040). */
export function TemplatesPage() {
  const t = useT(documentsMessages);
  const [lang] = useLang();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const list = useTemplates();
  const save = useSaveTemplate();
  const reset = useResetTemplate();
  const [kind, setKind] = useState<DocumentKind>('class_opening');
  const [form] = Form.useForm<FormValues>();
  const current = list.data?.items.find((x) => x.kind === kind);
  useEffect(() => {
    if (current) form.setFieldsValue(toForm(current));
  }, [current, form]);
  const watched = Form.useWatch([], form) as FormValues | undefined;
  const body = useMemo(() => (watched ? toBody(watched) : null), [watched]);
  const debounced = useDebouncedValue(body, 400);
  const preview = useQuery({
    queryKey: ['document-preview', kind, debounced],
    queryFn: ({ signal }) => previewTemplate(kind, debounced as TemplateBodyT, signal),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

  if (list.error) return <QueryErrorResult error={list.error} onRetry={() => list.refetch()} />;
  if (list.isPending || !list.data) return <PageSpinner />;
  const unit = list.data.unitName;
  const whose = !current
    ? ''
    : current.unitId === list.data.unitId
      ? t('ownTemplate', { unit })
      : current.unitId
        ? t('inherited', { unit: current.unitName ?? '' })
        : t('defaultTemplate');

  const onSave = (v: FormValues) =>
    save
      .mutateAsync({ kind, body: toBody(v) })
      .then(() => message.success(t('saved')))
      .catch(onError);

  return (
    <>
      <PageHeader title={t('templatesTitle')} subtitle={t('templatesHelp', { unit })} />
      <Row gutter={16}>
        <Col xs={24} xl={11}>
          <Card size="small">
            <Flex vertical gap={8} style={{ marginBottom: 12 }}>
              <Select
                aria-label={t('kind')}
                value={kind}
                onChange={setKind}
                options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k][lang] }))}
              />
              <Typography.Text type="secondary">
                {whose} · {t('source')}: {current?.source}
              </Typography.Text>
            </Flex>
            <Form form={form} layout="vertical" onFinish={onSave} requiredMark={false}>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item name="parentBody" label={t('parentBody')} extra={t('parentBodyHelp')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="issuingBody" label={t('issuingBody')} extra={t('issuingBodyHelp')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="symbol" label={t('symbol')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="place" label={t('place')} rules={[{ required: true }]}>
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="title" label={t('title')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="summary" label={t('summary')}>
                <Input />
              </Form.Item>
              <Form.Item name="body" label={t('body')}>
                <Input.TextArea autoSize={{ minRows: 6, maxRows: 18 }} />
              </Form.Item>
              <Form.Item name="recipients" label={t('recipients')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
              <Row gutter={8}>
                <Col span={8}>
                  <Form.Item name="signerAuthority" label={t('signerAuthority')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="signerTitle" label={t('signerTitle')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="signerName" label={t('signerName')}>
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              <Typography.Text strong>{t('placeholders')}</Typography.Text>
              <div style={{ margin: '4px 0 12px' }}>
                {current?.placeholders.map((p) => (
                  <Tag key={p.key} title={lang === 'vi' ? p.vi : p.en}>{`{{${p.key}}}`}</Tag>
                ))}
              </div>
              <Space>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {t('save')}
                </Button>
                {current?.unitId === list.data.unitId ? (
                  <Button
                    onClick={() =>
                      reset
                        .mutateAsync(kind)
                        .then(() => message.success(t('resetDone')))
                        .catch(onError)
                    }
                  >
                    {t('reset')}
                  </Button>
                ) : null}
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('preview')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('previewHelp')}</Typography.Paragraph>
          {preview.error ? (
            <Alert
              type="warning"
              showIcon
              message={t('previewError', { message: (preview.error as Error).message })}
            />
          ) : null}
          {preview.data ? <DocPreview model={preview.data} label={t('preview')} /> : null}
        </Col>
      </Row>
    </>
  );
}
