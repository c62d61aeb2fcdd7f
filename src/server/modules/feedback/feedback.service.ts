/**
 * Feedback on training (ADR 015). Level 1: a learner answers once for each class they are an
 * approved learner of, once it has started. Level 3: a unit or training officer answers once for
 * each learner of their subtree whose class ended the policy's months ago. Roll-ups: the class's
 * managers see its aggregates and comments; whoever sees a lecturer or an institution in the
 * catalogue sees their ratings. Answers and their audit row land in one transaction.
 */
import type { z } from 'zod';
import type {
  AnswerBody,
  AnswerView,
  ClassFeedbackForm,
  EffectivenessForm,
  EffectivenessItem,
  EffectivenessQuery,
  FeedbackForm,
  FeedbackLevel,
} from '../../../contracts/feedback';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, type FieldError, fieldError, invalid, notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import { isUniqueViolation } from '../../lib/unique-keys';
import { assertVisible as assertCatalogueVisible } from '../catalogue/catalogue.policy';
import { findInstitution, findLecturer } from '../catalogue/institutions.queries';
import { assertManageable } from '../classes/classes.policy';
import { findClass } from '../classes/classes.queries';
import {
  answerOf,
  classLecturers,
  type EffectivenessRow,
  type Enrolment,
  enrolments,
  findEffectiveness,
  insertAnswer,
  pageEffectiveness,
} from './feedback.queries';
import { classRollup, institutionRollup, lecturerRollup } from './feedback.rollups';
import { scoreErrors } from './feedback.rules';
import { formById, formInForce } from './feedback-forms';

const CLASS = { vi: 'lớp học', en: 'Class' };
const LEARNER = { vi: 'học viên cần đánh giá', en: 'Learner to assess' };
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

const myClass = ({ nominationId: _n, organiserPath: _o, ...c }: Enrolment) => ({
  ...c,
  answeredAt: iso(c.answeredAt),
});

function item(r: EffectivenessRow): EffectivenessItem {
  return {
    nominationId: r.nominationId,
    personId: r.personId,
    personName: r.personName,
    unitName: r.unitName,
    classId: r.classId,
    classCode: r.classCode,
    className: r.className,
    programmeName: r.programmeName,
    endsOn: r.endsOn,
    dueOn: r.dueOn,
    delayMonths: Number(r.delayMonths),
    passed: r.passed,
    answeredAt: iso(r.answeredAt),
  };
}

const answeredOnce = () =>
  new AppError('CONFLICT', {
    message: {
      vi: 'Phiếu này đã được trả lời (mỗi phiếu chỉ một lần).',
      en: 'This form was already answered (once only).',
    },
  });

