/**
 * buildApp(config, database) assembles the HTTP application from the modules; main.ts only
 * listens, and tests call this and use app.inject().
 */
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ErrorBody, OrgUnitRef, say } from '@ytcs/common';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { installAccessControl } from './access/access.hook.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { App, ContractTypeProvider } from './http/app-types.ts';
import { installBrowserGuard } from './http/browser-guard.ts';
import { installInputGuard } from './http/input-guard.ts';
import { errorHandler } from './http/error-handler.ts';
import { installRateLimit } from './http/rate-limit.ts';
import { RequestLogController } from './http/request-logging.ts';
import { startSealer } from './modules/audit/audit.chain.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { sessionService } from './modules/auth/auth.session.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { immunisationRoutes } from './modules/immunisation/index.ts';
import { importRoutes } from './modules/imports/imports.routes.ts';
import { indicatorRoutes, startRefresher } from './modules/indicators/index.ts';
import { maternalRoutes } from './modules/maternal/index.ts';
import { planRoutes } from './modules/plans/plans.routes.ts';
import { privacyRoutes } from './modules/privacy/privacy.routes.ts';
import { reportRoutes } from './modules/reports/reports.routes.ts';
import { referenceRoutes } from './modules/reference/reference.routes.ts';
import { recordRoutes } from './modules/records/records.routes.ts';
import { registryRoutes } from './modules/registry/registry.routes.ts';
import { orgUnitRoutes } from './modules/org-units/org-units.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { VERSION } from './version.ts';

/** The logger: pino at the configured level, writing to `stream` when given (tests), else stdout. */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    ...(stream ? { stream } : {}),
    // Query strings can carry names or ID numbers someone searched for: log the path only.
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
    },
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  };
}

/** Trust the nearest `hops` proxies, whatever their address (proxy-addr's hop-count rule). */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export async function buildApp(config: Config, database: Database, options: { logStream?: NodeJS.WritableStream } = {}): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    // Requests at debug, failures at warn and error (request-logging.ts).
    logController: new RequestLogController(),
    // X-Forwarded-For is believed only from configured proxies (YTCS_TRUST_PROXY): the address
    // lands in the audit log, and any client can write that header.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<ContractTypeProvider>() as unknown as App;

  app.decorate('db', database.db);
  app.decorate('dbKind', database.kind);
  app.decorate('config', config);
  app.decorate('sessions', sessionService(database.db, config));
  const refresher = startRefresher(database.db, config.indicatorRefreshMs, (e) => app.log.error({ err: e }, 'indicator refresh failed'));
  app.decorate('refresher', refresher);
  app.addHook('onClose', () => refresher.stop());
  const auditSealer = startSealer(database.db, config.auditSealMs, (e) => app.log.error({ err: e }, 'audit sealing failed'));
  app.decorate('auditSealer', auditSealer);
  app.addHook('onClose', () => auditSealer.stop());
  app.setErrorHandler(errorHandler);
  app.addSchema(OrgUnitRef);
  app.addSchema(ErrorBody);

  await installBrowserGuard(app);
  await app.register(cookie);
  await installRateLimit(app);
  await app.register(swagger, {
    openapi: {
      info: { title: 'ytcs — Y Tế Cơ Sở API', version: VERSION, description: 'Hệ thống thông tin y tế cơ sở / Grassroots health information system' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ytcs_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAccessControl(app);
  installInputGuard(app);
  app.get('/api/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, async () => app.swagger());

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(orgUnitRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(referenceRoutes);
  await app.register(registryRoutes);
  await app.register(importRoutes);
  await app.register(recordRoutes);
  await app.register(maternalRoutes);
  await app.register(immunisationRoutes);
  await app.register(indicatorRoutes);
  await app.register(planRoutes);
  await app.register(reportRoutes);
  await app.register(privacyRoutes);

  const webIndex = config.webDist ? path.join(config.webDist, 'index.html') : null;
  if (config.webDist && webIndex && fs.existsSync(webIndex)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: config.webDist, wildcard: true });
  }
  // The web app routes on the client: unknown page paths get its index page; a missing file
  // (a path with an extension, e.g. an old /assets/*.js) is a plain 404, not a blank page.
  app.setNotFoundHandler((req, reply) => {
    const pagePath = !req.url.startsWith('/api/') && !/\.[a-z0-9]+(\?|$)/i.test(req.url);
    if (req.method === 'GET' && pagePath && webIndex && fs.existsSync(webIndex)) {
      return reply.type('text/html').send(fs.createReadStream(webIndex));
    }
    return reply.code(404).send({ code: 'not_found', ...say('http.pageNotFound') });
  });
  return app;
}
