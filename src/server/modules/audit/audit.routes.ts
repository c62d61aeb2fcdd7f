import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditEntry, AuditQuery } from '../../../contracts/audit';
import { paged } from '../../../contracts/common';
import { auditLog } from '../../db/schema/index';
import { requirePermission } from '../../lib/scope';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';

export function auditRoutes(app: FastifyInstance, { handle }: ModuleDeps) {
  const db = handle.db;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit',
    {
      schema: {
        summary: 'Audit log of my subtree, newest first (admin)',
        tags: ['audit'],
        querystring: AuditQuery,
        response: { 200: paged(AuditEntry) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'audit.read');
      const q = req.query;
      // Entries without a unit (code lists, logins of the root) are visible to root-scoped admins only.
      const where: SQL[] = [
        sql`(${auditLog.scopePath} <@ ${actor.scopePath}::ltree or (${auditLog.scopePath} is null and nlevel(${actor.scopePath}::ltree) = 1))`,
      ];
      if (q.entity) where.push(eq(auditLog.entity, q.entity));
      if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
      if (q.action) where.push(sql`${auditLog.action} like ${`${q.action}%`}`);
      if (q.username) where.push(eq(auditLog.username, q.username));
      if (q.from) where.push(sql`${auditLog.at} >= ${q.from}::date`);
      if (q.to) where.push(sql`${auditLog.at} < ${q.to}::date + 1`);
      const [rows, [{ total }]] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(and(...where))
          .orderBy(desc(auditLog.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(auditLog)
          .where(and(...where)),
      ]);
      return {
        items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
        total: Number(total),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
