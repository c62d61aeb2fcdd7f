/**
 * Plan vs actual ("Thực hiện kế hoạch"): for a year, every line of the approved annual plans of the
 * subtree with its targets next to what carried it out, a subtotal per plan and a total. The
 * figures come from `planLineActuals` (the computation behind `/plans/actual`), not a twin.
 */
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  encodeCell,
  type ReportFilters,
  ReportPostFilters,
  type ReportRow,
} from '../../../../contracts/reports';
import { rowsOf } from '../../../db/rows';
import { andPostFilter, hasPostFilter, postAtSql } from '../../codes/post-filters';
import { OPENED } from '../../plans/plan-actual';
import { planLineActuals } from '../../plans/plan-actual-units';
import {
  cellOf,
  defineReport,
  describeFilters,
  peoplePage,
  postFiltersOf,
  type ReportContext,
} from '../framework';
import { labelOf, pct } from '../numbers';

const Cell = z.object({
  plan: z.number().int().nullable(),
  line: z.number().int().nullable(),
  m: z.enum(['seats', 'completed']),
});

const NUMBERS = [
  'planned_classes',
  'opened',
  'planned_trainees',
  'seats',
  'completed',
  'planned_budget',
  'cost',
] as const;
type Numbers = Record<(typeof NUMBERS)[number], number>;

interface Line extends Numbers {
  plan_id: number;
  unit_name: string;
  title: string;
  line_id: number | null;
  kind: string | null;
  target: string | null;
  level: string | null;
}

const only = (cell: z.infer<typeof Cell>) =>
  sql`${cell.plan !== null ? sql`and x.plan_id = ${cell.plan}` : sql``}
    ${cell.line !== null ? sql`and x.line_id = ${cell.line}` : sql``}`;

const yearOf = (ctx: ReportContext, f: ReportFilters) => f.year ?? ctx.clock.now().getUTCFullYear();

/** SQL: the lines of the year's approved plans in the report's scope (and the plan owner's level). */
const lines = (ctx: ReportContext, f: ReportFilters) =>
  planLineActuals(yearOf(ctx, f), ctx.scope.path, { status: 'approved', level: f.level });

/**
 * SQL `plan_id, line_id, person_id, detail`: the approved (or, `done`, passed) learners of the
 * lines, as the report counts them (`seats`, `completed`), kept to those whose post on 31/12 of
 * the year is in the post filters (ADR 061).
 */
function learners(ctx: ReportContext, f: ReportPostFilters, done: boolean): SQL {
  const all = sql`
      select x.plan_id, x.line_id, n.person_id, c.code || ' - ' || c.name as detail
      from (${lines(ctx, f)}) x
      join classes c on c.plan_line_id = x.line_id
      join class_nominations n on n.class_id = c.id and n.status = 'approved'
      ${done ? sql`join class_results r on r.nomination_id = n.id and r.passed` : sql``}
      where c.status in (${sql.raw(OPENED)})
      union all
      select x.plan_id, x.line_id, m.person_id, d.code || ' - ' || d.name
      from (${lines(ctx, f)}) x
      join abroad_delegations d on d.plan_line_id = x.line_id
      join abroad_members m on m.delegation_id = d.id
      where ${done ? sql`d.status in ('returned', 'closed') and m.completed is not false` : sql`d.status not in ('planned', 'cancelled')`}
      union all
      select x.plan_id, x.line_id, s.person_id, s.field
      from (${lines(ctx, f)}) x
      join postgrad_sponsorships s on s.plan_line_id = x.line_id
      where ${done ? sql`s.status = 'graduated'` : sql`true`}`;
  if (!hasPostFilter(f)) return all;
  return sql`select w.* from (${all}) w join people p on p.id = w.person_id
    where true${andPostFilter(postAtSql('p', sql`${`${yearOf(ctx, f)}-12-31`}::date`), f)}`;
}

/** line id -> [approved, passed] learners of the post filters. */
async function learnerCounts(
  ctx: ReportContext,
  f: ReportPostFilters,
): Promise<Map<number, [number, number]>> {
  const out = new Map<number, [number, number]>();
  for (const [i, done] of [false, true].entries()) {
    const res =
      await ctx.q.execute(sql`select w.line_id, count(*)::int as n from (${learners(ctx, f, done)}) w
      group by w.line_id`);
    for (const r of rowsOf<{ line_id: number; n: number }>(res)) {
      const e = out.get(Number(r.line_id)) ?? [0, 0];
      e[i] = Number(r.n);
      out.set(Number(r.line_id), e);
    }
  }
  return out;
}

const ZERO = Object.fromEntries(NUMBERS.map((k) => [k, 0])) as Numbers;

function add(a: Numbers, b: Numbers): Numbers {
  return Object.fromEntries(NUMBERS.map((k) => [k, a[k] + b[k]])) as Numbers;
}

