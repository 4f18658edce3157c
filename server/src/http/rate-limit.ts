/**
 * Request limits. Off by default: a route opts in with `config.rateLimit` ({ max, timeWindow,
 * keyGenerator }). Limits are counted after access control (preHandler), so a key may use the
 * signed-in principal; an answer over the limit is a 429 in Vietnamese and English.
 */
import rateLimit from '@fastify/rate-limit';
import { say } from '@ytcs/common';
import { AppError } from '../errors.ts';
import type { App } from './app-types.ts';

export async function installRateLimit(app: App) {
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    // Thrown by the plugin, so the one error handler answers it like every other error.
    errorResponseBuilder: (_req, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError(429, 'rate_limited', say('http.rateLimited', { seconds }), undefined, { retryAfterSeconds: seconds });
    },
  });
}
