import { Breadcrumb, Card, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { NotFoundResult, PageSpinner, QueryErrorResult } from '../../../components/results';
import { PrintButton } from '../../../kit/print/print-button';
import { PrintDocument } from '../../../kit/print/print-document';
import { formatDateTime } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { reportExportUrl, useReport } from '../api/reports';
import { findReport } from '../catalog';
import { filterInWords, subtitleInWords } from '../layout-words';
import { reportsMessages } from '../messages';
import { type FilterValues, ReportFilters } from './report-filters';
import { ReportPeopleDrawer } from './report-people-drawer';
import { type Drill, ReportTableView } from './report-table';

/** `/reports/:name`: any report of the catalogue, its filters in the URL, printable and exportable. */
export function ReportPage() {
  const t = useT(reportsMessages);
  const [lang] = useLang();
  const { name } = useParams();
  const entry = findReport(name);
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => Object.fromEntries(params.entries()), [params]);
  const [drill, setDrill] = useState<Drill | null>(null);
  const { data, error, isPending, isFetching, refetch } = useReport(entry?.name ?? '', query);
  const update = useCallback(
    (patch: FilterValues) => {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, v);
      }
      setParams(next, { replace: true });
    },
    [params, setParams],
  );

  if (!entry) return <NotFoundResult text={t('notFound')} />;
  return (
    <>
      <Breadcrumb
        className="no-print"
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/reports">{t('backToReports')}</Link> }, { title: entry.title[lang] }]}
      />
      <PageHeader
        title={data?.title ?? entry.title[lang]}
        subtitle={entry.description[lang]}
        extra={
          <span className="no-print" style={{ display: 'flex', gap: 8 }}>
            <PrintButton disabled={!data} />
            <ExportButton type="primary" href={reportExportUrl(entry.name, query)} />
          </span>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }} className="no-print">
        <ReportFilters keys={entry.filters} values={query} onChange={update} />
      </Card>
      {error ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : isPending || !data ? (
        <PageSpinner />
      ) : (
        <PrintDocument
          title={data.title}
          subtitle={subtitleInWords(data.subtitle)}
          filters={data.filters.map(filterInWords)}
          readAt={formatDateTime(data.readAt)}
          orientation={data.columns.length > 6 ? 'landscape' : 'portrait'}
        >
          <Card size="small" className="report-sheet">
            <div style={{ marginBottom: 8 }} className="no-print">
              {data.filters.map(filterInWords).map((f) => (
                <Typography.Text key={f.label} type="secondary" style={{ marginRight: 16 }}>
                  {f.label}: <Typography.Text>{f.value}</Typography.Text>
                </Typography.Text>
              ))}
              <Typography.Text type="secondary" data-testid="report-read-at">
                {t('readAt', { time: formatDateTime(data.readAt) })}
              </Typography.Text>
            </div>
            <ReportTableView table={data} loading={isFetching} onDrill={setDrill} />
            {data.notes.map((n) => (
              <Typography.Paragraph
                key={n}
                type="secondary"
                style={{ marginTop: 8, marginBottom: 0, fontSize: 13 }}
              >
                {n}
              </Typography.Paragraph>
            ))}
          </Card>
        </PrintDocument>
      )}
      {drill ? (
        <ReportPeopleDrawer report={entry.name} query={query} drill={drill} onClose={() => setDrill(null)} />
      ) : null}
    </>
  );
}
