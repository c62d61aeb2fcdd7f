import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readRouterOf } from '../../db/read-replica';
import { type ModuleDeps, VERSION } from '../../module-deps';

/** The read replica as this process sees it (ADR 034): configured, and if so its state and lag. */
const Replica = z.object({
  configured: z.boolean(),
  status: z.enum(['unknown', 'up', 'lagging', 'down']).optional(),
  /** Lag behind the primary (ms; null while unknown), as the last check measured it. */
  lagMs: z.number().nullable().optional(),
});

export function healthRoutes(app: FastifyInstance, { handle }: ModuleDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      config: { public: true },
      schema: {
        summary: 'Liveness and database check',
        tags: ['system'],
        response: {
          200: z.object({
            status: z.literal('ok'),
            db: z.enum(['pglite', 'postgres']),
            version: z.string(),
            replica: Replica,
          }),
        },
      },
    },
    async () => {
      await handle.db.execute(sql`select 1`);
      const router = readRouterOf(handle);
      const replica = router
        ? {
            configured: true,
            status: router.status,
            lagMs: Number.isFinite(router.lagMs) ? router.lagMs : null,
          }
        : { configured: false };
      return { status: 'ok' as const, db: handle.kind, version: VERSION, replica };
    },
  );
}
