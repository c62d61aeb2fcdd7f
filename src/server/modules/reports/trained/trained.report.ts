/**
 * Trained in a period ("Kết quả đào tạo, bồi dưỡng trong kỳ"): classes, periods and trainees by
 * programme kind, by the organiser's level and by institution, with the passed and the share
 * trained abroad. Classes count where the subtree organised them; trainees count where the
 * learners belong (a commune's people sent to a provincial class are the commune's trainees).
 * Delegations abroad count as classes of the kind "ABROAD" and their members as trainees abroad.
 */
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  encodeCell,
  ORG_LEVEL_LABELS,
  ORG_LEVELS,
  type ReportFilters,
  ReportPostFilters,
  type ReportRow,
} from '../../../../contracts/reports';
import { viCompare } from '../../../../contracts/text';
import { rowsOf } from '../../../db/rows';
import { andPostFilter, hasPostFilter, postAtSql } from '../../codes/post-filters';
import { OPENED } from '../../plans/plan-actual';
import {
  cellOf,
  codeLabel,
  codeLabels,
  defineReport,
  describeFilters,
  peoplePage,
  periodOf,
  postFiltersOf,
  type ReportContext,
  UNIT_TIERS,
} from '../framework';
import { pct } from '../numbers';

/** Delegations that were formed (approved by decision) and not cancelled. */
const FORMED = "'approved', 'travelling', 'returned', 'closed'";

const SECTIONS = ['kind', 'level', 'inst'] as const;
type Section = (typeof SECTIONS)[number];
const Cell = z.object({
  s: z.enum([...SECTIONS, 'all']),
  v: z.union([z.string(), z.number()]).nullable(),
  m: z.enum(['trainees', 'completed', 'abroad']),
});

/** `grouping(kind, org_level, inst)` of each grouping set. */
const GROUP_BITS: Record<number, Section | 'all'> = { 3: 'kind', 5: 'level', 6: 'inst', 7: 'all' };

interface Filtered {
  from: string;
  to: string;
  scope: SQL;
  level: SQL;
}

function filtered(ctx: ReportContext, f: ReportFilters): Filtered {
  const { from, to } = periodOf(f, ctx.clock);
  return {
    from,
    to,
    scope: sql`${ctx.scope.path}::ltree`,
    level: f.level ? sql`and ot.tier = ${f.level}` : sql``,
  };
}

/** SQL: classes (and delegations) organised in the subtree that ended in the period. */
function organised(ctx: ReportContext, f: ReportFilters): SQL {
  const x = filtered(ctx, f);
  return sql`
    select pr.kind, ot.tier as org_level, c.institution_id as inst, pr.periods
    from classes c join programmes pr on pr.id = c.programme_id join org_units ou on ou.id = c.organiser_unit_id join ${UNIT_TIERS} ot on ot.id = ou.id
    where c.status in (${sql.raw(OPENED)}) and c.ends_on between ${x.from}::date and ${x.to}::date
      and ou.path <@ ${x.scope} ${x.level}
    union all
    select 'ABROAD', ot.tier, d.partner_institution_id, pr.periods
    from abroad_delegations d join org_units ou on ou.id = d.organiser_unit_id join ${UNIT_TIERS} ot on ot.id = ou.id
      left join programmes pr on pr.id = d.programme_id
    where d.status in (${sql.raw(FORMED)}) and d.returns_on between ${x.from}::date and ${x.to}::date
      and ou.path <@ ${x.scope} ${x.level}`;
}

