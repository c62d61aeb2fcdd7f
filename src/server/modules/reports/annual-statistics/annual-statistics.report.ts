/**
 * The annual statistical report a province sends to the Ministry (ADR 021): any layout of
 * `report_layouts` (rows = staff groups, columns = measures), built with one statement whatever
 * its size, each cell drilled to its people. Default: the layout in force on 31 December of the
 * year (last year unless asked), the deepest owner's first.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { Id } from '../../../../contracts/common';
import { LAYOUT_MEASURE_LABELS, type ReportLayout, rowValidAt } from '../../../../contracts/report-layouts';
import { encodeCell, ReportPostFilters, type ReportRow } from '../../../../contracts/reports';
import { rowsOf } from '../../../db/rows';
import { notFound } from '../../../lib/errors';
import { loadCodebook } from '../../standards/rules.queries';
import {
  cellOf,
  defineReport,
  describeFilters,
  peoplePage,
  postFiltersOf,
  type ReportContext,
} from '../framework';
import { layoutInForce, readLayouts } from '../layouts/layouts.service';
import { heldDetailSql, keysAtLeast } from '../qualification-structure/held.sql';
import { factsSql, type LayoutScope, membersSql } from './measures.sql';

export const AnnualStatisticsQuery = ReportPostFilters.extend({ layout: Id.optional() });
type Query = z.infer<typeof AnnualStatisticsQuery>;
const Cell = z.object({ row: z.string().max(30), col: z.string().max(30) });

const yearOf = (ctx: ReportContext, f: Query) => f.year ?? ctx.clock.now().getUTCFullYear() - 1;

async function setup(ctx: ReportContext, f: Query) {
  const year = yearOf(ctx, f);
  const postFilters = await postFiltersOf(ctx, f);
  const layout: ReportLayout | null = f.layout
    ? ((await readLayouts(ctx.q, ctx.actor, f.layout))[0] ?? null)
    : await layoutInForce(ctx.q, ctx.actor, `${year}-12-31`);
  if (!layout) throw notFound({ vi: 'mẫu báo cáo', en: 'Report layout' });
  const scope: LayoutScope = {
    path: ctx.scope.path,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    posts: { postGroup: f.postGroup, post: f.post },
  };
  // The form of the year holds the rows valid on its reference date (ADR 043).
  const rows = layout.rows.filter((r) => rowValidAt(r, scope.to));
  return { year, layout: { ...layout, rows }, scope, book: await loadCodebook(ctx.q), postFilters };
}

const colKey = (key: string) => `c_${key}`;

export const annualStatisticsReport = defineReport({
  name: 'annual-statistics',
  summary: 'The annual statistical report to the Ministry, on a configurable layout',
  query: AnnualStatisticsQuery,
  async build(ctx, f) {
    const { year, layout, scope, book, postFilters } = await setup(ctx, f);
    const facts = factsSql(layout.columns, book, scope);
    const counts = new Map<string, number>();
    if (facts) {
      // Materialized: each side is read once, then hash-joined (as subqueries the planner may
      // rescan one side per row of the other).
      const res = await ctx.q.execute(sql`
        with m as materialized (${membersSql(layout.rows, scope)}), f as materialized (${facts})
        select m.k, f.c, count(distinct m.person_id)::int as n
        from m join f on f.person_id = m.person_id
        group by m.k, f.c`);
      for (const r of rowsOf<{ k: string; c: string; n: number }>(res))
        counts.set(`${r.k}|${r.c}`, Number(r.n));
    }
    const lang = ctx.lang;
    const rows: ReportRow[] = layout.rows.map((r) => {
      const cells: ReportRow['cells'] = { label: r.label[lang] || r.label.vi };
      const drill: Record<string, string> = {};
      for (const c of layout.columns) {
        cells[colKey(c.key)] = counts.get(`${r.key}|${c.key}`) ?? 0;
        drill[colKey(c.key)] = encodeCell({ row: r.key, col: c.key });
      }
      return { key: r.key, depth: r.depth, subtotal: r.depth === 0, cells, drill };
    });
    const name = lang === 'vi' ? layout.nameVi : layout.nameEn || layout.nameVi;
    return {
      report: 'annual-statistics',
      title: yearTitle(name, year, lang),
      subtitle: `${ctx.t('Mẫu', 'Layout')} ${layout.code}`,
      readAt: ctx.readAt,
      filters: [
        ...describeFilters(ctx, f, { period: { from: scope.from, to: scope.to } }),
        ...postFilters,
        { label: ctx.t('Mẫu báo cáo', 'Layout'), value: `${layout.code} — ${name}` },
      ],
      columns: [
        { key: 'label', label: ctx.t('Đối tượng', 'Staff group'), kind: 'text', width: 40 },
        ...layout.columns.map((c) => ({
          key: colKey(c.key),
          label: c.label[lang] || c.label.vi,
          kind: 'int' as const,
          ...(c.group && (c.group.vi || c.group.en) ? { group: c.group[lang] || c.group.vi } : {}),
        })),
      ],
      rows,
      notes: [
        `${ctx.t('Căn cứ', 'Source')}: ${layout.legalSource}`,
        ctx.t(
          `Đối tượng của từng người là đối tượng tại ngày 31/12/${year} (theo quá trình công tác; đối tượng cũ được quy đổi theo bảng quy đổi từ 01/7/2025); ngạch, chức vụ, đơn vị theo hồ sơ hiện tại, trong đơn vị và các đơn vị trực thuộc. "${LAYOUT_MEASURE_LABELS.staff.vi}" và "có trình độ": người đang công tác; "được đào tạo, bồi dưỡng": học viên được duyệt của lớp đã mở, kết thúc trong năm ${year}; "nước ngoài": thành viên đoàn (không bị hủy) xuất cảnh trong năm. Mỗi người tính một lần trong một ô.`,
          `Each person's category is the one held on 31 December ${year} (from the record's history; old categories read through the mapping from 1 July 2025); rank, tier and unit from the current record, in the unit and its subunits. Headcount and "holding": staff working; "trained": approved learners of opened classes ending in ${year}; "abroad": members of delegations (not cancelled) leaving in the year. A person counts once per cell.`,
        ),
      ],
    };
  },
  async people(ctx, f, token, page) {
    const { layout, scope, book } = await setup(ctx, f);
    const cell = cellOf(token, Cell);
    const row = layout.rows.find((r) => r.key === cell.row);
    const col = layout.columns.find((c) => c.key === cell.col);
    const facts = row && col ? factsSql([col], book, scope) : null;
    const title = `${row?.label[ctx.lang] ?? ''} — ${col?.label[ctx.lang] ?? ''}`;
    if (!row || !col || !facts)
      return peoplePage(
        ctx,
        sql`select null::int as person_id, null::text as detail where false`,
        page,
        title,
      );
    const m = col.measure;
    const detail =
      m.measure === 'holds'
        ? heldDetailSql(
            book,
            ctx.lang,
            sql`f.person_id`,
            m.kind,
            keysAtLeast(book, m.kind, m.minLevel).map((k) => k.slice(k.indexOf('|') + 1)),
          )
        : sql`f.detail`;
    // One line per person: several classes of a column are listed together.
    const who = sql`select x.person_id, string_agg(distinct x.detail, '; ') as detail
      from (select f.person_id, ${detail} as detail from (${facts}) f
            where f.person_id in (select person_id from (${membersSql([row], scope)}) m)) x
      group by x.person_id`;
    return peoplePage(ctx, who, page, title);
  },
});

/**
 * "<layout name> năm 2026": a name that already ends in "hằng năm" (yearly) drops it, so the
 * title never reads "hằng năm năm 2026"; English names take the year after them.
 */
export function yearTitle(name: string, year: number, lang: 'vi' | 'en'): string {
  const base = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (lang !== 'vi') return `${base} ${year}`;
  return `${base.replace(/\s*(?:hằng|hàng)\s+năm$/iu, '').replace(/\s*năm$/iu, '')} năm ${year}`;
}
