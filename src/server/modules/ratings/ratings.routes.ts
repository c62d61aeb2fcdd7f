import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, Ok } from '../../../contracts/common';
import {
  AnnualRating,
  Distribution,
  DistributionQuery,
  PutRatingBody,
  RatingScaleOfYear,
  RatingsOfPersonResponse,
  RatingYearParams,
  RewardDiscipline,
  RewardDisciplineBody,
  RewardsDisciplineResponse,
} from '../../../contracts/ratings';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';
import { ratingsExport } from './ratings.export';
import { createRatingsService } from './ratings.service';
import { createRewardsService } from './rewards.service';

export function ratingRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { handle, clock } = deps;
  const ratings = createRatingsService({ db: handle.db, clock });
  const rewards = createRewardsService({ db: handle.db });
  const r = app.withTypeProvider<ZodTypeProvider>();
  ratingsExport(app, deps, ratings);
  const tags = ['ratings'];

  r.get(
    '/people/:id/ratings',
    {
      schema: {
        summary: "A person's yearly quality ratings, newest first",
        tags,
        params: IdParams,
        response: { 200: RatingsOfPersonResponse },
      },
    },
    async (req) => ratings.list(actorOf(req), req.params.id),
  );
  r.get(
    '/people/:id/ratings/:year/scale',
    {
      schema: {
        summary: 'The scale the rating of that year is given on (points bands), or null for criteria years',
        tags,
        params: RatingYearParams,
        response: { 200: RatingScaleOfYear },
      },
    },
    async (req) => ratings.scale(actorOf(req), req.params.id, req.params.year),
  );
  r.put(
    '/people/:id/ratings/:year',
    {
      schema: {
        summary: 'Record or replace the rating of a year',
        description:
          "When a rating scale is in force at the end of the year for the person's category (Decree 335/2025: " +
          'from 2026), `points` are required and the rating is derived from the bands; a `rating` that ' +
          'contradicts them is refused naming the field. Otherwise (Decree 90/2020 criteria) `rating` is ' +
          "given and `points` are refused. The unit is the person's unit on 31 December of that year.",
        tags,
        params: RatingYearParams,
        body: PutRatingBody,
        response: { 200: AnnualRating },
      },
    },
    async (req) => ratings.put(actorOf(req), req.params.id, req.params.year, req.body),
  );
  r.delete(
    '/people/:id/ratings/:year',
    {
      schema: {
        summary: 'Delete the rating of a year',
        tags,
        params: RatingYearParams,
        response: { 200: Ok },
      },
    },
    async (req) => ratings.remove(actorOf(req), req.params.id, req.params.year),
  );
  r.get(
    '/ratings/distribution',
    {
      schema: {
        summary: 'Ratings of a year counted by unit, with the per-unit "excellent" cap flagged',
        description:
          'Counts per rating for every unit of the subtree where people were rated that year. The cap ' +
          '(Decree 335/2025, read in ADR 007): in each unit, those rated EXCELLENT may be at most ' +
          '`excellentCapPctOfGood`% (20% by default) of those rated GOOD or EXCELLENT, i.e. ' +
          '`excellent * 100 <= pct * (good + excellent)`, checked among the people scored on a capped ' +
          'scale. Units breaking it are flagged with the numbers.',
        tags,
        querystring: DistributionQuery,
        response: { 200: Distribution },
      },
    },
    async (req) => ratings.distribution(actorOf(req), req.query),
  );

  r.get(
    '/people/:id/rewards-discipline',
    {
      schema: {
        summary: "A person's rewards and disciplinary measures, newest first",
        tags,
        params: IdParams,
        response: { 200: RewardsDisciplineResponse },
      },
    },
    async (req) => rewards.list(actorOf(req), req.params.id),
  );
  r.post(
    '/people/:id/rewards-discipline',
    {
      schema: {
        summary: 'Record a reward or a disciplinary measure',
        tags,
        params: IdParams,
        body: RewardDisciplineBody,
        response: { 200: RewardDiscipline },
      },
    },
    async (req) => rewards.create(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/rewards-discipline/:id',
    {
      schema: {
        summary: 'Delete a reward or discipline record',
        tags,
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (req) => rewards.remove(actorOf(req), req.params.id),
  );
}
