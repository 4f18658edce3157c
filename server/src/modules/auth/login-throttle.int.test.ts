import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestContext, createTestContext, createUser, unitId } from '../../../test/harness.ts';
import { ACCOUNT_CEILING, LOCK_AFTER_FAILURES, LOGIN_PER_SOURCE_PER_MINUTE } from './login-throttle.ts';

let ctx: TestContext;
let ducXuan: number;

// Each test signs in from its own loopback addresses, so the per-source limit of one test does
// not reach another.
const login = (username: string, password: string, source: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: source });

const auditCount = async (action: string, ip: string) =>
  (await ctx.database.db.selectFrom('audit_event').where('action', '=', action).where('ip', '=', ip).select('id').execute()).length;

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  for (const name of ['burst', 'spread', 'owner', 'known', 'known2', 'slowed', 'warned']) await createUser(ctx, name, [{ role: 'station', orgUnitId: ducXuan }]);
});
afterAll(() => ctx.close());

describe('sign-in throttle', () => {
  it('counts every attempt of a concurrent burst and checks only the allowed number of passwords', async () => {
    const source = '127.0.1.1';
    const burst = 20;
    const answers = await Promise.all(Array.from({ length: burst }, () => login('burst', 'wrong-password', source)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOCK_AFTER_FAILURES - 1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(burst - LOCK_AFTER_FAILURES + 1);
    // Exactly LOCK_AFTER_FAILURES passwords were checked; the others were refused unchecked.
    expect(await auditCount('auth.login_failed', source)).toBe(LOCK_AFTER_FAILURES);
    expect(await auditCount('auth.login_locked', source)).toBe(burst - LOCK_AFTER_FAILURES);
    expect((await login('burst', TEST_PASSWORD, source)).statusCode).toBe(429);
  });

  it('counts all 40 failures of a burst from 40 sources against the account', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login('spread', 'wrong-password', `127.0.2.${i + 1}`)));
    expect(answers.every((a) => a.statusCode === 401 || a.statusCode === 429)).toBe(true);
    const account = await ctx.database.db.selectFrom('login_attempt').where('username', '=', 'spread').where('source', '=', '').select('failures').executeTakeFirstOrThrow();
    expect(account.failures).toBe(40);
  });

  it('lets the owner sign in from another source while an attacker hammers the account', async () => {
    const attacker = '127.0.3.1';
    for (let i = 0; i < LOCK_AFTER_FAILURES + 3; i++) await login('owner', `guess-${i}`, attacker);
    const refused = await login('owner', TEST_PASSWORD, attacker);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('owner', TEST_PASSWORD, '127.0.3.2')).statusCode).toBe(200);
  });

  it('answers an unknown username exactly as a known one', async () => {
    const sequence = async (username: string, source: string) => {
      const out: string[] = [];
      for (let i = 0; i < LOCK_AFTER_FAILURES + 2; i++) {
        const res = await login(username, 'wrong-password', source);
        out.push(`${res.statusCode} ${res.json().code} ${res.headers['retry-after'] ?? ''}`);
      }
      return out;
    };
    const known = await sequence('known', '127.0.4.1');
    const unknown = await sequence('no-such-account', '127.0.4.2');
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatch(/^429 too_many_attempts \d+$/);
  });

  it('doubles the wait of a source that fails again after its wait', async () => {
    const source = '127.0.5.1';
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await login('known2', 'wrong-password', source);
    await ctx.database.db.updateTable('login_attempt').set({ locked_until: new Date(Date.now() - 1000) }).where('source', '=', source).execute();
    const again = await login('known2', 'wrong-password', source);
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(60);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(120);
  });

  it('slows rather than locks an account past its ceiling: one check per new source, the owner still signs in', async () => {
    for (let i = 0; i < ACCOUNT_CEILING; i++) expect((await login('slowed', 'wrong-password', `127.0.6.${i + 1}`)).statusCode).toBe(401);
    expect((await login('slowed', 'wrong-password', '127.0.7.1')).statusCode).toBe(429);
    expect((await login('slowed', TEST_PASSWORD, '127.0.7.2')).statusCode).toBe(200);
  });

  it('says how many attempts remain when few do, the same for an unknown name', async () => {
    const sequence = async (username: string, source: string) => {
      const out: (number | undefined)[] = [];
      for (let i = 1; i < LOCK_AFTER_FAILURES; i++) {
        const res = await login(username, 'wrong-password', source);
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('wrong_credentials');
        out.push(res.json().attemptsLeft);
      }
      return out;
    };
    const known = await sequence('warned', '127.0.9.1');
    expect(known).toEqual([undefined, undefined, 2, 1]);
    expect(await sequence('no-such-warned', '127.0.9.2')).toEqual(known);
    const answers = [];
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++) answers.push((await login('warned', 'wrong-password', '127.0.9.3')).json());
    expect(answers[0].message).toBe('Sai tên đăng nhập hoặc mật khẩu');
    const lastOne = answers.at(-1);
    expect(lastOne).toMatchObject({ attemptsLeft: 1, message: expect.stringContaining('còn 1 lần') });
    expect(lastOne.messageEn).toMatch(/attempts left.*: 1$/);
  });

  it('limits sign-ins per source whatever the username, with Retry-After', async () => {
    const source = '127.0.8.1';
    for (let i = 0; i < LOGIN_PER_SOURCE_PER_MINUTE; i++) expect((await login(`nobody-${i}`, 'wrong-password', source)).statusCode).toBe(401);
    const limited = await login('owner', TEST_PASSWORD, source);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('owner', TEST_PASSWORD, '127.0.8.2')).statusCode).toBe(200);
  });
});
