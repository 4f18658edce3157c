import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestContext, createTestContext, createUser, signIn, unitId } from '../../../test/harness.ts';
import { LOCK_AFTER_FAILURES } from './auth.service.ts';
import { hashToken } from './auth.session.ts';

let ctx: TestContext;
let ducXuan: number;

const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  await createUser(ctx, 'nurse', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'victim', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'victim-2', [{ role: 'station', orgUnitId: ducXuan }]);
});
afterAll(() => ctx.close());

describe('sign in and out', () => {
  it('sets an HttpOnly SameSite cookie and answers who I am', async () => {
    const res = await login('NURSE', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ytcs_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `ytcs_session=${cookie?.value}` } });
    expect(me.json()).toMatchObject({ username: 'nurse', roles: [{ role: 'station', orgUnit: { id: ducXuan } }] });
    expect(me.json().permissions).toContain('person.read');
    expect(me.json().permissions).not.toContain('user.write');
  });

  it('refuses a wrong password in Vietnamese and English', async () => {
    const res = await login('nurse', 'wrong-password');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'wrong_credentials', message: 'Sai tên đăng nhập hoặc mật khẩu' });
    expect(res.json().messageEn).toContain('Wrong');
    expect((await login('nobody', 'x')).statusCode).toBe(401);
  });

  it('ends the session on logout', async () => {
    const cookie = await signIn(ctx, 'nurse');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++) expect((await login('victim', 'bad')).statusCode).toBe(401);
    const locked = await login('victim', 'bad');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('victim', TEST_PASSWORD)).statusCode).toBe(429);
    const failures = await ctx.database.db.selectFrom('audit_event').where('action', '=', 'auth.login_failed').select('id').execute();
    expect(failures.length).toBeGreaterThanOrEqual(LOCK_AFTER_FAILURES);
  });

  it('expires sessions', async () => {
    const cookie = await signIn(ctx, 'nurse');
    await ctx.database.db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000) }).execute();
    // The server keeps a resolved session for at most a few seconds; this test does not wait for it.
    const nurse = await ctx.database.db.selectFrom('app_user').where('username', '=', 'nurse').select('id').executeTakeFirstOrThrow();
    ctx.app.sessions.forgetUser(nurse.id);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('POST /api/auth/password', () => {
  it('changes the password, checks the old one, ends other sessions', async () => {
    await createUser(ctx, 'changer', [{ role: 'station', orgUnitId: ducXuan }]);
    const first = await signIn(ctx, 'changer');
    const second = await signIn(ctx, 'changer');
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: first }, payload: { currentPassword: 'nope', newPassword: 'a-new-password-1' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const ok = await ctx.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: first }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1' } });
    expect(ok.statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: second } })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first } })).statusCode).toBe(200);
    expect((await login('changer', 'a-new-password-1')).statusCode).toBe(200);
  });

  it('requires a session', async () => {
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'a', newPassword: 'b' } })).statusCode).toBe(401);
  });
});

describe('GET /api/health and the API document', () => {
  it('answers without a session', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', database: process.env.DATABASE_URL ? 'postgresql' : 'pglite' });
  });

  it('publishes OpenAPI 3 with every route', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/org-units', '/api/org-units/{id}', '/api/auth/login', '/api/users', '/api/audit']) expect(doc.paths).toHaveProperty([p]);
  });
});

describe('expired sessions', () => {
  it('are purged at sign-in, whether ended by idleness or by the absolute limit', async () => {
    const idle = await signIn(ctx, 'nurse');
    const old = await signIn(ctx, 'nurse');
    const live = await signIn(ctx, 'nurse');
    const hash = (cookie: string) => hashToken(cookie.split('=')[1] as string);
    await ctx.database.db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000) }).where('token_hash', '=', hash(idle)).execute();
    // Kept alive by use, but signed in more than 24 h ago.
    await ctx.database.db.updateTable('session').set({ created_at: new Date(Date.now() - 25 * 3600_000) }).where('token_hash', '=', hash(old)).execute();
    const nurse = await ctx.database.db.selectFrom('app_user').where('username', '=', 'nurse').select('id').executeTakeFirstOrThrow();
    ctx.app.sessions.forgetUser(nurse.id);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: old } })).statusCode).toBe(401);

    await signIn(ctx, 'victim-2');
    const left = await ctx.database.db.selectFrom('session').select('token_hash').execute();
    const hashes = left.map((s) => s.token_hash);
    expect(hashes).not.toContain(hash(idle));
    expect(hashes).not.toContain(hash(old));
    expect(hashes).toContain(hash(live));
  });

  it('are purged by the purge the server also runs every PURGE_EVERY_MS', async () => {
    await signIn(ctx, 'nurse');
    await ctx.database.db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000) }).execute();
    await ctx.app.sessions.purgeExpired();
    expect(await ctx.database.db.selectFrom('session').select('token_hash').execute()).toEqual([]);
  });
});
