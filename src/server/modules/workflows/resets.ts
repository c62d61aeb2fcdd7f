/**
 * Finding the fields a 0.1.0 update reset to their create default without being asked (ADR 023).
 * An update audit row keeps only the fields that changed (before/after). A field is a candidate
 * when the row changed it to exactly its create default and the request most likely did not name
 * it: rows written since 0.2 record the fields named (`request.fields`), so there it is certain;
 * on older rows it is likely when the same request changed another field (what the user asked
 * for), and only possible when the defaults were all that changed. Each candidate is then checked
 * against what happened after: a later change of the field, a restore already made, the value
 * the record holds now. Read page by page (keyset on the audit id), a set-based query per page.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AuditRequest } from '../../../contracts/audit';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import { RESET_SPECS, type ResetSpec } from './resets.registry';

type Rec = Record<string, unknown>;

export interface ResetFilter {
  /** Only this entity (`person`, `report_layout`). */
  entity?: string;
  /** Only updates on or after this day. */
  since?: string;
  /** Only this audit row. */
  auditId?: number;
  /** Also the resets that were all their request changed (possibly asked for). */
  all?: boolean;
}

/** certain: the row records the fields named; likely: another field changed; possible: nothing else did. */
export type Evidence = 'certain' | 'likely' | 'possible';
/** reset: still holds the reset value; changed: changed since; restored: put back; gone: record deleted. */
export type ResetState = 'reset' | 'changed' | 'restored' | 'gone';

export interface ResetCandidate {
  auditId: number;
  at: Date;
  username: string | null;
  entity: string;
  entityId: string;
  summary: string | null;
  field: string;
  /** The value before the update, and the default it wrote. */
  old: unknown;
  reset: unknown;
  evidence: Evidence;
  /** The other fields the same request changed. */
  alongWith: string[];
  state: ResetState;
  /** The value the record holds now (undefined when gone). */
  now: unknown;
  /** The record's version now (for the restore's stale check). */
  version: number | null;
  /** The later audit row that changed the field or restored it. */
  later: { id: number; action: string; at: Date; username: string | null } | null;
}

