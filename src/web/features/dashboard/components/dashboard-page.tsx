import { Col, Flex, Row, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { CLASS_STATUS_LABELS, type ClassStatus } from '../../../../contracts/classes';
import { PageHeader } from '../../../components/page-header';
import { PageSpinner, QueryErrorResult } from '../../../components/results';
import { useYearUnitParams, YearUnitFilters } from '../../../components/year-unit-filters';
import { formatPercent } from '../../../kit/numbers';
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
  const yu = useYearUnitParams();
  const { year, unitId } = yu;
  const filters: DashboardFilters = useMemo(() => ({ year, unitId }), [year, unitId]);
  const { data, error, isPending, isFetching, refetch } = useDashboard(filters);
  const gaps = useDashboardGaps(filters.unitId);
  const [drill, setDrill] = useState<Drill | null>(null);
  const navigate = useNavigate();

  const base = { year: filters.year, unitId: filters.unitId };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <YearUnitFilters idPrefix="dash" t={t} state={yu} />

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
                value={formatPercent(data.plan.pct, lang)}
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
