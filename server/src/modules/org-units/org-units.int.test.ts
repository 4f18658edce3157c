import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';
import { up } from '../../db/migrations/2026_12_03_0021_official_unit_names.ts';

let ctx: TestContext;
let admin: string;
let commune: string;
let ducXuan: number;
let oldHuyenTung: number;

const get = async (cookie: string | undefined, url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  return { status: res.statusCode, body: res.json() };
};

beforeAll(async () => {
  ctx = await createTestContext();
  const country = await unitId(ctx, 'country', 'VN');
  ducXuan = await unitId(ctx, 'commune', '01840');
  oldHuyenTung = await unitId(ctx, 'commune', '01846', false);
  await createUser(ctx, 'root', [{ role: 'admin', orgUnitId: country }]);
  await createUser(ctx, 'ducxuan', [{ role: 'station', orgUnitId: ducXuan }]);
  admin = await signIn(ctx, 'root');
  commune = await signIn(ctx, 'ducxuan');
});
afterAll(() => ctx.close());

describe('GET /api/org-units', () => {
  it('gives the 2025 structure as of 2026-01-01: 34 provinces, 3,321 communes', async () => {
    expect((await get(admin, '/api/org-units?level=province&asOf=2026-01-01&limit=1')).body.total).toBe(34);
    expect((await get(admin, '/api/org-units?level=commune&asOf=2026-01-01&limit=1')).body.total).toBe(3321);
  });

  it('gives the old structure as of 2025-06-30: 63 provinces, 10,056 communes', async () => {
    expect((await get(admin, '/api/org-units?level=province&asOf=2025-06-30&limit=1')).body.total).toBe(63);
    expect((await get(admin, '/api/org-units?level=commune&asOf=2025-06-30&limit=1')).body.total).toBe(10056);
  });

  it('searches names without diacritics, đ as d', async () => {
    const res = await get(admin, `/api/org-units?q=${encodeURIComponent('duc xuan')}&level=commune&asOf=2026-01-01`);
    expect(res.body.items.map((u: { name: string }) => u.name)).toContain('Phường Đức Xuân');
    const upper = await get(admin, `/api/org-units?q=${encodeURIComponent('ĐỨC XUÂN')}&level=commune&asOf=2026-01-01`);
    expect(upper.body.total).toBe(res.body.total);
  });

  it('lists children of a parent, paged', async () => {
    const thaiNguyen = await unitId(ctx, 'province', '19');
    const page1 = await get(admin, `/api/org-units?parent=${thaiNguyen}&limit=10&offset=0`);
    const page2 = await get(admin, `/api/org-units?parent=${thaiNguyen}&limit=10&offset=10`);
    expect(page1.body.total).toBe(92);
    expect(page1.body.items).toHaveLength(10);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
  });

  it('limits a commune account to its commune, including the history merged into it', async () => {
    const now = await get(commune, '/api/org-units?asOf=2026-01-01');
    expect(now.body.items.map((u: { name: string }) => u.name)).toEqual(['Phường Đức Xuân']);
    const before = await get(commune, '/api/org-units?level=commune&asOf=2025-06-30');
    expect(before.body.items.map((u: { name: string }) => u.name).sort()).toEqual(['Phường Huyền Tụng', 'Phường Nguyễn Thị Minh Khai', 'Phường Đức Xuân']);
    expect((await get(commune, '/api/org-units?level=province&asOf=2026-01-01')).body.total).toBe(0);
  });

  it('refuses without a session', async () => {
    expect((await get(undefined, '/api/org-units')).status).toBe(401);
  });

  it('rejects a malformed date with the field named', async () => {
    const res = await get(admin, '/api/org-units?asOf=30/06/2025');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('asOf');
  });
});

