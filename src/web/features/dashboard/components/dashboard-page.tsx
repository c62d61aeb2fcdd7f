import { Card, Col, Flex, Form, Row, Select, Spin, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { CLASS_STATUS_LABELS, type ClassStatus } from '../../../../contracts/classes';
import { PageHeader } from '../../../components/page-header';
import { PageSpinner, QueryErrorResult } from '../../../components/results';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { type DashboardFilters, type Drill, useDashboard, useDashboardGaps } from '../api/dashboard';
import { dashboardMessages, vnd } from '../messages';
import { DashboardCharts } from './dashboard-charts';
import { DrillDrawer } from './drill-drawer';
import { Kpi } from './tile';

const kpiCol = { xs: 24, sm: 12, xl: 8, xxl: 4 };

/** /dashboard — "Tổng quan": the year and the unit in the URL, tiles that stack on a phone. */
export function DashboardPage() {
  const t = useT(dashboardMessages);
  const [lang] = useLang();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const filters: DashboardFilters = useMemo(
    () => ({
      year: Number(params.get('year')) || thisYear,
      unitId: Number(params.get('unitId')) || undefined,
    }),
    [params, thisYear],
  );
  const { data, error, isPending, isFetching, refetch } = useDashboard(filters);
  const gaps = useDashboardGaps(filters.unitId);
  const [drill, setDrill] = useState<Drill | null>(null);
  const navigate = useNavigate();

  const set = useCallback(
    (patch: Record<string, string | undefined>) => {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      setParams(next);
    },
    [params, setParams],
  );
  const years = useMemo(() => {
    const list = Array.from({ length: 8 }, (_v, i) => thisYear + 1 - i);
    if (!list.includes(filters.year)) list.push(filters.year);
    return list.sort((a, b) => b - a);
  }, [thisYear, filters.year]);
  const base = { year: filters.year, unitId: filters.unitId };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div" role="search" aria-label={t('filtersLabel')}>
          <Row gutter={12}>
            <Col xs={10} md={4}>
              <Form.Item label={t('year')} htmlFor="dash-year" style={{ marginBottom: 0 }}>
                <Select
                  id="dash-year"
                  value={filters.year}
                  onChange={(v: number) => set({ year: String(v) })}
                  options={years.map((y) => ({ value: y, label: String(y) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={10}>
              <Form.Item label={t('unit')} htmlFor="dash-unit" style={{ marginBottom: 0 }}>
                <UnitTreeSelect
                  id="dash-unit"
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
            justify="space-between"
            align="center"
            gap={8}
            wrap
            role="status"
            aria-live="polite"
            style={{ marginBottom: 8 }}
          >
            <Typography.Text type="secondary">{t('clickHint')}</Typography.Text>
            {isFetching ? <Spin size="small" /> : null}
          </Flex>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col {...kpiCol}>
              <Kpi
                title={t('staff')}
                value={vnd(data.staff)}
                help={t('staffHelp')}
                readAt={data.readAt}
                onOpen={() =>
                  setDrill({ what: 'people', title: t('staff'), metric: 'staff', unitId: filters.unitId })
                }
              />
            </Col>
            <Col {...kpiCol}>
              <Kpi
                title={t('trainees', { year: data.year })}
                value={vnd(data.trainees)}
                help={t('traineesHelp')}
                readAt={data.readAt}
                onOpen={() =>
                  setDrill({
                    what: 'people',
                    title: t('trainees', { year: data.year }),
                    metric: 'trainees',
                    ...base,
                  })
                }
              />
            </Col>
            <Col {...kpiCol}>
              <Kpi
                title={t('classes', { year: data.year })}
                value={vnd(data.classes.total)}
                help={
                  data.classes.byStatus
                    .map((s) => `${CLASS_STATUS_LABELS[s.status as ClassStatus]?.[lang] ?? s.status}: ${s.n}`)
                    .join(' · ') || t('classesHelp')
                }
                readAt={data.readAt}
                onOpen={() =>
                  setDrill({ what: 'classes', title: t('classes', { year: data.year }), ...base })
                }
              />
            </Col>
            <Col {...kpiCol}>
              <Kpi
                title={t('plan')}
                value={data.plan.pct === null ? '—' : `${data.plan.pct.toLocaleString('vi-VN')}%`}
                help={
                  data.plan.plannedTrainees
                    ? t('planHelp', {
                        actual: vnd(data.plan.actualTrainees),
                        planned: vnd(data.plan.plannedTrainees),
                      })
                    : t('noPlan')
                }
                readAt={data.readAt}
                onOpen={() => setDrill({ what: 'people', title: t('plan'), metric: 'trainees', ...base })}
              />
            </Col>
            <Col {...kpiCol}>
              <Kpi
                title={t('cost', { year: data.year })}
                value={vnd(data.costs.total)}
                help={
                  data.costs.perTrainee === null
                    ? t('costsHelp')
                    : t('costHelp', { per: vnd(data.costs.perTrainee) })
                }
                readAt={data.readAt}
                onOpen={() => setDrill({ what: 'classes', title: t('cost', { year: data.year }), ...base })}
              />
            </Col>
            <Col {...kpiCol}>
              <Kpi
                title={t('gapsPeople')}
                value={gaps.data ? vnd(gaps.data.peopleWithGaps) : '…'}
                help={
                  gaps.data
                    ? t('gapsHelp', { headcount: vnd(gaps.data.headcount), date: formatDate(gaps.data.asOf) })
                    : t('loading')
                }
                readAt={gaps.data?.readAt}
                onOpen={() =>
                  navigate(
                    `/standards/gaps?${filters.unitId ? `unitId=${filters.unitId}&` : ''}by=rule&list=1`,
                  )
                }
              />
            </Col>
          </Row>
          <DashboardCharts data={data} gaps={gaps.data} unitId={filters.unitId} open={setDrill} />
          <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
        </>
      )}
    </>
  );
}
