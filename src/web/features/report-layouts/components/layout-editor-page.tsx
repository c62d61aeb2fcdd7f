import { Alert, App, Breadcrumb, Button, Card, Form, Input, Row } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import type { LayoutColumn, LayoutRow } from '../../../../contracts/report-layouts';
import { DateInput } from '../../../components/date-input';
import { PageHeader } from '../../../components/page-header';
import { NotFoundResult, PageSpinner, QueryErrorResult } from '../../../components/results';
import { Field } from '../../../kit/field';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type ReportLayoutBody, useReportLayouts, useSaveLayout } from '../api/layouts';
import { layoutsMessages } from '../messages';
import { LayoutColumnsEditor } from './layout-columns';
import { LayoutRowsEditor } from './layout-rows';

/** Drop what the form leaves empty: blank group headers, cleared optional codes, empty selector lists. */
function cleaned(v: ReportLayoutBody): ReportLayoutBody {
  const rows = v.rows.map((r): LayoutRow => {
    const selector = Object.fromEntries(
      Object.entries(r.selector ?? {}).filter(([, list]) => Array.isArray(list) && list.length > 0),
    );
    return { ...r, depth: r.depth ?? 0, label: { vi: r.label.vi, en: r.label.en ?? '' }, selector };
  });
  const columns = v.columns.map((c): LayoutColumn => {
    const m = c.measure;
    const measure: LayoutColumn['measure'] =
      m.measure === 'holds'
        ? { measure: m.measure, kind: m.kind, minLevel: m.minLevel }
        : m.measure === 'trained'
          ? { measure: m.measure, programmeKind: m.programmeKind, ...(m.level ? { level: m.level } : {}) }
          : m.measure === 'rated'
            ? { measure: m.measure, minRating: m.minRating }
            : { measure: m.measure };
    const group = c.group?.vi || c.group?.en ? { vi: c.group.vi ?? '', en: c.group.en ?? '' } : undefined;
    return {
      key: c.key,
      label: { vi: c.label.vi, en: c.label.en ?? '' },
      ...(group ? { group } : {}),
      measure,
    };
  });
  return { ...v, nameEn: v.nameEn ?? '', effectiveTo: v.effectiveTo || null, rows, columns };
}

/** `/reports/layouts/:id`: a layout's form, rows and columns; read-only unless the user may change it. */
export function LayoutEditorPage() {
  const t = useT(layoutsMessages);
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const id = Number(useParams().id);
  const { data, error, isPending, refetch } = useReportLayouts();
  const save = useSaveLayout();
  const [form] = Form.useForm<ReportLayoutBody>();
  const layout = data?.items.find((l) => l.id === id);
  useEffect(() => {
    if (layout) form.setFieldsValue(layout);
  }, [layout, form]);
  if (isPending) return <PageSpinner />;
  if (error) return <QueryErrorResult error={error} onRetry={refetch} />;
  if (!layout) return <NotFoundResult />;
  const disabled = !layout.editable;

  const submit = async () => {
    const values = await form.validateFields();
    save.mutate(
      { id, body: { ...cleaned(values), version: layout.version } },
      {
        onSuccess: () => message.success(t('saved')),
        onError: (e) => onError(e, { form, conflictMeansStale: true, onReload: () => refetch() }),
      },
    );
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/reports/layouts">{t('back')}</Link> }, { title: layout.nameVi }]}
      />
      <PageHeader
        title={t('editTitle', { code: layout.nameVi })}
        extra={
          <>
            <Link to={`/reports/annual-statistics?layout=${layout.id}`}>{t('open')}</Link>
            {layout.editable ? (
              <Button type="primary" onClick={submit} loading={save.isPending}>
                {t('save')}
              </Button>
            ) : null}
          </>
        }
      />
      {disabled ? <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" disabled={disabled} initialValues={layout}>
        <Card size="small" title={t('general')} style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Field
              xs={24}
              md={6}
              name="code"
              label={t('code')}
              rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{1,40}$/ }]}
            >
              <Input maxLength={40} />
            </Field>
            <Field xs={24} md={9} name="nameVi" label={t('nameVi')} required={t('required')}>
              <Input maxLength={300} />
            </Field>
            <Field xs={24} md={9} name="nameEn" label={t('nameEn')}>
              <Input maxLength={300} />
            </Field>
            <Field xs={24} md={12} name="legalSource" label={t('legalSource')} required={t('required')}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Field>
            <Field xs={12} md={6} name="effectiveFrom" label={t('effectiveFrom')} required={t('required')}>
              <DateInput allowClear={false} />
            </Field>
            <Field xs={12} md={6} name="effectiveTo" label={t('effectiveTo')}>
              <DateInput />
            </Field>
          </Row>
        </Card>
        <Card size="small" title={t('rows')} style={{ marginBottom: 16 }}>
          <LayoutRowsEditor disabled={disabled} />
        </Card>
        <Card size="small" title={t('columns')}>
          <LayoutColumnsEditor disabled={disabled} />
        </Card>
      </Form>
    </>
  );
}
