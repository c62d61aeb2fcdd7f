/**
 * "Đáp ứng tiêu chuẩn": on a date, per child unit (its subtree rolled up) and per standard, the
 * people assessed (at least one standard in force applies to them), those meeting all of them,
 * the share, and those with a standard missing or due (within its grace period). Built on the
 * standards engine's set-based gap statement (`gapsSql` of standards/gaps.sql.ts, its CTEs
 * `gap_state`, `gap_profile`, `gaps`), read in the report's one transaction.
 */
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { IsoDate } from '../../../../contracts/common';
import { encodeCell, ReportPostFilters, type ReportRow } from '../../../../contracts/reports';
import { viCompare } from '../../../../contracts/text';
import { rowsOf } from '../../../db/rows';
import { todayOf } from '../../../lib/dates';
import { type GapContext, gapsOf, loadGapContext } from '../../standards/gaps.queries';
import { ensureStanding } from '../../standards/standing';
import {
  cellOf,
  childOf,
  codeLabel,
  defineReport,
  describeFilters,
  peoplePage,
  postFiltersOf,
  type ReportContext,
  UNIT_TIERS,
} from '../framework';
import { pct } from '../numbers';
import { sectionHeading, unitSection } from '../sections';

export const ComplianceQuery = ReportPostFilters.extend({ asOf: IsoDate.optional() });
type Query = z.infer<typeof ComplianceQuery>;
const COLS = ['assessed', 'compliant', 'missing', 'due'] as const;
const Cell = z.object({
  dim: z.enum(['unit', 'rule', 'all']),
  key: z.string().max(60),
  col: z.enum(COLS),
});

const dateOf = (ctx: ReportContext, f: Query) => f.asOf ?? todayOf(ctx.clock);

/** The gap statement of the scope on the date, followed by `tail` (which may read `applies`, `st`). */
function statement(ctx: ReportContext, f: Query, gc: GapContext, tail: SQL): SQL {
  const scope = {
    asOf: dateOf(ctx, f),
    scopePath: ctx.scope.path,
    category: f.category,
    // The post on the date (history, or the stored standing's post code), as the gaps (ADR 048).
    posts: { postGroup: f.postGroup, post: f.post },
  };
  const level = f.level
    ? sql`where s.unit_id in (select ut.id from ${UNIT_TIERS} ut where ut.tier = ${f.level})`
    : sql``;
  return gapsOf(
    gc,
    scope,
    sql`, applies as (select s.person_id, ${childOf(ctx, sql`s.unit_path`)}::text as child, g.rule_id
        from gap_state s join gap_profile g on g.profile = s.profile ${level}),
      st as (select a.person_id, a.child, a.rule_id, gg.status
        from applies a left join gaps gg on gg.person_id = a.person_id and gg.rule_id = a.rule_id)
      ${tail}`,
  );
}

/** SQL: rule id -> its code (versions of one standard share a code and are counted together). */
function ruleValues(gc: GapContext, lang: 'vi' | 'en'): SQL {
  const rows = gc.placements.map(
    (p) =>
      sql`(${p.rule.id}::int, ${p.rule.code}::text, ${lang === 'vi' ? p.rule.titleVi : p.rule.titleEn}::text)`,
  );
  return sql`(values ${sql.join(rows, sql`, `)}) as rv(rule_id, code, title)`;
}

