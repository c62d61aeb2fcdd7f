import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { auditLog } from '../db/schema/index';
import { useTestApp } from '../test/app';
import { testBackends } from '../test/db';
import { makeUser, PASSWORD } from '../test/fixtures/org';
import { parseTrustProxy, trustFunction } from './trust-proxy';

describe('TRUST_PROXY parsing', () => {
  it('trusts nobody when unset, a hop count, or a list of addresses and ranges', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.1, 192.168.0.0/16,::1,loopback')).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'loopback',
    ]);
  });
  it('stops start-up with a clear message on a bad value', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: trusting every peer/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(
      /TRUST_PROXY: "10.0.0.0\/33" has a prefix/,
    );
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.local' })).toThrow(/not an IP address or CIDR/);
    expect(() => loadConfig({ TRUST_PROXY: '99' })).toThrow(/hop count/);
  });
  it('matches peers, IPv4-mapped ones too', () => {
    const t = trustFunction(['10.0.0.0/8', 'loopback']);
    expect(t('10.1.2.3', 0)).toBe(true);
    expect(t('::ffff:10.1.2.3', 0)).toBe(true);
    expect(t('::1', 0)).toBe(true);
    expect(t('11.0.0.1', 0)).toBe(false);
    expect(t('garbage', 0)).toBe(false);
    expect(trustFunction(false)('127.0.0.1', 0)).toBe(false);
    const hops = trustFunction(2);
    expect([hops('1.1.1.1', 0), hops('1.1.1.1', 1), hops('1.1.1.1', 2)]).toEqual([true, true, false]);
  });
});

async function lastLoginAudit(t: ReturnType<typeof useTestApp>, userId: number) {
  const [row] = await t.handle.db
    .select({ ip: auditLog.ip, requestId: auditLog.requestId })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.entityId, String(userId))))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe.each(testBackends())('no trusted proxy: forged headers are ignored (%s)', (kind) => {
  const t = useTestApp(kind, { env: { VERIFY_MAX_PER_MINUTE: '3' } });

  it('audits the socket address and the server-made request id', async () => {
    const u = await makeUser(t.handle.db, 'viewer', t.root);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '203.0.113.7',
      headers: { 'x-forwarded-for': '1.2.3.4', 'x-request-id': 'forged-id-1' },
      payload: { username: u.username, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).not.toBe('forged-id-1');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await lastLoginAudit(t, u.id)).toEqual({
      ip: '203.0.113.7',
      requestId: res.headers['x-request-id'],
    });
  });

  it('a rotating X-Forwarded-For does not get past the public look-up limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/public/certificates/AbCdEfGhIjKlMnOpQrStUv',
        remoteAddress: '203.0.113.8',
        headers: { 'x-forwarded-for': `9.9.9.${i}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 3)).toEqual([404, 404, 404]);
    expect(codes.slice(3)).toEqual([429, 429]);
  });
});

describe.each(testBackends())('a trusted proxy passes the client address and request id on (%s)', (kind) => {
  const t = useTestApp(kind, { env: { TRUST_PROXY: '10.0.0.0/8', VERIFY_MAX_PER_MINUTE: '3' } });

  it('believes the proxy, not a client that talks directly', async () => {
    const u = await makeUser(t.handle.db, 'viewer', t.root);
    const viaProxy = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.0.5',
      headers: { 'x-forwarded-for': '198.51.100.20', 'x-request-id': 'edge-abc-123' },
      payload: { username: u.username, password: PASSWORD },
    });
    expect(viaProxy.statusCode).toBe(200);
    expect(viaProxy.headers['x-request-id']).toBe('edge-abc-123');
    expect(await lastLoginAudit(t, u.id)).toEqual({ ip: '198.51.100.20', requestId: 'edge-abc-123' });

    const direct = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '198.51.100.99',
      headers: { 'x-forwarded-for': '1.2.3.4', 'x-request-id': 'forged-id-2' },
      payload: { username: u.username, password: PASSWORD },
    });
    expect(direct.statusCode).toBe(200);
    expect(direct.headers['x-request-id']).not.toBe('forged-id-2');
    expect((await lastLoginAudit(t, u.id)).ip).toBe('198.51.100.99');
  });

  it('refuses a request id with odd characters even from the proxy', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      remoteAddress: '10.0.0.5',
      headers: { 'x-request-id': 'a b\nc' },
    });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('limits per real client behind the proxy', async () => {
    const get = (client: string) =>
      t.app.inject({
        method: 'GET',
        url: '/api/public/certificates/AbCdEfGhIjKlMnOpQrStUv',
        remoteAddress: '10.0.0.5',
        headers: { 'x-forwarded-for': client },
      });
    for (let i = 0; i < 3; i++) expect((await get('198.51.100.30')).statusCode).toBe(404);
    expect((await get('198.51.100.30')).statusCode).toBe(429);
    expect((await get('198.51.100.31')).statusCode).toBe(404);
  });
});
