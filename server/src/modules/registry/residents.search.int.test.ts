import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';

// The search names the communes of a narrow scope (for the commune-keyed index) and caps a broad
// name search at 1,001 matches. Neither may change who is found.
let ctx: TestContext;
let station: string;
let villageWorker: string;
let province: string;
let ducXuan: number;
let other: number;

const search = async (cookie: string, query: string) => {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/residents?${query}`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { fullName: string; villageId: number | null; communeId: number }[]; total: number; totalCapped?: boolean };
};

/** `n` people of the same name, straight into the table (the API would take one request each). */
async function addPeople(n: number, fullName: string, communeId: number, villageId: number | null) {
  await sql`
    insert into resident (commune_id, village_id, full_name, sex, birth_year)
    select ${communeId}, ${villageId}, ${fullName}, 'female', 1950 + (i % 50) from generate_series(1, ${n}) as i
  `.execute(ctx.database.db);
}

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  other = await unitId(ctx, 'commune', '01843');
  const provinceId = (await ctx.database.db.selectFrom('org_unit').where('id', '=', ducXuan).select('parent_id').executeTakeFirstOrThrow()).parent_id as number;
  const village1 = await createVillage(ctx, ducXuan, 'Tổ 1');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'thon1', [{ role: 'village_worker', orgUnitId: village1 }]);
  await createUser(ctx, 'soyte', [{ role: 'province', orgUnitId: provinceId }]);
  station = await signIn(ctx, 'tram');
  villageWorker = await signIn(ctx, 'thon1');
  province = await signIn(ctx, 'soyte');
  // Đức Xuân: 300 in a village (home unit = the village), 450 with no village; 400 elsewhere.
  await addPeople(300, 'Lương Thị Cúc', ducXuan, village1);
  await addPeople(450, 'Lương Thị Cúc', ducXuan, null);
  await addPeople(400, 'Lương Thị Cúc', other, null);
  await addPeople(2, 'Cúc', other, null);
  await addPeople(3, 'Ma Văn Xoan', other, null);
});
afterAll(() => ctx.close());

describe('searching residents by commune', () => {
  it('finds the commune’s residents in its villages and without a village, and counts them all', async () => {
    const body = await search(station, 'q=cuc&limit=500');
    expect(body.total).toBe(750);
    expect(body.totalCapped).toBe(false);
    expect(body.items.filter((r) => r.villageId !== null)).not.toHaveLength(0);
    expect(body.items.every((r) => r.communeId === ducXuan)).toBe(true);
  });

  it('finds a village worker’s village only', async () => {
    const body = await search(villageWorker, 'q=luong cuc');
    expect(body.total).toBe(300);
    expect(body.items.every((r) => r.villageId !== null)).toBe(true);
  });

  it('narrows a province user to the unit asked for, uncapped', async () => {
    const body = await search(province, `q=cuc&orgUnit=${ducXuan}`);
    expect(body).toMatchObject({ total: 750, totalCapped: false });
  });
});

describe('searching a province', () => {
  it('stops counting a broad name search past 1,000 and says so', async () => {
    const body = await search(province, 'q=cuc&limit=20');
    expect(body).toMatchObject({ total: 1001, totalCapped: true });
    expect(body.items).toHaveLength(20);
    expect(body.items.every((r) => r.fullName.endsWith('Cúc'))).toBe(true);
    // Past the capped set: no rows, the same capped total.
    expect(await search(province, 'q=cuc&limit=20&offset=1020')).toMatchObject({ items: [], total: 1001, totalCapped: true });
  });

  it('counts and ranks a search under the cap exactly', async () => {
    expect(await search(province, 'q=xoan')).toMatchObject({ total: 3, totalCapped: false });
    const exact = await search(province, `q=cuc&limit=3&orgUnit=${other}`);
    expect(exact).toMatchObject({ total: 402, totalCapped: false });
    expect(exact.items.map((r) => r.fullName)).toEqual(['Cúc', 'Cúc', 'Lương Thị Cúc']);
  });
});

describe('ordering residents', () => {
  it('orders by given name, then family name, when asked; by full name otherwise', async () => {
    await addPeople(1, 'Trần Văn An', other, null);
    await addPeople(1, 'Lê Thị An', other, null);
    await addPeople(1, 'Đỗ Thị Đào', other, null);
    const names = async (order: string) => (await search(province, `q=an&${order}limit=10`)).items.map((r) => r.fullName);
    expect(await names('order=given_name&')).toEqual(['Lê Thị An', 'Trần Văn An']);
    const all = (await search(province, `orgUnit=${other}&order=given_name&limit=500`)).items.map((r) => r.fullName);
    // An, An, Cúc…, Đào, Xoan: by given name whatever the family name.
    expect(all.slice(0, 2)).toEqual(['Lê Thị An', 'Trần Văn An']);
    expect(all.indexOf('Đỗ Thị Đào')).toBeGreaterThan(all.lastIndexOf('Lương Thị Cúc'));
    expect(all.at(-1)).toBe('Ma Văn Xoan');
    const byName = (await search(province, `orgUnit=${other}&limit=500`)).items.map((r) => r.fullName);
    expect(byName[0]).toBe('Cúc');
    expect(byName.indexOf('Đỗ Thị Đào')).toBeLessThan(byName.indexOf('Lê Thị An'));
  });

  it('refuses an unknown order with 400', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/residents?order=age', headers: { cookie: province } });
    expect(res.statusCode).toBe(400);
  });
});
