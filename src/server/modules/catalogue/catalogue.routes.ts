import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../module-deps';
import { institutionRoutes } from './institutions.routes';
import { programmeRoutes } from './programmes.routes';

/** Programmes, institutions and lecturers (ADR 009). */
export function catalogueRoutes(app: FastifyInstance, deps: ModuleDeps) {
  programmeRoutes(app, deps);
  institutionRoutes(app, deps);
}
