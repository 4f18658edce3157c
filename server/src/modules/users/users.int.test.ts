import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let province: string;
let station: string;
let thaiNguyen: number;
let ducXuan: number;
let hanoi: number;

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: cookie ? { cookie } : {}, payload });

beforeAll(async () => {
  ctx = await createTestContext();
  thaiNguyen = await unitId(ctx, 'province', '19');
  ducXuan = await unitId(ctx, 'commune', '01840');
  hanoi = await unitId(ctx, 'province', '01');
  await createUser(ctx, 'soyte', [{ role: 'province', orgUnitId: thaiNguyen }]);
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'hanoi.user', [{ role: 'station', orgUnitId: hanoi }]);
  province = await signIn(ctx, 'soyte');
  station = await signIn(ctx, 'tram');
});
afterAll(() => ctx.close());

describe('users', () => {
  it('lists only users holding a role inside the caller scope', async () => {
    const res = await call('GET', '/api/users', province);
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('tram');
    expect(names).not.toContain('hanoi.user');
  });

  it('creates a user with a role in scope, audited, who must change the password', async () => {
    const res = await call('POST', '/api/users', province, { username: 'New.Nurse', fullName: 'Nguyễn Thị Hồng', password: 'first-password-1', roles: [{ role: 'committee', orgUnitId: ducXuan }] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'new.nurse', fullName: 'Nguyễn Thị Hồng', roles: [{ role: 'committee', orgUnit: { id: ducXuan } }] });
    const me = await call('GET', '/api/auth/me', await signIn(ctx, 'new.nurse', 'first-password-1'));
    expect(me.json().mustChangePassword).toBe(true);
    const audit = await ctx.database.db.selectFrom('audit_event').where('action', '=', 'user.create').selectAll().execute();
    expect(audit.map((a) => a.entity_id)).toContain(String(res.json().id));
  });

  it('names each bad field', async () => {
    const res = await call('POST', '/api/users', province, { username: 'x', fullName: ' ', password: 'short', roles: [{ role: 'station', orgUnitId: hanoi }] });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'fullName', 'password', 'roles.0.orgUnitId']));
    expect(res.json().errors[0].message).toMatch(/[à-ỹ]/);
  });

  it('refuses to grant a role above the caller', async () => {
    const country = await unitId(ctx, 'country', 'VN');
    const res = await call('POST', '/api/users', province, { username: 'sneaky', fullName: 'A', password: 'long-enough-1', roles: [{ role: 'admin', orgUnitId: thaiNguyen }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('roles.0.role');
    const outside = await call('POST', '/api/users', province, { username: 'sneaky', fullName: 'A', password: 'long-enough-1', roles: [{ role: 'province', orgUnitId: country }] });
    expect(outside.json().errors.map((e: { field: string }) => e.field)).toContain('roles.0.orgUnitId');
  });

  it('rejects a duplicate username with 409', async () => {
    const res = await call('POST', '/api/users', province, { username: 'tram', fullName: 'B', password: 'long-enough-1', roles: [{ role: 'committee', orgUnitId: ducXuan }] });
    expect(res.statusCode).toBe(409);
  });

  it('deactivates a user and ends their sessions', async () => {
    const id = await createUser(ctx, 'leaving', [{ role: 'station', orgUnitId: ducXuan }]);
    const cookie = await signIn(ctx, 'leaving');
    const res = await call('PATCH', `/api/users/${id}`, province, { active: false });
    expect(res.json().active).toBe(false);
    expect((await call('GET', '/api/auth/me', cookie)).statusCode).toBe(401);
  });

  it('answers 404 for a user outside the scope, 403 without the permission, 401 without a session', async () => {
    const other = await ctx.database.db.selectFrom('app_user').where('username', '=', 'hanoi.user').select('id').executeTakeFirstOrThrow();
    expect((await call('PATCH', `/api/users/${other.id}`, province, { fullName: 'X' })).statusCode).toBe(404);
    expect((await call('GET', '/api/users', station)).statusCode).toBe(403);
    expect((await call('GET', '/api/users')).statusCode).toBe(401);
    expect((await call('POST', '/api/users', undefined, {})).statusCode).toBe(401);
  });

  it('lists roles as data with their permissions', async () => {
    const res = await call('GET', '/api/roles', province);
    const committee = res.json().items.find((r: { code: string }) => r.code === 'committee');
    expect(committee.name.vi).toBe('UBND, cơ quan, đoàn thể');
    expect(committee.permissions).not.toContain('person.read');
    expect((await call('GET', '/api/roles')).statusCode).toBe(401);
  });
});
