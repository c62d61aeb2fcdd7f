import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/app';
import { testBackends } from '../test/db';

/** One raw HTTP request; `target` is sent as the request-target exactly as given. */
function send(port: number, method: string, target: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: target, headers, agent: false },
      (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Write routes reachable without a session: each one is a decision, listed here on purpose. */
const PUBLIC_WRITES = ['POST /api/auth/login'];

describe.each(testBackends())('CSRF is a property of the route (%s)', (kind) => {
  const t = useTestApp(kind);

  it('every write route refuses a request without the token, in origin and absolute form', async () => {
    const s = await t.as('admin', t.root);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    const writes = t.app.routeGuards.filter((r) => WRITE.has(r.method));
    const publicWrites = writes.filter((r) => !r.csrf).map((r) => `${r.method} ${r.url}`);
    expect(publicWrites).toEqual(PUBLIC_WRITES);
    const guarded = writes.filter((r) => r.csrf);
    expect(guarded.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const r of guarded) {
      const path = r.url.replace(/:[A-Za-z]+/g, '1').replace(/\*$/, 'x');
      for (const target of [path, `http://127.0.0.1:${port}${path}`, `http://evil.example${path}`]) {
        const res = await send(port, r.method, target, {
          cookie: s.cookie,
          'content-type': 'application/json',
          'content-length': '2',
        }).catch((e) => ({ status: -1, body: String(e) }));
        const code = res.status === 403 ? JSON.parse(res.body).error.code : undefined;
        if (code !== 'CSRF_FAILED') failures.push(`${r.method} ${target} -> ${res.status} ${res.body}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('with the token the same absolute-form write goes through, and a wrong token does not', async () => {
    const port = (t.app.server.address() as AddressInfo).port;
    const s = await t.as('admin', t.root);
    const target = `http://127.0.0.1:${port}/api/auth/logout`;
    const wrong = await send(port, 'POST', target, {
      cookie: s.cookie,
      'x-csrf-token': `${s.csrf.slice(0, -1)}${s.csrf.endsWith('x') ? 'y' : 'x'}`,
      'content-type': 'application/json',
    });
    expect(wrong.status).toBe(403);
    const ok = await send(port, 'POST', target, {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      'content-type': 'application/json',
    });
    expect(ok.status).toBe(200);
  });

  it('answers 401 before looking at the body when there is no session', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/people', payload: '{not json' });
    expect(res.statusCode).toBe(401);
  });
});
