/**
 * Yearly quality ratings distribution (Decree 335/2025 ratings, earlier years by criteria): per
 * child unit of the chosen unit (its subtree rolled up) the number rated and each rating with its
 * share. The reference report of the framework (ADR 019).
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { encodeCell, ReportPostFilters, type ReportRow } from '../../../../contracts/reports';
import { rowsOf } from '../../../db/rows';
import { andPostFilter, postAtSql } from '../../codes/post-filters';
import {
  cellOf,
  childOf,
  childUnits,
  codeLabel,
  codeLabels,
  defineReport,
  describeFilters,
  peoplePage,
  postFiltersOf,
  type ReportContext,
  UNIT_TIERS,
} from '../framework';

const RATINGS = ['EXCELLENT', 'GOOD', 'COMPLETED', 'FAILED'] as const;
const Cell = z.object({ unit: z.number().int().nullable(), rating: z.enum(RATINGS).nullable() });

const yearOf = (ctx: ReportContext, f: ReportPostFilters) => f.year ?? ctx.clock.now().getUTCFullYear() - 1;

/**
 * SQL: the ratings of the year in the report's scope and filters, with the child unit they roll up
 * to. A post filter reads the post held on 31 December of the year (ADR 061); the category is the
 * current record's.
 */
function rated(ctx: ReportContext, f: ReportPostFilters) {
  return sql`
    select r.person_id, r.rating, r.points, ${childOf(ctx, sql`u.path`)} as child
    from annual_ratings r
    join org_units u on u.id = r.unit_id
    join people p on p.id = r.person_id
    ${f.level ? sql`join ${UNIT_TIERS} ut on ut.id = u.id` : sql``}
    where r.year = ${yearOf(ctx, f)} and u.path <@ ${ctx.scope.path}::ltree
      ${f.category ? sql`and p.category = ${f.category}` : sql``}
      ${f.level ? sql`and ut.tier = ${f.level}` : sql``}${andPostFilter(postAtSql('p', sql`${`${yearOf(ctx, f)}-12-31`}::date`), f)}`;
}

const pct = (n: number, total: number) => (total ? Math.round((n * 1000) / total) / 10 : null);

export const ratingsDistributionReport = defineReport({
  name: 'ratings-distribution',
  summary: 'Yearly quality ratings by unit: numbers and shares of each rating',
  query: ReportPostFilters,
  async build(ctx, f) {
    const postFilters = await postFiltersOf(ctx, f);
    const year = yearOf(ctx, f);
    const counts = rowsOf<{ child: number; rating: string; n: number }>(
      await ctx.q.execute(
        sql`select child, rating, count(*)::int as n from (${rated(ctx, f)}) x group by child, rating`,
      ),
    );
    const labels = await codeLabels(ctx, 'annual_rating');
    const units = await childUnits(ctx);
    const byUnit = new Map<number, Record<string, number>>();
    for (const c of counts) {
      const m = byUnit.get(c.child) ?? {};
      m[c.rating] = c.n;
      byUnit.set(c.child, m);
    }
    const rowOf = (key: string, name: string, unit: number | null, m: Record<string, number>): ReportRow => {
      const total = RATINGS.reduce((s, r) => s + (m[r] ?? 0), 0);
      const cells: ReportRow['cells'] = { unit: name, total };
      const drill: Record<string, string> = { total: encodeCell({ unit, rating: null }) };
      for (const r of RATINGS) {
        cells[r] = m[r] ?? 0;
        cells[`${r}_pct`] = pct(m[r] ?? 0, total);
        drill[r] = encodeCell({ unit, rating: r });
      }
      // "Xếp loại tốt trở lên": good or better, the share offices report.
      const goodUp = (m.EXCELLENT ?? 0) + (m.GOOD ?? 0);
      cells.good_up = goodUp;
      cells.good_up_pct = pct(goodUp, total);
      return { key, cells, drill };
    };
    const rows = units
      .filter((u) => byUnit.has(u.id) || (u.id !== ctx.scope.unitId && !u.dissolved))
      .map((u) => rowOf(String(u.id), u.name, u.id, byUnit.get(u.id) ?? {}));
    const sum: Record<string, number> = {};
    for (const m of byUnit.values()) for (const r of RATINGS) sum[r] = (sum[r] ?? 0) + (m[r] ?? 0);
    return {
      report: 'ratings-distribution',
      title: ctx.t(`Kết quả xếp loại chất lượng năm ${year}`, `Quality ratings ${year}`),
      readAt: ctx.readAt,
      filters: [
        ...describeFilters(ctx, f, { categoryLabel: await codeLabel(ctx, 'category', f.category) }),
        ...postFilters,
        { label: ctx.t('Năm', 'Year'), value: String(year) },
      ],
      columns: [
        { key: 'unit', label: ctx.t('Đơn vị', 'Unit'), kind: 'text' },
        { key: 'total', label: ctx.t('Số được xếp loại', 'Rated'), kind: 'int' },
        ...RATINGS.flatMap((r) => [
          { key: r, label: ctx.t('Số người', 'People'), kind: 'int' as const, group: labels.get(r) ?? r },
          {
            key: `${r}_pct`,
            label: ctx.t('Tỷ lệ', 'Share'),
            kind: 'percent' as const,
            group: labels.get(r) ?? r,
          },
        ]),
        {
          key: 'good_up',
          label: ctx.t('Số người', 'People'),
          kind: 'int' as const,
          group: ctx.t('Hoàn thành tốt nhiệm vụ trở lên', 'Good or better'),
        },
        {
          key: 'good_up_pct',
          label: ctx.t('Tỷ lệ', 'Share'),
          kind: 'percent' as const,
          group: ctx.t('Hoàn thành tốt nhiệm vụ trở lên', 'Good or better'),
        },
      ],
      rows,
      totals: { ...rowOf('total', ctx.t('Tổng cộng', 'Total'), null, sum), subtotal: true },
      notes: [
        ctx.t(
          'Mỗi đơn vị gồm cả các đơn vị trực thuộc. Tỷ lệ tính trên số được xếp loại. Lọc nhóm chức danh, chức danh theo chức danh giữ ngày 31/12 của năm. Căn cứ: Nghị định 335/2025/NĐ-CP (từ năm 2026 chấm điểm); các năm trước theo tiêu chí.',
          'Each unit includes its subunits. Shares are of those rated. The post group and post filters read the post held on 31 December of the year. Source: Decree 335/2025/ND-CP (points from 2026); earlier years by criteria.',
        ),
      ],
    };
  },
  async people(ctx, f, token, page) {
    await postFiltersOf(ctx, f);
    const cell = cellOf(token, Cell);
    const labels = await codeLabels(ctx, 'annual_rating');
    const who = sql`
      select person_id, ${
        labels.size
          ? sql`coalesce(case rating ${sql.join(
              [...labels].map(([code, label]) => sql`when ${code} then ${label}`),
              sql` `,
            )} end, rating)`
          : sql`rating`
      } || coalesce(' (' || points::text || ')', '') as detail
      from (${rated(ctx, f)}) x
      where true ${cell.unit !== null ? sql`and child = ${cell.unit}` : sql``}
        ${cell.rating ? sql`and rating = ${cell.rating}` : sql``}`;
    return peoplePage(ctx, who, page, ctx.t('Người được xếp loại', 'People rated'));
  },
});
