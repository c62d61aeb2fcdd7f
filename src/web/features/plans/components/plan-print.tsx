/**
 * A plan's lines on paper (ADR 041, 052): an official A4 landscape document with the plan's unit,
 * year and version in words, one row per line with codes turned into labels, and the totals row.
 */
import type { Totals } from '../../../../contracts/plans';
import type { PrintColumn } from '../../../kit/print/print-document';
import { PrintTable } from '../../../kit/print/print-table';
import { useCodeLabel } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { levelList } from '../../../lib/levels';
import type { PlanLine } from '../api/plans';
import { money, plansMessages } from '../messages';

type Row = { kind: 'line'; line: PlanLine } | { kind: 'total'; totals: Totals };

/** The lines as a plain table for PrintDocument's paper, the totals as its last row. */
export function PlanPrintTable({ lines, totals }: { lines: readonly PlanLine[]; totals: Totals }) {
  const t = useT(plansMessages);
  const label = useCodeLabel();
  const rows: Row[] = [
    ...lines.map((line) => ({ kind: 'line' as const, line })),
    ...(lines.length ? [{ kind: 'total' as const, totals }] : []),
  ];
  const of =
    (get: (l: PlanLine) => string, total = '') =>
    (r: Row) =>
      r.kind === 'line' ? get(r.line) : total;
  const columns: PrintColumn<Row>[] = [
    { key: 'stt', title: t('stt'), value: (r, i) => (r.kind === 'line' ? i + 1 : ''), align: 'right' },
    {
      key: 'kind',
      title: t('programmeKind'),
      value: (r) =>
        r.kind === 'line' ? label('programme_kind', r.line.programmeKind) : <b>{t('totalRow')}</b>,
    },
    {
      key: 'target',
      title: t('targetGroup'),
      value: of((l) => (l.targetList ? label(l.targetList, l.targetCode) : t('everyone'))),
    },
    { key: 'level', title: t('level'), value: of((l) => label(levelList(l.programmeKind) ?? '', l.level)) },
    {
      key: 'classes',
      title: t('classes'),
      align: 'right',
      value: (r) => (r.kind === 'line' ? money(r.line.classes) : <b>{money(r.totals.classes)}</b>),
    },
    {
      key: 'trainees',
      title: t('trainees'),
      align: 'right',
      value: (r) => (r.kind === 'line' ? money(r.line.trainees) : <b>{money(r.totals.trainees)}</b>),
    },
    {
      key: 'periods',
      title: t('periods'),
      align: 'right',
      value: of((l) => (l.periods == null ? '' : money(l.periods))),
    },
    {
      key: 'budget',
      title: t('budget'),
      align: 'right',
      value: (r) => (r.kind === 'line' ? money(r.line.budgetTotal) : <b>{money(r.totals.budget)}</b>),
    },
    {
      key: 'source',
      title: t('source'),
      value: of((l) => (l.source === 'needs' ? t('sourceNeeds') : t('sourceManual'))),
    },
    { key: 'note', title: t('note'), value: of((l) => l.note ?? '') },
  ];
  return (
    <PrintTable columns={columns} rows={rows} rowKey={(r) => (r.kind === 'line' ? r.line.id : 'total')} />
  );
}
