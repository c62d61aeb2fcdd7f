/**
 * `dtbd seed demo` provisions the database as `npm start` does (one function, provisionDatabase):
 * the seeded database holds the default rule pack's standards, eligibility rules and rating
 * scales, not only the demo province.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../server/config';
import { openDb } from '../../server/db/client';
import { rowsOf } from '../../server/db/rows';
import {
  ELIGIBILITY_PACK,
  RATING_SCALE_PACK,
  STANDARD_PACK,
} from '../../server/modules/standards/rule-pack.data';
import { freshPostgres, testBackends } from '../../server/test/db';
import { registerSeed } from './seed';

const keys = (rows: { code: string; version: number }[]) => rows.map((r) => `${r.code}@${r.version}`).sort();

describe.each(testBackends())('dtbd seed demo (%s)', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    vi.unstubAllEnvs();
    while (cleanups.length) await cleanups.pop()!();
  });

  it('leaves the rule pack beside the demo province', async () => {
    if (kind === 'pglite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtbd-seed-'));
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      vi.stubEnv('DATABASE_URL', '');
      vi.stubEnv('DTBD_DATA_DIR', dir);
    } else {
      const db = await freshPostgres();
      await db.handle.close();
      cleanups.push(db.drop);
      vi.stubEnv('DATABASE_URL', db.url);
    }
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const program = new Command().exitOverride();
    registerSeed(program);
    await program.parseAsync(['node', 'dtbd', 'seed', 'demo', '--people', '40', '--seed', '7']);

    const handle = await openDb(loadConfig());
    try {
      const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await handle.db.execute(query));
      const standards = await q<{ code: string; version: number }>(
        sql`select code, version from standard_rules where built_in`,
      );
      const eligibility = await q<{ code: string; version: number }>(
        sql`select code, version from eligibility_rules where built_in`,
      );
      const scales = await q<{ code: string; from: string }>(
        sql`select code, effective_from::text as "from" from rating_scales where built_in`,
      );
      const [people] = await q<{ n: number }>(sql`select count(*)::int as n from people`);
      expect(keys(standards)).toEqual(keys(STANDARD_PACK));
      expect(keys(eligibility)).toEqual(keys(ELIGIBILITY_PACK));
      expect(scales.map((s) => `${s.code}@${s.from}`).sort()).toEqual(
        RATING_SCALE_PACK.map((s) => `${s.code}@${s.effectiveFrom}`).sort(),
      );
      expect(Number(people.n)).toBeGreaterThanOrEqual(40);
    } finally {
      await handle.close();
    }
  }, 600_000);
});
