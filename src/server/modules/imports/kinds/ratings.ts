/**
 * Yearly quality ratings of people on record (matched by personal ID in the actor's subtree),
 * one per person and year; the rating unit is the person's unit.
 */
import { sql } from 'drizzle-orm';
import type { ColumnSpec } from '../imports.columns';
import {
  countOf,
  duplicatesInFile,
  errorWhere,
  type ImportKindDef,
  NAME_COLUMN,
  PERSON_RESOLVED,
  PID_COLUMN,
  ROW_OK,
  resolvePeople,
  STAGE,
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
    required: true,
    example: 'GOOD',
    help: { vi: 'Mã hoặc tên mức xếp loại.', en: 'A rating code or label.' },
  },
  {
    key: 'points',
    vi: 'Điểm',
    en: 'Points',
    type: 'decimal',
    range: { min: 0, max: 100, decimals: 2, error: 'BAD_POINTS' },
    example: '85,5',
    help: { vi: 'Từ 0 đến 100 (từ năm 2026), không bắt buộc.', en: '0 to 100 (from 2026), optional.' },
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

export const ratingsKind: ImportKindDef = {
  kind: 'ratings',
  columns: COLUMNS,
  resolved: PERSON_RESOLVED,
  async check(ctx) {
    await resolvePeople(ctx, col('pid'));
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
