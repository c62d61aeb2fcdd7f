/**
 * The generic import run (ADR 018), inside one transaction that shares its connection with COPY:
 * stream the sheet, check each row's shape in JS, COPY rows and shape errors into TEMP tables in
 * chunks, run the set-based checks (generic: code lists and units; then the kind's), count, keep
 * the errors on the batch and, when asked, write the rows without errors with `insert ... select`.
 */
import { sql } from 'drizzle-orm';
import type { ImportMode } from '../../../contracts/imports';
import type { CopyTransaction, Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { csvField } from '../../lib/csv-write';
import type { SheetLimits } from '../../lib/sheets/limits';
import { openSheet } from '../../lib/sheets/read';
import { loadCodeWords } from '../codes/resolve';
import { refreshStandingIn } from '../standards/standing';
import { resolveStagedCodes } from './imports.codes';
import { type ColumnSpec, missingColumns, sampleCell, stageRow, unknownHeaders } from './imports.columns';
import { keepStaged, restoreStaged } from './imports.staged';
import {
  ERRORS,
  errorWhere,
  type ImportKindDef,
  ISSUE_COLUMNS,
  issueCsv,
  type KindContext,
  ROW_OK,
  STAGE,
} from './kinds/kind';

/** Errors kept per batch for the preview (counts stay exact beyond it). */
export const MAX_KEPT_ERRORS = 10_000;
const CHUNK = 5_000;

export type Phase = 'reading' | 'checking' | 'writing';
export interface RunResult {
  totalRows: number;
  errorRows: number;
  writtenRows: number;
  errorCounts: Record<string, number>;
  /** Warnings by code: shown, they refuse nothing (ADR 024). */
  warningCounts: Record<string, number>;
  sample: Record<string, string | null>[];
  /** The write was refused (all-or-nothing with errors). */
  refused: boolean;
}

export async function runImport(
  t: CopyTransaction,
  job: {
    def: ImportKindDef;
    ctx: Omit<KindContext, 'db'>;
    /** The .xlsx; null when the preview's staged rows are reused (`staged: 'reuse'`). */
    bytes: Buffer | null;
    limits: SheetLimits;
    /** 'keep': keep the rows read for the commit (a preview); 'reuse': take them instead of reading. */
    staged?: 'keep' | 'reuse';
    /** Write the rows (with this mode) or only check them. */
    write: ImportMode | null;
    onProgress?: (phase: Phase, done: number) => void;
  },
): Promise<RunResult> {
  const { def, bytes } = job;
  const ctx: KindContext = { ...job.ctx, db: t.db };
  const tr = trace();
  const db = t.db;
  const derivedKeys = def.derived?.keys ?? [];
  const resolved: Record<string, string> = { ...def.resolved };
  if (def.columns.some((c) => c.type === 'unitCode')) resolved.unit_id = 'int';
  const textCols = [...def.columns.map((c) => c.key), ...derivedKeys];
  await db.execute(
    sql.raw(
      `create temp table imp_stage (row_no int primary key, ${[
        ...textCols.map((k) => `${k} text`),
        ...Object.entries(resolved).map(([k, type]) => `${k} ${type}`),
      ].join(', ')}) on commit drop`,
    ),
  );
  await db.execute(
    sql.raw(
      `create temp table imp_err (row_no int not null, col text not null, value text, code text not null,
         sev text not null default 'error', msg_vi text, msg_en text, details jsonb) on commit drop`,
    ),
  );

  const cols = textCols;
  let total = 0;
  let blocked = false;
  if (job.staged === 'reuse' || !bytes) {
    // The preview's rows and shape errors, checked again below: the sheet is not read twice.
    total = await restoreStaged(db, ctx.batchId, cols);
    job.onProgress?.('reading', total);
  } else {
    const read = await readSheet(t, job, textCols);
    total = read.total;
    blocked = read.blocked;
    if (job.staged === 'keep' && !blocked) await keepStaged(db, ctx.batchId, cols);
  }
  await db.execute(sql.raw('analyze imp_stage'));
  tr('read+copy');
  job.onProgress?.('checking', 0);
  if (!blocked) {
    await checkCodesAndUnits(ctx, def);
    tr('codes');
    await def.check(ctx);
    tr('kind checks');
  }
  await db.execute(
    sql.raw(
      "create temp table imp_bad on commit drop as select distinct row_no from imp_err where sev = 'error'",
    ),
  );
  const [counts] = rowsOf<{ bad: number }>(
    await db.execute(sql.raw('select count(*)::int as bad from imp_bad')),
  );
  const errorRows = blocked ? total : Math.min(total, counts.bad);
  const countsBy = async (sev: 'error' | 'warning') =>
    Object.fromEntries(
      rowsOf<{ code: string; n: number }>(
        await db.execute(
          sql`select code, count(*)::int as n from ${ERRORS} where sev = ${sev} group by code`,
        ),
      ).map((r) => [r.code, r.n]),
    );
  const errorCounts = await countsBy('error');
  const warningCounts = await countsBy('warning');
  await db.execute(sql`delete from import_issues where batch_id = ${ctx.batchId}`);
  await db.execute(
    sql`insert into import_issues (batch_id, seq, row_number, "column", value, code, severity, message, details)
        select ${ctx.batchId}::int, row_number() over (order by row_no, sev, col, code), row_no, col, value, code, sev,
          case when msg_vi is null then null else jsonb_build_object('vi', msg_vi, 'en', coalesce(msg_en, msg_vi)) end,
          details
        from (select * from ${ERRORS} order by row_no, sev, col, code limit ${MAX_KEPT_ERRORS}) e`,
  );
  const sample = blocked ? [] : await sampleRows(db, def.columns);

  tr('errors+sample');
  let writtenRows = 0;
  const refused = job.write === 'all' && errorRows > 0;
  if (job.write && !refused && !blocked) {
    job.onProgress?.('writing', 0);
    writtenRows = await def.write(ctx);
    tr('insert');
    // The people written were marked by triggers: rebuild their standing in this transaction.
    if (writtenRows > 0) await refreshStandingIn(t.db, ctx.today, { sameDay: true });
    tr('standing');
    job.onProgress?.('writing', writtenRows);
  }
  return { totalRows: total, errorRows, writtenRows, errorCounts, warningCounts, sample, refused };
}

/**
 * Stream the sheet into the TEMP staging: each row's shape checked in JS, COPY in chunks (one in
 * flight while the next is parsed), header problems as errors of row 1.
 */
async function readSheet(
  t: CopyTransaction,
  job: {
    def: ImportKindDef;
    ctx: { today: string };
    bytes: Buffer | null;
    limits: SheetLimits;
    onProgress?: (phase: Phase, done: number) => void;
  },
  textCols: string[],
): Promise<{ total: number; blocked: boolean }> {
  const { def } = job;
  const derivedKeys = def.derived?.keys ?? [];
  const sheet = await openSheet(job.bytes!, job.limits);
  const missing = missingColumns(def.columns, sheet.headers);
  const unknown = def.otherHeaders ? unknownHeaders(def.columns, sheet.headers, def.otherHeaders.ignore) : [];
  // A header that cannot be read refuses the whole sheet: no row is checked or written.
  const blocked = missing.length + unknown.length > 0;
  let total = 0;
  let stageCsv = '';
  let errCsv = '';
  // One COPY in flight while the next chunk is parsed (the database works while JS reads).
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const [rows, errs, done] = [stageCsv, errCsv, total];
    stageCsv = '';
    errCsv = '';
    await inFlight;
    inFlight = (async () => {
      if (rows) await t.copyCsv('imp_stage', ['row_no', ...textCols], rows);
      if (errs) await t.copyCsv('imp_err', ISSUE_COLUMNS, errs);
      job.onProgress?.('reading', done);
    })();
    inFlight.catch(() => {}); // awaited at the next flush; not an unhandled rejection meanwhile
  };
  for await (const row of sheet.rows) {
    total++;
    if (blocked) continue; // nothing can be checked: every row counts as refused
    const { staged, errors } = stageRow(def.columns, row.values, job.ctx.today);
    const derived = def.derived?.fn(staged) ?? {};
    stageCsv += `${[row.rowNumber, ...def.columns.map((c) => staged[c.key]), ...derivedKeys.map((k) => derived[k])].map(csvField).join(',')}\n`;
    for (const e of errors) errCsv += issueCsv(def, row.rowNumber, e);
    // The domain's own rules over the row's values (ADR 024), on the cells that have a shape.
    if (def.rowCheck)
      for (const e of def.rowCheck(staged, job.ctx.today)) errCsv += issueCsv(def, row.rowNumber, e);
    if (total % CHUNK === 0) await flush();
  }
  for (const c of missing) errCsv += issueCsv(def, 1, { key: c.key, code: 'MISSING_COLUMN', value: c.vi });
  for (const h of unknown) errCsv += issueCsv(def, 1, { key: h, code: def.otherHeaders!.code, value: h });
  await flush();
  await inFlight;

  return { total, blocked };
}

