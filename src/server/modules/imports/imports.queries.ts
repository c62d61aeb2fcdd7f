import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { importBatches, importIssues, orgUnits } from '../../db/schema/index';

export type BatchRow = typeof importBatches.$inferSelect & { unitName: string };

const batchColumns = { batch: importBatches, unitName: orgUnits.name };

function inScopeOf(scopePath: string): SQL {
  return sql`${importBatches.scopePath} <@ ${scopePath}::ltree`;
}

/** A batch the actor may see (its scope lies within the actor's subtree), or undefined. */
export async function findBatch(q: Queryable, id: number, scopePath: string, forUpdate = false) {
  const base = q
    .select(batchColumns)
    .from(importBatches)
    .innerJoin(orgUnits, eq(orgUnits.id, importBatches.unitId))
    .where(and(eq(importBatches.id, id), inScopeOf(scopePath)));
  const [row] = forUpdate ? await base.for('update', { of: importBatches }) : await base;
  return row ? { ...row.batch, unitName: row.unitName } : undefined;
}

export async function listBatches(
  q: Queryable,
  scopePath: string,
  kind: string | undefined,
  page: number,
  pageSize: number,
) {
  const where = and(inScopeOf(scopePath), kind ? eq(importBatches.kind, kind) : undefined);
  const rows = await q
    .select(batchColumns)
    .from(importBatches)
    .innerJoin(orgUnits, eq(orgUnits.id, importBatches.unitId))
    .where(where)
    .orderBy(sql`${importBatches.id} desc`)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ total }] = await q.select({ total: sql<number>`count(*)::int` }).from(importBatches).where(where);
  return { items: rows.map((r) => ({ ...r.batch, unitName: r.unitName })), total: Number(total) };
}

export async function listErrors(
  q: Queryable,
  batchId: number,
  page: number,
  pageSize: number,
  severity?: 'error' | 'warning',
) {
  const where = severity
    ? and(eq(importIssues.batchId, batchId), eq(importIssues.severity, severity))
    : eq(importIssues.batchId, batchId);
  const items = await q
    .select()
    .from(importIssues)
    .where(where)
    .orderBy(asc(importIssues.seq))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ total }] = await q.select({ total: sql<number>`count(*)::int` }).from(importIssues).where(where);
  return { items, total: Number(total) };
}

/**
 * Batches left `running` by a process that died: their data transaction is gone (its row lock
 * with it), so `skip locked` passes over the ones still being written by a live transaction.
 * `active`: the ids this process is running; and a batch started less than 30 s ago is left
 * alone (another process may not have taken its lock yet).
 */
export async function markInterrupted(q: Queryable, active: number[]): Promise<number> {
  const r = await q.execute(
    sql`update import_batches set status = 'interrupted', finished_at = now()
        where id in (select id from import_batches where status = 'running'
                       and coalesce(started_at, created_at) < now() - interval '30 seconds'
                       and not (id = any(${sql.param(active)}::int[])) for update skip locked)
        returning id`,
  );
  return (r as { rows?: unknown[] }).rows?.length ?? 0;
}
