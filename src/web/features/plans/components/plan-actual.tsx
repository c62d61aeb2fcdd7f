import { Card, Progress, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { useCodeLabel } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { type PlanActual, usePlanActual } from '../api/plans';
import { levelList } from '../levels';
import { money, plansMessages } from '../messages';

type Row = PlanActual['lines'][number];

/** "Thực hiện kế hoạch": each line's targets against the classes that carry it out, live. */
export function PlanActualCard({ planId }: { planId: number }) {
  const t = useT(plansMessages);
  const label = useCodeLabel();
  const { data, isPending } = usePlanActual(planId, true);
  const bar = (p: number | null) =>
    p === null ? '—' : <Progress percent={Math.min(100, p)} format={() => `${p}%`} size="small" />;
  const columns: TableColumnsType<Row> = [
    { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('programmeKind'),
      key: 'kind',
      render: (_v, r) => (
        <>
          {label('programme_kind', r.programmeKind)}
          {r.level ? (
            <Typography.Text type="secondary">
              {' '}
              – {label(levelList(r.programmeKind) ?? '', r.level)}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('actualClasses'),
      key: 'classes',
      width: 210,
      render: (_v, r) => (
        <>
          <Link to={`/classes?planLineId=${r.lineId}`}>
            {r.openedClasses}/{r.plannedClasses}
          </Link>{' '}
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
                {data.total.classesPct === null ? '' : `(${data.total.classesPct}%)`}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3}>
                <b>
                  {money(data.total.actualTrainees)}/{money(data.total.plannedTrainees)}
                </b>{' '}
                {data.total.traineesPct === null ? '' : `(${data.total.traineesPct}%)`}
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
