/**
 * Class roster: the learners of one chosen class, as the school confirmed them (ADR 018). Each
 * row becomes an approved nomination with an "imported" event and the send-to-study decision of
 * its row (number, date, signer; required under `approvals.decision_required`, ADR 049); the class's seats and the quota
 * of the person's nearest quota unit are charged in the same transaction (seats beyond what is
 * free are row errors, in row order). Undo removes them and gives the seats back, unless a
 * learner has since got attendance, scores, results, a certificate, feedback or a change.
 */
import { sql } from 'drizzle-orm';
import { CLASS_STATUS_LABELS } from '../../../../contracts/classes';
import type { Queryable } from '../../../db/client';
import { rowsOf } from '../../../db/rows';
import { classTakesChanges } from '../../nominations/nominations.rules';
import type { ColumnSpec } from '../imports.columns';
import { checkDecisionColumns, DECISION_COLUMNS, DECISION_SELECT } from './decision-columns';
import {
  countOf,
  duplicatesInFile,
  errorWhere,
  type ImportKindDef,
  type KindContext,
  NAME_COLUMN,
  NAME_KEY,
  nameMismatch,
  PERSON_RESOLVED,
  PID_COLUMN,
  ROW_OK,
  resolvePeople,
  STAGE,
} from './kind';

const NAME: ColumnSpec = {
  ...NAME_COLUMN,
  required: true,
  help: {
    vi: 'Phải khớp họ tên trong hồ sơ (không phân biệt dấu, hoa thường).',
    en: 'Must match the name on record (accents and case ignored).',
  },
};
const NOTE: ColumnSpec = {
  key: 'note',
  vi: 'Ghi chú',
  en: 'Note',
  type: 'text',
  max: 1000,
  example: '',
  help: { vi: 'Chữ, không bắt buộc.', en: 'Text, optional.' },
};
export const ROSTER_COLUMNS: ColumnSpec[] = [PID_COLUMN, NAME, NOTE, ...DECISION_COLUMNS];
const PID = PID_COLUMN;

/** Rows without an error so far (inside the checks, before `imp_bad` exists). */
const NO_ERROR_YET = sql.raw(
  "not exists (select 1 from imp_err e where e.row_no = s.row_no and e.sev = 'error')",
);

/** Lock the class row (seats change under it, as every nomination change does: ADR 012). */
export async function lockClass(q: Queryable, classId: number) {
  await q.execute(sql`select id from classes where id = ${classId} for update`);
}

/** Rows ranked in file order within `partition`, refused with `code` past the free seats `free`. */
async function beyondFree(
  ctx: KindContext,
  code: 'CLASS_FULL' | 'QUOTA_FULL' | 'POOL_FULL',
  partition: string,
  free: ReturnType<typeof sql>,
  where: ReturnType<typeof sql>,
) {
  await ctx.db.execute(
    sql`insert into imp_err (row_no, col, value, code)
        select r.row_no, ${PID.vi}, r.pid, ${code} from (
          select s.row_no, s.pid, ${free} as free,
            row_number() over (partition by ${sql.raw(partition)} order by s.row_no) as n
          from ${STAGE} s where ${NO_ERROR_YET} and ${where}) r
        where r.n > r.free`,
  );
}

async function checkSeats(ctx: KindContext) {
  const id = ctx.classId!;
  const [c] = rowsOf<{ capacity: number; taken: number; given: number; held: number; quotas: number }>(
    await ctx.db.execute(
      sql`select c.capacity, c.seats_taken as taken, count(cq.id)::int as quotas,
            coalesce(sum(cq.seats), 0)::int as given, coalesce(sum(cq.taken), 0)::int as held
          from classes c left join class_quotas cq on cq.class_id = c.id where c.id = ${id}
          group by c.id`,
    ),
  );
  if (Number(c.quotas) > 0) {
    // Charged as a typed nomination would be: the nearest quota unit at or above the person's unit.
    await ctx.db.execute(
      sql`update ${STAGE} s set quota_unit_id = (
            select cq.unit_id from class_quotas cq join org_units qu on qu.id = cq.unit_id
            join org_units nu on nu.id = s.person_unit_id
            where cq.class_id = ${id} and nu.path <@ qu.path order by nlevel(qu.path) desc limit 1)
          where s.person_id is not null`,
    );
    await beyondFree(
      ctx,
      'QUOTA_FULL',
      's.quota_unit_id',
      sql`(select cq.seats - cq.taken from class_quotas cq where cq.class_id = ${id} and cq.unit_id = s.quota_unit_id)`,
      sql`s.quota_unit_id is not null`,
    );
    const poolFree = Number(c.capacity) - Number(c.given) - (Number(c.taken) - Number(c.held));
    await beyondFree(
      ctx,
      'POOL_FULL',
      's.quota_unit_id',
      sql`${poolFree}::int`,
      sql`s.quota_unit_id is null`,
    );
  }
  await beyondFree(ctx, 'CLASS_FULL', '1', sql`${Number(c.capacity) - Number(c.taken)}::int`, sql`true`);
}

