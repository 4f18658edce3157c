/**
 * The one place access is checked. Every /api route declares `config.permission`; a route
 * without one stops the server at start. A request resolves its session to a principal (one
 * query: session, user and grants), then the declared permission to a scope the route's queries
 * are limited to.
 */
import { say } from '@ytcs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiRoute, App } from '../http/app-types.ts';
import { AppError, forbidden, unauthenticated } from '../errors.ts';
import { PURGE_EVERY_MS, SESSION_COOKIE } from '../modules/auth/auth.session.ts';
import { scopeOf } from './principal.ts';

/** What a user whose password must be changed may still do: see who they are, leave, change it. */
const BEFORE_PASSWORD_CHANGE = new Set(['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/password']);

const passwordChangeRequired = () => new AppError(403, 'password_change_required', say('http.passwordChangeRequired'));

export function installAccessControl(app: App) {
  const sessions = app.sessions;

  // Expired sessions are purged at sign-in too; this catches servers nobody signs in to.
  const purge = setInterval(() => sessions.purgeExpired().catch((error) => app.log.warn({ err: error }, 'session purge failed')), PURGE_EVERY_MS);
  purge.unref();
  app.addHook('onClose', async () => clearInterval(purge));

  app.decorateRequest('principal', null);
  app.decorateRequest('scope', null as never);
  app.decorateRequest('actor', null as never);

  // The route table (method, url, declared access) is kept for the authorisation matrix.
  const table: ApiRoute[] = [];
  app.decorate('apiRoutes', table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.permission;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });

  // preValidation: a caller without access learns nothing, not even which fields are wrong.
  app.addHook('preValidation', async (req: FastifyRequest, reply: FastifyReply) => {
    req.actor = { userId: null, ip: req.ip, requestId: req.id };
    req.scope = { paths: [] };
    const access = req.routeOptions.config?.permission;
    if (!access || access === 'public') return;
    const token = req.cookies[SESSION_COOKIE];
    const principal = token ? await sessions.resolve(token) : null;
    if (!principal) {
      if (token) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw unauthenticated();
    }
    req.principal = principal;
    req.actor.userId = principal.userId;
    if (principal.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(`${req.method} ${req.routeOptions.url}`)) throw passwordChangeRequired();
    if (access === 'signed-in') return;
    const scope = scopeOf(principal, access);
    if (scope.paths.length === 0) throw forbidden();
    req.scope = scope;
  });
}
