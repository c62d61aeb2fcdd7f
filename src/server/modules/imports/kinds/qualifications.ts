/** Qualifications of people already on record, matched by personal ID within the actor's subtree. */
import { sql } from 'drizzle-orm';
import { CODE_LISTS } from '../../../../contracts/codes';
import { qualificationViolations } from '../../qualifications/qualifications.rules';
import { resolveStagedCodes } from '../imports.codes';
import type { ColumnSpec } from '../imports.columns';
import {
  checkRows,
  countOf,
  duplicatesInFile,
  errorWhere,
  type ImportKindDef,
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
    key: 'kind',
    vi: 'Loại',
    en: 'Kind',
    type: 'code',
    list: 'qualification_kind',
    required: true,
    example: 'Lý luận chính trị',
    help: { vi: 'Tên (hoặc mã) loại văn bằng.', en: 'A qualification kind label (or code).' },
  },
  {
    key: 'level',
    vi: 'Trình độ',
    en: 'Level',
    type: 'text',
    max: 40,
    required: true,
    example: 'Trung cấp',
    help: { vi: 'Tên (hoặc mã) trình độ của loại đó.', en: 'A level label (or code) of that kind.' },
  },
  {
    key: 'major',
    vi: 'Chuyên ngành',
    en: 'Major',
    type: 'text',
    max: 200,
    example: '',
    help: { vi: 'Chữ.', en: 'Text.' },
  },
  {
    key: 'issuer',
    vi: 'Nơi cấp',
    en: 'Issuer',
    type: 'text',
    max: 200,
    example: 'Trường Chính trị tỉnh',
    help: { vi: 'Chữ.', en: 'Text.' },
  },
  {
    key: 'issued_on',
    vi: 'Ngày cấp',
    en: 'Issued on',
    type: 'date',
    past: true,
    example: '20/06/2019',
    help: { vi: 'dd/mm/yyyy hoặc kiểu ngày của Excel.', en: 'dd/mm/yyyy or an Excel date.' },
  },
  {
    key: 'certificate_no',
    vi: 'Số văn bằng',
    en: 'Certificate number',
    type: 'text',
    max: 100,
    example: 'TC-2019-0123',
    help: { vi: 'Chữ.', en: 'Text.' },
  },
  {
    key: 'periods',
    vi: 'Số tiết',
    en: 'Periods',
    type: 'int',
    example: '',
    help: { vi: 'Số nguyên (1 tuần = 40 tiết).', en: 'A whole number (1 week = 40).' },
  },
];
const KIND_LABELS: Record<string, string> = Object.fromEntries(
  CODE_LISTS.qualification_kind.map((k) => [k.code, k.vi]),
);
const col = (key: string) => COLUMNS.find((c) => c.key === key)!;
/** The API's field names and the columns they are read from. */
const FIELD_KEYS = { issuedOn: 'issued_on' };

export const qualificationsKind: ImportKindDef = {
  kind: 'qualifications',
  columns: COLUMNS,
  derived: NAME_KEY,
  resolved: PERSON_RESOLVED,
  async check(ctx) {
    const db = ctx.db;
    await resolvePeople(ctx, col('pid'));
    await nameMismatch(ctx, col('full_name'));
    // The API's own rules of the values (ADR 024), against the holder's record.
    await checkRows<{ row_no: number; issued_on: string | null; birth_date: string | null }>(
      ctx,
      COLUMNS,
      sql`select s.row_no, s.issued_on, p.birth_date::text as birth_date
          from ${STAGE} s join people p on p.id = s.person_id`,
      (r) =>
        qualificationViolations({ issuedOn: r.issued_on }, { birthDate: r.birth_date }).map((v) =>
          violationIssue(COLUMNS, FIELD_KEYS, v, r),
        ),
    );
    // The level belongs to the list of the row's kind: a code, label or alias (ADR 028).
    await resolveStagedCodes(db, {
      col: col('level'),
      list: sql`'level_' || s.kind`,
      where: sql`exists (select 1 from code_items k where k.list = 'qualification_kind' and k.code = s.kind)`,
      of: (list) => KIND_LABELS[list.slice('level_'.length)],
    });
    await duplicatesInFile(db, col('level'), ['pid', 'kind', 'level']);
    await errorWhere(
      db,
      col('level'),
      'QUALIFICATION_EXISTS',
      sql`exists (select 1 from qualifications q where q.person_id = s.person_id and q.kind = s.kind
            and q.level = s.level and q.deleted_at is null)`,
    );
  },
  async write(ctx) {
    return countOf(
      await ctx.db.execute(
        sql`insert into qualifications (person_id, kind, level, major, issuer, issued_on, certificate_no, periods, source, import_id)
            select s.person_id, s.kind, s.level, s.major, s.issuer, s.issued_on::date, s.certificate_no, s.periods::int,
              'imported', ${ctx.batchId}::int
            from ${STAGE} s where ${ROW_OK} order by s.row_no returning id`,
      ),
    );
  },
  async undoBlockers(q, batchId) {
    const r = await q.execute(
      sql`select 1 from qualifications q where q.import_id = ${batchId}
          and (q.updated_at > q.created_at or q.deleted_at is not null
               or exists (select 1 from qualification_attachments a where a.qualification_id = q.id)) limit 1`,
    );
    return countOf(r)
      ? [{ vi: 'có văn bằng đã được sửa hoặc đính kèm tệp', en: 'some were edited or got attachments' }]
      : [];
  },
  async undo(q, batchId) {
    return countOf(
      await q.execute(sql`delete from qualifications where import_id = ${batchId} returning id`),
    );
  },
};
