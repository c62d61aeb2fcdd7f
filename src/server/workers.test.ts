/**
 * WORKERS=2 (ADR 057): `src/server/main.ts` started as `npm start` starts it, a primary and two
 * workers sharing one port on one PostgreSQL database. A session made through one worker is good
 * at the other, a worker that dies is replaced while the other keeps serving, and SIGTERM stops
 * them all. PostgreSQL only: WORKERS > 1 is refused on PGlite (config.test.ts).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from './db/rows';
import { useTestApp } from './test/app';
import { makeUser, PASSWORD } from './test/fixtures/org';

const PORT = 4510;
const base = `http://127.0.0.1:${PORT}`;
const root = path.resolve(import.meta.dirname, '../..');

/** The live children of `pid` (the workers of the primary). */
function childrenOf(pid: number): number[] {
  try {
    // Node processes only: tsx's esbuild service is a child of the primary too.
    return execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter(([n, comm]) => Number(n) > 0 && comm === 'node')
      .map(([n]) => Number(n));
  } catch {
    return []; // ps exits 1 when there is none
  }
}

async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  seconds = 150,
): Promise<T> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('WORKERS=2: one port, two processes', () => {
  const a = useTestApp('postgres');
  let primary: ChildProcess;
  let output = '';

  beforeAll(async () => {
    const [{ name }] = rowsOf<{ name: string }>(
      await a.handle.db.execute(sql`select current_database() as name`),
    );
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    primary = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        WORKERS: '2',
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DTBD_DEMO: 'false',
        LOG_LEVEL: 'silent',
        DTBD_WEB_DIR: '/nonexistent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout?.on('data', (d) => {
      output += String(d);
    });
    primary.stderr?.on('data', (d) => {
      output += String(d);
    });
    await until('the workers to listen', () => {
      if (primary.exitCode !== null) throw new Error(`main.ts exited ${primary.exitCode}: ${output}`);
      return output.includes('dtbd is running') ? true : undefined;
    }).catch((e) => {
      throw new Error(`${(e as Error).message}\n${output}`);
    });
  }, 200_000);
  afterAll(() => {
    if (primary.exitCode === null) primary.kill('SIGKILL');
    for (const pid of childrenOf(primary.pid!)) process.kill(pid, 'SIGKILL');
  });

  it('serves from two workers; a session made at one is good at the other', async () => {
    expect(output).toContain('2 workers');
    expect(childrenOf(primary.pid!)).toHaveLength(2);
    const u = await makeUser(a.handle.db, 'viewer', a.root);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: u.username, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = String(login.headers.get('set-cookie')).split(';')[0];
    // Each request on a new connection (no keep-alive): the kernel spreads them over both workers.
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${base}/api/auth/me`, { headers: { cookie, connection: 'close' } }).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual(Array(20).fill(200));
  }, 60_000);

  it('replaces a worker that dies while the other keeps serving, and SIGTERM stops them all', async () => {
    const [first, second] = childrenOf(primary.pid!);
    process.kill(first, 'SIGKILL');
    // A connection the primary handed to the dying worker may fail: the other answers the next one.
    await until(
      'the surviving worker to answer',
      async () => {
        const r = await fetch(`${base}/api/health`, { headers: { connection: 'close' } }).catch(() => null);
        return r?.status === 200 ? true : undefined;
      },
      10,
    );
    const replaced = await until('a new worker', () => {
      const now = childrenOf(primary.pid!);
      return now.length === 2 && !now.includes(first) ? now : undefined;
    });
    expect(replaced).toContain(second);
    await until('the new worker to answer', async () => {
      const r = await fetch(`${base}/api/health`, { headers: { connection: 'close' } }).catch(() => null);
      return r?.status === 200 ? true : undefined;
    });
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of replaced) expect(() => process.kill(pid, 0)).toThrow();
  }, 200_000);
});
