import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DbHandle, openPglite, openPostgres } from '../db/client';
import { migrate } from '../db/migrate';

export type Backend = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function testBackends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

// Made once per run by global-setup.ts; a file of its own when a test runs without it.
const SNAPSHOT =
  process.env.DTBD_TEST_SNAPSHOT ?? path.join(os.tmpdir(), `dtbd-migrated-${process.pid}.tar.gz`);

/** A migrated PGlite in memory, loaded from a snapshot made once per worker (migrating takes seconds). */
async function freshPglite(): Promise<DbHandle> {
  if (!fs.existsSync(SNAPSHOT)) {
    const h = await openPglite(undefined);
    await migrate(h);
    const client = (h as unknown as { client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).client;
    const blob = await client.dumpDataDir('gzip');
    fs.writeFileSync(`${SNAPSHOT}.tmp`, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(`${SNAPSHOT}.tmp`, SNAPSHOT);
    await h.close();
  }
  return openPglite(undefined, new Blob([fs.readFileSync(SNAPSHOT)]));
}

/**
 * A new PostgreSQL database for one test file on the server at `adminUrl`, migrated, dropped by the
 * returned cleanup. `open` opens it (default a plain pool; the replica tests route reads).
 */
export async function freshPostgres(
  adminUrl = process.env.TEST_DATABASE_URL!,
  open: (url: string) => Promise<DbHandle> = openPostgres,
): Promise<{ handle: DbHandle; url: string; drop: () => Promise<void> }> {
  const name = `dtbd_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await open(url.toString());
  await migrate(handle);
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export async function openTestDb(kind: Backend): Promise<{ handle: DbHandle; cleanup: () => Promise<void> }> {
  if (kind === 'pglite') {
    const handle = await freshPglite();
    return { handle, cleanup: () => handle.close() };
  }
  const { handle, drop } = await freshPostgres();
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      await drop();
    },
  };
}
