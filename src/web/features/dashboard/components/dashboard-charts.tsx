import { Col, Empty, Row } from 'antd';
import { useNavigate } from 'react-router';
import { STRUCTURE_MEASURES, TREND_PERIODS } from '../../../../contracts/dashboard';
import { formatPercent } from '../../../kit/numbers';
import { useCodeLabel } from '../../../lib/codes';
import { useLang, useT } from '../../../lib/i18n';
import type { Dashboard, DashboardGaps, Drill } from '../api/dashboard';
import { pivot } from '../charts/pivot';
import { RankedBars } from '../charts/ranked-bars';
import { SeriesBars } from '../charts/series-bars';
import { dashboardMessages, vnd } from '../messages';
import { Tile } from './tile';

interface Props {
  data: Dashboard;
  gaps: DashboardGaps | undefined;
  unitId: number | undefined;
  open: (d: Drill) => void;
}

const half = { xs: 24, lg: 12 };

/** The charts of the dashboard; every bar opens the people or classes behind it. */
export function DashboardCharts({ data, gaps, unitId, open }: Props) {
  const t = useT(dashboardMessages);
  const [lang] = useLang();
  const label = useCodeLabel();
  const navigate = useNavigate();
  const kindLabel = (k: string) => {
    const p = label('programme_kind', k);
    return p === k ? label('qualification_kind', k) : p;
  };
  const { year, readAt } = data;
  const base = { year, unitId };
  const pct = (n: number) => formatPercent(n, lang);
  const years = data.traineesByYear.years;
  const byLevel = pivot(
    data.traineesByYear.byLevel,
    years,
    (r) => r.year,
    (r) => r.level,
    (r) => r.n,
    'year',
  );
  const byKind = pivot(
    data.traineesByYear.byKind,
    years,
    (r) => r.year,
    (r) => r.kind,
    (r) => r.n,
    'year',
  );
  const periods = TREND_PERIODS.map((p) => p.label[lang]);
  const periodKey = new Map(TREND_PERIODS.map((p) => [p.label[lang], p.key]));
  const trends = pivot(
    data.trends,
    TREND_PERIODS.map((p) => p.key),
    (r) => r.period,
    (r) => r.kind,
    (r) => r.n,
    'period',
  );
  trends.data.forEach((row, i) => {
    row.period = periods[i];
  });
  const planData = data.plan.byKind.map((k) => ({
    kind: kindLabel(k.kind),
    code: k.kind,
    planned: k.plannedTrainees,
    actual: k.actualTrainees,
  }));
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noData')} />;

  return (
    <Row gutter={[12, 12]}>
      <Col {...half}>
        <Tile title={t('byLevelTitle')} help={t('byLevelHelp')} readAt={readAt}>
          <SeriesBars
            ariaLabel={t('byLevelTitle')}
            data={byLevel.data}
            xKey="year"
            stacked
            series={byLevel.series.map((s) => ({ key: s, label: label('unit_level', s) }))}
            onSelect={(y, level) =>
              open({
                what: 'people',
                title: `${t('byLevelTitle')} · ${label('unit_level', level)} · ${y}`,
                metric: 'trainees',
                ...base,
                year: Number(y),
                level,
              })
            }
          />
        </Tile>
      </Col>
      <Col {...half}>
        <Tile title={t('byKindTitle')} help={t('byKindHelp')} readAt={readAt}>
          <SeriesBars
            ariaLabel={t('byKindTitle')}
            data={byKind.data}
            xKey="year"
            stacked
            series={byKind.series.map((s) => ({ key: s, label: kindLabel(s) }))}
            onSelect={(y, kind) =>
              open({
                what: 'people',
                title: `${t('byKindTitle')} · ${kindLabel(kind)} · ${y}`,
                metric: 'trainees',
                ...base,
                year: Number(y),
                kind,
              })
            }
          />
        </Tile>
      </Col>
      <Col {...half}>
        <Tile title={t('planTitle', { year })} help={t('planHelp2')} readAt={readAt}>
          {planData.length ? (
            <SeriesBars
              ariaLabel={t('planTitle', { year })}
              data={planData}
              horizontal
              xKey="kind"
              series={[
                { key: 'planned', label: t('planned') },
                { key: 'actual', label: t('actual') },
              ]}
              onSelect={(kind, s) => {
                const code = planData.find((p) => p.kind === kind)?.code;
                if (s === 'planned') navigate(`/plans?year=${year}`);
                else
                  open({
                    what: 'people',
                    title: `${t('actual')} · ${kind} · ${year}`,
                    metric: 'trainees',
                    ...base,
                    kind: code,
                  });
              }}
            />
          ) : (
            empty
          )}
        </Tile>
      </Col>
      <Col {...half}>
        <Tile title={t('structureTitle')} help={t('structureHelp')} readAt={readAt}>
          <RankedBars
            ariaLabel={t('structureTitle')}
            max={100}
            format={pct}
            items={data.structure.map((s) => ({
              key: s.key,
              label: STRUCTURE_MEASURES.find((m) => m.key === s.key)!.label[lang],
              value: s.pct ?? 0,
            }))}
            onSelect={(key) => {
              const m = STRUCTURE_MEASURES.find((x) => x.key === key)!;
              open({
                what: 'people',
                title: m.label[lang],
                metric: 'structure',
                unitId,
                measure: m.key,
              });
            }}
          />
        </Tile>
      </Col>
      <Col {...half}>
        <Tile title={t('gapsTitle')} help={t('gapsTileHelp')} readAt={gaps?.readAt}>
          {gaps?.byRule.length ? (
            <RankedBars
              ariaLabel={t('gapsTitle')}
              items={gaps.byRule.map((r) => ({ key: r.ruleCode, label: r.label[lang], value: r.people }))}
              format={vnd}
              onSelect={(code) =>
                navigate(
                  `/standards/gaps?${new URLSearchParams({ ...(unitId ? { unitId: String(unitId) } : {}), by: 'rule', list: '1', ruleCode: code })}`,
                )
              }
            />
          ) : (
            empty
          )}
        </Tile>
      </Col>
      <Col {...half}>
        <Tile title={t('costsTitle', { year })} help={t('costsHelp')} readAt={readAt}>
          {data.costs.bySource.length ? (
            <RankedBars
              ariaLabel={t('costsTitle', { year })}
              format={vnd}
              items={data.costs.bySource.map((s) => ({
                key: s.source,
                label: label('funding_source', s.source),
                value: s.amount,
              }))}
              onSelect={(source) =>
                open({
                  what: 'classes',
                  title: `${t('costsTitle', { year })} · ${label('funding_source', source)}`,
                  ...base,
                  source,
                })
              }
            />
          ) : (
            empty
          )}
        </Tile>
      </Col>
      <Col xs={24}>
        <Tile title={t('trendsTitle')} help={t('trendsHelp')} readAt={readAt}>
          <SeriesBars
            ariaLabel={t('trendsTitle')}
            data={trends.data}
            xKey="period"
            stacked
            height={300}
            series={trends.series.map((s) => ({ key: s, label: kindLabel(s) }))}
            onSelect={(p, kind) =>
              open({
                what: 'people',
                title: `${t('trendsTitle')} · ${p} · ${kindLabel(kind)}`,
                metric: 'trend',
                unitId,
                period: periodKey.get(String(p)),
                kind,
              })
            }
          />
        </Tile>
      </Col>
    </Row>
  );
}
