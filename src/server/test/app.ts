import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../contracts/roles';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import type { DbHandle } from '../db/client';
import type { Clock } from '../lib/dates';
import { seedCodeLists } from '../modules/codes/seed-codes';
import { seedFeedbackForms } from '../modules/feedback/feedback-forms';
import { seedPolicies } from '../modules/policies/policies';
import { type Backend, openTestDb } from './db';
import { makeUnit, makeUser, PASSWORD, type UnitRow } from './fixtures/org';

/** A logged-in client: the cookie and CSRF token of one session. */
export interface Session {
  cookie: string;
  csrf: string;
  userId: number;
}

export interface TestContext {
  app: FastifyInstance;
  handle: DbHandle;
  /** Province root, and two communes under it. */
  root: UnitRow;
  communeA: UnitRow;
  communeB: UnitRow;
  login(username: string, password?: string): Promise<Session>;
  /** A new user with the role and scope, already logged in. */
  as(role: Role, scope: UnitRow, opts?: { personId?: number }): Promise<Session>;
  /** `app.inject` with the session's cookie and CSRF header. */
  call(session: Session | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export const fixedClock = (iso = '2026-11-20T08:00:00Z'): Clock => ({ now: () => new Date(iso) });

/** Build the app on a fresh migrated database for one describe block; torn down after it. */
export function useTestApp(
  kind: Backend,
  opts: {
    clock?: Clock;
    env?: Record<string, string>;
    webDir?: () => string;
    /** Open the database another way (e.g. with a read replica); default a fresh test database. */
    openDb?: () => Promise<{ handle: DbHandle; cleanup: () => Promise<void> }>;
  } = {},
): TestContext {
  const ctx = {} as TestContext;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const db = await (opts.openDb ?? (() => openTestDb(kind)))();
    cleanup = db.cleanup;
    const config = loadConfig({ DTBD_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...opts.env });
    const app = await buildApp({
      handle: db.handle,
      config,
      clock: opts.clock,
      logger: false,
      webDir: opts.webDir?.(),
    });
    await seedCodeLists(db.handle.db);
    await seedPolicies(db.handle.db);
    await seedFeedbackForms(db.handle.db);
    ctx.app = app;
    ctx.handle = db.handle;
    ctx.root = await makeUnit(db.handle.db, { name: 'Tỉnh Thử Nghiệm', validFrom: '2000-01-01' });
    ctx.communeA = await makeUnit(db.handle.db, { parent: ctx.root, name: 'Xã Đông Hòa' });
    ctx.communeB = await makeUnit(db.handle.db, { parent: ctx.root, name: 'Phường Tây Sơn' });
    ctx.login = async (username, password = PASSWORD) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = String(res.headers['set-cookie']).split(';')[0];
      const me = res.json();
      return { cookie, csrf: me.csrfToken, userId: me.id };
    };
    ctx.as = async (role, scope, o = {}) => {
      const u = await makeUser(db.handle.db, role, scope, o);
      return ctx.login(u.username);
    };
    ctx.call = (session, o) =>
      app.inject({
        ...o,
        headers: {
          ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
          ...(o.headers ?? {}),
        },
      });
  }, 60_000);
  afterAll(async () => {
    await ctx.app?.close();
    await cleanup?.();
  });
  return ctx;
}
