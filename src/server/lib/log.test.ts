import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { openTestDb } from '../test/db';
import { makeUnit, makeUser, PASSWORD } from '../test/fixtures/org';
import { safeText, safeUrl } from './log';

const PID = '001085012345';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

describe('log masking', () => {
  it('masks searches, personal IDs and certificate tokens in URLs', () => {
    expect(safeUrl(`/api/people?q=Nguy%E1%BB%85n&unitId=3&page=2`)).toBe('/api/people?q=***&unitId=3&page=2');
    expect(safeUrl(`/api/people?personalId=${PID}`)).toBe('/api/people?personalId=***');
    expect(safeUrl(`/api/x?other=${PID}`)).toBe('/api/x?other=***');
    expect(safeUrl(`/api/people/by-id/${PID}`)).toBe('/api/people/by-id/***');
    expect(safeUrl('/api/public/certificates/AbCdEfGhIjKlMnOpQrStUv')).toBe('/api/public/certificates/***');
    expect(safeUrl('/api/people/12?page=1')).toBe('/api/people/12?page=1');
  });
  it('takes query parameters, hashes and ID numbers out of error text', () => {
    const msg = `Failed query: insert into users values ($1, $2)\nparams: bob,${HASH}\n    at x`;
    const out = safeText(msg);
    expect(out).not.toContain('argon2');
    expect(out).not.toContain('bob');
    expect(out).toContain('Failed query');
    expect(safeText(`duplicate ${PID}`)).toBe('duplicate ***');
  });
});

describe('what the server writes to its log', () => {
  const lines: string[] = [];
  let cleanup: () => Promise<void>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
  });

  it('never carries passwords, hashes, cookies, tokens or personal IDs', async () => {
    const db = await openTestDb('pglite');
    cleanup = db.cleanup;
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await buildApp({
      handle: db.handle,
      config: loadConfig({ DTBD_DATA_DIR: '/nonexistent', LOG_LEVEL: 'info' }),
      logger: { stream },
    });
    const unit = await makeUnit(db.handle.db, {});
    const u = await makeUser(db.handle.db, 'admin', unit);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const csrf = login.json().csrfToken as string;
    await app.inject({
      method: 'GET',
      url: `/api/people?q=${PID}&page=1`,
      headers: { cookie, 'x-csrf-token': csrf },
    });
    await app.inject({ method: 'GET', url: '/api/public/certificates/AbCdEfGhIjKlMnOpQrStUv' });
    app.log.info({ user: { passwordHash: HASH, personalId: PID }, body: { password: PASSWORD } }, 'probe');
    app.log.error({ err: new Error(`Failed query: select 1\nparams: ${HASH},${PID}`) }, 'probe error');

    const log = lines.join('');
    expect(log).toContain('incoming request');
    expect(log).toContain('/api/people?q=***&page=1');
    expect(log).toContain('probe error');
    for (const secret of [
      PID,
      HASH,
      'argon2',
      PASSWORD,
      cookie.split('=')[1],
      csrf,
      'AbCdEfGhIjKlMnOpQrStUv',
    ])
      expect(log, secret).not.toContain(secret);
  });
});
