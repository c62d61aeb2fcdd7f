/**
 * Staged rows kept between preview and commit (ADR 047). The preview copies its TEMP staging
 * (the sheet's cells and the shape errors found while reading) into `import_staged` and
 * `import_staged_issues`; the commit fills the TEMP tables back from them with `insert ... select`
 * instead of reading the .xlsx again, then runs the same set-based checks and write.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';

const q = (k: string) => sql.raw(k);

/** Keep the TEMP staging (`imp_stage`, `imp_err` as read) of batch `batchId`. */
export async function keepStaged(db: Queryable, batchId: number, cols: string[]) {
  await db.execute(sql`delete from import_staged where batch_id = ${batchId}`);
  await db.execute(sql`delete from import_staged_issues where batch_id = ${batchId}`);
  await db.execute(sql`insert into import_staged (batch_id, row_no, cells)
    select ${batchId}::int, row_no, array[${sql.join(
      cols.map((c) => q(c)),
      sql`, `,
    )}]::text[] from imp_stage`);
  await db.execute(sql`insert into import_staged_issues (batch_id, row_no, col, value, code, sev, msg_vi, msg_en)
    select ${batchId}::int, row_no, col, value, code, sev, msg_vi, msg_en from imp_err`);
}

/** The number of rows kept for the batch (0: nothing kept; the file is read again). */
export async function stagedRows(db: Queryable, batchId: number): Promise<number> {
  const [r] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from import_staged where batch_id = ${batchId}`),
  );
  return Number(r.n);
}

/** Fill the TEMP staging back from the kept rows; returns the row count. */
export async function restoreStaged(db: Queryable, batchId: number, cols: string[]): Promise<number> {
  await db.execute(
    sql`insert into imp_stage (row_no, ${sql.join(
      cols.map((c) => q(c)),
      sql`, `,
    )}) select row_no, ${sql.join(
      cols.map((_, i) => sql.raw(`cells[${i + 1}]`)),
      sql`, `,
    )} from import_staged where batch_id = ${batchId}`,
  );
  await db.execute(sql`insert into imp_err (row_no, col, value, code, sev, msg_vi, msg_en)
    select row_no, col, value, code, sev, msg_vi, msg_en from import_staged_issues where batch_id = ${batchId}`);
  return stagedRows(db, batchId);
}

/** The kept rows are written: drop them (in the commit's transaction). */
export async function dropStaged(db: Queryable, batchId: number) {
  await db.execute(sql`delete from import_staged where batch_id = ${batchId}`);
  await db.execute(sql`delete from import_staged_issues where batch_id = ${batchId}`);
}
