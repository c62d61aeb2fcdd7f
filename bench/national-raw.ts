/**
 * What the national bench (bench/national.bench.ts) needs to put raw PostgreSQL beside dtbd: the
 * SQL a request sends (captured from the pg client), replayed on a plain client or written as a
 * pgbench script with the parameters inlined; psql COPY of CSV files; pgbench and autocannon
 * runs with their p99; a child process's peak RSS (/usr/bin/time).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

export interface Captured {
  text: string;
  values: unknown[];
}

type QueryFn = (...args: unknown[]) => unknown;
const proto = pg.Client.prototype as unknown as { query: QueryFn };
const original = proto.query;
let sink: Captured[] | null = null;
proto.query = function (this: unknown, ...args: unknown[]) {
  if (sink) {
    const [a, b] = args as [unknown, unknown];
    const text = typeof a === 'string' ? a : (a as { text?: string } | null)?.text;
    const values = Array.isArray(b) ? b : ((a as { values?: unknown[] } | null)?.values ?? []);
    if (typeof text === 'string') sink.push({ text, values });
  }
  return original.apply(this, args);
};

/** Every statement any pg client of this process sends while `fn` runs. */
export async function capture(fn: () => Promise<unknown>): Promise<Captured[]> {
  const out: Captured[] = [];
  sink = out;
  try {
    await fn();
  } finally {
    sink = null;
  }
  return out;
}

/** Run the captured statements one after another on a plain client; ms. */
export async function replay(client: pg.Client, statements: Captured[]): Promise<number> {
  const t0 = performance.now();
  for (const s of statements) await client.query(s.text, s.values);
  return performance.now() - t0;
}

const require = createRequire(import.meta.url);
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (v: unknown) => unknown };

function literal(v: unknown): string {
  const p = prepareValue(v);
  if (p === null || p === undefined) return 'NULL';
  return `'${String(p).replace(/'/g, "''")}'`;
}

/** A pgbench script: the statements with their parameters written as literals. */
export function pgbenchScript(statements: Captured[]): string {
  return statements
    .map((s) => {
      const text = s.text.replace(/\$(\d+)/g, (_, n) => literal(s.values[Number(n) - 1]));
      return `${text.trim().replace(/;\s*$/, '')};`;
    })
    .join('\n');
}

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr, ms: performance.now() - t0 }));
  });
}

/** Run a command under /usr/bin/time: its wall time and peak RSS (MiB). */
export async function runMeasured(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  const r = await run('/usr/bin/time', ['-f', 'MAXRSS_KB=%M', cmd, ...args], env, cwd);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.code}\n${r.stderr.slice(-2000)}`);
  const kb = Number(/MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { ...r, rssMiB: kb / 1024 };
}

/** psql running `\copy table from file` for each file, one session; ms. */
/** psql `\copy (table or query) to file`. */
export async function psqlExport(url: string, source: string, file: string) {
  const r = await run('psql', [
    '-X',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    url,
    '-c',
    `\\copy ${source} to '${file}' with (format csv)`,
  ]);
  if (r.code !== 0) throw new Error(`psql export ${source}: ${r.stderr}`);
}

export async function psqlCopy(url: string, files: [table: string, file: string][]): Promise<number> {
  const script = files.map(([t, f]) => `\\copy ${t} from '${f}' with (format csv)`).join('\n');
  const r = await run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, '-c', 'select 1'], {});
  if (r.code !== 0) throw new Error(r.stderr);
  const scriptFile = path.join(path.dirname(files[0][1]), 'copy.sql');
  fs.writeFileSync(scriptFile, script);
  const c = await run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, '-f', scriptFile], {});
  if (c.code !== 0) throw new Error(`psql copy: ${c.stderr}`);
  return c.ms;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/** pgbench -c clients for `seconds` on a script file: tps and latency percentiles (ms). */
export async function pgbench(url: string, script: string, clients: number, seconds: number, dir: string) {
  const file = path.join(dir, `pgbench-${Date.now()}.sql`);
  fs.writeFileSync(file, script);
  const prefix = path.join(dir, `pgb-${Date.now()}`);
  const u = new URL(url);
  const r = await run('pgbench', [
    '-n',
    '-c',
    String(clients),
    '-j',
    '2',
    '-T',
    String(seconds),
    '-f',
    file,
    '-l',
    `--log-prefix=${prefix}`,
    '-h',
    u.hostname,
    '-p',
    u.port || '5432',
    '-U',
    decodeURIComponent(u.username || 'postgres'),
    u.pathname.slice(1),
  ]);
  if (r.code !== 0) throw new Error(`pgbench: ${r.stderr.slice(-2000)}`);
  const lat: number[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.startsWith(path.basename(prefix)))) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const parts = line.split(' ');
      if (parts.length >= 3) lat.push(Number(parts[2]) / 1000);
    }
    fs.rmSync(path.join(dir, f));
  }
  lat.sort((a, b) => a - b);
  const tps = Number(/tps = ([\d.]+)/.exec(r.stdout)?.[1] ?? Number.NaN);
  const failed = Number(/number of failed transactions: (\d+)/.exec(r.stdout)?.[1] ?? 0);
  return { tps, p50: percentile(lat, 0.5), p99: percentile(lat, 0.99), done: lat.length, failed };
}

/** The autocannon executable: AUTOCANNON, node_modules/.bin, or a copy installed in /tmp/g-ac. */
export function autocannonBin(root: string): string {
  const candidates = [
    process.env.AUTOCANNON,
    path.join(root, 'node_modules/.bin/autocannon'),
    '/tmp/g-ac/node_modules/.bin/autocannon',
  ];
  const found = candidates.find((c) => c && fs.existsSync(c));
  if (!found) throw new Error('autocannon not found: npm install (devDependency) or set AUTOCANNON');
  return found;
}

/** autocannon -c clients for `seconds` against one URL with a session cookie. */
export async function autocannon(bin: string, url: string, cookie: string, clients: number, seconds: number) {
  const r = await run(bin, [
    '-j',
    '-c',
    String(clients),
    '-d',
    String(seconds),
    '-H',
    `cookie=${cookie}`,
    url,
  ]);
  if (r.code !== 0) throw new Error(`autocannon: ${r.stderr.slice(-2000)}`);
  const j = JSON.parse(r.stdout) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  return {
    rps: j.requests.average,
    p50: j.latency.p50,
    p99: j.latency.p99,
    done: j.requests.total,
    non2xx: j.non2xx,
    errors: j.errors,
    timeouts: j.timeouts,
  };
}
