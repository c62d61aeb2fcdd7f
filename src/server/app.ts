import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { DbHandle } from './db/client';
import { type Clock, systemClock } from './lib/dates';
import { registerInputGuard } from './lib/input-guard';
import { loggerOptions } from './lib/log';
import { requestIdGenerator, trustFunction } from './lib/trust-proxy';
import { type ModuleDeps, VERSION } from './module-deps';
import { abroadRoutes } from './modules/abroad/abroad.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { catalogueRoutes } from './modules/catalogue/catalogue.routes';
import { certificatesRoutes } from './modules/certificates/certificates.routes';
import { classSpendingRoutes } from './modules/classes/class-spending.routes';
import { classesRoutes } from './modules/classes/classes.routes';
import { codesRoutes } from './modules/codes/codes.routes';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes';
import { documentsRoutes } from './modules/documents/documents.routes';
import { duplicatedTrainingRoutes } from './modules/duplicated-training/duplicated-training.routes';
import { feedbackRoutes } from './modules/feedback/feedback.routes';
import { healthRoutes } from './modules/health/health.routes';
import { importsRoutes } from './modules/imports/imports.routes';
import { needsRoutes } from './modules/needs/needs.routes';
import { nominationsRoutes } from './modules/nominations/nominations.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { orgRoutes } from './modules/org/org.routes';
import { peopleRoutes } from './modules/people/people.routes';
import { plansRoutes } from './modules/plans/plans.routes';
import { policiesRoutes } from './modules/policies/policies.routes';
import { postgraduateRoutes } from './modules/postgraduate/postgraduate.routes';
import { qualificationRoutes } from './modules/qualifications/qualifications.routes';
import { ratingRoutes } from './modules/ratings/ratings.routes';
import { reportLayoutsRoutes } from './modules/reports/layouts/layouts.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { resultsRoutes } from './modules/results/results.routes';
import { selfServiceRoutes } from './modules/self-service/self-service.routes';
import { eligibilityRoutes } from './modules/standards/eligibility.routes';
import { gapsRoutes } from './modules/standards/gaps.routes';
import { standardsRoutes } from './modules/standards/standards.routes';
import { todoRoutes } from './modules/todo/todo.routes';
import { userRoutes } from './modules/users/users.routes';
import { classLifecycleRoutes } from './modules/workflows/class-lifecycle.routes';
import { registerAuth } from './plugins/auth';
import { registerRequestCancel } from './plugins/cancel';
import { frameworkErrors, registerErrorHandler } from './plugins/errors';
import { registerReadRouting } from './plugins/read-routing';
import { registerSecurityHeaders, registerWeb } from './plugins/web';

export interface AppDeps {
  handle: DbHandle;
  config: Config;
  clock?: Clock;
  /** false for silent tests; an object adds to the redacting options (e.g. a stream for tests). */
  logger?: boolean | object;
  /** Directory of the built web UI (served with SPA fallback when it exists). */
  webDir?: string;
  /** Called as each route is declared (scripts/route-map.ts reads its caller's file from the stack). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            ...(loggerOptions(deps.config.logLevel) as object),
            ...(typeof deps.logger === 'object' ? deps.logger : {}),
          },
    // The id is the server's own unless a trusted proxy passed one on (ADR 027).
    genReqId: requestIdGenerator(deps.config.trustProxy),
    requestIdHeader: false,
    bodyLimit: 8 * 1024 * 1024,
    trustProxy: deps.config.trustProxy === false ? false : trustFunction(deps.config.trustProxy),
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await registerSecurityHeaders(app, { https: deps.config.cookieSecure });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'dtbd API',
        version: VERSION,
        description: 'Training and fostering of cadres and civil servants',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dtbd_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerErrorHandler(app);
  registerRequestCancel(app);
  registerInputGuard(app);
  registerAuth(app, deps.handle.db, deps.clock ?? systemClock);
  registerReadRouting(app, deps.handle, { secure: deps.config.cookieSecure });

  const moduleDeps: ModuleDeps = {
    handle: deps.handle,
    config: deps.config,
    clock: deps.clock ?? systemClock,
  };
  await app.register(
    async (api) => {
      healthRoutes(api, moduleDeps);
      authRoutes(api, moduleDeps);
      codesRoutes(api, moduleDeps);
      orgRoutes(api, moduleDeps);
      peopleRoutes(api, moduleDeps);
      qualificationRoutes(api, moduleDeps);
      userRoutes(api, moduleDeps);
      auditRoutes(api, moduleDeps);
      ratingRoutes(api, moduleDeps);
      needsRoutes(api, moduleDeps);
      standardsRoutes(api, moduleDeps);
      gapsRoutes(api, moduleDeps);
      eligibilityRoutes(api, moduleDeps);
      plansRoutes(api, moduleDeps);
      catalogueRoutes(api, moduleDeps);
      classesRoutes(api, moduleDeps);
      classSpendingRoutes(api, moduleDeps);
      classLifecycleRoutes(api, moduleDeps);
      nominationsRoutes(api, moduleDeps);
      feedbackRoutes(api, moduleDeps);
      resultsRoutes(api, moduleDeps);
      policiesRoutes(api, moduleDeps);
      selfServiceRoutes(api, moduleDeps);
      certificatesRoutes(api, moduleDeps);
      duplicatedTrainingRoutes(api, moduleDeps);
      dashboardRoutes(api, moduleDeps);
      documentsRoutes(api, moduleDeps);
      abroadRoutes(api, moduleDeps);
      postgraduateRoutes(api, moduleDeps);
      importsRoutes(api, moduleDeps);
      reportsRoutes(api, moduleDeps);
      reportLayoutsRoutes(api, moduleDeps);
      notificationsRoutes(api, moduleDeps);
      todoRoutes(api, moduleDeps);
      api.get('/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
        app.swagger(),
      );
    },
    { prefix: '/api' },
  );

  await registerWeb(app, deps.webDir);
  return app;
}
