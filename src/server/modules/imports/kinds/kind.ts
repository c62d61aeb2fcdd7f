/**
 * What an import kind declares (ADR 018): its columns, the SQL checks on the staged rows, the
 * set-based write and the undo. The runner owns reading, staging and counting.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { ImportKind, RowErrorCode } from '../../../../contracts/imports';
import type { Permission } from '../../../../contracts/roles';
import { foldText } from '../../../../contracts/text';
import type { Db, Queryable } from '../../../db/client';
import { rowsOf } from '../../../db/rows';
import { csvField } from '../../../lib/csv-write';
import type { RuleViolation } from '../../../lib/errors';
import type { ClassRow } from '../../classes/classes.queries';
import type { ColumnSpec, Staged } from '../imports.columns';

/** The temporary tables of one run (dropped at commit). */
export const STAGE = sql.raw('imp_stage');
export const ERRORS = sql.raw('imp_err');
/** Condition on `imp_stage s`: the row has no error. */
export const ROW_OK = sql.raw('not exists (select 1 from imp_bad b where b.row_no = s.row_no)');

export interface KindContext {
  /** The data transaction. */
  db: Db;
  batchId: number;
  /** The subtree the import may touch (the actor's scope). */
  scopePath: string;
  /** Rows without a unit code go to this unit. */
  unitId: number;
  classId: number | null;
  userId: number | null;
  /** Today in Vietnam, and the instant of the run (the injected clock's). */
  today: string;
  now: Date;
}

export interface ImportKindDef {
  kind: ImportKind;
  /** A permission the kind needs beside `imports.run` (org units: `org.write`). */
  permission?: Permission;
  columns: ColumnSpec[];
  /** Columns computed in JS from the staged values (e.g. the search name). */
  derived?: { keys: string[]; fn(s: Staged): Staged };
  /** Headers read but not columns (e.g. STT); with it, any other header refuses the sheet with `code`. */
  otherHeaders?: { ignore: string[]; code: RowErrorCode };
  /** A kind about one chosen class (roster, results). */
  forClass?: {
    /** Why the class takes no such import now (the whole upload is refused), or null. */
    refuse(c: ClassRow): { vi: string; en: string } | null;
    /** The kind as it reads this class's sheets (its columns may depend on the class). */
    prepare?(q: Queryable, c: ClassRow): Promise<ImportKindDef>;
    /** The rows the class's template starts with (e.g. its learners). */
    templateRows?(q: Queryable, c: ClassRow): Promise<string[][]>;
  };
  /** Columns filled by the checks (resolved ids), with their SQL type. */
  resolved: Record<string, string>;
  /**
   * The domain's own rules over one row's values (pure, ADR 024): run as the sheet is read, on
   * the cells that have a shape. Rules that need the database run in `check` via `checkRows`.
   */
  rowCheck?(s: Staged, today: string): RowIssue[];
  /** Set-based checks after the generic ones (codes, units): resolve ids, insert errors. */
  check(ctx: KindContext): Promise<void>;
  /** Write the rows without errors, tagged with the batch id; the number of rows written. */
  write(ctx: KindContext): Promise<number>;
  /** Why the import cannot be undone (later work depends on it); empty when it can. */
  undoBlockers(q: Queryable, batchId: number): Promise<{ vi: string; en: string }[]>;
  /** Remove everything the import wrote; the number of sheet rows removed. */
  undo(q: Queryable, batchId: number): Promise<number>;
}

/**
 * One problem of a row found by a domain rule: the column (its key), the shared code, the value
 * shown, the message with the row's facts, and whether it refuses the row.
 */
export interface RowIssue {
  key: string;
  code: RowErrorCode;
  value?: string | null;
  message?: { vi: string; en: string };
  severity?: 'error' | 'warning';
}

/** The columns of `imp_err` a COPY fills, in `issueCsv`'s order. */
export const ISSUE_COLUMNS = ['row_no', 'col', 'value', 'code', 'sev', 'msg_vi', 'msg_en'];

