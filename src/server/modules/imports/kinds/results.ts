/**
 * Class results: the scores of one chosen class's assessments (ADR 018), one column per
 * assessment named as in the grade book's sheet, scores read by the grade book's own rule
 * (`parseScore`). Only approved learners of the class; insert-only (an existing score is an
 * error unless its cell is empty), so undo is exact. A finished class's stored results are
 * recomputed after the write and after the undo, as the grade book does after a correction.
 */
import { sql } from 'drizzle-orm';
import { CLASS_STATUS_LABELS } from '../../../../contracts/classes';
import type { Queryable } from '../../../db/client';
import { rowsOf } from '../../../db/rows';
import { calendarOf, scoreRefusals } from '../../classes/class-calendar';
import { findClass } from '../../classes/classes.queries';
import { storeResults } from '../../results/results.compute';
import { assessmentsOf, learnersOf } from '../../results/results.queries';
import type { ColumnSpec } from '../imports.columns';
import {
  countOf,
  duplicatesInFile,
  errorWhere,
  type ImportKindDef,
  NAME_COLUMN,
  NAME_KEY,
  nameMismatch,
  PID_COLUMN,
  ROW_OK,
  STAGE,
} from './kind';
import { lockClass } from './roster';

const PID: ColumnSpec = {
  ...PID_COLUMN,
  help: { vi: '12 chữ số; phải là học viên của lớp.', en: '12 digits; a learner of the class.' },
};
const NAME: ColumnSpec = {
  ...NAME_COLUMN,
  help: {
    vi: 'Nếu ghi, phải khớp họ tên trong hồ sơ (không phân biệt dấu, hoa thường).',
    en: 'When written, must match the name on record (accents and case ignored).',
  },
};

const scoreColumn = (a: { id: number; name: string }): ColumnSpec => ({
  key: `a_${a.id}`,
  vi: a.name,
  en: a.name,
  type: 'score',
  example: '8,5',
  help: {
    vi: 'Điểm từ 0 đến 10, dấu phẩy hoặc chấm, tối đa hai chữ số thập phân; để trống: không nhập.',
    en: '0 to 10, comma or dot, two decimals at most; empty: not imported.',
  },
});

const scoreKeys = (def: ImportKindDef) => def.columns.filter((c) => c.type === 'score');

const MARKING = new Set(['running', 'finished']);

/** A finished class keeps its stored results in step (the grade book's `afterWrite`). */
async function restore(q: Queryable, classId: number) {
  const c = await findClass(q, classId);
  if (c?.status === 'finished') await storeResults(q, c, new Date());
}

export const resultsKind: ImportKindDef = {
  kind: 'results',
  columns: [PID, NAME],
  derived: NAME_KEY,
  resolved: { nomination_id: 'int' },
  // The grade book's own sheet (STT, birth date) imports as it is; any other column must be an assessment.
  otherHeaders: { ignore: ['STT', 'Ngày sinh'], code: 'UNKNOWN_ASSESSMENT' },
  forClass: {
    refuse: (c) =>
      MARKING.has(c.status)
        ? null
        : {
            vi: `Lớp ${c.code} không nhận điểm lúc này (${CLASS_STATUS_LABELS[c.status].vi}); chỉ lớp đang học hoặc đã kết thúc, chưa đóng.`,
            en: `Class ${c.code} takes no scores now (${CLASS_STATUS_LABELS[c.status].en}); only running or finished, not closed.`,
          },
    async prepare(q, c) {
      const assessments = await assessmentsOf(q, c.id);
      return { ...resultsKind, columns: [PID, NAME, ...assessments.map(scoreColumn)] };
    },
    async templateRows(q, c) {
      return (await learnersOf(q, c.id)).map((l) => [l.personalId ?? '', l.fullName]);
    },
  },
  async check(ctx) {
    const db = ctx.db;
    await lockClass(db, ctx.classId!);
    await db.execute(
      sql`update ${STAGE} s set nomination_id = n.id from people p
          join class_nominations n on n.person_id = p.id and n.class_id = ${ctx.classId} and n.status = 'approved'
          where p.personal_id = s.pid`,
    );
    await errorWhere(db, PID, 'NOT_IN_CLASS', sql`s.pid is not null and s.nomination_id is null`);
    await nameMismatch(
      ctx,
      NAME,
      sql`(select n.person_id from class_nominations n where n.id = s.nomination_id)`,
      sql`s.nomination_id is not null`,
    );
    await duplicatesInFile(db, PID, ['pid']);
    // The grade book's own rule (ADR 025): no score for an assessment not yet held.
    const c = await findClass(db, ctx.classId!);
    const notYet = scoreRefusals(await calendarOf(db, c!, ctx.now));
    for (const col of scoreKeys(this))
      if (notYet.get(Number(col.key.slice(2))))
        await errorWhere(db, col, 'TOO_EARLY', sql`s.${sql.raw(col.key)} is not null`);
    for (const col of scoreKeys(this))
      await errorWhere(
        db,
        col,
        'ALREADY_SCORED',
        sql`s.${sql.raw(col.key)} is not null and exists (select 1 from class_scores cs
              where cs.assessment_id = ${Number(col.key.slice(2))} and cs.nomination_id = s.nomination_id)`,
      );
  },
  async write(ctx) {
    const cols = scoreKeys(this);
    if (!cols.length) return 0;
    const cells = sql.join(
      cols.map((c) => sql`(${Number(c.key.slice(2))}::int, s.${sql.raw(c.key)})`),
      sql`, `,
    );
    const written = countOf(
      await ctx.db.execute(
        sql`insert into class_scores (assessment_id, nomination_id, score, recorded_by, import_id)
            select v.assessment_id, s.nomination_id, v.score::numeric, ${ctx.userId}::int, ${ctx.batchId}::int
            from ${STAGE} s cross join lateral (values ${cells}) v(assessment_id, score)
            where ${ROW_OK} and v.score is not null returning assessment_id`,
      ),
    );
    await restore(ctx.db, ctx.classId!);
    return written;
  },
  async undoBlockers(q, batchId) {
    const [r] = rowsOf<{ status: string | null; changed: boolean; certificates: number }>(
      await q.execute(
        sql`select c.status,
            (select count(*)::int from class_scores where import_id = b.id) < b.written_rows as changed,
            (select count(*)::int from certificates x where x.nomination_id in
               (select nomination_id from class_scores where import_id = b.id)) as certificates
          from import_batches b left join classes c on c.id = b.class_id where b.id = ${batchId}`,
      ),
    );
    const out: { vi: string; en: string }[] = [];
    if (r.status === 'closed')
      out.push({ vi: 'lớp đã đóng (kết quả đã chốt)', en: 'the class is closed (results frozen)' });
    if (r.changed)
      out.push({
        vi: 'có điểm đã được sửa hoặc xóa trong sổ điểm',
        en: 'some scores were changed in the grade book',
      });
    if (Number(r.certificates))
      out.push({ vi: `${r.certificates} chứng chỉ đã cấp`, en: `${r.certificates} certificates issued` });
    return out;
  },
  async undo(q, batchId) {
    const [b] = rowsOf<{ classId: number }>(
      await q.execute(sql`select class_id as "classId" from import_batches where id = ${batchId}`),
    );
    await lockClass(q, b.classId);
    const removed = countOf(
      await q.execute(sql`delete from class_scores where import_id = ${batchId} returning nomination_id`),
    );
    await restore(q, b.classId);
    return removed;
  },
};
