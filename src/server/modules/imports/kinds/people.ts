/**
 * Staff list: one new person per row (the layout of `GET /people/export.xlsx`, so an export
 * imports back). Each person gets a first history row from the service start (else today).
 */
import { sql } from 'drizzle-orm';
import { personalIdWarnings } from '../../../../contracts/personal-id';
import { foldText, nameSortKey } from '../../../../contracts/text';
import { rowsOf } from '../../../db/rows';
import { CATEGORY_NOT_VALID, categoryValidSql } from '../../codes/categories';
import { PEOPLE_COLUMNS } from '../../people/people.columns';
import { personDateViolations } from '../../people/people.rules';
import type { Staged } from '../imports.columns';
import {
  checkRows,
  countOf,
  duplicatesInFile,
  errorWhere,
  type ImportKindDef,
  ROW_OK,
  type RowIssue,
  STAGE,
  violationIssue,
} from './kind';
import { likelyDuplicates } from './people-duplicates';

const col = (key: string) => PEOPLE_COLUMNS.find((c) => c.key === key)!;

/** The record's personal-ID plausibility warnings (`personalIdWarnings`) as row warnings. */
const idWarnings = (pid: string, birth: string | null, gender: string): RowIssue[] =>
  personalIdWarnings(pid, birth, gender).map((w) => ({
    key: 'pid',
    code: w.code,
    value: pid,
    severity: 'warning' as const,
  }));
/** A row whose ID can be checked as the sheet is read: it has an ID and its gender is a code. */
const idCheckedWhileRead = (s: Staged) => Boolean(s.pid) && (s.gender === 'M' || s.gender === 'F');
/** The API's field names and the columns they are read from. */
const FIELD_KEYS = {
  birthDate: 'birth_date',
  serviceStart: 'service_start',
  partyJoinDate: 'party_join_date',
  appointedOn: 'appointed_on',
};

export const peopleKind: ImportKindDef = {
  kind: 'people',
  columns: PEOPLE_COLUMNS,
  derived: {
    keys: ['search_name', 'sort_key', 'id_checked'],
    fn: (s) => ({
      search_name: s.full_name ? foldText(s.full_name) : null,
      sort_key: s.full_name ? nameSortKey(s.full_name) : null,
      id_checked: idCheckedWhileRead(s) ? 't' : null,
    }),
  },
  resolved: {},
  // The API's own date rules (ADR 024) on the row's values; the personal-ID warnings of the
  // record when the gender is written as a code (the rest wait for the labels to be resolved).
  rowCheck: (s) => [
    ...personDateViolations({
      birthDate: s.birth_date,
      serviceStart: s.service_start,
      partyJoinDate: s.party_join_date,
      appointedOn: s.appointed_on,
    }).map((v) => violationIssue(PEOPLE_COLUMNS, FIELD_KEYS, v, s)),
    ...(idCheckedWhileRead(s) ? idWarnings(s.pid!, s.birth_date, s.gender!) : []),
  ],
  async check(ctx) {
    const db = ctx.db;
    await duplicatesInFile(db, col('pid'), ['pid']);
    await errorWhere(
      db,
      col('pid'),
      'PERSONAL_ID_EXISTS',
      sql`exists (select 1 from people p where p.personal_id = s.pid)`,
    );
    // The API's rule (ADR 043): the category must be valid on the day the first period starts.
    await errorWhere(
      db,
      col('category'),
      CATEGORY_NOT_VALID,
      sql`exists (select 1 from code_items ci where ci.list = 'category' and ci.code = s.category
        and not (${categoryValidSql('ci', sql`coalesce(s.service_start::date, ${ctx.today}::date)`)}))`,
    );
    await likelyDuplicates(ctx, col('full_name'));
    // The personal-ID warnings of rows whose gender was a label, now that it is a code.
    await checkRows<{ row_no: number; pid: string; birth_date: string | null; gender: string }>(
      ctx,
      PEOPLE_COLUMNS,
      sql`select s.row_no, s.pid, s.birth_date, s.gender from ${STAGE} s
          where s.pid is not null and s.id_checked is null`,
      (r) => idWarnings(r.pid, r.birth_date, r.gender),
    );
  },
  async write(ctx) {
    const db = ctx.db;
    const inserted = await db.execute(
      sql`insert into people (full_name, search_name, sort_key, birth_date, gender, ethnicity, personal_id,
            party_member, party_join_date, category, rank, post, post_code, leadership_tier, appointed_on, unit_id,
            management_authority, planning_title, status, service_start, import_id)
          select s.full_name, s.search_name, s.sort_key, s.birth_date::date, s.gender, coalesce(s.ethnicity, 'KINH'),
            s.pid, coalesce(s.party_member::boolean, false), s.party_join_date::date, s.category, s.rank, s.post, s.post_code,
            coalesce(s.leadership_tier, 'NONE'), s.appointed_on::date, s.unit_id, s.management_authority,
            s.planning_title, coalesce(s.status, 'WORKING'), s.service_start::date, ${ctx.batchId}::int
          from ${STAGE} s where ${ROW_OK} order by s.row_no returning id`,
    );
    await db.execute(
      sql`insert into person_history (person_id, valid_from, category, rank, post, post_code, leadership_tier, unit_id,
            management_authority, planning_title, status, reason, actor_id, import_id)
          select p.id, coalesce(p.service_start, ${ctx.today}::date), p.category, p.rank, p.post, p.post_code, p.leadership_tier,
            p.unit_id, p.management_authority, p.planning_title, p.status, 'Nhập từ tệp', ${ctx.userId}, p.import_id
          from people p where p.import_id = ${ctx.batchId}`,
    );
    return countOf(inserted);
  },
  async undoBlockers(q, batchId) {
    const [r] = rowsOf<Record<string, number>>(
      await q.execute(
        sql`select
          (select count(*)::int from class_nominations n join people p on p.id = n.person_id where p.import_id = ${batchId}) as classes,
          (select count(*)::int from people p where p.import_id = ${batchId} and p.version > 1) as edited,
          (select count(*)::int from users u join people p on p.id = u.person_id where p.import_id = ${batchId}) as accounts,
          (select count(*)::int from qualifications x join people p on p.id = x.person_id
             where p.import_id = ${batchId} and x.import_id is distinct from ${batchId}) as quals,
          (select count(*)::int from annual_ratings x join people p on p.id = x.person_id
             where p.import_id = ${batchId}) as ratings`,
      ),
    );
    const out: { vi: string; en: string }[] = [];
    if (r.classes) out.push({ vi: `${r.classes} lần được cử đi học`, en: `${r.classes} class nominations` });
    if (r.edited) out.push({ vi: `${r.edited} hồ sơ đã được sửa`, en: `${r.edited} records edited since` });
    if (r.accounts)
      out.push({ vi: `${r.accounts} tài khoản gắn với hồ sơ`, en: `${r.accounts} linked user accounts` });
    if (r.quals)
      out.push({ vi: `${r.quals} văn bằng nhập sau`, en: `${r.quals} qualifications added since` });
    if (r.ratings) out.push({ vi: `${r.ratings} kết quả xếp loại`, en: `${r.ratings} yearly ratings` });
    return out;
  },
  async undo(q, batchId) {
    await q.execute(
      sql`delete from person_history where person_id in (select id from people where import_id = ${batchId})`,
    );
    return countOf(await q.execute(sql`delete from people where import_id = ${batchId} returning id`));
  },
};