export const complianceReport = defineReport({
  name: 'compliance',
  summary: 'Standards compliance and gaps by unit and by standard on a date',
  query: ComplianceQuery,
  prepare: (db, clock) => ensureStanding(db, todayOf(clock)),
  async build(ctx, f) {
    const postFilters = await postFiltersOf(ctx, f);
    const asOf = dateOf(ctx, f);
    const gc = await loadGapContext(ctx.q, asOf, undefined, { today: todayOf(ctx.clock), refresh: false });
    const counts = new Map<string, Record<(typeof COLS)[number], number>>();
    if (gc.placements.length) {
      await ctx.q.execute(sql`set local jit = off`);
      const res = await ctx.q.execute(
        statement(
          ctx,
          f,
          gc,
          sql`, pr as (select st.person_id, st.child, rv.code, bool_or(st.status = 'missing') as missing,
                bool_or(st.status = 'due') as due, bool_or(st.status is not null) as gap
              from st join ${ruleValues(gc, ctx.lang)} on rv.rule_id = st.rule_id
              group by st.person_id, st.child, rv.code)
            select d.dim, d.k, count(distinct pr.person_id)::int as assessed,
              (count(distinct pr.person_id) filter (where pr.missing))::int as missing,
              (count(distinct pr.person_id) filter (where pr.due))::int as due,
              (count(distinct pr.person_id) filter (where pr.gap))::int as with_gaps
            from pr cross join lateral (values ('unit', pr.child), ('rule', pr.code), ('all', 'all')) d(dim, k)
            group by d.dim, d.k`,
        ),
      );
      for (const r of rowsOf<Record<string, string | number>>(res)) {
        const assessed = Number(r.assessed);
        counts.set(`${r.dim}|${r.k}`, {
          assessed,
          compliant: assessed - Number(r.with_gaps),
          missing: Number(r.missing),
          due: Number(r.due),
        });
      }
    }
    const rowOf = (dim: 'unit' | 'rule' | 'all', key: string, label: string, depth: number): ReportRow => {
      const c = counts.get(`${dim}|${key}`) ?? { assessed: 0, compliant: 0, missing: 0, due: 0 };
      const drill = Object.fromEntries(COLS.map((col) => [col, encodeCell({ dim, key, col })]));
      return {
        key: `${dim}:${key}`,
        depth,
        cells: { label, ...c, compliant_pct: pct(c.compliant, c.assessed) },
        drill,
      };
    };
    const units = await unitSection(ctx, (id) => counts.has(`unit|${id}`));
    const titles = new Map<string, string>();
    for (const p of gc.placements)
      if (!titles.has(p.rule.code))
        titles.set(p.rule.code, ctx.lang === 'vi' ? p.rule.titleVi : p.rule.titleEn);
    const rules = [...titles.entries()]
      .filter(([code]) => counts.has(`rule|${code}`))
      .sort((a, b) => viCompare(a[1], b[1]));
    return {
      report: 'compliance',
      title: ctx.t('Đáp ứng tiêu chuẩn của cán bộ, công chức, viên chức', 'Standards compliance of staff'),
      readAt: ctx.readAt,
      filters: [
        ...describeFilters(ctx, f, { categoryLabel: await codeLabel(ctx, 'category', f.category) }),
        ...postFilters,
        {
          label: ctx.t('Tính đến ngày', 'As of'),
          value: `${asOf.slice(8, 10)}/${asOf.slice(5, 7)}/${asOf.slice(0, 4)}`,
        },
      ],
      columns: [
        { key: 'label', label: ctx.t('Đơn vị, tiêu chuẩn', 'Unit, standard'), kind: 'text', width: 40 },
        { key: 'assessed', label: ctx.t('Số người được xét', 'People assessed'), kind: 'int' },
        {
          key: 'compliant',
          label: ctx.t('Số người', 'People'),
          kind: 'int',
          group: ctx.t('Đáp ứng đủ', 'Meeting all'),
        },
        {
          key: 'compliant_pct',
          label: ctx.t('Tỷ lệ', 'Share'),
          kind: 'percent',
          group: ctx.t('Đáp ứng đủ', 'Meeting all'),
        },
        {
          key: 'missing',
          label: ctx.t('Còn thiếu', 'Missing'),
          kind: 'int',
          group: ctx.t('Chưa đáp ứng', 'Not met'),
        },
        {
          key: 'due',
          label: ctx.t('Trong thời hạn bổ sung', 'Due (grace)'),
          kind: 'int',
          group: ctx.t('Chưa đáp ứng', 'Not met'),
        },
      ],
      rows: [
        sectionHeading('h:unit', ctx.t('I. Theo đơn vị', 'I. By unit')),
        ...units.map((u) => rowOf('unit', String(u.id), u.name, 1)),
        sectionHeading('h:rule', ctx.t('II. Theo tiêu chuẩn', 'II. By standard')),
        ...rules.map(([code, title]) => rowOf('rule', code, title, 1)),
      ],
      totals: { ...rowOf('all', 'all', ctx.t('Tổng cộng', 'Total'), 0), subtotal: true },
      notes: [
        ctx.t(
          'Người được xét: đang công tác vào ngày tính, có ít nhất một tiêu chuẩn đang hiệu lực áp dụng. Đáp ứng đủ: không thiếu tiêu chuẩn nào (kể cả tiêu chuẩn còn trong thời hạn bổ sung). Theo tiêu chuẩn: người được xét là người tiêu chuẩn đó áp dụng. Mỗi đơn vị gồm cả các đơn vị trực thuộc.',
          'Assessed: working on the date, with at least one standard in force applying. Meeting all: no standard missing or due. By standard: those the standard applies to. Each unit includes its subunits.',
        ),
      ],
    };
  },
  async people(ctx, f, token, page) {
    await postFiltersOf(ctx, f);
    const cell = cellOf(token, Cell);
    const gc = await loadGapContext(ctx.q, dateOf(ctx, f), undefined, {
      today: todayOf(ctx.clock),
      refresh: false,
    });
    const title = ctx.t('Người được xét theo tiêu chuẩn', 'People assessed against standards');
    if (!gc.placements.length)
      return peoplePage(
        ctx,
        sql`select null::int as person_id, null::text as detail where false`,
        page,
        title,
      );
    const inCell =
      cell.dim === 'unit'
        ? sql`x.child = ${cell.key}`
        : cell.dim === 'rule'
          ? sql`x.code = ${cell.key}`
          : sql`true`;
    const want = cell.col === 'missing' || cell.col === 'due' ? sql`x.status = ${cell.col}` : sql`true`;
    const who = statement(
      ctx,
      f,
      gc,
      sql`, x as (select st.*, rv.code, rv.title from st join ${ruleValues(gc, ctx.lang)} on rv.rule_id = st.rule_id)
        select x.person_id, string_agg(distinct x.title, '; ') filter (where ${want} and x.status is not null) as detail
        from x where ${inCell}
        group by x.person_id
        having ${
          cell.col === 'assessed'
            ? sql`true`
            : cell.col === 'compliant'
              ? sql`bool_and(x.status is null)`
              : sql`bool_or(${want})`
        }`,
    );
    await ctx.q.execute(sql`set local jit = off`);
    return peoplePage(ctx, who, page, title);
  },
});