/** SQL: one row per learner of the subtree in a class (or delegation) that ended in the period. */
function enrolments(ctx: ReportContext, f: ReportPostFilters): SQL {
  const x = filtered(ctx, f);
  // The learner's category (their current record) and post (the one held at the period's end,
  // ADR 061); people are joined only when one of them is asked for.
  const category = sql`${f.category ? sql`and p.category = ${f.category}` : sql``}${andPostFilter(postAtSql('p', sql`${x.to}::date`), f)}`;
  const person = (col: SQL) => (f.category || hasPostFilter(f) ? sql`join people p on p.id = ${col}` : sql``);
  return sql`
    select n.person_id, pr.kind, ot.tier as org_level, c.institution_id as inst, pr.periods,
      coalesce(r.passed, false) as passed, false as abroad, c.code || ' - ' || c.name as detail
    from class_nominations n join classes c on c.id = n.class_id join programmes pr on pr.id = c.programme_id
      join org_units ou on ou.id = c.organiser_unit_id join ${UNIT_TIERS} ot on ot.id = ou.id join org_units lu on lu.id = n.unit_id
      ${person(sql`n.person_id`)} left join class_results r on r.nomination_id = n.id
    where n.status = 'approved' and c.status in (${sql.raw(OPENED)})
      and c.ends_on between ${x.from}::date and ${x.to}::date and lu.path <@ ${x.scope} ${category} ${x.level}
    union all
    select m.person_id, 'ABROAD', ot.tier, d.partner_institution_id, pr.periods,
      coalesce(m.completed, false), true, d.code || ' - ' || d.name
    from abroad_members m join abroad_delegations d on d.id = m.delegation_id
      join org_units ou on ou.id = d.organiser_unit_id join ${UNIT_TIERS} ot on ot.id = ou.id join org_units lu on lu.id = m.unit_id
      ${person(sql`m.person_id`)} left join programmes pr on pr.id = d.programme_id
    where d.status in (${sql.raw(FORMED)}) and d.returns_on between ${x.from}::date and ${x.to}::date
      and lu.path <@ ${x.scope} ${category} ${x.level}`;
}

interface Counts {
  classes: number;
  periods: number;
  trainees: number;
  completed: number;
  abroad: number;
  person_periods: number;
}
const ZERO: Counts = { classes: 0, periods: 0, trainees: 0, completed: 0, abroad: 0, person_periods: 0 };

/** Section -> value (kind code, level code, institution id or '' for none) -> counts. */
type Grouped = Record<Section | 'all', Map<string, Counts>>;

async function grouped(ctx: ReportContext, f: ReportPostFilters): Promise<Grouped> {
  const sets = sql`group by grouping sets ((kind), (org_level), (inst), ())`;
  const head = sql`select grouping(kind, org_level, inst)::int as g, kind, org_level, inst::text as inst`;
  const classes = rowsOf<Record<string, unknown>>(
    await ctx.q.execute(sql`${head}, count(*)::int as classes, coalesce(sum(periods), 0)::bigint as periods
      from (${organised(ctx, f)}) k ${sets}`),
  );
  const trainees = rowsOf<Record<string, unknown>>(
    await ctx.q.execute(sql`${head}, count(*)::int as trainees,
        count(*) filter (where passed)::int as completed, count(*) filter (where abroad)::int as abroad,
        coalesce(sum(periods), 0)::bigint as person_periods
      from (${enrolments(ctx, f)}) e ${sets}`),
  );
  const out: Grouped = { kind: new Map(), level: new Map(), inst: new Map(), all: new Map() };
  for (const r of [...classes, ...trainees]) {
    const section = GROUP_BITS[Number(r.g)];
    const value = String(
      (section === 'kind' ? r.kind : section === 'level' ? r.org_level : section === 'inst' ? r.inst : '') ??
        '',
    );
    const c = { ...ZERO, ...out[section].get(value) };
    for (const k of Object.keys(ZERO) as (keyof Counts)[]) if (r[k] !== undefined) c[k] = Number(r[k]);
    out[section].set(value, c);
  }
  return out;
}

function rowOf(
  key: string,
  label: string,
  c: Counts,
  s: Section | 'all',
  v: string | number | null,
): ReportRow {
  return {
    key,
    depth: s === 'all' ? 0 : 1,
    cells: {
      item: label,
      ...c,
      completed_pct: pct(c.completed, c.trainees),
      abroad_pct: pct(c.abroad, c.trainees),
    },
    drill: {
      trainees: encodeCell({ s, v, m: 'trainees' }),
      completed: encodeCell({ s, v, m: 'completed' }),
      abroad: encodeCell({ s, v, m: 'abroad' }),
    },
  };
}