export const rosterKind: ImportKindDef = {
  kind: 'roster',
  columns: ROSTER_COLUMNS,
  derived: NAME_KEY,
  resolved: { ...PERSON_RESOLVED, quota_unit_id: 'int' },
  forClass: {
    refuse: (c) =>
      classTakesChanges(c.status)
        ? null
        : {
            vi: `Lớp ${c.code} không nhận thêm học viên (${CLASS_STATUS_LABELS[c.status].vi}).`,
            en: `Class ${c.code} takes no more learners (${CLASS_STATUS_LABELS[c.status].en}).`,
          },
  },
  async check(ctx) {
    await lockClass(ctx.db, ctx.classId!);
    await resolvePeople(ctx, PID);
    await nameMismatch(ctx, NAME);
    await duplicatesInFile(ctx.db, PID, ['pid']);
    await errorWhere(
      ctx.db,
      PID,
      'ALREADY_IN_CLASS',
      sql`s.person_in_scope and exists (select 1 from class_nominations n where n.class_id = ${ctx.classId}
            and n.person_id = s.person_id and n.status in ('pending', 'approved', 'waitlisted'))`,
    );
    // The send-to-study decision, held as the approval route holds it (ADR 044, 049).
    await checkDecisionColumns(ctx, ROSTER_COLUMNS, sql`s.person_in_scope and ${NO_ERROR_YET}`);
    await checkSeats(ctx);
  },
  async write(ctx) {
    const db = ctx.db;
    const written = countOf(
      await db.execute(
        sql`insert into class_nominations (class_id, person_id, unit_id, quota_unit_id, status, note,
              nominated_by, decided_by, decided_at, import_id, decision_no, decision_date, signer_name, signer_title)
            select ${ctx.classId}::int, s.person_id, s.person_unit_id, s.quota_unit_id, 'approved', s.note,
              ${ctx.userId}::int, ${ctx.userId}::int, now(), ${ctx.batchId}::int, ${DECISION_SELECT}
            from ${STAGE} s where ${ROW_OK} order by s.row_no returning id`,
      ),
    );
    await db.execute(
      sql`insert into nomination_events (nomination_id, action, to_status, comment, user_id)
          select n.id, 'imported', 'approved', 'Nhập danh sách học viên từ tệp / imported roster', ${ctx.userId}::int
          from class_nominations n where n.import_id = ${ctx.batchId}`,
    );
    // The check constraints (seats_taken <= capacity, taken <= seats) guard these as for typed nominations.
    await db.execute(
      sql`update classes set seats_taken = seats_taken + ${written}::int where id = ${ctx.classId}`,
    );
    await db.execute(
      sql`update class_quotas cq set taken = cq.taken + x.n
          from (select quota_unit_id, count(*)::int as n from class_nominations
                where import_id = ${ctx.batchId} and quota_unit_id is not null group by quota_unit_id) x
          where cq.class_id = ${ctx.classId} and cq.unit_id = x.quota_unit_id`,
    );
    return written;
  },
  async undoBlockers(q, batchId) {
    const mine = sql`(select id from class_nominations where import_id = ${batchId})`;
    const [r] = rowsOf<Record<string, number>>(
      await q.execute(
        sql`select
          (select count(distinct nomination_id)::int from class_attendance where nomination_id in ${mine}) as attendance,
          (select count(distinct nomination_id)::int from class_scores where nomination_id in ${mine}) as scores,
          (select count(*)::int from class_results where nomination_id in ${mine}) as results,
          (select count(*)::int from certificates where nomination_id in ${mine}) as certificates,
          (select count(distinct nomination_id)::int from feedback_answers where nomination_id in ${mine}) as feedback,
          (select count(*)::int from class_nominations n where n.import_id = ${batchId}
             and (n.status <> 'approved' or n.updated_at > n.created_at
                  or exists (select 1 from nomination_events e where e.nomination_id = n.id and e.action <> 'imported'))) as changed`,
      ),
    );
    const label: Record<string, [string, string]> = {
      attendance: ['học viên đã được điểm danh', 'learners with attendance'],
      scores: ['học viên đã có điểm', 'learners with scores'],
      results: ['học viên đã có kết quả', 'learners with results'],
      certificates: ['chứng chỉ đã cấp', 'certificates issued'],
      feedback: ['học viên đã trả lời khảo sát', 'learners with feedback answers'],
      changed: ['học viên đã đổi trạng thái hoặc được sửa', 'learners whose status or record changed'],
    };
    return Object.entries(label)
      .filter(([k]) => Number(r[k]) > 0)
      .map(([k, [vi, en]]) => ({ vi: `${r[k]} ${vi}`, en: `${r[k]} ${en}` }));
  },
  async undo(q, batchId) {
    const [b] = rowsOf<{ classId: number }>(
      await q.execute(sql`select class_id as "classId" from import_batches where id = ${batchId}`),
    );
    await lockClass(q, b.classId);
    await q.execute(
      sql`update class_quotas cq set taken = cq.taken - x.n
          from (select quota_unit_id, count(*)::int as n from class_nominations
                where import_id = ${batchId} and quota_unit_id is not null group by quota_unit_id) x
          where cq.class_id = ${b.classId} and cq.unit_id = x.quota_unit_id`,
    );
    await q.execute(
      sql`update classes set seats_taken = seats_taken
            - (select count(*)::int from class_nominations where import_id = ${batchId})
          where id = ${b.classId}`,
    );
    await q.execute(
      sql`delete from nomination_events where nomination_id in (select id from class_nominations where import_id = ${batchId})`,
    );
    return countOf(
      await q.execute(sql`delete from class_nominations where import_id = ${batchId} returning id`),
    );
  },
};