interface AuditRow {
  id: number;
  at: Date;
  username: string | null;
  entity: string;
  entityId: string;
  summary: string | null;
  before: Rec;
  after: Rec;
  request: AuditRequest | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function resetSpecs(entity?: string): readonly ResetSpec[] {
  if (!entity) return RESET_SPECS;
  const spec = RESET_SPECS.filter((s) => s.entity === entity);
  if (!spec.length)
    throw new AppError('VALIDATION_FAILED', {
      message: {
        vi: `Không có loại "${entity}"; chọn ${RESET_SPECS.map((s) => s.entity).join(', ')}.`,
        en: `No entity "${entity}"; choose ${RESET_SPECS.map((s) => s.entity).join(', ')}.`,
      },
    });
  return spec;
}

/** The audit rows of `spec` that changed a defaulted field to its default, within the actor's scope. */
function rowsWhere(spec: ResetSpec, actor: Actor, f: ResetFilter): SQL {
  const wrote = Object.entries(spec.defaults).map(
    ([field, d]) =>
      sql`((a.after -> ${field}) = ${JSON.stringify(d)}::jsonb and (a.before -> ${field}) is not null
        and (a.before -> ${field}) <> (a.after -> ${field}))`,
  );
  const parts = [
    sql`a.action = ${spec.action}`,
    sql`(a.scope_path <@ ${actor.scopePath}::ltree or (a.scope_path is null and nlevel(${actor.scopePath}::ltree) = 1))`,
    sql`(${sql.join(wrote, sql` or `)})`,
  ];
  if (f.since) parts.push(sql`a.at >= ${f.since}::date`);
  if (f.auditId) parts.push(sql`a.id = ${f.auditId}`);
  return sql.join(parts, sql` and `);
}

/** How many audit rows the scan reads (for a progress bar). */
export async function countResetRows(q: Queryable, actor: Actor, f: ResetFilter): Promise<number> {
  requirePermission(actor, 'audit.read');
  let n = 0;
  for (const spec of resetSpecs(f.entity)) {
    const [row] = rowsOf<{ n: number }>(
      await q.execute(sql`select count(*)::int as n from audit_log a where ${rowsWhere(spec, actor, f)}`),
    );
    n += Number(row.n);
  }
  return n;
}

/** The candidate fields of one audit row, with the evidence that they were not asked for. */
function candidatesOf(
  spec: ResetSpec,
  r: AuditRow,
  all: boolean,
): Omit<ResetCandidate, 'state' | 'now' | 'version' | 'later'>[] {
  const changed = Object.keys(r.after).filter((k) => k in r.before && !same(r.before[k], r.after[k]));
  const resets = Object.keys(spec.defaults).filter(
    (k) => changed.includes(k) && same(r.after[k], spec.defaults[k]),
  );
  const alongWith = changed.filter((k) => !resets.includes(k));
  const named = r.request?.fields;
  return resets
    .filter((field) => !named?.includes(field))
    .map((field) => ({
      auditId: Number(r.id),
      at: new Date(r.at),
      username: r.username,
      entity: r.entity,
      entityId: r.entityId,
      summary: r.summary,
      field,
      old: r.before[field],
      reset: r.after[field],
      evidence: (named ? 'certain' : alongWith.length ? 'likely' : 'possible') as Evidence,
      alongWith,
    }))
    .filter((c) => all || c.evidence !== 'possible');
}

/** For each (row, field): the first later audit row of the record that changed the field. */
async function laterChanges(
  q: Queryable,
  entity: string,
  pairs: { auditId: number; entityId: string; field: string }[],
) {
  if (!pairs.length) return new Map<string, ResetCandidate['later'] & { request: AuditRequest | null }>();
  const rows = rowsOf<Rec>(
    await q.execute(sql`select c.audit_id as "auditId", c.field, l.id, l.action, l.at, l.username, l.request
      from jsonb_to_recordset(${JSON.stringify(pairs.map((p) => ({ audit_id: p.auditId, entity_id: p.entityId, field: p.field })))}::jsonb)
        as c(audit_id bigint, entity_id text, field text)
      join lateral (
        select l.id, l.action, l.at, l.username, l.request from audit_log l
        where l.entity = ${entity} and l.entity_id = c.entity_id and l.id > c.audit_id
          and (l.after -> c.field) is not null
          and (l.before -> c.field) is distinct from (l.after -> c.field)
        order by l.id limit 1
      ) l on true`),
  );
  return new Map(
    rows.map((r) => [
      `${r.auditId}:${r.field}`,
      {
        id: Number(r.id),
        action: String(r.action),
        at: new Date(r.at as string),
        username: (r.username as string | null) ?? null,
        request: (r.request as AuditRequest | null) ?? null,
      },
    ]),
  );
}

/**
 * The candidates of the actor's scope, a page of audit rows at a time: `scanned` counts the rows
 * read so far (for a progress bar).
 */
export async function* scanResets(
  q: Queryable,
  actor: Actor,
  f: ResetFilter,
  pageSize = 500,
): AsyncGenerator<{ scanned: number; candidates: ResetCandidate[] }> {
  requirePermission(actor, 'audit.read');
  let scanned = 0;
  for (const spec of resetSpecs(f.entity)) {
    let cursor = 0;
    for (;;) {
      const rows = rowsOf<AuditRow>(
        await q.execute(sql`select a.id, a.at, a.username, a.entity, a.entity_id as "entityId", a.summary,
            a.before, a.after, a.request
          from audit_log a where ${rowsWhere(spec, actor, f)} and a.id > ${cursor}
          order by a.id limit ${pageSize}`),
      );
      if (!rows.length) break;
      cursor = Number(rows.at(-1)!.id);
      scanned += rows.length;
      const found = rows.flatMap((r) => candidatesOf(spec, r, Boolean(f.all)));
      const later = await laterChanges(q, spec.entity, found);
      const current = await spec.current(q, [...new Set(found.map((c) => Number(c.entityId)))]);
      const candidates = found.map((c): ResetCandidate => {
        const record = current.get(c.entityId);
        const next = later.get(`${c.auditId}:${c.field}`) ?? null;
        const restored = next?.action.endsWith('.restore_reset') && next.request?.restores === c.auditId;
        const state: ResetState = !record
          ? 'gone'
          : restored
            ? 'restored'
            : next || !same(record[c.field], c.reset)
              ? 'changed'
              : 'reset';
        const laterRow = next && { id: next.id, action: next.action, at: next.at, username: next.username };
        return {
          ...c,
          state,
          now: record?.[c.field],
          version: (record?.version as number) ?? null,
          later: laterRow,
        };
      });
      yield { scanned, candidates };
      if (rows.length < pageSize) break;
    }
  }
}
