import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChangePasswordBody, LoginBody, LoginThrottles, Me, UsernameParams } from '../../../contracts/auth';
import { Ok } from '../../../contracts/common';
import { audit } from '../../lib/audit';
import { notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import type { ModuleDeps } from '../../module-deps';
import { actorOf, SESSION_COOKIE, setSessionCookie } from '../../plugins/auth';
import { createAuthService } from './auth.service';
import { clearUserThrottle, listThrottles } from './login-throttle';

export function authRoutes(app: FastifyInstance, { handle, clock, config }: ModuleDeps) {
  const service = createAuthService({
    db: handle.db,
    clock,
    sessionHours: config.sessionHours,
    maxFailures: config.loginMaxFailures,
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post(
    '/auth/login',
    {
      config: { public: true },
      schema: { summary: 'Log in; sets the session cookie', tags, body: LoginBody, response: { 200: Me } },
    },
    async (req, reply) => {
      const { token, csrfToken, userId } = await service.login(
        req.body.username,
        req.body.password,
        req.ip,
        req.id,
      );
      setSessionCookie(reply, token, {
        secure: config.cookieSecure,
        maxAgeSeconds: config.sessionHours * 3600,
      });
      return service.me(userId, csrfToken);
    },
  );

  r.post(
    '/auth/logout',
    { schema: { summary: 'Log out', tags, response: { 200: Ok } } },
    async (req, reply) => {
      await service.logout(actorOf(req), req.sessionTokenHash!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get('/auth/me', { schema: { summary: 'The logged-in user', tags, response: { 200: Me } } }, async (req) =>
    service.me(actorOf(req).userId, req.csrfToken!),
  );

  r.post(
    '/auth/password',
    { schema: { summary: 'Change my password', tags, body: ChangePasswordBody, response: { 200: Ok } } },
    async (req) => {
      await service.changePassword(
        actorOf(req),
        req.sessionTokenHash!,
        req.body.currentPassword,
        req.body.newPassword,
      );
      return { ok: true as const };
    },
  );

  r.get(
    '/auth/throttles',
    {
      schema: {
        summary: 'Usernames and client addresses whose logins are slowed down now (admin, own subtree)',
        tags,
        response: { 200: LoginThrottles },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'users.manage');
      return { items: await listThrottles(handle.db, actor, clock.now(), config.loginMaxFailures) };
    },
  );

  r.delete(
    '/auth/throttles/users/:username',
    {
      schema: {
        summary: 'Lift the slow-down of a username of my subtree (admin)',
        tags,
        params: UsernameParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'users.manage');
      const username = req.params.username.trim().toLowerCase();
      await handle.db.transaction(async (tx) => {
        if (!(await clearUserThrottle(tx, actor, username)))
          throw notFound({ vi: 'lượt chặn đăng nhập của tài khoản này', en: 'Login slow-down of this user' });
        await audit(tx, actor, {
          action: 'auth.throttle.clear',
          entity: 'user',
          summary: `Bỏ chặn đăng nhập: ${username}`,
          scopePath: actor.scopePath,
        });
      });
      return { ok: true as const };
    },
  );
}
