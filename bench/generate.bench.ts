/**
 * Times generatePeople (synthetic staff + qualifications + history through COPY) on a fresh
 * database with the demo tree. Prints people/s and rows/s; not pass/fail.
 *   npx tsx bench/generate.bench.ts [--people N] [--seed S] [--only pglite|postgres]
 * PGlite always (a temporary data dir); PostgreSQL too when DATABASE_URL or TEST_DATABASE_URL is
 * set (a new database dtbd_bench_<random> is created there and dropped afterwards).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DbHandle, openPglite, openPostgres } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { type GenerateResult, generatePeople } from '../src/server/demo/generate';
import { buildDemoOrgTree } from '../src/server/demo/org-tree';
import { PersonFactory } from '../src/server/demo/person-factory';
import { loadUnitProfiles } from '../src/server/demo/unit-profile';
import { seedCodeLists } from '../src/server/modules/codes/seed-codes';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const N = arg('people', 100_000);
const SEED = arg('seed', 1);
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

interface Row {
  backend: string;
  result: GenerateResult;
  extra: string;
}

function dirSize(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirSize(p) : fs.statSync(p).size;
  }
  return total;
}

async function prepare(handle: DbHandle): Promise<void> {
  await migrate(handle);
  await seedCodeLists(handle.db);
  await buildDemoOrgTree(handle);
}

async function run(handle: DbHandle): Promise<GenerateResult> {
  let last = 0;
  return generatePeople(handle, {
    people: N,
    seed: SEED,
    onProgress: (done, total) => {
      if (done - last >= total / 10 || done === total) {
        process.stderr.write(`  ${done}/${total}\n`);
        last = done;
      }
    },
  });
}

async function pglite(): Promise<Row> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtbd-bench-gen-'));
  try {
    const handle = await openPglite(dir);
    await prepare(handle);
    const result = await run(handle);
    await handle.close();
    return {
      backend: 'PGlite (file)',
      result,
      extra: `data dir ${(dirSize(dir) / 1e6).toFixed(0)} MB after CHECKPOINT`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(adminUrl: string): Promise<Row> {
  const name = `dtbd_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  try {
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    const handle = await openPostgres(u.toString());
    await prepare(handle);
    const result = await run(handle);
    const size = await handle.db.execute(`SELECT pg_database_size('${name}') AS s`);
    await handle.close();
    const bytes = Number((size as unknown as { rows: { s: string }[] }).rows[0].s);
    return { backend: 'PostgreSQL', result, extra: `database ${(bytes / 1e6).toFixed(0)} MB` };
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/** The generator alone (no database), for reference. */
async function cpuOnly(): Promise<number> {
  const handle = await openPglite(undefined);
  await prepare(handle);
  const profiles = await loadUnitProfiles(handle);
  await handle.close();
  const f = new PersonFactory(profiles, SEED, { expectedPeople: N });
  const t = performance.now();
  for (let i = 1; i <= N; i++) f.next(i);
  return performance.now() - t;
}

function line(r: Row): string {
  const s = r.result.ms / 1000;
  const rows = r.result.people + r.result.qualifications + r.result.history;
  const f = new Intl.NumberFormat('en-US');
  return `| ${r.backend} | ${f.format(r.result.people)} | ${f.format(rows)} | ${s.toFixed(1)} s | ${f.format(Math.round(r.result.people / s))} | ${f.format(Math.round(rows / s))} | ${r.extra} |`;
}

async function main() {
  const load = () => os.loadavg()[0].toFixed(1);
  console.log(
    `generatePeople: ${N} people, seed ${SEED}, node ${process.version}, ${os.cpus().length} CPU, load average ${load()} at start`,
  );
  const rows: Row[] = [];
  if (ONLY !== 'postgres') {
    console.error('PGlite...');
    rows.push(await pglite());
  }
  const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (url && ONLY !== 'pglite') {
    console.error('PostgreSQL...');
    rows.push(await postgres(url));
  }
  const loadAfter = load();
  const cpu = await cpuOnly();
  console.log('');
  console.log(
    '| backend | people | rows (people + qualifications + history) | time | people/s | rows/s | size |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(line(r));
  console.log('');
  console.log(
    `Generator alone (no database): ${(cpu / 1000).toFixed(1)} s, ${Math.round(N / (cpu / 1000))} people/s. ` +
      `Rows: ${rows[0].result.qualifications} qualifications, ${rows[0].result.history} history rows. ` +
      `Load average ${loadAfter} after the loads.`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
