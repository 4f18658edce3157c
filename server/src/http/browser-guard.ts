/**
 * What the browser is told and asked (issue 9, holes 7 and 8).
 *
 * Cross-site writes: SameSite=Lax cookies still ride along on requests from *another port of the
 * same host* (same site, different origin), so every state-changing /api request must show it
 * comes from our own origin. Browsers mark every such request: Sec-Fetch-Site (all current
 * browsers) and Origin (sent on every non-GET fetch/form since 2020). The rule:
 *   - Sec-Fetch-Site present: only `same-origin` (or `none`, a user typing/bookmarking) passes;
 *   - else Origin present: its host:port must equal the request's Host; `null` never passes;
 *   - neither present: not a browser (curl, scripts, app.inject). A page cannot make a browser
 *     drop both, so this opens no cross-site path, and scripts keep working without a token.
 *
 * Headers: one Content-Security-Policy the built web app runs under (Vite modules from 'self',
 * antd's CSS-in-JS needs inline <style>, ECharts' PNG export uses data:/blob: images), no framing,
 * nosniff, no referrer; every /api answer `no-store` because it may carry personal data.
 */
import helmet from '@fastify/helmet';
import { say } from '@ytcs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { App } from './app-types.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const crossOrigin = () => new AppError(403, 'cross_origin', say('http.crossOrigin'));

function urlOf(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** True when a browser says the request comes from our own origin, or no browser sent it. */
export function isSameOrigin(headers: Record<string, string | string[] | undefined>, requestHost: string): boolean {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (typeof origin !== 'string') return false;
  const from = urlOf(origin);
  // The Host is read with the Origin's scheme, so "localhost:80" and "http://localhost" agree.
  return from !== null && from.host === urlOf(`${from.protocol}//${requestHost}`)?.host;
}

export async function installBrowserGuard(app: App) {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // No upgrade-insecure-requests: a station's LAN server on plain http would break.
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Plain-http LAN deployments exist; HSTS is the reverse proxy's business where TLS ends.
    strictTransportSecurity: false,
  });

  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (!STATE_CHANGING.has(req.method) || !req.url.startsWith('/api/')) return;
    if (!isSameOrigin(req.headers, req.host)) throw crossOrigin();
  });

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
