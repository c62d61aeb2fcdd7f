import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChangePasswordBody, LoginBody, Me } from '../../../contracts/auth';
import { Ok } from '../../../contracts/common';
import type { ModuleDeps } from '../../module-deps';
import { actorOf, SESSION_COOKIE, setSessionCookie } from '../../plugins/auth';
import { createAuthService } from './auth.service';

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
}
