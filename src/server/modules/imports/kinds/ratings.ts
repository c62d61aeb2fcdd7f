/**
 * Yearly quality ratings of people on record (matched by personal ID in the actor's subtree),
 * one per person and year; the rating unit is the person's unit.
 */
import { sql } from 'drizzle-orm';
import type { RatingBands } from '../../../../contracts/rules';
import { stagedRatingContext } from '../../ratings/ratings.queries';
import { checkRatingValues } from '../../ratings/ratings.rules';
import type { ColumnSpec } from '../imports.columns';
import {
  checkRows,
  countOf,
  duplicatesInFile,
  errorWhere,
  type ImportKindDef,
  type KindContext,
  NAME_COLUMN,
  NAME_KEY,
  nameMismatch,
  PERSON_RESOLVED,
  PID_COLUMN,
  ROW_OK,
  resolvePeople,
  STAGE,
  violationIssue,
} from './kind';

const COLUMNS: ColumnSpec[] = [
  PID_COLUMN,
  NAME_COLUMN,
  {
    key: 'year',
    vi: 'Năm',
    en: 'Year',
    type: 'year',
    required: true,
    example: '2025',
    help: { vi: 'Năm đánh giá (1990 đến năm nay).', en: 'The rated year (1990 to this year).' },
  },
  {
    key: 'rating',
    vi: 'Xếp loại',
    en: 'Rating',
    type: 'code',
    list: 'annual_rating',
    example: 'Hoàn thành tốt nhiệm vụ',
    help: {
      vi: 'Tên (hoặc mã) mức xếp loại; năm xếp loại theo điểm: để trống (tính từ điểm) hoặc khớp với điểm.',
      en: 'A rating label (or code); in a year rated in points: empty (from the points) or agreeing with them.',
    },
  },
  {
    key: 'points',
    vi: 'Điểm',
    en: 'Points',
    type: 'decimal',
    range: { min: 0, max: 100, decimals: 2, error: 'BAD_POINTS' },
    example: '85,5',
    help: {
      vi: 'Từ 0 đến 100: bắt buộc khi năm đó có thang điểm (công chức từ 2026), để trống khi không có.',
      en: '0 to 100: required when a points scale is in force that year (civil servants from 2026), empty otherwise.',
    },
  },
  {
    key: 'note',
    vi: 'Ghi chú',
    en: 'Note',
    type: 'text',
    max: 1000,
    example: '',
    help: { vi: 'Chữ.', en: 'Text.' },
  },
];
const col = (key: string) => COLUMNS.find((c) => c.key === key)!;

/**
 * The rules of `PUT /people/:id/ratings/:year` (`checkRatingValues`, ADR 024) on every row with
 * a person: points against the scale of the person's category at the year's end; the rating the
 * points give is staged for the write. Without a scale, the rating column is required.
 */
async function checkRatingRules(ctx: KindContext) {
  const derived: [number, string][] = [];
  await checkRows<{
    row_no: number;
    year: number;
    rating: string | null;
    points: number | null;
    scale_code: string | null;
    scale: RatingBands | null;
  }>(ctx, COLUMNS, stagedRatingContext(STAGE), (r) => {
    const scale = r.scale_code && r.scale ? { code: r.scale_code, scale: r.scale } : null;
    const points = r.points == null ? null : Number(r.points);
    const out = checkRatingValues({ year: Number(r.year), rating: r.rating, points }, scale, ctx.today);
    if (!out.errors.length && !out.rating) return [{ key: 'rating', code: 'REQUIRED', value: null }];
    if (out.rating && out.rating !== r.rating) derived.push([Number(r.row_no), out.rating]);
    return out.errors.map((e) => violationIssue(COLUMNS, {}, e, r));
  });
  for (let i = 0; i < derived.length; i += 1000) {
    const values = derived.slice(i, i + 1000).map(([row, rating]) => sql`(${row}::int, ${rating})`);
    await ctx.db.execute(
      sql`update ${STAGE} s set rating = v.rating from (values ${sql.join(values, sql`, `)}) v(row_no, rating)
          where s.row_no = v.row_no`,
    );
  }
}

export const ratingsKind: ImportKindDef = {
  kind: 'ratings',
  columns: COLUMNS,
  derived: NAME_KEY,
  resolved: PERSON_RESOLVED,
  async check(ctx) {
    await resolvePeople(ctx, col('pid'));
    await nameMismatch(ctx, col('full_name'));
    await checkRatingRules(ctx);
    await duplicatesInFile(ctx.db, col('year'), ['pid', 'year']);
    await errorWhere(
      ctx.db,
      col('year'),
      'ALREADY_RATED',
      sql`exists (select 1 from annual_ratings r where r.person_id = s.person_id and r.year = s.year::int)`,
    );
  },
  async write(ctx) {
    return countOf(
      await ctx.db.execute(
        sql`insert into annual_ratings (person_id, year, rating, points, unit_id, note, source, import_id)
            select s.person_id, s.year::int, s.rating, s.points::numeric, s.person_unit_id, s.note, 'imported', ${ctx.batchId}::int
            from ${STAGE} s where ${ROW_OK} order by s.row_no returning id`,
      ),
    );
  },
  async undoBlockers(q, batchId) {
    const r = await q.execute(
      sql`select 1 from annual_ratings r where r.import_id = ${batchId} and r.updated_by is not null limit 1`,
    );
    return countOf(r)
      ? [{ vi: 'có kết quả xếp loại đã được sửa', en: 'some ratings were edited since' }]
      : [];
  },
  async undo(q, batchId) {
    return countOf(
      await q.execute(sql`delete from annual_ratings where import_id = ${batchId} returning id`),
    );
  },
};
