import { Alert, Card, Col, Flex, Row, Spin, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { PageSpinner, QueryErrorResult } from '../../../components/results';
import { useYearUnitParams, YearUnitFilters } from '../../../components/year-unit-filters';
import { PrintButton } from '../../../kit/print/print-button';
import { PrintDocument } from '../../../kit/print/print-document';
import { formatDateTime } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useOrgTree } from '../../../lib/org-tree';
import { type DuplicatedFilters, useDuplicatedTraining } from '../api/duplicated-training';
import { duplicatedTrainingMessages, vnd } from '../messages';
import { ByClassTable, DuplicatedRowsTable } from './duplicated-tables';

const PAGE_SIZE = 50;

function Figure({ title, help, children }: { title: string; help: string; children: ReactNode }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div className="tabular" style={{ fontSize: 26, lineHeight: 1.3, margin: '2px 0' }}>
        {children}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {help}
      </Typography.Text>
    </Card>
  );
}

/** /reports/duplicated-training — "Đào tạo trùng lặp": the year and the unit in the URL. */
export function DuplicatedTrainingPage() {
  const t = useT(duplicatedTrainingMessages);
  const yu = useYearUnitParams();
  const { params, year, unitId, set } = yu;
  const filters: DuplicatedFilters = useMemo(
    () => ({ year, unitId, page: Math.max(1, Number(params.get('page')) || 1), pageSize: PAGE_SIZE }),
    [params, year, unitId],
  );
  const { data, error, isPending, isFetching, refetch } = useDuplicatedTraining(filters);
  const tree = useOrgTree();
  const unitName = unitId ? tree.data?.units.find((u) => u.id === unitId)?.name : undefined;

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <PrintButton disabled={!data} />
            <ExportButton path="/reports/duplicated-training/export.xlsx" filters={filters} />
          </>
        }
      />
      <YearUnitFilters idPrefix="dup" t={t} state={yu} />

      {error && !data ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : isPending || !data ? (
        <PageSpinner />
      ) : (
        <PrintDocument
          title={t('title')}
          filters={[
            { label: t('year'), value: String(year ?? '') },
            { label: t('unit'), value: unitName ?? t('wholeScope') },
          ]}
          readAt={formatDateTime(data.asOf)}
        >
          <Flex
            justify="end"
            align="center"
            gap={8}
            role="status"
            aria-live="polite"
            style={{ marginBottom: 8 }}
          >
            {isFetching ? <Spin size="small" /> : null}
            <Typography.Text type="secondary">
              {isFetching ? t('loading') : t('asOf', { time: formatDateTime(data.asOf) })}
            </Typography.Text>
          </Flex>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={24} sm={8}>
              <Figure title={t('rows')} help={t('rowsHelp')}>
                {vnd(data.totals.rows)}
              </Figure>
            </Col>
            <Col xs={24} sm={8}>
              <Figure title={t('people')} help={t('peopleHelp')}>
                {vnd(data.totals.people)}
              </Figure>
            </Col>
            <Col xs={24} sm={8}>
              <Figure title={t('cost')} help={t('costHelp')}>
                {vnd(data.totals.cost)}
              </Figure>
            </Col>
          </Row>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('howTitle')}
            description={t('how')}
          />
          <Card
            size="small"
            title={t('byClass')}
            style={{ marginBottom: 16 }}
            styles={{ body: { padding: 0 } }}
          >
            <ByClassTable items={data.byClass} loading={isFetching} />
          </Card>
          <Card size="small" title={t('rowsTitle')} styles={{ body: { padding: 0 } }}>
            <DuplicatedRowsTable
              query={{ data, error, isPending, isFetching, refetch }}
              page={filters.page}
              pageSize={filters.pageSize}
              onPageChange={(page) => set({ page: String(page) })}
            />
          </Card>
        </PrintDocument>
      )}
    </>
  );
}
