/**
 * Likely duplicates among people without a personal ID (ADR 024): a staff-list row without an ID
 * whose folded name (accents and case ignored, as search does), birth date and unit match a person
 * on record, or an earlier such row of the same file, is refused with LIKELY_DUPLICATE and the
 * person it matches, unless the row says "Người khác (trùng tên)". Rows with an ID are matched by
 * the ID alone (PERSONAL_ID_EXISTS, DUPLICATE_IN_FILE).
 */
import { sql } from 'drizzle-orm';
import type { ColumnSpec } from '../imports.columns';
import { ERRORS, type KindContext, STAGE } from './kind';

const HINT_VI = 'Nếu là người khác, ghi "x" ở cột "Người khác (trùng tên)".';
const HINT_EN = 'If this is another person, write "x" in "Different person (same name)".';

/** Rows considered: no personal ID, a name, a unit, and not said to be another person. */
const CANDIDATE = sql.raw(
  's.pid is null and s.search_name is not null and s.unit_id is not null and not coalesce(s.different_person::boolean, false)',
);
const BORN_VI = (d: string) =>
  sql.raw(`coalesce('sinh ' || to_char(${d}, 'DD/MM/YYYY'), 'không rõ ngày sinh')`);
const BORN_EN = (d: string) =>
  sql.raw(`coalesce('born ' || to_char(${d}, 'DD/MM/YYYY'), 'birth date unknown')`);

export async function likelyDuplicates(ctx: KindContext, nameCol: ColumnSpec) {
  // On record: the same folded name, birth date (both empty counts as the same) and unit.
  await ctx.db.execute(
    sql`insert into ${ERRORS} (row_no, col, value, code, msg_vi, msg_en)
        select distinct on (s.row_no) s.row_no, ${nameCol.vi}, s.full_name, 'LIKELY_DUPLICATE',
          'Đã có ' || p.full_name || ', ' || ${BORN_VI('p.birth_date')} || ', ' || u.name || '. ' || ${HINT_VI}::text,
          'Already on record: ' || p.full_name || ', ' || ${BORN_EN('p.birth_date')} || ', ' || u.name || '. ' || ${HINT_EN}::text
        from ${STAGE} s
        join people p on p.search_name = s.search_name and p.unit_id = s.unit_id
          and p.birth_date is not distinct from s.birth_date::date
        join org_units u on u.id = p.unit_id
        where ${CANDIDATE}
        order by s.row_no, p.id`,
  );
  // Twice in the file: every row after the first of its group.
  await ctx.db.execute(
    sql`insert into ${ERRORS} (row_no, col, value, code, msg_vi, msg_en)
        select d.row_no, ${nameCol.vi}, d.full_name, 'LIKELY_DUPLICATE',
          'Trùng với dòng ' || d.first_row || ': ' || d.full_name || ', ' || ${BORN_VI('d.birth_date::date')} || ', ' || u.name || '. ' || ${HINT_VI}::text,
          'Same as row ' || d.first_row || ': ' || d.full_name || ', ' || ${BORN_EN('d.birth_date::date')} || ', ' || u.name || '. ' || ${HINT_EN}::text
        from (select s.row_no, s.full_name, s.birth_date, s.unit_id,
                first_value(s.row_no) over w as first_row, row_number() over w as n
              from ${STAGE} s where ${CANDIDATE}
              window w as (partition by s.search_name, s.birth_date, s.unit_id order by s.row_no)) d
        join org_units u on u.id = d.unit_id
        where d.n > 1`,
  );
}