function numberCells(n: Numbers): ReportRow['cells'] {
  return {
    ...Object.fromEntries(NUMBERS.map((k) => [k, n[k]])),
    classes_pct: pct(n.opened, n.planned_classes),
    trainees_pct: pct(n.seats, n.planned_trainees),
    budget_pct: pct(n.cost, n.planned_budget),
  };
}

const drillOf = (plan: number | null, line: number | null) => ({
  seats: encodeCell({ plan, line, m: 'seats' }),
  completed: encodeCell({ plan, line, m: 'completed' }),
});

export const planActualReport = defineReport({
  name: 'plan-actual',
  summary: 'Plan vs actual per plan line of the approved plans of a year, rolled up per plan and in total',
  query: ReportPostFilters,
  async build(ctx, f) {
    const year = yearOf(ctx, f);
    const postFilters = await postFiltersOf(ctx, f);
    // A post filter splits the learners only: plan targets, classes and money are not people.
    const byPost = hasPostFilter(f) ? await learnerCounts(ctx, f) : null;
    const res = await ctx.q.execute(sql`
      select x.plan_id, x.unit_name, x.title, x.line_id,
        ${labelOf(ctx, sql`'programme_kind'`, sql`x.programme_kind`)} as kind,
        ${labelOf(ctx, sql`x.target_list`, sql`x.target_code`)} as target,
        coalesce(${labelOf(ctx, sql`'level_' || x.programme_kind`, sql`x.level`)}, x.level) as level,
        ${sql.join(
          NUMBERS.map((k) => sql`coalesce(x.${sql.raw(k)}, 0)::bigint as ${sql.raw(k)}`),
          sql`, `,
        )}
      from (${lines(ctx, f)}) x
      order by x.path, x.plan_id, x.line_id nulls first`);
    const all = rowsOf<Line>(res).map((r) => {
      const n = Object.fromEntries(NUMBERS.map((k) => [k, Number(r[k])])) as Numbers;
      if (byPost) {
        const [seats, completed] = r.line_id === null ? [0, 0] : (byPost.get(Number(r.line_id)) ?? [0, 0]);
        Object.assign(n, { seats, completed });
      }
      return {
        ...r,
        ...n,
        plan_id: Number(r.plan_id),
        line_id: r.line_id === null ? null : Number(r.line_id),
      };
    });
    const rows: ReportRow[] = [];
    let total = ZERO;
    let stt = 0;
    for (const planId of [...new Set(all.map((r) => r.plan_id))]) {
      const mine = all.filter((r) => r.plan_id === planId);
      const sum = mine.reduce<Numbers>((s, r) => add(s, r), ZERO);
      total = add(total, sum);
      stt += 1;
      rows.push({
        key: `p${planId}`,
        subtotal: true,
        cells: { item: `${stt}. ${mine[0].unit_name}: ${mine[0].title}`, ...numberCells(sum) },
        drill: drillOf(planId, null),
      });
      for (const r of mine.filter((x) => x.line_id !== null)) {
        rows.push({
          key: `l${r.line_id}`,
          depth: 1,
          cells: {
            item: r.kind,
            target: r.target ?? ctx.t('Mọi đối tượng', 'Everyone'),
            level: r.level,
            ...numberCells(r),
          },
          drill: drillOf(planId, r.line_id),
        });
      }
    }
    const classes = ctx.t('Số lớp', 'Classes');
    const trainees = ctx.t('Học viên', 'Trainees');
    const money = ctx.t('Kinh phí (đồng)', 'Budget (VND)');
    const planned = ctx.t('Kế hoạch', 'Planned');
    const done = ctx.t('Thực hiện', 'Actual');
    const rate = ctx.t('Tỷ lệ (%)', 'Share (%)');
    return {
      report: 'plan-actual',
      title: ctx.t(
        `Kết quả thực hiện kế hoạch đào tạo, bồi dưỡng năm ${year}`,
        `Training plan vs actual ${year}`,
      ),
      readAt: ctx.readAt,
      // No category filter here: plan lines name their own target group.
      filters: [
        ...describeFilters(ctx, { ...f, category: undefined }),
        ...postFilters,
        { label: ctx.t('Năm', 'Year'), value: String(year) },
      ],
      columns: (byPost ? postColumns(ctx) : null) ?? [
        {
          key: 'item',
          label: ctx.t('Kế hoạch, loại chương trình', 'Plan, programme kind'),
          kind: 'text',
          width: 40,
        },
        { key: 'target', label: ctx.t('Đối tượng', 'Target group'), kind: 'text', width: 22 },
        { key: 'level', label: ctx.t('Trình độ', 'Level'), kind: 'text', width: 14 },
        { key: 'planned_classes', label: planned, kind: 'int', group: classes },
        { key: 'opened', label: ctx.t('Đã mở', 'Opened'), kind: 'int', group: classes },
        { key: 'classes_pct', label: rate, kind: 'percent', group: classes },
        { key: 'planned_trainees', label: planned, kind: 'int', group: trainees },
        { key: 'seats', label: ctx.t('Được duyệt', 'Approved'), kind: 'int', group: trainees },
        { key: 'completed', label: ctx.t('Hoàn thành', 'Passed'), kind: 'int', group: trainees },
        { key: 'trainees_pct', label: rate, kind: 'percent', group: trainees },
        { key: 'planned_budget', label: planned, kind: 'money', group: money },
        { key: 'cost', label: done, kind: 'money', group: money },
        { key: 'budget_pct', label: rate, kind: 'percent', group: money },
      ],
      rows,
      totals: {
        key: 'total',
        subtotal: true,
        cells: { item: ctx.t('Tổng cộng', 'Total'), ...numberCells(total) },
        drill: drillOf(null, null),
      },
      notes: [
        ...(byPost
          ? [
              ctx.t(
                'Lọc theo nhóm chức danh, chức danh (chức danh giữ ngày 31/12 của năm): chỉ số học viên được duyệt và hoàn thành được tính theo người thuộc nhóm. Chỉ tiêu kế hoạch, số lớp và kinh phí không chia theo người nên không hiển thị; xem báo cáo không lọc để so với kế hoạch.',
                'Filtered by post group or post (the post held on 31 December of the year): only the approved and passed learners are counted by the people of the group. Plan targets, classes and money are not people, so they are not shown; see the unfiltered report to compare with the plan.',
              ),
            ]
          : []),
        ctx.t(
          'Kế hoạch: các kế hoạch ĐTBD năm đã được phê duyệt của đơn vị và các đơn vị trực thuộc (bản đang áp dụng); lọc theo cấp là cấp của đơn vị lập kế hoạch.',
          'Plans: the approved annual training plans of the unit and its subunits (the version in force); the level filter is the level of the unit that made the plan.',
        ),
        ctx.t(
          'Thực hiện: lớp đã mở (từ khi nhận cử học) gắn với dòng kế hoạch; học viên là người được duyệt vào các lớp đó; hoàn thành là người có kết quả "đạt" đã lưu khi lớp kết thúc; kinh phí là dự toán ghi trên các lớp chưa huỷ. Tỷ lệ = thực hiện / kế hoạch.',
          'Actual: classes opened (from nominations on) that carry a plan line; trainees are the approved learners of those classes; passed are those with a stored passing result when the class finished; cost is the budget recorded on classes not cancelled. Share = actual / planned.',
        ),
        ctx.t(
          'Đào tạo ở nước ngoài: đoàn gắn với dòng kế hoạch, đã phê duyệt (tính như lớp đã mở); học viên là thành viên đoàn, hoàn thành là thành viên của đoàn đã về nước (trừ người được ghi là không hoàn thành). Sau đại học: mỗi người được cử đi học đã bắt đầu tính là một học viên, hoàn thành là người đã tốt nghiệp; không tính là lớp. Kinh phí là dự toán của đoàn, kinh phí cử đi học.',
          'Training abroad: delegations tied to a plan line, once approved (counted as opened classes); trainees are the members, passed are the members of a delegation that has returned (less those recorded as not completing). Postgraduate: each sponsorship started counts as one trainee, passed is one who graduated; they count as no class. Cost is the delegation’s budget and the sponsorship’s funding.',
        ),
        ctx.t(
          'Căn cứ: Nghị định 101/2017/NĐ-CP (sửa đổi bởi Nghị định 89/2021/NĐ-CP) về kế hoạch ĐTBD hằng năm; chế độ báo cáo thống kê theo Thông tư 18/2025/TT-BNV.',
          'Sources: Decree 101/2017/ND-CP (amended by Decree 89/2021/ND-CP) on annual training plans; statistical reporting under Circular 18/2025/TT-BNV.',
        ),
      ],
    };
  },
  async people(ctx, f, token, page) {
    await postFiltersOf(ctx, f);
    const cell = cellOf(token, Cell);
    const who = sql`select x.person_id, x.detail from (${learners(ctx, f, cell.m === 'completed')}) x
      where true ${only(cell)}`;
    const title =
      cell.m === 'completed'
        ? ctx.t('Học viên hoàn thành', 'Learners who passed')
        : ctx.t('Học viên được duyệt', 'Approved learners');
    return peoplePage(ctx, who, page, title);
  },
});

/** With a post filter: the lines and their learners of the group only (ADR 061). */
function postColumns(ctx: ReportContext) {
  const group = ctx.t('Học viên thuộc nhóm chức danh', 'Learners of the post group');
  return [
    {
      key: 'item',
      label: ctx.t('Kế hoạch, loại chương trình', 'Plan, programme kind'),
      kind: 'text' as const,
      width: 40,
    },
    { key: 'target', label: ctx.t('Đối tượng', 'Target group'), kind: 'text' as const, width: 22 },
    { key: 'level', label: ctx.t('Trình độ', 'Level'), kind: 'text' as const, width: 14 },
    { key: 'seats', label: ctx.t('Được duyệt', 'Approved'), kind: 'int' as const, group },
    { key: 'completed', label: ctx.t('Hoàn thành', 'Passed'), kind: 'int' as const, group },
  ];
}
