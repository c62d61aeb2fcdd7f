import { DEMO_PASSWORD } from './paths';

/** A tiny API client for test set-up: logs in and keeps the session cookie. */
export async function apiSession(baseURL: string, username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as { csrfToken: string; scopeUnitId: number };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return {
    me,
    async get<T>(path: string): Promise<T> {
      const r = await fetch(`${baseURL}/api${path}`, { headers: { cookie } });
      if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
    async post<T>(path: string, body: unknown = {}): Promise<T> {
      const r = await fetch(`${baseURL}/api${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`POST ${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}
