/**
 * Dated staff categories (ADR 043): the validity of list `category` items on a date, the same
 * check on every write path (API, import), the old -> new mapping and the SQL reports use to
 * read a person's category on their reference date.
 */
import { type SQL, sql } from 'drizzle-orm';
import { CATEGORY_MAPPINGS, CATEGORY_META, type DatedMeta, validAt } from '../../../contracts/categories';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { categoryMappings } from '../../db/schema/index';
import { type FieldError, fieldError } from '../../lib/errors';

/** `yyyy-mm-dd` as `dd/mm/yyyy`. */
const viDate = (iso: string) => iso.split('-').reverse().join('/');

/** The error code of a category used outside its dates (API field errors and import rows). */
export const CATEGORY_NOT_VALID = 'CATEGORY_NOT_VALID_AT_DATE' as const;

/** The message of a category not valid on `date` (vi, en). */
export function categoryNotValidMessage(code: string, date: string, meta: DatedMeta) {
  const until = meta.validTo ? viDate(meta.validTo) : null;
  const from = meta.validFrom ? viDate(meta.validFrom) : null;
  const span = until ? `chỉ áp dụng đến ngày ${until}` : `chỉ áp dụng từ ngày ${from}`;
  const spanEn = until ? `applies only until ${meta.validTo}` : `applies only from ${meta.validFrom}`;
  return {
    vi: `đối tượng "${code}" ${span}, không dùng được cho ngày ${viDate(date)}`,
    en: `category "${code}" ${spanEn}; it cannot be used on ${date}`,
  };
}

/** The field error when `code` of list category is not valid on `date`; none when valid or unknown. */
export async function categoryDateErrors(
  q: Queryable,
  field: string,
  code: string | null | undefined,
  date: string,
): Promise<FieldError[]> {
  if (!code) return [];
  const [row] = rowsOf<{ meta: DatedMeta }>(
    await q.execute(sql`select meta from code_items where list = 'category' and code = ${code}`),
  );
  if (!row || validAt(row.meta, date)) return [];
  const m = categoryNotValidMessage(code, date, row.meta);
  return [fieldError(field, m.vi, m.en, CATEGORY_NOT_VALID)];
}

/** SQL predicate: category item `ci` (a code_items row) is valid on `date`. */
export function categoryValidSql(ci: string, date: SQL): SQL {
  const c = sql.raw(ci);
  return sql`(coalesce(${c}.meta->>'validFrom', '') = '' or (${c}.meta->>'validFrom')::date <= ${date})
    and (coalesce(${c}.meta->>'validTo', '') = '' or (${c}.meta->>'validTo')::date >= ${date})`;
}

/**
 * SQL: the category person `p` (a people row) holds on `date`: the history period open that day
 * (else the current record), read through the mapping in force that day for the period's post
 * group (the rule naming the group first). A person counts once, in this category.
 */
export function categoryAtSql(p: string, date: SQL): SQL {
  const person = sql.raw(p);
  return sql`(select coalesce(
      (select m.to_code from category_mappings m
        left join code_items pc on pc.list = 'post' and pc.code = s.post_code
        where m.from_code = s.category and m.effective_from <= ${date}
          and (m.post_group is null or m.post_group = pc.meta->>'group')
        order by (m.post_group is null), m.effective_from desc limit 1),
      s.category)
    from (select 0 as o, x.valid_from, x.category, x.post_code from person_history x
            where x.person_id = ${person}.id and x.valid_from <= ${date}
              and (x.valid_to is null or x.valid_to > ${date})
          union all select 1, null, ${person}.category, ${person}.post_code
          order by 1, 2 desc limit 1) s)`;
}

/**
 * Seed the default mapping rules and give existing category items their dates and source
 * (keys an admin set are kept). Idempotent.
 */
export async function seedCategoryDates(q: Queryable): Promise<void> {
  await q
    .insert(categoryMappings)
    .values(CATEGORY_MAPPINGS.map((m) => ({ ...m, builtIn: true })))
    .onConflictDoNothing();
  for (const [code, meta] of Object.entries(CATEGORY_META))
    await q.execute(sql`update code_items set meta = ${JSON.stringify(meta)}::jsonb || meta
      where list = 'category' and code = ${code} and built_in and not (meta ? 'source')`);
}

/** The mapping rules, for services that map in TypeScript (the demo, tests). */
export async function loadCategoryMappings(q: Queryable) {
  return q.select().from(categoryMappings);
}
