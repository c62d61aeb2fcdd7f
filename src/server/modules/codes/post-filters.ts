/**
 * The post filters of reports and lists (issue 16, ADR 048): a post group and a post, both codes
 * of their lists, matched on a post code column. One check and one SQL condition for every reader,
 * so the people list, the gap summary and the reports cannot disagree on who is in a group.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { PostFilters } from '../../../contracts/reports';
import type { Queryable } from '../../db/client';
import { invalid } from '../../lib/errors';
import { findUnknownCodes } from './codes.service';

/** Refuse (400, vi and en, naming the parameter) a post group or post that is not a known active code. */
export async function checkPostFilters(q: Queryable, f: PostFilters): Promise<void> {
  const errors = await findUnknownCodes(q, [
    { field: 'postGroup', list: 'post_group', code: f.postGroup },
    { field: 'post', list: 'post', code: f.post },
  ]);
  if (errors.length) throw invalid(errors);
}

/** Whether any post filter is set. */
export const hasPostFilter = (f: PostFilters): boolean => Boolean(f.postGroup || f.post);

/** SQL conditions on the post code column `code` (empty when no filter is set). */
export function postFilterConditions(code: SQL, f: PostFilters): SQL[] {
  const out: SQL[] = [];
  if (f.post) out.push(sql`${code} = ${f.post}`);
  if (f.postGroup)
    out.push(sql`${code} in (select ci.code from code_items ci
      where ci.list = 'post' and ci.meta->>'group' = ${f.postGroup})`);
  return out;
}

/** `and <conditions>` for splicing after a where clause (empty when no filter is set). */
export function andPostFilter(code: SQL, f: PostFilters): SQL {
  const c = postFilterConditions(code, f);
  return c.length ? sql` and ${sql.join(c, sql` and `)}` : sql``;
}

/**
 * SQL: the post code person `p` (a people row) held on `date` (ADR 061): the history period open
 * that day, else the current record, the same reading as the category on a date (ADR 043).
 */
export function postAtSql(p: string, date: SQL): SQL {
  const person = sql.raw(p);
  return sql`(select s.post_code from (select 0 as o, x.valid_from, x.post_code from person_history x
            where x.person_id = ${person}.id and x.valid_from <= ${date}
              and (x.valid_to is null or x.valid_to > ${date})
          union all select 1, null, ${person}.post_code
          order by 1, 2 desc limit 1) s)`;
}