export function createFeedbackService({ db, clock }: { db: Db; clock: Clock }) {
  /** The form an answer names: of the level, already in force today; else 400 on formId. */
  async function answerableForm(level: FeedbackLevel, formId: number): Promise<FeedbackForm> {
    const form = await formById(db, formId);
    if (!form || Number(form.level) !== level || form.effectiveFrom > todayOf(clock))
      throw invalid([fieldError('formId', 'phiếu không phù hợp', 'not a form of this level in force')]);
    return form;
  }

  /** The version answered, or the one in force today for a new answer. */
  async function formShown(level: FeedbackLevel, answer: AnswerView | null): Promise<FeedbackForm> {
    const answered = answer ? await formById(db, answer.formId) : undefined;
    return answered ?? formInForce(db, level, todayOf(clock));
  }

  function refuseIncomplete(errors: FieldError[]) {
    if (errors.length) throw invalid(errors);
  }

  /** Insert once; a second answer (even a concurrent one) is 409. */
  async function once(fn: () => Promise<void>) {
    try {
      await fn();
    } catch (err) {
      if (isUniqueViolation(err, 'feedback_answers_once_uq')) throw answeredOnce();
      throw err;
    }
  }

  async function myEnrolment(actor: Actor, classId: number): Promise<Enrolment> {
    requirePermission(actor, 'feedback.answer');
    if (actor.personId === null) throw new AppError('FORBIDDEN');
    const [e] = await enrolments(db, actor.personId, classId);
    if (!e) throw notFound(CLASS);
    return e;
  }

  async function learnerInScope(actor: Actor, nominationId: number): Promise<EffectivenessRow> {
    requirePermission(actor, 'feedback.effectiveness');
    const row = await findEffectiveness(db, actor.scopePath, nominationId);
    if (!row) throw notFound(LEARNER);
    return row;
  }

  return {
    /** Level 1: the started classes I am an approved learner of, answered or not. */
    async myClasses(actor: Actor) {
      requirePermission(actor, 'feedback.answer');
      if (actor.personId === null) return { items: [] };
      return { items: (await enrolments(db, actor.personId)).map(myClass) };
    },

    async myClassForm(actor: Actor, classId: number): Promise<ClassFeedbackForm> {
      const e = await myEnrolment(actor, classId);
      const answer = await answerOf(db, e.nominationId, 1);
      const form = await formShown(1, answer);
      return { class: myClass(e), form, lecturers: await classLecturers(db, classId), answer };
    },

    async answerMyClass(actor: Actor, classId: number, body: z.infer<typeof AnswerBody>) {
      const e = await myEnrolment(actor, classId);
      const form = await answerableForm(1, body.formId);
      refuseIncomplete(scoreErrors(form, await classLecturers(db, classId), body.scores));
      await once(() =>
        db.transaction(async (tx) => {
          await insertAnswer(tx, {
            level: 1,
            formId: form.id,
            classId,
            nominationId: e.nominationId,
            comment: body.comment ?? null,
            answeredBy: actor.userId,
            at: clock.now(),
            scores: body.scores,
          });
          // The act is recorded, not what was said: level-1 answers stay anonymous.
          await audit(tx, actor, {
            action: 'feedback.level1',
            entity: 'class',
            entityId: classId,
            summary: `${e.code}: phiếu đánh giá khóa học`,
            scopePath: e.organiserPath,
          });
        }),
      );
      return this.myClassForm(actor, classId);
    },

    /** Level 3: the learners of my subtree to assess (due), not yet due, or assessed. */
    async effectiveness(actor: Actor, query: z.infer<typeof EffectivenessQuery>) {
      requirePermission(actor, 'feedback.effectiveness');
      const { rows, total } = await pageEffectiveness(db, actor.scopePath, {
        state: query.state,
        q: query.q,
        today: todayOf(clock),
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return { items: rows.map(item), total, page: query.page, pageSize: query.pageSize };
    },

    async effectivenessForm(actor: Actor, nominationId: number): Promise<EffectivenessForm> {
      const row = await learnerInScope(actor, nominationId);
      const answer = await answerOf(db, nominationId, 3);
      const form = await formShown(3, answer);
      return { item: item(row), form, answer };
    },

    async answerEffectiveness(actor: Actor, nominationId: number, body: z.infer<typeof AnswerBody>) {
      const row = await learnerInScope(actor, nominationId);
      if (row.answeredAt) throw answeredOnce();
      if (row.dueOn > todayOf(clock))
        throw new AppError('CONFLICT', {
          message: {
            vi: `Chưa đến hạn đánh giá hiệu quả (từ ngày ${row.dueOn.split('-').reverse().join('/')}).`,
            en: `The effectiveness form opens on ${row.dueOn}.`,
          },
        });
      const form = await answerableForm(3, body.formId);
      refuseIncomplete(scoreErrors(form, [], body.scores));
      await once(() =>
        db.transaction(async (tx) => {
          await insertAnswer(tx, {
            level: 3,
            formId: form.id,
            classId: row.classId,
            nominationId,
            comment: body.comment ?? null,
            answeredBy: actor.userId,
            at: clock.now(),
            scores: body.scores,
          });
          await audit(tx, actor, {
            action: 'feedback.level3',
            entity: 'class_nomination',
            entityId: nominationId,
            summary: `${row.classCode}: đánh giá hiệu quả sau đào tạo của ${row.personName}`,
            scopePath: row.unitPath,
            after: { scores: body.scores, comment: body.comment ?? null },
          });
        }),
      );
      return this.effectivenessForm(actor, nominationId);
    },

    /** The class's managers: aggregates and comments of its answers, no names. */
    async classFeedback(actor: Actor, classId: number) {
      assertManageable(actor, await findClass(db, classId));
      return classRollup(db, classId);
    },

    async lecturerRatings(actor: Actor, lecturerId: number) {
      const year = Number(todayOf(clock).slice(0, 4));
      assertCatalogueVisible(actor, await findLecturer(db, lecturerId, year), {
        vi: 'giảng viên',
        en: 'Lecturer',
      });
      return lecturerRollup(db, lecturerId);
    },

    async institutionRatings(actor: Actor, institutionId: number) {
      assertCatalogueVisible(actor, await findInstitution(db, institutionId), {
        vi: 'cơ sở đào tạo',
        en: 'Institution',
      });
      return institutionRollup(db, institutionId);
    },
  };
}
