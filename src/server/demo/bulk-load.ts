/**
 * Fast bulk loading on PGlite. The CLI and server hold the data-dir lock, so the load can run in
 * one transaction that nobody else sees: secondary indexes are dropped and rebuilt in bulk, and
 * per-row foreign-key triggers are replaced by one set-based check before COMMIT. Any failure
 * rolls everything back, indexes included. (PostgreSQL is shared with running servers: there the
 * load uses plain COPY with indexes and constraints in place.)
 */
import type { DbHandle } from '../db/client';
import { queryRows } from './sql-util';

export const BULK_TABLES = ['people', 'qualifications', 'person_history'] as const;

export interface BulkSession {
  /** Rebuild indexes, verify references and commit. */
  finish(check: { people: number; qualifications: number; history: number }): Promise<void>;
  rollback(): Promise<void>;
}

interface IndexDef {
  indexname: string;
  indexdef: string;
}

/**
 * Start a bulk session on PGlite. `dropIndexes` pays off when the load is large next to what the
 * tables hold already (rebuilding costs in proportion to the whole table).
 */
export async function beginBulk(handle: DbHandle, opts: { dropIndexes: boolean }): Promise<BulkSession> {
  if (handle.kind !== 'pglite') throw new Error('beginBulk is for PGlite only');
  const tables = BULK_TABLES.map((t) => `'${t}'`).join(', ');
  // User triggers would be skipped by the replica role: only use it when there are none but the
  // standing's marks (ADR 033), replaced by one "everyone" mark in the same transaction.
  const [{ n: userTriggers }] = await queryRows<{ n: number }>(
    handle.db,
    `SELECT count(*)::int AS n FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relname IN (${tables}) AND NOT t.tgisinternal AND t.tgname NOT LIKE 'standing\\_%'`,
  );
  const indexes = opts.dropIndexes
    ? await queryRows<IndexDef>(
        handle.db,
        `SELECT i.indexname, i.indexdef FROM pg_indexes i
          JOIN pg_class c ON c.relname = i.indexname
          WHERE i.schemaname = current_schema() AND i.tablename IN (${tables})
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)`,
      )
    : [];
  const skipTriggers = Number(userTriggers) === 0;

  await handle.exec('BEGIN');
  try {
    if (skipTriggers) {
      await handle.exec('INSERT INTO standing_dirty (person_id) VALUES (NULL)');
      await handle.exec('SET LOCAL session_replication_role = replica');
    }
    for (const ix of indexes) await handle.exec(`DROP INDEX "${ix.indexname}"`);
  } catch (err) {
    await handle.exec('ROLLBACK');
    throw err;
  }

  return {
    async finish(first) {
      try {
        if (skipTriggers) {
          await handle.exec('SET LOCAL session_replication_role = origin');
          const [{ broken }] = await queryRows<{ broken: number }>(
            handle.db,
            `SELECT (
               (SELECT count(*) FROM people p LEFT JOIN org_units u ON u.id = p.unit_id
                 WHERE p.id >= ${first.people} AND u.id IS NULL)
             + (SELECT count(*) FROM qualifications q LEFT JOIN people p ON p.id = q.person_id
                 WHERE q.id >= ${first.qualifications} AND p.id IS NULL)
             + (SELECT count(*) FROM person_history h LEFT JOIN people p ON p.id = h.person_id
                 WHERE h.id >= ${first.history} AND p.id IS NULL)
             + (SELECT count(*) FROM person_history h LEFT JOIN org_units u ON u.id = h.unit_id
                 WHERE h.id >= ${first.history} AND u.id IS NULL)
             )::int AS broken`,
          );
          if (Number(broken) > 0)
            throw new Error(`Bulk load: ${broken} rows reference missing people or units`);
        }
        for (const ix of indexes) await handle.exec(ix.indexdef);
        await handle.exec('COMMIT');
      } catch (err) {
        await handle.exec('ROLLBACK');
        throw err;
      }
    },
    async rollback() {
      await handle.exec('ROLLBACK');
    },
  };
}
