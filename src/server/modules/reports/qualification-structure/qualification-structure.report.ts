/**
 * "Cơ cấu trình độ cán bộ, công chức, viên chức": of the staff working now in the chosen subtree,
 * how many (and what share) hold university education or higher, each political-theory level or
 * higher, each state-management programme or higher, IT and a foreign language. Three sections
 * in one table, like the tables offices publish (seeds 002 and 004): by unit (each child with its
 * subtree), by staff category, by org level. "Or higher" follows the code lists' level order
 * (`keysAtLeast`, the standards engine's comparison); only live qualifications count.
 */
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  encodeCell,
  ORG_LEVEL_LABELS,
  ReportPostFilters,
  type ReportRow,
} from '../../../../contracts/reports';
import { rowsOf } from '../../../db/rows';
import { andPostFilter } from '../../codes/post-filters';
import { labelOf } from '../../standards/codebook';
import { loadCodebook } from '../../standards/rules.queries';
import {
  cellOf,
  childOf,
  codeLabel,
  codeLabels,
  defineReport,
  describeFilters,
  peoplePage,
  postFiltersOf,
  type ReportContext,
  UNIT_TIERS,
} from '../framework';
import { pct } from '../numbers';
import { sectionHeading, unitSection } from '../sections';
import { heldDetailSql, heldSql, holdsAny, keysAtLeast } from './held.sql';

/** The thresholds counted, in the order of the columns. */
export const STRUCTURE_MEASURES = [
  { key: 'ge_12', kind: 'GENERAL_EDUCATION', min: 'LOP_12_12' },
  { key: 'edu_cd', kind: 'EDUCATION', min: 'CAO_DANG' },
  { key: 'edu_uni', kind: 'EDUCATION', min: 'DAI_HOC' },
  { key: 'edu_pg', kind: 'EDUCATION', min: 'THAC_SI' },
  { key: 'pt_sc', kind: 'POLITICAL_THEORY', min: 'SO_CAP' },
  { key: 'pt_tc', kind: 'POLITICAL_THEORY', min: 'TRUNG_CAP' },
  { key: 'pt_cc', kind: 'POLITICAL_THEORY', min: 'CAO_CAP' },
  { key: 'sm_cv', kind: 'STATE_MANAGEMENT', min: 'CV' },
  { key: 'sm_cvc', kind: 'STATE_MANAGEMENT', min: 'CVC' },
  { key: 'sm_cvcc', kind: 'STATE_MANAGEMENT', min: 'CVCC' },
  { key: 'it', kind: 'IT', min: 'CO_BAN' },
  { key: 'fl', kind: 'FOREIGN_LANGUAGE', min: 'BAC_1' },
  { key: 'fl_b1', kind: 'FOREIGN_LANGUAGE', min: 'BAC_3' },
] as const;
type MeasureKey = (typeof STRUCTURE_MEASURES)[number]['key'];
const MEASURE_KEYS = STRUCTURE_MEASURES.map((m) => m.key) as [MeasureKey, ...MeasureKey[]];

const DIMS = ['unit', 'category', 'level', 'all'] as const;
type Dim = (typeof DIMS)[number];
const Cell = z.object({
  dim: z.enum(DIMS),
  key: z.string().max(40),
  measure: z.enum(MEASURE_KEYS).nullable(),
});

/** SQL: the staff counted, `person_id, category, level, child` (working now, in scope and filters). */
function staffSql(ctx: ReportContext, f: ReportPostFilters): SQL {
  return sql`select p.id as person_id, p.category, ut.tier as level, ${childOf(ctx, sql`u.path`)}::text as child
    from people p join org_units u on u.id = p.unit_id join ${UNIT_TIERS} ut on ut.id = u.id
    where p.status = 'WORKING' and u.path <@ ${ctx.scope.path}::ltree
      ${f.category ? sql`and p.category = ${f.category}` : sql``}
      ${f.level ? sql`and ut.tier = ${f.level}` : sql``}${andPostFilter(sql`p.post_code`, f)}`;
}

/** SQL: the staff with the dimension keys of each section and their held `kind|level` keys. */
function withHeld(ctx: ReportContext, f: ReportPostFilters): SQL {
  return sql`select s.*, h.held from (${staffSql(ctx, f)}) s
    left join (${heldSql(sql`select person_id from (${staffSql(ctx, f)}) s0`)}) h on h.person_id = s.person_id`;
}

const dimKey = (dim: Dim) =>
  dim === 'unit'
    ? sql`x.child`
    : dim === 'category'
      ? sql`x.category`
      : dim === 'level'
        ? sql`x.level`
        : sql`'all'`;

