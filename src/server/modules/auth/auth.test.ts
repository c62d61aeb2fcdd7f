import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { makeUser, PASSWORD } from '../../test/fixtures/org';

describe.each(testBackends())('auth and health (%s)', (kind) => {
  const t = useTestApp(kind, { env: { LOGIN_MAX_FAILURES: '3' } });

  it('reports health without a session', async () => {
    const res = await t.call(null, { method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: kind });
  });

  it('serves the OpenAPI description listing the routes', async () => {
    const res = await t.call(null, { method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/people', '/api/org/tree', '/api/auth/login', '/api/audit']),
    );
  });

  it("names the scope unit and the unit above it (a printed paper's issuing office)", async () => {
    const officer = await t.as('unit_officer', t.communeA);
    const me = (await t.call(officer, { method: 'GET', url: '/api/auth/me' })).json();
    expect(me).toMatchObject({ scopeUnitName: 'Xã Đông Hòa', scopeParentName: t.root.name });
  });

  it('logs in with an httpOnly SameSite cookie, returns me with a CSRF token, logs out', async () => {
    const u = await makeUser(t.handle.db, 'viewer', t.root);
    const res = await t.call(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = res.json();
    expect(me).toMatchObject({
      username: u.username,
      role: 'viewer',
      scopeUnitId: t.root.id,
      scopeUnitName: t.root.name,
      scopeParentName: null,
    });
    expect(me.permissions).toContain('people.read');
    expect(me.permissions).not.toContain('people.write');
    const session = { cookie: cookie.split(';')[0], csrf: me.csrfToken, userId: me.id };
    expect((await t.call(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await t.call(session, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await t.call(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('answers 401 without a session, in the language asked for', async () => {
    const vi = await t.call(null, { method: 'GET', url: '/api/people' });
    expect(vi.statusCode).toBe(401);
    expect(vi.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập.' });
    const en = await t.call(null, { method: 'GET', url: '/api/people', headers: { 'x-dtbd-lang': 'en' } });
    expect(en.json().error.message).toBe('You need to log in.');
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const s = await t.as('admin', t.root);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('rate-limits failed logins per username', async () => {
    const u = await makeUser(t.handle.db, 'viewer', t.root);
    for (let i = 0; i < 3; i++) {
      const bad = await t.call(null, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.username, password: 'wrong-pass1' },
      });
      expect(bad.statusCode).toBe(401);
      expect(bad.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await t.call(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('RATE_LIMITED');
  });

  it('changes the password only with the current one and a strong new one', async () => {
    const u = await makeUser(t.handle.db, 'viewer', t.root);
    const s = await t.login(u.username);
    const wrong = await t.call(s, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'nope', newPassword: 'Song-Hong-Chay-9' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields[0].field).toBe('currentPassword');
    const weak = await t.call(s, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    const ok = await t.call(s, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'Song-Hong-Chay-9' },
    });
    expect(ok.statusCode).toBe(200);
    await expect(t.login(u.username, 'Song-Hong-Chay-9')).resolves.toBeTruthy();
  });

  it('refuses a weak new password with the hint, and ends every other session of the user', async () => {
    const u = await makeUser(t.handle.db, 'viewer', t.root, { username: `matkhau${Date.now() % 100000}` });
    const here = await t.login(u.username);
    const other = await t.login(u.username);
    for (const weak of ['password1', 'aaaaaaa1', 'matkhau123', `${u.username}99`]) {
      const res = await t.call(here, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: PASSWORD, newPassword: weak },
      });
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().error.details.fields[0]).toMatchObject({ field: 'newPassword' });
      expect(res.json().error.details.fields[0].message, weak).toMatch(/dễ đoán|ít nhất/);
    }
    // Nothing changed while refused: the other session still works.
    expect((await t.call(other, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const ok = await t.call(here, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'Kho-doan-9-Ngua-Xanh' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.call(here, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await t.call(other, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await expect(t.login(u.username, 'Kho-doan-9-Ngua-Xanh')).resolves.toBeTruthy();
  });

  it('an admin reset refuses weak passwords and ends all sessions of the user', async () => {
    const admin = await t.as('admin', t.root);
    const u = await makeUser(t.handle.db, 'viewer', t.communeA);
    const s = await t.login(u.username);
    const weak = await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { password: 'password1' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.fields[0].field).toBe('password');
    expect((await t.call(s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const reset = await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { password: 'Cap-nhat#2026-an-toan' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await t.call(s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});
