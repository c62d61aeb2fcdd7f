import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { IMPORT_SORT_KEYS, ImportSort } from '../../../contracts/imports';
import type { Queryable } from '../../db/client';
import { importBatches, importIssues, orgUnits } from '../../db/schema/index';
import { sortedBy } from '../../lib/sort';
import { viOrder } from '../../lib/vi-sort';

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

/** The history's sort keys: the time by the batch's number, names in Vietnamese order. */
const SORT_EXPRS: Record<(typeof IMPORT_SORT_KEYS)[number], SQL> = {
  createdAt: sql`${importBatches.id}`,
  fileName: viOrder(sql`${importBatches.fileName}`),
  unitName: viOrder(sql`${orgUnits.name}`),
  username: viOrder(sql`${importBatches.username}`),
};

export async function listBatches(
  q: Queryable,
  scopePath: string,
  kind: string | undefined,
  page: number,
  pageSize: number,
  sort?: ImportSort,
) {
  const where = and(inScopeOf(scopePath), kind ? eq(importBatches.kind, kind) : undefined);
  const rows = await q
    .select(batchColumns)
    .from(importBatches)
    .innerJoin(orgUnits, eq(orgUnits.id, importBatches.unitId))
    .where(where)
    .orderBy(sortedBy(sort, SORT_EXPRS, sql`${importBatches.id} desc`))
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

/** How long a commit's lease lasts without a heartbeat (ADR 027). */
export const LEASE_SECONDS = 10;

/**
 * Renew the lease of a running batch (database time, so every process agrees). While the data
 * transaction holds the row, the lock itself shows the writer is alive: the renewal skips it
 * rather than wait.
 */
export async function renewLease(q: Queryable, id: number): Promise<void> {
  await q.execute(
    sql`update import_batches set lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
        where id in (select id from import_batches where id = ${id} and status = 'running'
                       for update skip locked)`,
  );
}

/**
 * Batches left `running` by a process that died: their lease ran out (no heartbeat) and no live
 * transaction holds their row (`skip locked` passes over the ones still being written).
 * `active`: the ids this process is running. A batch from before leases gets 30 s from its start.
 */
export async function markInterrupted(q: Queryable, active: number[]): Promise<number> {
  const r = await q.execute(
    sql`update import_batches set status = 'interrupted', finished_at = now(), lease_until = null
        where id in (select id from import_batches where status = 'running'
                       and coalesce(lease_until, coalesce(started_at, created_at) + interval '30 seconds') < now()
                       and not (id = any(${sql.param(active)}::int[])) for update skip locked)
        returning id`,
  );
  return (r as { rows?: unknown[] }).rows?.length ?? 0;
}