const headerOf = (def: { columns: ColumnSpec[] }, key: string) =>
  def.columns.find((c) => c.key === key)?.vi ?? key;

/** One issue as a CSV line of `imp_err` (the value: the issue's, else none). */
export function issueCsv(def: { columns: ColumnSpec[] }, rowNo: number, e: RowIssue): string {
  const fields = [
    rowNo,
    headerOf(def, e.key),
    e.value ?? null,
    e.code,
    e.severity ?? 'error',
    e.message?.vi ?? null,
    e.message?.en ?? null,
  ];
  return `${fields.map(csvField).join(',')}\n`;
}

/**
 * Run a domain rule in JS over staged rows (ADR 024): `select` is a query of `imp_stage s` (joins
 * allowed) returning `row_no` and what the rule reads; it is read in pages by row number and the
 * issues `fn` returns are recorded on their rows.
 */
export async function checkRows<R extends { row_no: number }>(
  ctx: KindContext,
  columns: ColumnSpec[],
  select: SQL,
  fn: (r: R) => RowIssue[],
) {
  let after = 0;
  for (;;) {
    const rows = rowsOf<R>(
      await ctx.db.execute(
        sql`select * from (${select}) q where q.row_no > ${after} order by q.row_no limit ${PAGE}`,
      ),
    );
    const issues = rows.flatMap((r) => fn(r).map((e) => ({ row: Number(r.row_no), e })));
    for (let i = 0; i < issues.length; i += 500) {
      const values = issues.slice(i, i + 500).map(
        ({ row, e }) =>
          sql`(${row}::int, ${headerOf({ columns }, e.key)}, ${e.value ?? null}, ${e.code}, ${e.severity ?? 'error'},
              ${e.message?.vi ?? null}, ${e.message?.en ?? null})`,
      );
      await ctx.db.execute(
        sql`insert into ${ERRORS} (row_no, col, value, code, sev, msg_vi, msg_en) values ${sql.join(values, sql`, `)}`,
      );
    }
    if (rows.length < PAGE) return;
    after = Number(rows[rows.length - 1].row_no);
  }
}
const PAGE = 5_000;

/** Record `code` on column `col` for every staged row matching `where`. */
export async function errorWhere(db: Queryable, col: ColumnSpec, code: RowErrorCode, where: SQL) {
  await db.execute(
    sql`insert into ${ERRORS} (row_no, col, value, code) select s.row_no, ${col.vi}, s.${sql.raw(col.key)}, ${code} from ${STAGE} s where ${where}`,
  );
}

/** Mark every row but the first of each group of equal `keys` as a duplicate, on column `col`. */
export async function duplicatesInFile(db: Queryable, col: ColumnSpec, keys: string[]) {
  const k = sql.raw(keys.map((x) => `s.${x}`).join(', '));
  const notNull = sql.raw(keys.map((x) => `s.${x} is not null`).join(' and '));
  await db.execute(
    sql`insert into ${ERRORS} (row_no, col, value, code)
        select row_no, ${col.vi}, v, 'DUPLICATE_IN_FILE' from (
          select s.row_no, s.${sql.raw(col.key)} as v, row_number() over (partition by ${k} order by s.row_no) as n
          from ${STAGE} s where ${notNull}) d
        where d.n > 1`,
  );
}

/** Resolve `person_id` from the personal ID column `pid`; unknown or out-of-scope people are errors. */
export async function resolvePeople(ctx: KindContext, pidCol: ColumnSpec) {
  await ctx.db.execute(
    sql`update ${STAGE} s set person_id = p.id, person_unit_id = p.unit_id,
          person_in_scope = (u.path <@ ${ctx.scopePath}::ltree)
        from people p join org_units u on u.id = p.unit_id where p.personal_id = s.pid`,
  );
  await errorWhere(ctx.db, pidCol, 'UNKNOWN_PERSON', sql`s.pid is not null and s.person_id is null`);
  await errorWhere(
    ctx.db,
    pidCol,
    'PERSON_OUT_OF_SCOPE',
    sql`s.person_id is not null and not s.person_in_scope`,
  );
}

