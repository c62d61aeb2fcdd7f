/**
 * Training costs ("Kinh phí đào tạo, bồi dưỡng"): each class organised in the subtree that ended in
 * the period with its trainees, its budget by funding source and the cost per trainee; the same
 * rolled up by plan line; totals and the cost per trainee overall.
 */
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { encodeCell, ReportFilters, type ReportRow } from '../../../../contracts/reports';
import { rowsOf } from '../../../db/rows';
import { APPROVED, OPENED } from '../../plans/plan-actual';
import {
  cellOf,
  codeLabels,
  defineReport,
  describeFilters,
  peoplePage,
  periodOf,
  type ReportContext,
} from '../framework';
import { labelOf, perHead } from '../numbers';

const Cell = z.object({ by: z.enum(['class', 'line', 'all']), id: z.number().int().nullable() });

/** SQL: the opened classes organised in the subtree whose end date falls in the period. */
function classesOf(ctx: ReportContext, f: ReportFilters): SQL {
  const { from, to } = periodOf(f, ctx.clock);
  return sql`select c.* , ou.name as organiser, ou.path as organiser_path from classes c
    join org_units ou on ou.id = c.organiser_unit_id
    where c.status in (${sql.raw(OPENED)}) and c.ends_on between ${from}::date and ${to}::date
      and ou.path <@ ${ctx.scope.path}::ltree ${f.level ? sql`and ou.level = ${f.level}` : sql``}`;
}

interface ClassRow {
  id: number;
  code: string;
  name: string;
  organiser: string;
  line_id: number | null;
  line_label: string | null;
  plan_label: string | null;
  trainees: number;
  budget: Record<string, number | string>;
}

interface Sums {
  classes: number;
  trainees: number;
  amounts: Map<string, number>;
}

const addTo = (s: Sums, c: ClassRow) => {
  s.classes += 1;
  s.trainees += c.trainees;
  for (const [k, v] of Object.entries(c.budget)) s.amounts.set(k, (s.amounts.get(k) ?? 0) + Number(v));
  return s;
};
const empty = (): Sums => ({ classes: 0, trainees: 0, amounts: new Map() });

