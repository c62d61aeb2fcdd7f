import { Card, Progress, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { formatPercent } from '../../../kit/numbers';
import { useCodeLabel } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { getLang } from '../../../lib/lang';
import { levelList } from '../../../lib/levels';
import { type PlanActual, usePlanActual } from '../api/plans';
import { money, plansMessages } from '../messages';

type Row = PlanActual['lines'][number];
type Counts = PlanActual['total'];

const bar = (p: number | null) =>
  p === null ? (
    '—'
  ) : (
    <Progress percent={Math.min(100, p)} format={() => formatPercent(p, getLang())} size="small" />
  );

/**
 * The classes, trainees and budget columns of plan vs actual, shared by a plan's card and the
 * year's tab; `classesLink` makes the class count a link to the classes it counts.
 */
export function useActualColumns<T extends Counts>(classesLink?: (r: T) => string): TableColumnsType<T> {
  const t = useT(plansMessages);
  return [
    {
      title: t('actualClasses'),
      key: 'classes',
      width: 210,
      render: (_v, r) => (
        <>
          {classesLink ? (
            <Link to={classesLink(r)}>
              {r.openedClasses}/{r.plannedClasses}
            </Link>
          ) : (
            `${r.openedClasses}/${r.plannedClasses}`
          )}{' '}
          <Typography.Text type="secondary">{t('actualFinished', { n: r.finishedClasses })}</Typography.Text>
          {bar(r.classesPct)}
        </>
      ),
    },
    {
      title: t('actualTrainees'),
      key: 'trainees',
      width: 170,
      render: (_v, r) => (
        <>
          {money(r.actualTrainees)}/{money(r.plannedTrainees)}
          {bar(r.traineesPct)}
        </>
      ),
    },
    {
      title: t('actualBudget'),
      key: 'budget',
      width: 220,
      align: 'right',
      className: 'tabular',
      render: (_v, r) => `${money(r.committedBudget)} / ${money(r.plannedBudget)}`,
    },
  ];
}

/** "Lý luận chính trị – Trung cấp". */
export function KindLevel({ kind, level }: { kind: string; level: string | null }) {
  const label = useCodeLabel();
  return (
    <>
      {label('programme_kind', kind)}
      {level ? (
        <Typography.Text type="secondary"> – {label(levelList(kind) ?? '', level)}</Typography.Text>
      ) : null}
    </>
  );
}

/** "Thực hiện kế hoạch": each line's targets against the classes that carry it out, live. */
export function PlanActualCard({ planId }: { planId: number }) {
  const t = useT(plansMessages);
  const { data, isPending } = usePlanActual(planId, true);
  const actualColumns = useActualColumns<Row>((r) => `/classes?planLineId=${r.lineId}`);
  const columns: TableColumnsType<Row> = [
    { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('programmeKind'),
      key: 'kind',
      render: (_v, r) => <KindLevel kind={r.programmeKind} level={r.level} />,
    },
    ...actualColumns,
  ];
  return (
    <Card size="small" title={t('actualTitle')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('actualHint')}
        {data?.unplannedClasses ? ` ${t('actualUnplanned', { n: data.unplannedClasses })}` : ''}
      </Typography.Paragraph>
      <Table<Row>
        aria-label={t('actualTitle')}
        rowKey="lineId"
        size="small"
        loading={isPending}
        columns={columns}
        dataSource={data?.lines ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        summary={() =>
          data ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <b>{t('totalRow')}</b>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2}>
                <b>
                  {data.total.openedClasses}/{data.total.plannedClasses}
                </b>{' '}
                {data.total.classesPct === null ? '' : `(${formatPercent(data.total.classesPct, getLang())})`}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3}>
                <b>
                  {money(data.total.actualTrainees)}/{money(data.total.plannedTrainees)}
                </b>{' '}
                {data.total.traineesPct === null
                  ? ''
                  : `(${formatPercent(data.total.traineesPct, getLang())})`}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <b>
                  {money(data.total.committedBudget)} / {money(data.total.plannedBudget)}
                </b>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}