export const qualificationStructureReport = defineReport({
  name: 'qualification-structure',
  summary: 'Qualification structure of current staff: counts and shares at each level or higher',
  query: ReportPostFilters,
  async build(ctx, f) {
    const postFilters = await postFiltersOf(ctx, f);
    const book = await loadCodebook(ctx.q);
    const measures = STRUCTURE_MEASURES.map((m) => ({ ...m, keys: keysAtLeast(book, m.kind, m.min) }));
    const flags = measures.map((m) => sql`${holdsAny(sql`w.held`, m.keys)} as ${sql.identifier(m.key)}`);
    const sums = measures.map(
      (m) => sql`(count(*) filter (where x.${sql.identifier(m.key)}))::int as ${sql.identifier(m.key)}`,
    );
    const res = await ctx.q.execute(sql`
      select d.dim, d.k, count(*)::int as staff, ${sql.join(sums, sql`, `)}
      from (select w.*, ${sql.join(flags, sql`, `)} from (${withHeld(ctx, f)}) w) x
      cross join lateral (values ('unit', x.child), ('category', x.category), ('level', x.level), ('all', 'all')) d(dim, k)
      group by d.dim, d.k`);
    const counts = new Map<string, Record<string, number>>();
    for (const r of rowsOf<Record<string, unknown>>(res))
      counts.set(
        `${r.dim}\u0000${r.k}`,
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])),
      );
    const get = (dim: Dim, key: string) => counts.get(`${dim}\u0000${key}`) ?? {};

    const rowOf = (dim: Dim, key: string, label: string, depth: number): ReportRow => {
      const m = get(dim, key);
      const staff = m.staff ?? 0;
      const cells: ReportRow['cells'] = { label, staff };
      const drill: Record<string, string> = { staff: encodeCell({ dim, key, measure: null }) };
      for (const x of measures) {
        cells[x.key] = m[x.key] ?? 0;
        cells[`${x.key}_pct`] = pct(m[x.key] ?? 0, staff);
        drill[x.key] = encodeCell({ dim, key, measure: x.key });
      }
      return { key: `${dim}:${key}`, depth, cells, drill };
    };

    const units = await unitSection(ctx, (id) => counts.has(`unit\u0000${id}`));
    const categories = await codeLabels(ctx, 'category');
    const presentCats = [...categories.keys()].filter((c) => counts.has(`category\u0000${c}`));
    const levels = (Object.keys(ORG_LEVEL_LABELS) as (keyof typeof ORG_LEVEL_LABELS)[]).filter((l) =>
      counts.has(`level\u0000${l}`),
    );
    const rows: ReportRow[] = [
      sectionHeading('h:unit', ctx.t('I. Theo đơn vị', 'I. By unit')),
      ...units.map((u) => rowOf('unit', String(u.id), u.name, 1)),
      sectionHeading('h:category', ctx.t('II. Theo đối tượng', 'II. By category')),
      ...presentCats.map((c) => rowOf('category', c, categories.get(c) ?? c, 1)),
      sectionHeading('h:level', ctx.t('III. Theo cấp', 'III. By level')),
      ...levels.map((l) => rowOf('level', l, ORG_LEVEL_LABELS[l][ctx.lang], 1)),
    ];
    const groupOf = (kind: string, min: string) =>
      `${labelOf(book, 'qualification_kind', kind)[ctx.lang]}: ${labelOf(book, `level_${kind}`, min)[ctx.lang]} ${ctx.t('trở lên', 'or higher')}`;
    return {
      report: 'qualification-structure',
      title: ctx.t('Cơ cấu trình độ cán bộ, công chức, viên chức', 'Qualification structure of staff'),
      readAt: ctx.readAt,
      filters: [
        ...describeFilters(ctx, f, { categoryLabel: await codeLabel(ctx, 'category', f.category) }),
        ...postFilters,
      ],
      columns: [
        { key: 'label', label: ctx.t('Đơn vị, đối tượng, cấp', 'Unit, category, level'), kind: 'text' },
        { key: 'staff', label: ctx.t('Tổng số đang công tác', 'Staff working'), kind: 'int' },
        ...measures.flatMap((m) => [
          {
            key: m.key,
            label: ctx.t('Số người', 'People'),
            kind: 'int' as const,
            group: groupOf(m.kind, m.min),
          },
          {
            key: `${m.key}_pct`,
            label: ctx.t('Tỷ lệ', 'Share'),
            kind: 'percent' as const,
            group: groupOf(m.kind, m.min),
          },
        ]),
      ],
      rows,
      totals: { ...rowOf('all', 'all', ctx.t('Tổng cộng', 'Total'), 0), subtotal: true },
      notes: [
        ctx.t(
          'Người đang công tác (trạng thái "Đang công tác") tại thời điểm đọc số liệu; mỗi đơn vị gồm cả các đơn vị trực thuộc. "Trở lên" theo thứ bậc trong danh mục trình độ (cử nhân chính trị tính như cao cấp). Chỉ tính văn bằng, chứng chỉ chưa bị xóa. Tỷ lệ tính trên tổng số đang công tác của dòng.',
          'Staff with status "Working" when the data was read; each unit includes its subunits. "Or higher" follows the order of the level code lists (a bachelor in political studies ranks with advanced). Only qualifications not removed count. Shares are of the staff of the row.',
        ),
      ],
    };
  },
  async people(ctx, f, token, page) {
    await postFiltersOf(ctx, f);
    const cell = cellOf(token, Cell);
    const book = await loadCodebook(ctx.q);
    const m = STRUCTURE_MEASURES.find((x) => x.key === cell.measure);
    const keys = m ? keysAtLeast(book, m.kind, m.min) : [];
    const levels = keys.map((k) => k.slice(k.indexOf('|') + 1));
    const who = sql`select x.person_id, ${
      m ? heldDetailSql(book, ctx.lang, sql`x.person_id`, m.kind, levels) : sql`null::text`
    } as detail
      from (${withHeld(ctx, f)}) x
      where ${dimKey(cell.dim)} = ${cell.key} ${m ? sql`and ${holdsAny(sql`x.held`, keys)}` : sql``}`;
    const title = m
      ? `${labelOf(book, 'qualification_kind', m.kind)[ctx.lang]}: ${labelOf(book, `level_${m.kind}`, m.min)[ctx.lang]} ${ctx.t('trở lên', 'or higher')}`
      : ctx.t('Người đang công tác', 'Staff working');
    return peoplePage(ctx, who, page, title);
  },
});
