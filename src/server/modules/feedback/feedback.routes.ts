import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common';
import {
  AnswerBody,
  ClassFeedback,
  ClassFeedbackForm,
  ClassIdParams,
  EffectivenessForm,
  EffectivenessList,
  EffectivenessQuery,
  MyClasses,
  NominationIdParams,
  Rollup,
} from '../../../contracts/feedback';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createFeedbackService } from './feedback.service';

export function feedbackRoutes(app: FastifyInstance, { handle, clock }: ModuleDeps) {
  const service = createFeedbackService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['feedback'];

  r.get(
    '/feedback/my-classes',
    {
      schema: {
        summary: 'Level 1: the started classes I am an approved learner of, with whether I answered',
        tags,
        response: { 200: MyClasses },
      },
    },
    async (req) => service.myClasses(actorOf(req)),
  );
  r.get(
    '/feedback/my-classes/:classId',
    {
      schema: {
        summary: 'Level 1: the form of one of my classes (its lecturers to rate), or my answer',
        description: 'Only for an approved learner of a class running, finished or closed (else 404).',
        tags,
        params: ClassIdParams,
        response: { 200: ClassFeedbackForm },
      },
    },
    async (req) => service.myClassForm(actorOf(req), req.params.classId),
  );
  r.post(
    '/feedback/my-classes/:classId',
    {
      schema: {
        summary: 'Level 1: answer the form, once (a second answer is 409)',
        description:
          'Every class and organisation question once, every lecturer question once per lecturer of the class (400 on `scores`).',
        tags,
        params: ClassIdParams,
        body: AnswerBody,
        response: { 200: ClassFeedbackForm },
      },
    },
    async (req) => service.answerMyClass(actorOf(req), req.params.classId, req.body),
  );
  r.get(
    '/feedback/effectiveness',
    {
      schema: {
        summary: 'Level 3: learners of my subtree to assess some months after their class',
        description:
          "The delay is the policy `feedback.level3_delay_months` in force on the class end for the learner's unit.",
        tags,
        querystring: EffectivenessQuery,
        response: { 200: EffectivenessList },
      },
    },
    async (req) => service.effectiveness(actorOf(req), req.query),
  );
  r.get(
    '/feedback/effectiveness/:nominationId',
    {
      schema: {
        summary: 'Level 3: the form about one learner and class, or the answer given',
        tags,
        params: NominationIdParams,
        response: { 200: EffectivenessForm },
      },
    },
    async (req) => service.effectivenessForm(actorOf(req), req.params.nominationId),
  );
  r.post(
    '/feedback/effectiveness/:nominationId',
    {
      schema: {
        summary: 'Level 3: answer once, when due (409 before the due day or a second time)',
        tags,
        params: NominationIdParams,
        body: AnswerBody,
        response: { 200: EffectivenessForm },
      },
    },
    async (req) => service.answerEffectiveness(actorOf(req), req.params.nominationId, req.body),
  );
  r.get(
    '/classes/:id/feedback',
    {
      schema: {
        summary:
          "The class's feedback for its managers: averages per question and lecturer, comments without names",
        tags,
        params: IdParams,
        response: { 200: ClassFeedback },
      },
    },
    async (req) => service.classFeedback(actorOf(req), req.params.id),
  );
  r.get(
    '/lecturers/:id/ratings',
    {
      schema: {
        summary: "A lecturer's ratings by learners (level 1), by year of the class and overall",
        tags,
        params: IdParams,
        response: { 200: Rollup },
      },
    },
    async (req) => service.lecturerRatings(actorOf(req), req.params.id),
  );
  r.get(
    '/institutions/:id/ratings',
    {
      schema: {
        summary: "An institution's ratings: every question of its classes' forms (levels 1 and 3), by year",
        tags,
        params: IdParams,
        response: { 200: Rollup },
      },
    },
    async (req) => service.institutionRatings(actorOf(req), req.params.id),
  );
}
