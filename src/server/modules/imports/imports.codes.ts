/**
 * Code columns of a staged sheet (ADR 028): each distinct value that is not already a code is
 * resolved once by the codes resolver (code, label or alias), the staged cells are rewritten to
 * the code, and what stays unknown becomes an UNKNOWN_CODE error whose details name the closest
 * and accepted labels.
 */
import { type SQL, sql } from 'drizzle-orm';
import { UnknownCodeDetails, unknownCodeMessage } from '../../../contracts/code-aliases';
import type { Lang } from '../../../contracts/errors';
import { ROW_ERRORS, type RowErrorCode } from '../../../contracts/imports';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { describeUnknown, loadLookups, resolveCode } from '../codes/resolve';
import type { ColumnSpec } from './imports.columns';
import { ERRORS, STAGE } from './kinds/kind';

/** Unknown values described in full per column (the others get the plain message). */
const DESCRIBED = 200;

export interface StagedCodeColumn {
  col: ColumnSpec;
  /** The list, as SQL over the staged row `s` (a constant, or e.g. `'level_' || s.kind`). */
  list: SQL;
  /** Only rows matching this are resolved and checked (e.g. the kind is known). */
  where?: SQL;
  /** The name of a list shown beside the column (e.g. the qualification kind's label). */
  of?: (list: string) => string | undefined;
}

export async function resolveStagedCodes(db: Queryable, c: StagedCodeColumn): Promise<void> {
  const k = sql.raw(`s.${c.col.key}`);
  const list = sql`(${c.list})::text`;
  const guard = c.where ? sql`and ${c.where}` : sql``;
  const notACode = sql`not exists (select 1 from code_items ci where ci.list = ${list} and ci.code = ${k} and ci.active)`;
  const pairs = rowsOf<{ list: string; value: string }>(
    await db.execute(
      sql`select distinct ${list} as list, ${k} as value from ${STAGE} s
          where ${k} is not null ${guard} and ${notACode}`,
    ),
  );
  if (pairs.length === 0) return;
  const lookups = await loadLookups(db, [...new Set(pairs.map((p) => p.list))]);
  const mapped: { list: string; value: string; code: string }[] = [];
  const unknown: { list: string; value: string; details: UnknownCodeDetails }[] = [];
  let unresolved = 0;
  for (const p of pairs) {
    const lookup = lookups.get(p.list);
    const code = lookup ? resolveCode(lookup, p.value) : null;
    if (code) mapped.push({ ...p, code });
    else if (unresolved++ < DESCRIBED)
      unknown.push({ ...p, details: describeUnknown(lookup, p.value, c.col.vi, c.of?.(p.list)) });
  }
  if (mapped.length)
    await db.execute(
      sql`update ${STAGE} s set ${sql.raw(c.col.key)} = m.code
          from jsonb_to_recordset(${JSON.stringify(mapped)}::jsonb) as m(list text, value text, code text)
          where ${k} = m.value and ${list} = m.list`,
    );
  if (unresolved === 0) return; // every value read: no row left to refuse
  await db.execute(
    sql`insert into ${ERRORS} (row_no, col, value, code, details)
        select s.row_no, ${c.col.vi}, ${k}, 'UNKNOWN_CODE', u.details from ${STAGE} s
        left join jsonb_to_recordset(${JSON.stringify(unknown)}::jsonb) as u(list text, value text, details jsonb)
          on u.value = ${k} and u.list = ${list}
        where ${k} is not null ${guard} and ${notACode}`,
  );
}

/** The message of a kept row error: UNKNOWN_CODE with its details names typed, closest and accepted. */
export function rowErrorMessage(code: string, details: unknown, lang: Lang): string {
  if (code === 'UNKNOWN_CODE' && details) {
    const d = UnknownCodeDetails.safeParse(details);
    if (d.success) return unknownCodeMessage(d.data, lang);
  }
  return ROW_ERRORS[code as RowErrorCode]?.[lang] ?? code;
}
