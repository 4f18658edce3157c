/** Sign in, sign out, who am I, change my password. */
import { Credentials, LoginResult, Me, PasswordChange } from '@ytcs/common';
import { contextOf, signedInContext } from '../../access/context.ts';
import type { App } from '../../http/app-types.ts';
import { authService } from './auth.service.ts';
import { SESSION_COOKIE } from './auth.session.ts';
import { LOGIN_PER_SOURCE_PER_MINUTE } from './login-throttle.ts';

export async function authRoutes(app: App) {
  const auth = authService(app.db, app.sessions);
  const cookieOptions = (req: { protocol: string }) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: req.protocol === 'https',
  });

  app.post('/api/auth/login', {
    schema: { tags: ['auth'], operationId: 'login', body: Credentials, response: { 200: LoginResult } },
    // Per source, whatever the username: guessing across many accounts is slowed too.
    config: { permission: 'public', rateLimit: { max: LOGIN_PER_SOURCE_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (req) => req.ip } },
    handler: async (req, reply) => {
      const { session, user } = await auth.login(contextOf(req), req.body.username, req.body.password);
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions(req), expires: session.expiresAt });
      return { user };
    },
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], operationId: 'me', response: { 200: Me } },
    config: { permission: 'signed-in' },
    handler: (req) => auth.me(signedInContext(req)),
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], operationId: 'logout' },
    config: { permission: 'signed-in' },
    handler: async (req, reply) => {
      await auth.logout(signedInContext(req));
      reply.clearCookie(SESSION_COOKIE, cookieOptions(req));
      return reply.code(204).send();
    },
  });

  app.post('/api/auth/password', {
    schema: { tags: ['auth'], operationId: 'changePassword', body: PasswordChange },
    config: { permission: 'signed-in' },
    handler: async (req, reply) => {
      await auth.changePassword(signedInContext(req), req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send();
    },
  });
}