export const costsReport = defineReport({
  name: 'costs',
  summary: 'Training costs by class, by plan line and by funding source, with the cost per trainee',
  query: ReportFilters,
  async build(ctx, f) {
    const period = periodOf(f, ctx.clock);
    const kind = labelOf(ctx, sql`'programme_kind'`, sql`l.programme_kind`);
    const level = labelOf(ctx, sql`'level_' || l.programme_kind`, sql`l.level`);
    const target = labelOf(ctx, sql`l.target_list`, sql`l.target_code`);
    const res = await ctx.q.execute(sql`
      select c.id, c.code, c.name, c.organiser, c.budget, ap.n as trainees, l.id as line_id,
        ${kind} || coalesce(' (' || coalesce(${level}, l.level) || ')', '') || coalesce(' - ' || ${target}, '') as line_label,
        pu.name as plan_label
      from (${classesOf(ctx, f)}) c ${APPROVED}
        left join plan_lines l on l.id = c.plan_line_id
        left join annual_plans a on a.id = l.plan_id left join org_units pu on pu.id = a.unit_id
      order by c.organiser_path, c.starts_on, c.code, c.id`);
    const classes = rowsOf<ClassRow>(res).map((r) => ({
      ...r,
      id: Number(r.id),
      trainees: Number(r.trainees),
      line_id: r.line_id === null ? null : Number(r.line_id),
      budget: typeof r.budget === 'string' ? JSON.parse(r.budget) : r.budget,
    }));
    const labels = await codeLabels(ctx, 'funding_source');
    const used = new Set(classes.flatMap((c) => Object.keys(c.budget)));
    // Only the sources the classes use, in the code list's order (a narrower sheet to print).
    const sources = [
      ...[...labels.keys()].filter((s) => used.has(s)),
      ...[...used].filter((s) => !labels.has(s)).sort(),
    ];

    const cells = (s: Sums): ReportRow['cells'] => {
      const total = [...s.amounts.values()].reduce((a, b) => a + b, 0);
      const out: ReportRow['cells'] = { classes: s.classes, trainees: s.trainees, total };
      for (const src of sources) out[`src_${src}`] = s.amounts.get(src) ?? 0;
      out.per_trainee = perHead(total, s.trainees);
      return out;
    };
    const drill = (by: 'class' | 'line' | 'all', id: number | null) => ({ trainees: encodeCell({ by, id }) });
    const header = (key: string, label: string): ReportRow => ({
      key,
      subtotal: true,
      cells: { code: label },
    });

    const byLine = new Map<number | null, { plan: string | null; line: string | null; sums: Sums }>();
    for (const c of classes) {
      const entry = byLine.get(c.line_id) ?? { plan: c.plan_label, line: c.line_label, sums: empty() };
      addTo(entry.sums, c);
      byLine.set(c.line_id, entry);
    }
    const lineKeys = [...byLine.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : 0));
    const rows: ReportRow[] = [
      header('s-class', ctx.t('I. Theo lớp', 'I. By class')),
      ...classes.map((c) => ({
        key: `c${c.id}`,
        depth: 1,
        cells: { code: c.code, name: c.name, organiser: c.organiser, ...cells(addTo(empty(), c)) },
        drill: drill('class', c.id),
      })),
      header('s-line', ctx.t('II. Theo dòng kế hoạch', 'II. By plan line')),
      ...lineKeys.map((id) => {
        const e = byLine.get(id) as { plan: string | null; line: string | null; sums: Sums };
        return {
          key: `l${id ?? 'none'}`,
          depth: 1,
          cells: {
            name: id === null ? ctx.t('Lớp ngoài kế hoạch', 'Classes outside any plan') : e.line,
            organiser: e.plan,
            ...cells(e.sums),
          },
          drill: drill('line', id),
        };
      }),
    ];
    const bySource = ctx.t('Theo nguồn kinh phí (đồng)', 'By funding source (VND)');
    return {
      report: 'costs',
      title: ctx.t('Kinh phí đào tạo, bồi dưỡng', 'Training costs'),
      readAt: ctx.readAt,
      // Costs are per class: no learner category applies.
      filters: describeFilters(ctx, { ...f, category: undefined }, { period }),
      columns: [
        { key: 'code', label: ctx.t('Mã lớp', 'Class code'), kind: 'text', width: 14 },
        { key: 'name', label: ctx.t('Tên lớp, dòng kế hoạch', 'Class, plan line'), kind: 'text', width: 36 },
        {
          key: 'organiser',
          label: ctx.t('Đơn vị tổ chức, đơn vị lập kế hoạch', 'Organiser, planning unit'),
          kind: 'text',
          width: 28,
        },
        { key: 'classes', label: ctx.t('Số lớp', 'Classes'), kind: 'int' },
        { key: 'trainees', label: ctx.t('Học viên', 'Trainees'), kind: 'int' },
        ...sources.map((s) => ({
          key: `src_${s}`,
          label: labels.get(s) ?? s,
          kind: 'money' as const,
          group: bySource,
        })),
        { key: 'total', label: ctx.t('Tổng kinh phí (đồng)', 'Total cost (VND)'), kind: 'money' },
        { key: 'per_trainee', label: ctx.t('Bình quân một học viên', 'Per trainee'), kind: 'money' },
      ],
      rows,
      totals: {
        key: 'total',
        subtotal: true,
        cells: { code: ctx.t('Tổng cộng', 'Total'), ...cells(classes.reduce(addTo, empty())) },
        drill: drill('all', null),
      },
      notes: [
        ctx.t(
          'Lớp thuộc kỳ khi ngày kết thúc nằm trong kỳ; chỉ tính lớp đã mở (từ khi nhận cử học, không tính lớp huỷ) do đơn vị và các đơn vị trực thuộc tổ chức; lọc cấp là cấp của đơn vị tổ chức.',
          'A class belongs to the period when its end date falls in it; only opened classes (from nominations on, cancelled ones excluded) organised by the unit and its subunits count; the level filter is the organiser’s level.',
        ),
        ctx.t(
          'Kinh phí: dự toán kinh phí ghi trên lớp theo từng nguồn. Học viên: người được duyệt vào lớp. Bình quân = tổng kinh phí / số học viên. Chưa gồm kinh phí các đoàn đi nước ngoài.',
          'Cost: the budget recorded on each class by funding source. Trainees: learners approved into the class. Per trainee = total cost / trainees. Delegations abroad are not included.',
        ),
        ctx.t(
          'Căn cứ: Thông tư 36/2018/TT-BTC về lập dự toán, quản lý, sử dụng và quyết toán kinh phí đào tạo, bồi dưỡng cán bộ, công chức, viên chức.',
          'Source: Circular 36/2018/TT-BTC on budgeting, use and settlement of training funds for cadres, civil servants and public employees.',
        ),
      ],
    };
  },
  async people(ctx, f, token, page) {
    const cell = cellOf(token, Cell);
    const match =
      cell.by === 'class'
        ? sql`and c.id = ${cell.id ?? 0}`
        : cell.by === 'line'
          ? cell.id === null
            ? sql`and c.plan_line_id is null`
            : sql`and c.plan_line_id = ${cell.id}`
          : sql``;
    const who = sql`select n.person_id, c.code || ' - ' || c.name as detail
      from (${classesOf(ctx, f)}) c join class_nominations n on n.class_id = c.id and n.status = 'approved'
      where true ${match}`;
    return peoplePage(ctx, who, page, ctx.t('Học viên của lớp', 'Learners of the class'));
  },
});
