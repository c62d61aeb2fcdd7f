import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '../db/client';
import { migrate } from '../db/migrate';
import { dropSharedTemplates } from './db';

/**
 * Migrate one PGlite once per test run and dump it; every test file then starts from a copy of
 * the dump (loading takes ~0.3 s, migrating ~3 s). Builds shared by several files (openSharedTestDb)
 * are kept beside it, and dropped at the end with their PostgreSQL templates.
 */
export default async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtbd-test-'));
  const file = path.join(dir, 'migrated.tar.gz');
  const h = await openPglite(undefined);
  await migrate(h);
  const client = (h as unknown as { client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).client;
  fs.writeFileSync(file, Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer()));
  await h.close();
  process.env.DTBD_TEST_SNAPSHOT = file;
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (process.env.TEST_DATABASE_URL) await dropSharedTemplates(process.env.TEST_DATABASE_URL, dir);
  };
}
