import crypto from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../contracts/roles';
import type { Db } from '../db/client';
import { orgUnits, sessions, users } from '../db/schema/index';
import type { Actor } from '../lib/actor';
import { type Clock, systemClock } from '../lib/dates';
import { AppError } from '../lib/errors';
import { langOf } from './errors';

export const SESSION_COOKIE = 'dtbd_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    sessionTokenHash?: string;
    csrfToken?: string;
  }
  interface FastifyContextConfig {
    /** Route is reachable without a session (login, health, openapi, public pages). */
    public?: boolean;
    /** Set for every route when it is registered (ADR 027); never by hand. */
    guard?: RouteGuard;
  }
  interface FastifyInstance {
    /** Every route with what it requires, in registration order (tests walk it). */
    routeGuards: GuardedRoute[];
  }
}

/** What a route requires, decided once when the route is registered, never from the URL text. */
export interface RouteGuard {
  session: boolean;
  csrf: boolean;
}
export interface GuardedRoute extends RouteGuard {
  method: string;
  url: string;
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  opts: { secure: boolean; maxAgeSeconds: number },
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: opts.secure,
    maxAge: opts.maxAgeSeconds,
  });
}

/**
 * Resolve the session cookie to an actor; enforce login and CSRF on every non-public route. A
 * session lives until the time the login gave it, read on the same clock (`clock`) that gave it.
 */
export function registerAuth(app: FastifyInstance, db: Db, clock: Clock = systemClock): void {
  const table: GuardedRoute[] = [];
  app.decorate('routeGuards', table);
  // The requirement is a property of the route: its pattern and methods, not the request's text,
  // so a request sent in absolute form ("http://host/api/...") meets the same guard.
  app.addHook('onRoute', (route) => {
    const isPublic = route.config?.public === true;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const writes = methods.some((m) => !SAFE_METHODS.has(m));
    const guard: RouteGuard = {
      session: !isPublic && route.url.startsWith('/api/'),
      csrf: !isPublic && writes,
    };
    route.config = { ...route.config, guard };
    for (const method of methods) table.push({ method, url: route.url, ...guard });
  });

  app.addHook('onRequest', async (req) => {
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = hashToken(token);
    const [row] = await db
      .select({
        userId: users.id,
        username: users.username,
        role: users.role,
        scopeUnitId: users.scopeUnitId,
        scopePath: orgUnits.path,
        personId: users.personId,
        lecturerId: users.lecturerId,
        locale: users.locale,
        csrfToken: sessions.csrfToken,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(orgUnits, eq(orgUnits.id, users.scopeUnitId))
      .where(
        and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, clock.now()), eq(users.active, true)),
      );
    if (!row) return;
    req.sessionTokenHash = tokenHash;
    req.csrfToken = row.csrfToken;
    req.actor = {
      userId: row.userId,
      username: row.username,
      role: row.role as Role,
      scopeUnitId: row.scopeUnitId,
      scopePath: row.scopePath,
      personId: row.personId,
      lecturerId: row.lecturerId,
      lang: row.locale === 'en' ? 'en' : 'vi',
      requestId: req.id,
      ip: req.ip,
    };
    req.actor.lang = langOf(req);
  });

  // On request, before the body is parsed or validated: an unauthenticated or forged write learns
  // nothing about the body it sent.
  app.addHook('onRequest', async (req) => {
    const guard = req.routeOptions.config?.guard;
    if (!guard) return;
    if ((guard.session || guard.csrf) && !req.actor) throw new AppError('UNAUTHENTICATED');
    if (guard.csrf && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      const ok =
        typeof sent === 'string' &&
        req.csrfToken !== undefined &&
        sent.length === req.csrfToken.length &&
        crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(req.csrfToken));
      if (!ok) throw new AppError('CSRF_FAILED');
    }
  });
}

/** The actor of an authenticated route (the preHandler guarantees it). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}
