import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { instrumentPool } from './request-cancel';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Bulk load CSV text into a table with COPY (PGlite: /dev/blob; PostgreSQL: COPY FROM STDIN). */
  copyCsv(table: string, columns: string[], csv: string): Promise<void>;
  /** Run one or more raw SQL statements (no parameters). */
  exec(sqlText: string): Promise<void>;
  /**
   * One transaction whose Drizzle handle and COPY share a connection, so rows copied into a TEMP
   * staging table are seen by the queries and land (or vanish) with them. Commits when `fn`
   * resolves, rolls back when it throws. Do not open nested transactions on `t.db`.
   */
  transactionWithCopy<T>(fn: (t: CopyTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface CopyTransaction {
  db: Db;
  /** COPY CSV text into a table (e.g. a TEMP staging table) on the transaction's connection. */
  copyCsv(table: string, columns: string[], csv: string): Promise<void>;
}

const copySql = (table: string, columns: string[], source: string) =>
  `COPY ${table} (${columns.join(', ')}) FROM ${source} WITH (FORMAT csv)`;

async function copyOnPgClient(conn: pg.PoolClient, table: string, columns: string[], csv: string) {
  const { from } = await import('pg-copy-streams');
  const stream = conn.query(from(copySql(table, columns, 'STDIN')));
  await new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.end(csv);
  });
}

export const PGLITE_EXTENSIONS = { ltree, pg_trgm, unaccent };

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<DbHandle> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS, loadDataDir });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async copyCsv(table, columns, csv) {
      await client.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
    },
    async exec(sqlText) {
      await client.exec(sqlText);
    },
    transactionWithCopy(fn) {
      // PGlite's transaction holds the only connection: other queries wait until it ends.
      return client.transaction((t) =>
        fn({
          db: drizzlePglite(t as unknown as PGlite, { schema }) as unknown as Db,
          async copyCsv(table, columns, csv) {
            await t.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
          },
        }),
      );
    },
    async close() {
      await client.close();
    },
    // exposed for tests that snapshot a migrated database
    ...({ client } as object),
  };
}

export interface PostgresOptions {
  /** Longest a statement may run, in ms (0 = no limit); a connection option of the pool (ADR 032). */
  statementTimeoutMs?: number;
  /** Limit of each statement inside `transactionWithCopy` (imports), set with SET LOCAL; 0 = none. */
  bulkStatementTimeoutMs?: number;
  /** Connections of the pool (config DB_POOL_MAX; default 10). */
  poolMax?: number;
}

export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<DbHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolMax ?? 10,
    statement_timeout: opts.statementTimeoutMs || undefined,
  });
  instrumentPool(pool);
  // An idle client dropped by the server (restart, admin command) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (err) => {
    console.warn(`PostgreSQL idle connection closed: ${err.message}`);
  });
  // Fail fast with a clear message when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async copyCsv(table, columns, csv) {
      const conn = await pool.connect();
      try {
        await copyOnPgClient(conn, table, columns, csv);
      } finally {
        conn.release();
      }
    },
    async exec(sqlText) {
      await pool.query(sqlText);
    },
    async transactionWithCopy(fn) {
      const conn = await pool.connect();
      let broken = false;
      try {
        await conn.query('BEGIN');
        await conn.query(`SET LOCAL statement_timeout = ${Math.trunc(opts.bulkStatementTimeoutMs ?? 0)}`);
        const result = await fn({
          db: drizzlePg(conn, { schema }) as unknown as Db,
          copyCsv: (table, columns, csv) => copyOnPgClient(conn, table, columns, csv),
        });
        await conn.query('COMMIT');
        return result;
      } catch (err) {
        await conn.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw err;
      } finally {
        conn.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

export function openDb(
  opts: { databaseUrl?: string; dataDir?: string } & PostgresOptions,
): Promise<DbHandle> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openPglite(opts.dataDir);
}
