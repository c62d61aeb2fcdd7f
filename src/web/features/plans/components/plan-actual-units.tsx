import { Card, Flex, InputNumber, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryErrorResult } from '../../../components/results';
import { formatPercent } from '../../../kit/numbers';
import { useT } from '../../../lib/i18n';
import { getLang } from '../../../lib/lang';
import { type PlanActualByUnit, usePlanActualByUnit } from '../api/plans';
import { money, plansMessages, STATUS_COLORS, STATUS_KEYS } from '../messages';
import { KindLevel, useActualColumns } from './plan-actual';

type UnitRow = PlanActualByUnit['units'][number];
type KindRow = PlanActualByUnit['byKindLevel'][number];

const stt = {
  key: 'stt',
  width: 56,
  align: 'right' as const,
  render: (_v: unknown, _r: unknown, i: number) => i + 1,
};

/** "Thực hiện kế hoạch" of a year: each unit's plan, then each programme kind and level. */
export function PlanActualUnitsTab() {
  const t = useT(plansMessages);
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, isFetching, refetch } = usePlanActualByUnit(year);
  // A unit links to its plan, whose card links each line to its classes.
  const unitCols = useActualColumns<UnitRow>();
  const kindCols = useActualColumns<KindRow>();
  if (error) return <QueryErrorResult error={error} onRetry={refetch} />;
  const units: TableColumnsType<UnitRow> = [
    { title: t('stt'), ...stt },
    {
      title: t('unit'),
      key: 'unit',
      render: (_v, r) => (
        <Flex vertical align="start">
          <Link to={`/plans/${r.planId}`}>{r.unitName}</Link>
          <Tag color={STATUS_COLORS[r.planStatus]}>
            {t(STATUS_KEYS[r.planStatus as keyof typeof STATUS_KEYS] ?? 'statusDraft')}
          </Tag>
        </Flex>
      ),
    },
    ...unitCols,
  ];
  const kinds: TableColumnsType<KindRow> = [
    { title: t('stt'), ...stt },
    {
      title: t('programmeKind'),
      key: 'kind',
      render: (_v, r) => <KindLevel kind={r.programmeKind} level={r.level} />,
    },
    ...kindCols,
  ];
  const total = data?.total;
  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <label htmlFor="actual-year">{t('year')}</label>
        {/* A year being typed (2, 20, 202) is not asked for: only whole years in range change it. */}
        <InputNumber
          id="actual-year"
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && v >= 2000 && v <= 2100 && setYear(v)}
        />
        {total ? (
          <Typography.Text>
            <b>{t('totalRow')}:</b> {total.openedClasses}/{total.plannedClasses}{' '}
            {t('classesCol').toLowerCase()}
            {total.classesPct === null ? '' : ` (${formatPercent(total.classesPct, getLang())})`};{' '}
            {money(total.actualTrainees)}/{money(total.plannedTrainees)} ({t('traineesBySeats')});{' '}
            {money(total.committedBudget)} / {money(total.plannedBudget)} đ
          </Typography.Text>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t('actualYearHint')}</Typography.Paragraph>
      <Card size="small" title={t('actualByUnit')} style={{ marginBottom: 16 }}>
        <Table<UnitRow>
          aria-label={t('actualByUnit')}
          rowKey="planId"
          size="small"
          loading={isFetching}
          columns={units}
          dataSource={data?.units ?? []}
          pagination={false}
          locale={{ emptyText: t('actualNone', { year }) }}
          scroll={{ x: 900 }}
        />
      </Card>
      <Card size="small" title={t('actualByKind')}>
        <Table<KindRow>
          aria-label={t('actualByKind')}
          rowKey={(r) => `${r.programmeKind}:${r.level ?? ''}`}
          size="small"
          loading={isFetching}
          columns={kinds}
          dataSource={data?.byKindLevel ?? []}
          pagination={false}
          scroll={{ x: 900 }}
        />
      </Card>
    </>
  );
}
