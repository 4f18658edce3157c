import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestContext, createTestContext, createUser, signIn, unitId } from '../../../test/harness.ts';

// Demo-like: a province auditor of Thái Nguyên, stations in Thái Nguyên and in Hà Nội, and a
// country-wide administrator editing users of both. Events that name no unit (sign-ins, user
// edits, searches without a unit) must still reach the auditor of the province they concern.
let ctx: TestContext;
let admin: string;
let auditorTn: string;
let tramTn: number;
let tramHn: number;

/** A current commune of a province (by the province's code). */
async function communeOf(provinceCode: string): Promise<number> {
  const province = await unitId(ctx, 'province', provinceCode);
  const row = await ctx.database.db
    .selectFrom('org_unit')
    .where('level', '=', 'commune')
    .where('valid_to', 'is', null)
    .where('parent_id', '=', province)
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const list = async (cookie: string, query: string) => {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/audit?limit=500&${query}`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json().items as { action: string; entityId: string | null; userId: number | null; orgUnitIds: number[] }[];
};
const login = (username: string, password: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

beforeAll(async () => {
  ctx = await createTestContext();
  const country = await unitId(ctx, 'country', 'VN');
  const thaiNguyen = await unitId(ctx, 'province', '19');
  await createUser(ctx, 'root', [{ role: 'admin', orgUnitId: country }]);
  await createUser(ctx, 'dpo', [{ role: 'auditor', orgUnitId: thaiNguyen }]);
  tramTn = await createUser(ctx, 'tram.tn', [{ role: 'station', orgUnitId: await unitId(ctx, 'commune', '01840') }]);
  tramHn = await createUser(ctx, 'tram.hn', [{ role: 'station', orgUnitId: await communeOf('01') }]);
  admin = await signIn(ctx, 'root');
  auditorTn = await signIn(ctx, 'dpo');
  for (const username of ['tram.tn', 'tram.hn']) {
    const cookie = await signIn(ctx, username);
    // A search naming no unit, and a wrong password for the same account.
    expect((await ctx.app.inject({ method: 'GET', url: '/api/residents?q=nguyen', headers: { cookie } })).statusCode).toBe(200);
    expect((await login(username, 'wrong-password-1')).statusCode).toBe(401);
  }
  expect((await login('nobody.at.all', 'wrong-password-1')).statusCode).toBe(401);
  for (const id of [tramTn, tramHn]) {
    const res = await ctx.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie: admin }, payload: { fullName: 'Tên mới' } });
    expect(res.statusCode).toBe(200);
  }
  expect(TEST_PASSWORD).toBeTruthy();
});
afterAll(() => ctx.close());

describe('the units an audit event concerns', () => {
  it('shows a province auditor the sign-ins of users of the province, not of another province', async () => {
    const logins = await list(auditorTn, 'action=auth.login');
    expect(logins.map((e) => e.userId)).toContain(tramTn);
    expect(logins.map((e) => e.userId)).not.toContain(tramHn);
    expect(logins.find((e) => e.userId === tramTn)?.orgUnitIds).toEqual([await unitId(ctx, 'commune', '01840')]);
  });

  it('shows a failed sign-in for a known account to the auditor of that account’s units', async () => {
    const failed = await list(auditorTn, 'action=auth.login_failed');
    expect(failed.map((e) => e.entityId)).toEqual([String(tramTn)]);
  });

  it('keeps a failed sign-in under an unknown name country-wide', async () => {
    const failed = await list(admin, 'action=auth.login_failed');
    expect(failed).toHaveLength(3);
    expect(failed.filter((e) => e.orgUnitIds.length === 0)).toHaveLength(1);
  });

  it('shows the edits of a user to the auditor of the units where the user holds roles', async () => {
    const edits = await list(auditorTn, 'action=user.update');
    expect(edits.map((e) => e.entityId)).toContain(String(tramTn));
    expect(edits.map((e) => e.entityId)).not.toContain(String(tramHn));
    expect(await list(admin, 'action=user.update')).toHaveLength(2);
  });

  it('shows the province auditor a role moved out of the province (the units held before the edit)', async () => {
    const moved = await createUser(ctx, 'tram.moved', [{ role: 'station', orgUnitId: await unitId(ctx, 'commune', '01843') }]);
    const res = await ctx.app.inject({ method: 'PATCH', url: `/api/users/${moved}`, headers: { cookie: admin }, payload: { roles: [{ role: 'station', orgUnitId: await communeOf('01') }] } });
    expect(res.statusCode, res.body).toBe(200);
    const edits = await list(auditorTn, 'action=user.update');
    expect(edits.map((e) => e.entityId)).toContain(String(moved));
  });

  it('places a search without a unit at the searching user’s units', async () => {
    const searches = await list(auditorTn, 'action=resident.search');
    expect(searches.map((e) => e.userId)).toEqual([tramTn]);
  });

  it('counts the same events in the total as in the page', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/audit?limit=1', headers: { cookie: auditorTn } });
    const all = await list(auditorTn, '');
    expect(res.json().total).toBe(all.length);
    expect(all.some((e) => e.userId === tramHn)).toBe(false);
  });
});
