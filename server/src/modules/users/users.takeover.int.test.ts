/** Issue 9, holes 2 and 3: no account takeover, no permission gained by granting. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestContext, createTestContext, createUser, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let province: string;
let root: string;
let thaiNguyen: number;
let ducXuan: number;
const ids = { admin: 0, auditor: 0, dual: 0, peer: 0, committee: 0, nurse: 0 };

const patch = (cookie: string, id: number, payload: object) => ctx.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie }, payload });
const fields = (res: { json: () => { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

beforeAll(async () => {
  ctx = await createTestContext();
  thaiNguyen = await unitId(ctx, 'province', '19');
  ducXuan = await unitId(ctx, 'commune', '01840');
  const hanoi = await unitId(ctx, 'province', '01');
  await createUser(ctx, 'soyte', [{ role: 'province', orgUnitId: thaiNguyen }]);
  await createUser(ctx, 'root', [{ role: 'admin', orgUnitId: await unitId(ctx, 'country', 'VN') }]);
  ids.admin = await createUser(ctx, 'admin.tn', [{ role: 'admin', orgUnitId: thaiNguyen }]);
  ids.auditor = await createUser(ctx, 'kiemsoat', [{ role: 'auditor', orgUnitId: thaiNguyen }]);
  ids.dual = await createUser(ctx, 'dual', [
    { role: 'committee', orgUnitId: ducXuan },
    { role: 'committee', orgUnitId: hanoi },
  ]);
  ids.peer = await createUser(ctx, 'soyte2', [{ role: 'province', orgUnitId: thaiNguyen }]);
  ids.committee = await createUser(ctx, 'ubnd', [{ role: 'committee', orgUnitId: ducXuan }]);
  ids.nurse = await createUser(ctx, 'nurse', [{ role: 'station', orgUnitId: ducXuan }]);
  province = await signIn(ctx, 'soyte');
  root = await signIn(ctx, 'root');
});
afterAll(() => ctx.close());

describe('editing a user needs scope over every role and a rank at least each (hole 2)', () => {
  it('hides from a province administrator an administrator at the province, the auditor, and a user with a role elsewhere', async () => {
    for (const [name, id] of [['admin.tn', ids.admin], ['kiemsoat', ids.auditor], ['dual', ids.dual]] as const) {
      expect((await patch(province, id, { password: 'taken-over-pw-1' })).statusCode).toBe(404);
      expect((await patch(province, id, { active: false })).statusCode).toBe(404);
      expect((await patch(province, id, { roles: [{ role: 'committee', orgUnitId: ducXuan }] })).statusCode).toBe(404);
      await signIn(ctx, name, TEST_PASSWORD); // unchanged and still active
    }
  });

  it('tells the list which users the caller may manage', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: province } });
    const canEdit = Object.fromEntries(res.json().items.map((u: { username: string; canEdit: boolean }) => [u.username, u.canEdit]));
    expect(canEdit).toMatchObject({ 'admin.tn': false, kiemsoat: false, dual: false, soyte2: true, ubnd: true, nurse: true });
    expect(JSON.stringify(res.json())).not.toContain('"path"');
  });

  it('lets the administrator above manage them', async () => {
    expect((await patch(root, ids.auditor, { fullName: 'Kiểm soát viên' })).statusCode).toBe(200);
    expect((await patch(root, ids.dual, { fullName: 'Hai tỉnh' })).statusCode).toBe(200);
  });

  it('still lets the province manage accounts wholly inside it at or below its rank', async () => {
    expect((await patch(province, ids.peer, { fullName: 'Đồng cấp' })).statusCode).toBe(200);
    expect((await patch(province, ids.committee, { password: 'a-new-password-1' })).statusCode).toBe(200);
    // Keeping a role the target already holds grants nothing new.
    expect((await patch(province, ids.nurse, { fullName: 'Y tá', roles: [{ role: 'station', orgUnitId: ducXuan }] })).statusCode).toBe(200);
  });

  it('refuses a password reset that would hand over permissions the caller lacks', async () => {
    const res = await patch(province, ids.nurse, { password: 'a-new-password-1' });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['password']);
    expect((await patch(root, ids.nurse, { password: 'a-new-password-1' })).statusCode).toBe(200);
  });
});

describe('granting a role needs every permission it carries at that unit (hole 3)', () => {
  it('refuses the province a station role carrying person.write and person.export', async () => {
    const res = await patch(province, ids.committee, { roles: [{ role: 'committee', orgUnitId: ducXuan }, { role: 'station', orgUnitId: ducXuan }] });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['roles.1.role']);
    expect(res.json().errors[0].message).toContain('person.write');
    expect(res.json().errors[0].message).toContain('person.export');
    const created = await ctx.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: province }, payload: { username: 'new.station', fullName: 'Trạm', password: 'long-enough-1', roles: [{ role: 'station', orgUnitId: ducXuan }] } });
    expect(created.statusCode).toBe(400);
    expect(fields(created)).toEqual(['roles.0.role']);
  });

  it('refuses the province the auditor role, which oversees it', async () => {
    const res = await patch(province, ids.committee, { roles: [{ role: 'auditor', orgUnitId: thaiNguyen }] });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['roles.0.role']);
  });

  it('lets an administrator holding every permission grant it', async () => {
    const res = await patch(root, ids.committee, { roles: [{ role: 'station', orgUnitId: ducXuan }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toMatchObject([{ role: 'station', orgUnit: { id: ducXuan } }]);
  });
});