async function institutionNames(ctx: ReportContext, ids: string[]): Promise<Map<string, string>> {
  const numeric = ids.filter((id) => id !== '').map(Number);
  if (!numeric.length) return new Map();
  const res = await ctx.q.execute(
    sql`select id::text as id, name from institutions where id = any(${sql.param(numeric)}::int[])`,
  );
  return new Map(rowsOf<{ id: string; name: string }>(res).map((r) => [r.id, r.name]));
}

export const trainedReport = defineReport({
  name: 'trained',
  summary:
    'Trained in a period: classes, periods, trainees, passed and abroad by kind, level and institution',
  query: ReportPostFilters,
  async build(ctx, f) {
    const postFilters = await postFiltersOf(ctx, f);
    const period = periodOf(f, ctx.clock);
    const g = await grouped(ctx, f);
    const kinds = await codeLabels(ctx, 'programme_kind');
    const unitLevels = await codeLabels(ctx, 'unit_level');
    const insts = await institutionNames(ctx, [...g.inst.keys()]);
    const header = (key: string, label: string): ReportRow => ({
      key,
      subtotal: true,
      cells: { item: label },
    });
    const known = (k: string) => ORG_LEVELS.includes(k as (typeof ORG_LEVELS)[number]);
    const levelLabel = (l: string) =>
      known(l) ? ORG_LEVEL_LABELS[l as (typeof ORG_LEVELS)[number]][ctx.lang] : (unitLevels.get(l) ?? l);
    const instOrder = [...g.inst.keys()].sort((x, y) =>
      x === '' ? 1 : y === '' ? -1 : viCompare(insts.get(x) ?? x, insts.get(y) ?? y),
    );
    const rows: ReportRow[] = [
      header('s-kind', ctx.t('I. Theo loại chương trình', 'I. By programme kind')),
      ...[...kinds.keys(), ...[...g.kind.keys()].filter((k) => !kinds.has(k))]
        .filter((k) => g.kind.has(k))
        .map((k) => rowOf(`kind-${k}`, kinds.get(k) ?? k, g.kind.get(k) ?? ZERO, 'kind', k)),
      header('s-level', ctx.t('II. Theo cấp tổ chức lớp', 'II. By level of the organiser')),
      ...[...ORG_LEVELS, ...[...g.level.keys()].filter((l) => !known(l))]
        .filter((l) => g.level.has(l))
        .map((l) => rowOf(`level-${l}`, levelLabel(l), g.level.get(l) ?? ZERO, 'level', l)),
      header('s-inst', ctx.t('III. Theo cơ sở đào tạo', 'III. By institution')),
      ...instOrder.map((i) =>
        rowOf(
          `inst-${i || 'none'}`,
          i ? (insts.get(i) ?? i) : ctx.t('(Không ghi cơ sở đào tạo)', '(No institution recorded)'),
          g.inst.get(i) ?? ZERO,
          'inst',
          i ? Number(i) : null,
        ),
      ),
    ];
    const trainees = ctx.t('Lượt học viên', 'Trainee enrolments');
    return {
      report: 'trained',
      title: ctx.t('Kết quả đào tạo, bồi dưỡng trong kỳ', 'Training delivered in the period'),
      readAt: ctx.readAt,
      filters: [
        ...describeFilters(ctx, f, {
          period,
          categoryLabel: await codeLabel(ctx, 'category', f.category),
        }),
        ...postFilters,
      ],
      columns: [
        { key: 'item', label: ctx.t('Nội dung', 'Breakdown'), kind: 'text', width: 40 },
        { key: 'classes', label: ctx.t('Số lớp (đoàn)', 'Classes (delegations)'), kind: 'int' },
        { key: 'periods', label: ctx.t('Số tiết', 'Periods'), kind: 'int' },
        { key: 'trainees', label: ctx.t('Tổng số', 'Total'), kind: 'int', group: trainees },
        { key: 'completed', label: ctx.t('Hoàn thành', 'Passed'), kind: 'int', group: trainees },
        {
          key: 'completed_pct',
          label: ctx.t('Tỷ lệ hoàn thành', 'Passed share'),
          kind: 'percent',
          group: trainees,
        },
        { key: 'abroad', label: ctx.t('Ở nước ngoài', 'Abroad'), kind: 'int', group: trainees },
        {
          key: 'abroad_pct',
          label: ctx.t('Tỷ lệ ở nước ngoài', 'Abroad share'),
          kind: 'percent',
          group: trainees,
        },
        { key: 'person_periods', label: ctx.t('Người-tiết', 'Trainee-periods'), kind: 'int' },
      ],
      rows,
      totals: {
        ...rowOf('total', ctx.t('Tổng cộng', 'Total'), g.all.get('') ?? ZERO, 'all', null),
        subtotal: true,
      },
      notes: [
        ctx.t(
          'Một lớp thuộc kỳ khi ngày kết thúc nằm trong kỳ; chỉ tính lớp đã mở (từ khi nhận cử học, không tính lớp huỷ). Đoàn đi nước ngoài tính theo ngày về, khi đã được phê duyệt và không bị huỷ; mỗi đoàn tính là một lớp loại "Đào tạo, bồi dưỡng ở nước ngoài".',
          'A class belongs to the period when its end date falls in it; only opened classes count (from nominations on, cancelled ones excluded). A delegation abroad counts by its return date once approved and not cancelled, as one class of the kind "Training abroad".',
        ),
        ctx.t(
          'Số lớp, số tiết: lớp do đơn vị và các đơn vị trực thuộc tổ chức. Học viên: lượt người của đơn vị và các đơn vị trực thuộc được duyệt vào lớp (theo đơn vị khi được cử), ở bất kỳ lớp nào; một người học hai lớp tính hai lượt. Lọc đối tượng, nhóm chức danh, chức danh áp dụng cho học viên (đối tượng theo hồ sơ hiện tại, chức danh giữ vào ngày cuối kỳ); lọc cấp là cấp của đơn vị tổ chức lớp.',
          "Classes and periods: classes organised by the unit and its subunits. Trainees: enrolments of the unit's and subunits' people approved into a class (by their unit when nominated), whoever organised it; one person in two classes counts twice. The category, post group and post filters apply to trainees (the category of their current record, the post held at the period's end); the level filter is the organiser's level.",
        ),
        ctx.t(
          'Số tiết: số tiết của chương trình mỗi lớp. Người-tiết: tổng số tiết chương trình của mọi lượt học viên. Hoàn thành: có kết quả "đạt" đã lưu khi lớp kết thúc, hoặc thành viên đoàn được ghi nhận hoàn thành. Tỷ lệ ở nước ngoài = lượt học viên ở nước ngoài / tổng lượt học viên.',
          'Periods: the programme periods of each class. Trainee-periods: programme periods summed over every enrolment. Passed: a passing result stored when the class finished, or a delegation member recorded as completed. Abroad share = enrolments abroad / all enrolments.',
        ),
        ctx.t(
          'Căn cứ: Nghị định 101/2017/NĐ-CP (sửa đổi bởi Nghị định 89/2021/NĐ-CP); chế độ báo cáo thống kê theo Thông tư 18/2025/TT-BNV (báo cáo năm gửi trước 28/02 năm sau).',
          'Sources: Decree 101/2017/ND-CP (amended by Decree 89/2021/ND-CP); statistical reporting under Circular 18/2025/TT-BNV (annual report due by 28 February).',
        ),
      ],
    };
  },
  async people(ctx, f, token, page) {
    await postFiltersOf(ctx, f);
    const cell = cellOf(token, Cell);
    const col = { kind: sql`kind`, level: sql`org_level`, inst: sql`inst`, all: null }[cell.s];
    const match =
      col === null
        ? sql``
        : cell.v === null
          ? sql`and ${col} is null`
          : sql`and ${col}::text = ${String(cell.v)}`;
    const who = sql`select person_id, detail from (${enrolments(ctx, f)}) e
      where true ${match}
        ${cell.m === 'completed' ? sql`and passed` : sql``} ${cell.m === 'abroad' ? sql`and abroad` : sql``}`;
    const title = {
      trainees: ctx.t('Học viên trong kỳ', 'Trainees of the period'),
      completed: ctx.t('Học viên hoàn thành', 'Trainees who passed'),
      abroad: ctx.t('Học viên ở nước ngoài', 'Trainees abroad'),
    }[cell.m];
    return peoplePage(ctx, who, page, title);
  },
});
