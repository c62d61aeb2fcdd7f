import { and, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { type AUDIT_SORT_KEYS, AuditEntry, AuditQuery } from '../../../contracts/audit';
import { paged } from '../../../contracts/common';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { boundedCount } from '../../lib/bounded-count';
import { exportRoute, pagesOf, vietnamTime, withoutPaging } from '../../lib/list-export';
import { requirePermission } from '../../lib/scope';
import { sortedBy } from '../../lib/sort';
import { viOrder } from '../../lib/vi-sort';
import type { ModuleDeps } from '../../module-deps';
import { actorOf } from '../../plugins/auth';

/** The log's sort keys: the time by the entry's number (the log's index), names in Vietnamese order. */
const SORT_EXPRS: Record<(typeof AUDIT_SORT_KEYS)[number], SQL> = {
  at: sql`${auditLog.id}`,
  username: viOrder(sql`${auditLog.username}`),
  action: sql`${auditLog.action} collate "C"`,
  entity: sql`${auditLog.entity} collate "C"`,
};

/** One page of the audit log of the actor's subtree, newest first, with the list's filters. */
async function pageAudit(db: Db, actor: Actor, q: z.infer<typeof AuditQuery>) {
  requirePermission(actor, 'audit.read');
  // Entries without a unit (code lists, logins of the root) are visible to root-scoped admins only.
  const where: SQL[] = [
    sql`(${auditLog.scopePath} <@ ${actor.scopePath}::ltree or (${auditLog.scopePath} is null and nlevel(${actor.scopePath}::ltree) = 1))`,
  ];
  if (q.entity) where.push(sql`${auditLog.entity} = ${q.entity}`);
  if (q.entityId) where.push(sql`${auditLog.entityId} = ${q.entityId}`);
  if (q.action) where.push(sql`${auditLog.action} like ${`${q.action}%`}`);
  if (q.username) where.push(sql`${auditLog.username} = ${q.username}`);
  if (q.from) where.push(sql`${auditLog.at} >= ${q.from}::date`);
  if (q.to) where.push(sql`${auditLog.at} < ${q.to}::date + 1`);
  const [rows, count] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(and(...where))
      .orderBy(sortedBy(q.sort, SORT_EXPRS, sql`${auditLog.id} desc`))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    // The log only grows: counted exactly up to 10,000, then "more than" (ADR 032).
    boundedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(auditLog)
        .where(and(...where))
        .$dynamic(),
    ),
  ]);
  return { items: rows, ...count, page: q.page, pageSize: q.pageSize };
}

type AuditRow = Awaited<ReturnType<typeof pageAudit>>['items'][number];

/** Before/after as JSON text, within what one sheet cell holds. */
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v).slice(0, 32_000));

export function auditRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const db = deps.handle.db;
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
      const page = await pageAudit(db, actorOf(req), req.query);
      return { ...page, items: page.items.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  );
  exportRoute(app, deps, {
    path: '/audit/export.xlsx',
    summary: 'The audit log with its current filters as .xlsx (admin)',
    tags: ['audit'],
    querystring: withoutPaging(AuditQuery),
    name: ['Nhật ký thao tác', 'Audit log'],
    columns: [
      { label: ['Thời điểm', 'At'], value: (r: AuditRow) => vietnamTime(r.at), kind: 'datetime', width: 16 },
      { label: ['Người thực hiện', 'User'], value: (r) => r.username, width: 18 },
      { label: ['Thao tác', 'Action'], value: (r) => r.action, width: 22 },
      { label: ['Đối tượng', 'Entity'], value: (r) => r.entity, width: 14 },
      { label: ['Mã đối tượng', 'Entity id'], value: (r) => r.entityId, width: 12 },
      { label: ['Nội dung', 'Summary'], value: (r) => r.summary, width: 40 },
      { label: ['Trước khi sửa', 'Before'], value: (r) => json(r.before), width: 40 },
      { label: ['Sau khi sửa', 'After'], value: (r) => json(r.after), width: 40 },
      {
        label: ['Trường yêu cầu sửa', 'Fields named'],
        value: (r) => (r.request ? r.request.fields.join(', ') : null),
        width: 24,
      },
      { label: ['Mã yêu cầu', 'Request id'], value: (r) => r.requestId, width: 14 },
      { label: ['Địa chỉ IP', 'IP address'], value: (r) => r.ip, width: 14 },
    ],
    rows: (actor, query) => pagesOf((page, pageSize) => pageAudit(db, actor, { ...query, page, pageSize })),
  });
}
