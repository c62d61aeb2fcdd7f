import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  CreateUnitBody,
  MergeUnitsBody,
  MoveUnitBody,
  OrgUnit,
  RenameUnitBody,
  SplitUnitBody,
  TreeQuery,
  UnitDetail,
} from '../../../contracts/org';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { createRestructureService } from './org.restructure';
import { createOrgService } from './org.service';

export function orgRoutes(app: FastifyInstance, { handle, clock }: ModuleDeps) {
  const org = createOrgService({ db: handle.db, clock });
  const restructure = createRestructureService({ db: handle.db });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];

  r.get(
    '/org/tree',
    {
      schema: {
        summary: "The actor's subtree as of a date (flat, with parentId)",
        tags,
        querystring: TreeQuery,
        response: { 200: z.object({ units: z.array(OrgUnit), rootIds: z.array(z.number()) }) },
      },
    },
    async (req) =>
      org.tree(actorOf(req), {
        asOf: req.query.asOf,
        includeHistorical: req.query.includeHistorical === 'true',
      }),
  );
  r.get(
    '/org/units/:id',
    {
      schema: {
        summary: 'One unit with its name history and structural events',
        tags,
        params: IdParams,
        response: { 200: UnitDetail },
      },
    },
    async (req) => org.detail(actorOf(req), req.params.id),
  );
  r.post(
    '/org/units',
    {
      schema: {
        summary: 'Add a unit under a parent',
        tags,
        body: CreateUnitBody,
        response: { 200: OrgUnit },
      },
    },
    async (req) => org.create(actorOf(req), req.body),
  );
  r.post(
    '/org/units/:id/rename',
    {
      schema: {
        summary: 'Rename a unit from a date (old name kept in history)',
        tags,
        params: IdParams,
        body: RenameUnitBody,
        response: { 200: OrgUnit },
      },
    },
    async (req) => org.rename(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/org/units/:id/move',
    {
      schema: {
        summary: 'Move a unit (with its subtree) under another parent',
        tags,
        params: IdParams,
        body: MoveUnitBody,
        response: { 200: OrgUnit },
      },
    },
    async (req) => org.move(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/org/merge',
    {
      schema: {
        summary: 'Merge units into an existing or a new unit; people and sub-units follow',
        tags,
        body: MergeUnitsBody,
        response: { 200: z.object({ target: OrgUnit, movedPeople: z.number() }) },
      },
    },
    async (req) => restructure.merge(actorOf(req), req.body),
  );
  r.post(
    '/org/units/:id/split',
    {
      schema: {
        summary: 'Split a unit into new units, distributing its people',
        tags,
        params: IdParams,
        body: SplitUnitBody,
        response: { 200: z.object({ parts: z.array(OrgUnit), movedPeople: z.number() }) },
      },
    },
    async (req) => restructure.split(actorOf(req), req.params.id, req.body),
  );
}
