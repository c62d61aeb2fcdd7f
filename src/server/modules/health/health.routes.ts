import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ModuleDeps, VERSION } from '../../module-deps';

export function healthRoutes(app: FastifyInstance, { handle }: ModuleDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      config: { public: true },
      schema: {
        summary: 'Liveness and database check',
        tags: ['system'],
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }),
        },
      },
    },
    async () => {
      await handle.db.execute(sql`select 1`);
      return { status: 'ok' as const, db: handle.kind, version: VERSION };
    },
  );
}