/** Code columns (a code, label or alias: ADR 028) and unit codes (in the subtree). */
async function checkCodesAndUnits(ctx: KindContext, def: ImportKindDef) {
  const db = ctx.db;
  for (const c of def.columns) {
    const k = sql.raw(`s.${c.key}`);
    if (c.type === 'code' && c.list) await resolveStagedCodes(db, { col: c, list: sql`${c.list}` });
    if (c.type === 'unitCode') {
      await db.execute(
        sql`update ${STAGE} s set unit_id = u.id from org_units u
            where u.code = ${k} and u.valid_to is null and u.path <@ ${ctx.scopePath}::ltree`,
      );
      await db.execute(sql`update ${STAGE} s set unit_id = ${ctx.unitId} where ${k} is null`);
      await errorWhere(db, c, 'UNKNOWN_UNIT', sql`${k} is not null and s.unit_id is null`);
    }
  }
}

function trace() {
  let t = Date.now();
  return (what: string) => {
    if (process.env.DTBD_IMPORT_TRACE) console.error(`  ${what}: ${Date.now() - t} ms`);
    t = Date.now();
  };
}

/** The first valid rows as the preview shows them: in the words of the sheet (issue 17). */
async function sampleRows(db: Db, columns: ColumnSpec[]): Promise<Record<string, string | null>[]> {
  const rows = rowsOf<Record<string, string | null>>(
    await db.execute(sql`select * from ${STAGE} s where ${ROW_OK} order by s.row_no limit 10`),
  );
  if (rows.length === 0) return [];
  const lists = [...new Set(columns.flatMap((c) => (c.type === 'code' && c.list ? [c.list] : [])))];
  const word = await loadCodeWords(db, lists);
  return rows.map((r) =>
    Object.fromEntries(columns.map((c) => [c.vi, sampleCell(c, r[c.key] ?? null, word)])),
  );
}
