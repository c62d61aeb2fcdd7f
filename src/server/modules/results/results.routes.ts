import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, IdParams, Ok } from '../../../contracts/common';
import {
  Assessment,
  AssessmentBody,
  AttendanceBody,
  AttendanceSheet,
  ClassResults,
  ConductBody,
  ScoreSheet,
  ScoresBody,
  SheetImportBody,
  SheetImportResult,
  Teaching,
  UpdateAssessmentBody,
} from '../../../contracts/results';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createResultsService } from './results.service';

const SheetParams = z.object({ id: Id, kind: z.enum(['attendance', 'scores']) });

export function resultsRoutes(app: FastifyInstance, { handle, clock }: ModuleDeps) {
  const service = createResultsService({ db: handle.db, clock });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['results'];
  const who = "The class's managers and the lecturers of its sessions; others who see the class get 403.";

  r.get(
    '/me/teaching',
    {
      schema: {
        summary: "My classes: the classes and sessions a lecturer's login teaches (ADR 038)",
        description: 'Lecturers only (403 otherwise); by the lecturer record the login is linked to.',
        tags,
        response: { 200: Teaching },
      },
    },
    async (req) => service.teaching(actorOf(req)),
  );
  r.get(
    '/classes/:id/attendance',
    {
      schema: {
        summary: 'The attendance grid: sessions x enrolled learners',
        description: who,
        tags,
        params: IdParams,
        response: { 200: AttendanceSheet },
      },
    },
    async (req) => service.attendance(actorOf(req), req.params.id),
  );
  r.put(
    '/classes/:id/attendance',
    {
      schema: {
        summary: 'Mark attendance (many at once; status null clears a mark)',
        description:
          'While the class runs, corrections until it is closed (409 otherwise). A mark of a session ' +
          'not started yet: 409 TOO_EARLY with details.possibleFrom (ADR 025); clearing one is allowed.',
        tags,
        params: IdParams,
        body: AttendanceBody,
        response: { 200: Ok },
      },
    },
    async (req) => service.saveAttendance(actorOf(req), req.params.id, req.body),
  );
  r.put(
    '/classes/:id/learners/:nominationId/conduct',
    {
      schema: {
        summary: 'Whether a learner kept the rules, with a discipline note',
        tags,
        params: z.object({ id: Id, nominationId: Id }),
        body: ConductBody,
        response: { 200: Ok },
      },
    },
    async (req) => service.conduct(actorOf(req), req.params.id, req.params.nominationId, req.body),
  );
  r.get(
    '/classes/:id/scores',
    {
      schema: {
        summary: 'The score grid: assessments x enrolled learners',
        description: who,
        tags,
        params: IdParams,
        response: { 200: ScoreSheet },
      },
    },
    async (req) => service.scores(actorOf(req), req.params.id),
  );
  r.post(
    '/classes/:id/assessments',
    {
      schema: {
        summary: 'Add a test, essay or project',
        tags,
        params: IdParams,
        body: AssessmentBody,
        response: { 200: Assessment },
      },
    },
    async (req) => service.addAssessment(actorOf(req), req.params.id, req.body),
  );
  r.put(
    '/classes/:id/assessments/:assessmentId',
    {
      schema: {
        summary: 'Rename or reweight an assessment',
        tags,
        params: z.object({ id: Id, assessmentId: Id }),
        body: UpdateAssessmentBody,
        response: { 200: Assessment },
      },
    },
    async (req) => service.updateAssessment(actorOf(req), req.params.id, req.params.assessmentId, req.body),
  );
  r.delete(
    '/classes/:id/assessments/:assessmentId',
    {
      schema: {
        summary: 'Delete an assessment and its scores',
        tags,
        params: z.object({ id: Id, assessmentId: Id }),
        response: { 200: Ok },
      },
    },
    async (req) => service.deleteAssessment(actorOf(req), req.params.id, req.params.assessmentId),
  );
  r.put(
    '/classes/:id/scores',
    {
      schema: {
        summary: 'Enter scores on 10 (many at once; null clears one)',
        description:
          "A score of an assessment not held yet (before its day, or the class's first session when it " +
          'has none): 409 TOO_EARLY with details.possibleFrom (ADR 025).',
        tags,
        params: IdParams,
        body: ScoresBody,
        response: { 200: Ok },
      },
    },
    async (req) => service.saveScores(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/classes/:id/results',
    {
      schema: {
        summary: "Each learner's result by the pass rule and grade bands in force, with the reasons",
        description:
          'Live while the class runs; as stored when it finished (kept in step with corrections until closed).',
        tags,
        params: IdParams,
        response: { 200: ClassResults },
      },
    },
    async (req) => service.results(actorOf(req), req.params.id),
  );
  r.get(
    '/classes/:id/sheets/:kind/template.csv',
    {
      schema: {
        summary:
          'A CSV sheet of the enrolled learners to fill in (attendance by session, or scores by assessment)',
        tags,
        params: SheetParams,
      },
    },
    async (req, reply) => {
      const { name, csv } = await service.template(actorOf(req), req.params.id, req.params.kind);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.csv`)}`)
        .send(csv);
    },
  );
  r.post(
    '/classes/:id/sheets/:kind/import',
    {
      schema: {
        summary:
          'Check (dryRun) or write a filled sheet: every error named by row and column; all or nothing',
        tags,
        params: SheetParams,
        body: SheetImportBody,
        response: { 200: SheetImportResult },
      },
    },
    async (req) => service.importSheet(actorOf(req), req.params.id, req.params.kind, req.body),
  );
}
