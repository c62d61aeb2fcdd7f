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

/** Write a PGlite's data directory to `file` (whole or not at all: workers may read it at once). */
async function dumpPglite(h: DbHandle, file: string) {
  const client = (h as unknown as { client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).client;
  const blob = await client.dumpDataDir('gzip');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(tmp, file);
}

/**
 * PGlite runs each statement synchronously and answers with promises, so a chain of statements (a
 * demo build, a run of `inject` calls) never returns to the event loop: a worker blocked past a
 * minute fails vitest's own RPC ("Timeout calling onTaskUpdate"). Each statement of a test's PGlite
 * first waits for one turn of the event loop (microseconds), so timers and vitest's messages run.
 */
function yielding(h: DbHandle): DbHandle {
  const client = (h as unknown as { client: { execProtocolRaw: (...a: unknown[]) => Promise<unknown> } })
    .client;
  const raw = client.execProtocolRaw.bind(client);
  client.execProtocolRaw = async (...a: unknown[]) => {
    await new Promise((r) => setImmediate(r));
    return raw(...a);
  };
  return h;
}

/** A PGlite in memory loaded from a dump of the run (`file`), yielding between statements. */
async function loadPglite(file: string): Promise<DbHandle> {
  return yielding(await openPglite(undefined, new Blob([fs.readFileSync(file)])));
}

/** A migrated PGlite in memory, loaded from a snapshot made once per worker (migrating takes seconds). */
async function freshPglite(): Promise<DbHandle> {
  if (!fs.existsSync(SNAPSHOT)) {
    const h = await openPglite(undefined);
    await migrate(h);
    await dumpPglite(h, SNAPSHOT);
    await h.close();
  }
  return loadPglite(SNAPSHOT);
}

async function dropDatabase(adminUrl: string, name: string) {
  const a = new pg.Client({ connectionString: adminUrl });
  await a.connect();
  await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await a.end();
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
    drop: () => dropDatabase(adminUrl, name),
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

/**
 * A test database built by `build` once per test run and copied for each file that asks with the
 * same `key` (the build's inputs): PGlite from a dump beside the run's migrated snapshot,
 * PostgreSQL from a template database. Each file gets its own copy, so it may write to it. Without
 * the run's global setup (no shared place), every file builds its own.
 */
export async function openSharedTestDb(
  kind: Backend,
  key: string,
  build: (h: DbHandle) => Promise<unknown>,
): Promise<{ handle: DbHandle; cleanup: () => Promise<void> }> {
  const run = process.env.DTBD_TEST_SNAPSHOT;
  const tag = crypto.createHash('sha1').update(key).digest('hex').slice(0, 12);
  if (kind === 'pglite') {
    const file = run ? path.join(path.dirname(run), `shared-${tag}.tar.gz`) : null;
    // One worker builds (it holds the lock file); another asking meanwhile waits for its dump.
    const mine = file ? await buildOrWait(file) : true;
    if (file && !mine && fs.existsSync(file)) {
      const handle = await loadPglite(file);
      return { handle, cleanup: () => handle.close() };
    }
    try {
      const db = await openTestDb(kind);
      await build(db.handle);
      if (file && mine) await dumpPglite(db.handle, file);
      return db;
    } finally {
      if (file && mine) fs.rmSync(`${file}.lock`, { force: true });
    }
  }
  if (!run) {
    const db = await openTestDb(kind);
    await build(db.handle);
    return db;
  }
  return copyOfTemplate(`${SHARED_PREFIX}${tag}${runSuffix(path.dirname(run))}`, build);
}

/** The run's part of a template's name (unquoted names are lower case). */
const runSuffix = (dir: string) => `_${path.basename(dir).replace(/\W/g, '_').toLowerCase()}`;

/** Retry while the database just closed still has a session ending. */
async function whenIdle(run: () => Promise<unknown>) {
  for (let i = 0; ; i++) {
    try {
      return await run();
    } catch (err) {
      if (i >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/**
 * True when this worker is to build `file` (it took the lock); else false once the builder's dump
 * is there or the builder gave up (the caller then builds for itself, unshared).
 */
async function buildOrWait(file: string): Promise<boolean> {
  if (fs.existsSync(file)) return false;
  try {
    fs.writeFileSync(`${file}.lock`, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const until = Date.now() + 600_000;
    while (!fs.existsSync(file) && fs.existsSync(`${file}.lock`) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 200));
    return false;
  }
}

/** Template databases of one test run are named so (dropped by `dropSharedTemplates`). */
const SHARED_PREFIX = 'dtbd_shared_';

async function copyOfTemplate(template: string, build: (h: DbHandle) => Promise<unknown>) {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = `dtbd_test_${crypto.randomBytes(6).toString('hex')}`;
  try {
    // One file builds the template while the others wait; copies are made one at a time too
    // (a template may have no other session while it is copied).
    await admin.query('select pg_advisory_lock(hashtext($1))', [template]);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (exists.rowCount === 0) {
      const made = await freshPostgres(adminUrl);
      try {
        await build(made.handle);
        await made.handle.close();
        const built = new URL(made.url).pathname.slice(1);
        await whenIdle(() => admin.query(`ALTER DATABASE ${built} RENAME TO ${template}`));
      } catch (err) {
        await made.handle.close().catch(() => undefined);
        await made.drop();
        throw err;
      }
    }
    await whenIdle(() => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', [template]).catch(() => undefined);
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      await dropDatabase(adminUrl, name);
    },
  };
}

/** Drop the template databases `openSharedTestDb` made during the run whose snapshot dir is `dir`. */
export async function dropSharedTemplates(adminUrl: string, dir: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const suffix = runSuffix(dir);
    const rows = await admin.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1) and right(datname, $2) = $3',
      [SHARED_PREFIX, suffix.length, suffix],
    );
    for (const r of rows.rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
