/**
 * Browser hardening (issue 9, holes 7, 8 and the proxy part of 10): a state-changing request
 * from another origin — another port of the same host included — is refused; every answer
 * carries the security headers, every /api answer `no-store`; the client address in the audit
 * log comes from X-Forwarded-For only when a proxy is configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, signIn, unitId } from '../../test/harness.ts';

let ctx: TestContext;
let admin: string;
let country: number;

beforeAll(async () => {
  ctx = await createTestContext();
  country = await unitId(ctx, 'country', 'VN');
  await createUser(ctx, 'root', [{ role: 'admin', orgUnitId: country }]);
  admin = await signIn(ctx, 'root');
});
afterAll(() => ctx.close());

const createUserFrom = (headers: Record<string, string>, username: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { cookie: admin, host: 'ytcs.example:3000', ...headers },
    payload: { username, fullName: 'Tên', password: 'long-enough-1', roles: [{ role: 'station', orgUnitId: country }] },
  });
const userExists = async (username: string) => !!(await ctx.database.db.selectFrom('app_user').where('username', '=', username).select('id').executeTakeFirst());

describe('cross-origin writes (hole 7)', () => {
  it('refuses a write from another port of the same host, in Vietnamese and English, and writes nothing', async () => {
    const res = await createUserFrom({ origin: 'http://ytcs.example:8080' }, 'from.other.port');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'cross_origin', message: expect.stringContaining('trang khác'), messageEn: expect.stringContaining('another site') });
    expect(await userExists('from.other.port')).toBe(false);
  });

  it('refuses a write the browser marks same-site or cross-site, and an opaque origin', async () => {
    expect((await createUserFrom({ 'sec-fetch-site': 'same-site' }, 'same.site')).statusCode).toBe(403);
    expect((await createUserFrom({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }, 'cross.site')).statusCode).toBe(403);
    expect((await createUserFrom({ origin: 'null' }, 'opaque')).statusCode).toBe(403);
    expect((await createUserFrom({ origin: 'not a url' }, 'garbage')).statusCode).toBe(403);
  });

  it('refuses a cross-origin sign-out and sign-in too (forced logout, login CSRF)', async () => {
    const logout = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: admin, origin: 'http://localhost:9999', host: 'localhost:3000' } });
    expect(logout.statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin } })).statusCode).toBe(200);
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'sec-fetch-site': 'cross-site' }, payload: { username: 'root', password: 'test-password-1' } });
    expect(login.statusCode).toBe(403);
  });

  it('accepts the same origin, whichever header the browser sends', async () => {
    expect((await createUserFrom({ origin: 'http://ytcs.example:3000', 'sec-fetch-site': 'same-origin' }, 'same.a')).statusCode).toBe(201);
    expect((await createUserFrom({ origin: 'https://YTCS.example:3000' }, 'same.b')).statusCode).toBe(201);
    expect((await createUserFrom({ 'sec-fetch-site': 'same-origin' }, 'same.c')).statusCode).toBe(201);
  });

  it('accepts a client that is not a browser (neither header: no browser can be made to forge a cookie request without them)', async () => {
    expect((await createUserFrom({}, 'script.user')).statusCode).toBe(201);
  });

  it('leaves reads alone: a cross-origin GET cannot read the answer anyway', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin, origin: 'http://elsewhere.example' } });
    expect(res.statusCode).toBe(200);
  });
});

describe('security headers (hole 8)', () => {
  it('puts CSP, frame-ancestors, nosniff and a referrer policy on every answer', async () => {
    for (const url of ['/api/health', '/api/auth/me', '/some/page']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('marks every /api answer no-store, errors and personal data alike', async () => {
    for (const [url, cookie] of [['/api/auth/me', admin], ['/api/residents?limit=1', admin], ['/api/residents/999999', admin], ['/api/auth/me', undefined]] as const) {
      const res = await ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('keeps Swagger UI working under its own policy', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});

describe('client address (hole 10, proxies)', () => {
  const loginIp = async (c: TestContext, headers: Record<string, string>, remoteAddress?: string) => {
    const res = await c.app.inject({ method: 'POST', url: '/api/auth/login', headers, remoteAddress, payload: { username: 'root', password: 'test-password-1' } });
    expect(res.statusCode).toBe(200);
    const row = await c.database.db.selectFrom('audit_event').where('action', 'like', 'auth.login%').orderBy('id', 'desc').select('ip').executeTakeFirstOrThrow();
    return row.ip;
  };

  it('ignores X-Forwarded-For by default', async () => {
    expect(await loginIp(ctx, { 'x-forwarded-for': '203.0.113.9' })).toBe('127.0.0.1');
  });

  it('believes it only from a configured proxy', async () => {
    const proxied = await createTestContext({ YTCS_TRUST_PROXY: '10.0.0.5' });
    try {
      await createUser(proxied, 'root', [{ role: 'admin', orgUnitId: country }]);
      expect(await loginIp(proxied, { 'x-forwarded-for': '203.0.113.9' }, '10.0.0.5')).toBe('203.0.113.9');
      expect(await loginIp(proxied, { 'x-forwarded-for': '203.0.113.9' }, '192.0.2.7')).toBe('192.0.2.7');
    } finally {
      await proxied.close();
    }
  });
});