describe('GET /api/org-units/{id}', () => {
  it('shows validity, ancestors, predecessors and notes of a merged commune', async () => {
    const res = await get(admin, `/api/org-units/${ducXuan}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: '01840', validFrom: '2025-07-01', validTo: null });
    expect(res.body.ancestors.map((a: { name: string }) => a.name)).toEqual(['Việt Nam', 'Tỉnh Thái Nguyên']);
    expect(res.body.predecessors.map((p: { code: string }) => p.code).sort()).toEqual(['01834', '01840', '01846']);
    expect(res.body.predecessors[0].note).toBe('Nhập toàn bộ');
  });

  it('shows the successor of a closed commune', async () => {
    const res = await get(commune, `/api/org-units/${oldHuyenTung}`);
    expect(res.status).toBe(200);
    expect(res.body.validTo).toBe('2025-06-30');
    expect(res.body.successors.map((s: { id: number }) => s.id)).toEqual([ducXuan]);
  });

  it('describes the unit as of the date asked: its children then, and whether it existed', async () => {
    const city = await unitId(ctx, 'district', '058', false);
    const before = await get(admin, `/api/org-units/${city}?asOf=2025-06-30`);
    expect(before.body).toMatchObject({ name: 'Thành phố Bắc Kạn', kind: 'city', asOf: '2025-06-30', stateOnDate: 'valid', childCount: 8 });
    const after = await get(admin, `/api/org-units/${city}?asOf=2026-01-01`);
    expect(after.body).toMatchObject({ asOf: '2026-01-01', stateOnDate: 'closed', childCount: 0 });
    const thaiNguyen = await unitId(ctx, 'province', '19');
    expect((await get(admin, `/api/org-units/${thaiNguyen}?asOf=2025-06-30`)).body).toMatchObject({ stateOnDate: 'future', childCount: 0 });
    expect((await get(admin, `/api/org-units/${thaiNguyen}?asOf=2026-01-01`)).body).toMatchObject({ stateOnDate: 'valid', childCount: 92 });
    expect((await get(admin, `/api/org-units/${thaiNguyen}?asOf=2025-13-01`)).status).toBe(400);
  });

  it('answers 404 outside the caller scope and 401 without a session', async () => {
    const hanoi = await unitId(ctx, 'province', '01');
    expect((await get(commune, `/api/org-units/${hanoi}`)).status).toBe(404);
    expect((await get(undefined, `/api/org-units/${ducXuan}`)).status).toBe(401);
    expect((await get(admin, '/api/org-units/999999999')).status).toBe(404);
  });
});

describe('GET /api/org-units?roots=true', () => {
  it('gives the tops of the caller tree as of the date', async () => {
    const names = async (cookie: string, asOf: string) => (await get(cookie, `/api/org-units?roots=true&asOf=${asOf}`)).body.items.map((u: { name: string }) => u.name).sort();
    expect(await names(admin, '2026-01-01')).toEqual(['Việt Nam']);
    expect(await names(commune, '2026-01-01')).toEqual(['Phường Đức Xuân']);
    expect(await names(commune, '2025-06-30')).toEqual(['Phường Huyền Tụng', 'Phường Nguyễn Thị Minh Khai', 'Phường Đức Xuân']);
  });
});

describe('official unit names on a database loaded before they were normalised', () => {
  it('puts the kind words and the kind right, leaving villages alone', async () => {
    const { db } = ctx.database;
    const city = await unitId(ctx, 'district', '058', false);
    const village = await createVillage(ctx, ducXuan, 'xã Thành Phố cũ');
    const township = await unitId(ctx, 'commune', '01888', false);
    await db.updateTable('org_unit').set({ name: 'Thành Phố Bắc Kạn', kind: 'commune' }).where('id', '=', city).execute();
    await db.updateTable('org_unit').set({ kind: 'town' }).where('id', '=', township).execute();
    await up(db as never);
    const rows = await db.selectFrom('org_unit').where('id', 'in', [city, village, township]).select(['id', 'name', 'kind', 'name_folded']).execute();
    expect(rows.find((r) => r.id === township)).toMatchObject({ name: 'Thị trấn Chợ Rã', kind: 'township' });
    expect(rows.find((r) => r.id === city)).toMatchObject({ name: 'Thành phố Bắc Kạn', kind: 'city', name_folded: 'thanh pho bac kan' });
    expect(rows.find((r) => r.id === village)).toMatchObject({ name: 'xã Thành Phố cũ', kind: 'village' });
  });
});
