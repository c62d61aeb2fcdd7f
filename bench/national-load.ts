/**
 * The national bench's timing helpers and its load part (bench/national.bench.ts, step 4): HTTP
 * requests timed with their SQL captured, the same SQL replayed raw, and the people list and
 * name search under many connections, autocannon against pgbench running the same statements.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type pg from 'pg';
import {
  autocannon,
  autocannonBin,
  type Captured,
  capture,
  pgbench,
  pgbenchScript,
  replay,
} from './national-raw';

const f = new Intl.NumberFormat('en-US');
const ms = (x: number) => `${f.format(Math.round(x))} ms`;
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export /** An HTTP GET timed `runs` times after a warm-up; the statements of the last one, captured. */
async function timed(
  get: (u: string) => Promise<Response>,
  url: string,
  runs: number,
  before?: () => Promise<void>,
) {
  const times: number[] = [];
  let statements: Captured[] = [];
  for (let i = 0; i <= runs; i++) {
    await before?.();
    const t0 = performance.now();
    statements = await capture(async () => {
      const res = await get(url);
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
      await res.arrayBuffer();
    });
    if (i > 0) times.push(performance.now() - t0);
  }
  if (process.env.DEBUG_SQL)
    console.error(
      url,
      statements.map((s) => `${s.text.replace(/\s+/g, ' ')} -- ${JSON.stringify(s.values)}`),
    );
  return { ms: median(times), statements };
}

export async function rawTimed(
  raw: pg.Client,
  statements: Captured[],
  runs: number,
  before?: () => Promise<void>,
) {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    await before?.();
    const t = await replay(raw, statements);
    if (i > 0) times.push(t);
  }
  return median(times);
}

type Row = (
  measure: string,
  dtbd: string,
  raw: string,
  ratio: number | null,
  target: string,
  met?: boolean,
) => void;

/** Step 4: the people list's first page and a common name search under `clients` connections. */
export async function loadUnderClients(o: {
  root: string;
  base: string;
  cookie: string;
  get: (u: string) => Promise<Response>;
  dbUrl: string;
  clients: number;
  seconds: number;
  dir: string;
  row: Row;
  /** 'list', 'search' or both. */
  which: string[];
  /** For each, `src/server/main.ts` with WORKERS=<n> answers the load (unset: the in-process app). */
  workers?: number[];
  serverEnv: Record<string, string | undefined>;
}) {
  const bin = autocannonBin(o.root);
  const all = [
    ['list', 'people list, first page', '/api/people?page=1&pageSize=50'],
    ['search', 'name search "nguyen van hung"', `/api/people?q=${encodeURIComponent('nguyen van hung')}`],
  ] as const;
  for (const [, label, url] of all.filter(([k]) => o.which.includes(k))) {
    const { statements } = await timed(o.get, url, 1);
    const targets = o.workers ?? [0];
    for (const workers of targets) {
      // Sessions live in the database: the in-process app's cookie is good at the started server.
      const server = workers ? await startServer(o.root, { ...o.serverEnv, WORKERS: String(workers) }) : null;
      try {
        const http = await autocannon(bin, `${server?.base ?? o.base}${url}`, o.cookie, o.clients, o.seconds);
        const pgb = await pgbench(o.dbUrl, pgbenchScript(statements), o.clients, o.seconds, o.dir);
        const who = workers ? `, WORKERS=${workers}` : '';
        // No answer within the run: p99 unknown, not zero (autocannon reports 0 then).
        const none = http.done === 0;
        o.row(
          `${label}${who}, ${o.clients} connections, ${o.seconds} s: p99 (req/s; ${statements.length} statements a request)`,
          `${none ? 'none answered' : ms(http.p99)} (${http.rps.toFixed(1)} req/s, ${http.done} done, ${http.non2xx} non-2xx, ${http.timeouts} timeouts)`,
          `${ms(pgb.p99)} (${pgb.tps.toFixed(1)} tps, ${pgb.failed} failed)`,
          none ? null : http.p99 / pgb.p99,
          'p99 <= 1.5x raw',
          !none && http.p99 <= 1.5 * pgb.p99,
        );
      } finally {
        await server?.stop();
      }
    }
  }
}

/** `src/server/main.ts` as `npm start` runs it (no web build, no demo), ready when it listens. */
async function startServer(root: string, env: Record<string, string | undefined>) {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env, DTBD_DEMO: 'false', LOG_LEVEL: 'silent', DTBD_WEB_DIR: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const base = `http://127.0.0.1:${env.PORT}`;
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
      if (out.includes('dtbd is running')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out.slice(-1000)}`)));
  });
  // Every worker listens before the primary prints; one request warms the caches of one of them.
  await fetch(`${base}/api/health`);
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGTERM');
    });
  return { base, stop };
}
