import { Alert, Card, Col, Flex, Form, Row, Select, Spin, Typography } from 'antd';
import { type ReactNode, useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { PageSpinner, QueryErrorResult } from '../../../components/results';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { formatDateTime } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { type DuplicatedFilters, useDuplicatedTraining } from '../api/duplicated-training';
import { trainingOverlapMessages, vnd } from '../messages';
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
  const t = useT(trainingOverlapMessages);
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const filters: DuplicatedFilters = useMemo(
    () => ({
      year: Number(params.get('year')) || thisYear,
      unitId: Number(params.get('unitId')) || undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: PAGE_SIZE,
    }),
    [params, thisYear],
  );
  const { data, error, isPending, isFetching, refetch } = useDuplicatedTraining(filters);

  const set = useCallback(
    (patch: Record<string, string | undefined>) => {
      const next = new URLSearchParams(params);
      if (!('page' in patch)) next.delete('page');
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      setParams(next);
    },
    [params, setParams],
  );
  // The next year (classes being planned) and the past ones; a year typed in the URL stays offered.
  const years = useMemo(() => {
    const list = Array.from({ length: 8 }, (_v, i) => thisYear + 1 - i);
    if (!list.includes(filters.year)) list.push(filters.year);
    return list.sort((a, b) => b - a);
  }, [thisYear, filters.year]);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={<ExportButton path="/reports/duplicated-training/export.xlsx" filters={filters} />}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div" role="search" aria-label={t('filtersLabel')}>
          <Row gutter={12}>
            <Col xs={10} md={4}>
              <Form.Item label={t('year')} htmlFor="dup-year" style={{ marginBottom: 0 }}>
                <Select
                  id="dup-year"
                  value={filters.year}
                  onChange={(v: number) => set({ year: String(v) })}
                  options={years.map((y) => ({ value: y, label: String(y) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={10}>
              <Form.Item label={t('unit')} htmlFor="dup-unit" style={{ marginBottom: 0 }}>
                <UnitTreeSelect
                  id="dup-unit"
                  value={filters.unitId ?? null}
                  placeholder={t('wholeScope')}
                  onChange={(v) => set({ unitId: typeof v === 'number' ? String(v) : undefined })}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>

      {error && !data ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : isPending || !data ? (
        <PageSpinner />
      ) : (
        <>
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
              items={data.items}
              loading={isFetching}
              offset={(filters.page - 1) * filters.pageSize}
              pagination={{
                current: filters.page,
                pageSize: filters.pageSize,
                total: data.total,
                showSizeChanger: false,
                showTotal: (total) => t('total', { n: vnd(total) }),
                onChange: (page) => set({ page: String(page) }),
                style: { padding: '0 12px' },
                hideOnSinglePage: true,
              }}
            />
          </Card>
        </>
      )}
    </>
  );
}