export const PERSON_RESOLVED = { person_id: 'int', person_unit_id: 'int', person_in_scope: 'boolean' };

/** The personal ID column every kind about existing people starts with. */
export const PID_COLUMN: ColumnSpec = {
  key: 'pid',
  vi: 'Số định danh',
  en: 'Personal ID',
  type: 'pid',
  required: true,
  example: '022085001234',
  help: {
    vi: '12 chữ số (căn cước công dân); người phải có hồ sơ trong phạm vi của bạn.',
    en: '12 digits (citizen ID); the person must have a record in your subtree.',
  },
};

/** The name beside a personal ID: optional, but when given it must be the record's (NAME_MISMATCH). */
export const NAME_COLUMN: ColumnSpec = {
  key: 'full_name',
  vi: 'Họ và tên',
  en: 'Full name',
  type: 'text',
  max: 120,
  example: 'Nguyễn Thị Hoa',
  help: {
    vi: 'Không bắt buộc; nếu ghi, phải khớp họ tên trong hồ sơ (không phân biệt dấu, hoa thường).',
    en: 'Optional; when given, it must match the name on record (accents and case ignored).',
  },
};

/** Count rows of a `delete ... returning` or `insert ... returning`. */
export function countOf(result: unknown): number {
  const r = result as { rows?: unknown[]; affectedRows?: number; rowCount?: number };
  return r.rows?.length ?? r.affectedRows ?? r.rowCount ?? 0;
}

/**
 * A domain rule's violation (an API field) as a row issue on the column it was read from: the
 * same code, the message prefixed with the column's header, the staged value shown.
 */
export function violationIssue(
  columns: ColumnSpec[],
  fieldKeys: Record<string, string>,
  v: RuleViolation,
  staged: Record<string, unknown>,
): RowIssue {
  const key = fieldKeys[v.field] ?? v.field;
  const c = columns.find((x) => x.key === key);
  const value = staged[key] == null ? null : String(staged[key]);
  // A date is shown as the sheet writes it (dd/mm/yyyy), not as staged.
  const shown = c?.type === 'date' && value ? value.split('-').reverse().join('/') : value;
  return {
    key,
    code: v.code as RowErrorCode,
    value: shown,
    message: { vi: `${c?.vi ?? key}: ${v.vi}.`, en: `${c?.en ?? key}: ${v.en}.` },
  };
}

/** The folded name of the sheet (`name_key`), to compare with the record's (accents and case ignored). */
export const NAME_KEY: NonNullable<ImportKindDef['derived']> = {
  keys: ['name_key'],
  fn: (s) => ({ name_key: s.full_name ? foldText(s.full_name) : null }),
};

/**
 * NAME_MISMATCH on `nameCol` where the sheet names someone other than the person of the row
 * (`person`: SQL of the person's id; rows where `when` holds), with the name on record. Every kind
 * that names people by personal ID and name checks it here (roster, results, qualifications, ratings).
 */
export async function nameMismatch(
  ctx: KindContext,
  nameCol: ColumnSpec,
  person: SQL = sql.raw('s.person_id'),
  when: SQL = sql.raw('s.person_in_scope'),
) {
  await ctx.db.execute(
    sql`insert into ${ERRORS} (row_no, col, value, code, msg_vi, msg_en)
        select s.row_no, ${nameCol.vi}, s.full_name, 'NAME_MISMATCH',
          'Họ tên không khớp hồ sơ: số định danh này là của ' || p.full_name || '.',
          'The name does not match the record: this personal ID is ' || p.full_name || '''s.'
        from ${STAGE} s join people p on p.id = ${person}
        where ${when} and s.name_key is not null and s.name_key <> p.search_name`,
  );
}
