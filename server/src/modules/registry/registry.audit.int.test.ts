import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';

// Issue 9, hole 10 (registry): a search records whom it returned, the household list (it names
// heads) is audited, and an event without a unit asked for is filed under the caller's scope.
let ctx: TestContext;
let station: string;
let villageWorker: string;
let twoCommunes: string;
let ducXuan: number;
let otherCommune: number;
let village1: number;
let province: number;

const get = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
const lastEvent = (action: string) => ctx.database.db.selectFrom('audit_event').where('action', '=', action).selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  otherCommune = await unitId(ctx, 'commune', '01843');
  province = (await ctx.database.db.selectFrom('org_unit').where('id', '=', ducXuan).select('parent_id').executeTakeFirstOrThrow()).parent_id as number;
  village1 = await createVillage(ctx, ducXuan, 'Thôn 1');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'thon1', [{ role: 'village_worker', orgUnitId: village1 }]);
  await createUser(ctx, 'hai', [{ role: 'station', orgUnitId: ducXuan }, { role: 'station', orgUnitId: otherCommune }]);
  station = await signIn(ctx, 'tram');
  villageWorker = await signIn(ctx, 'thon1');
  twoCommunes = await signIn(ctx, 'hai');
  // 520 people of Đức Xuân (20 in village 1), straight into the table.
  await sql`insert into resident (commune_id, village_id, full_name, sex, birth_year, citizen_id)
    select ${ducXuan}, case when i <= 20 then ${village1}::bigint end, 'Hoàng Thị Lan', 'female', 1950 + (i % 50), '0191' || lpad(i::text, 8, '0')
    from generate_series(1, 520) as i`.execute(ctx.database.db);
  const hh = await ctx.app.inject({ method: 'POST', url: '/api/households', headers: { cookie: station }, payload: { unitId: village1, address: 'Số 1', members: [{ fullName: 'Lò Văn Chủ', sex: 'male', birthYear: 1960, relationship: 'head' }] } });
  expect(hh.statusCode).toBe(201);
});
afterAll(() => ctx.close());

describe('auditing a search of residents', () => {
  it('lists the ids it returned, page by page, without the search text', async () => {
    const page = (await get('/api/residents?q=lan&limit=500', station)).json();
    expect(page.items).toHaveLength(500);
    const event = await lastEvent('resident.search');
    expect((event.details as { residents: number[] }).residents).toEqual(page.items.map((r: { id: number }) => r.id));
    const next = (await get('/api/residents?q=lan&limit=500&offset=500', station)).json();
    expect(((await lastEvent('resident.search')).details as { residents: number[] }).residents).toEqual(next.items.map((r: { id: number }) => r.id));
    const byId = (await get('/api/residents?q=019100000007', station)).json();
    const idEvent = await lastEvent('resident.search');
    expect(idEvent.details).toMatchObject({ kind: 'citizen_id', residents: [byId.items[0].id] });
    expect(JSON.stringify(idEvent)).not.toContain('019100000007');
  });

  it('files a search without a unit under the caller’s scope: the commune, the village, or above two communes', async () => {
    await get('/api/residents?q=lan', station);
    expect(await lastEvent('resident.search')).toMatchObject({ org_unit_id: ducXuan, details: expect.objectContaining({ scope: [ducXuan] }) });
    await get('/api/residents?q=lan', villageWorker);
    expect(await lastEvent('resident.search')).toMatchObject({ org_unit_id: village1 });
    await get('/api/residents?q=lan', twoCommunes);
    const both = await lastEvent('resident.search');
    expect(both.org_unit_id).toBe(province);
    expect((both.details as { scope: number[] }).scope.sort()).toEqual([ducXuan, otherCommune].sort());
    await get(`/api/residents?q=lan&orgUnit=${village1}`, station);
    expect(await lastEvent('resident.search')).toMatchObject({ org_unit_id: village1 });
  });
});

describe('auditing the household list', () => {
  it('records the households listed and the heads it named, under the unit listed', async () => {
    const list = (await get('/api/households', villageWorker)).json();
    expect(list.items).toHaveLength(1);
    const event = await lastEvent('household.list');
    expect(event).toMatchObject({ user_id: expect.any(Number), entity_type: 'household', org_unit_id: village1 });
    expect(event.details).toMatchObject({ households: [list.items[0].id], residents: [list.items[0].headId] });
    await get(`/api/households?orgUnit=${ducXuan}&q=lo`, station);
    expect(await lastEvent('household.list')).toMatchObject({ org_unit_id: ducXuan, details: expect.objectContaining({ searched: true }) });
    expect(JSON.stringify(await lastEvent('household.list'))).not.toContain('Lò');
  });

  it('records the members a household page showed', async () => {
    const id = (await get('/api/households', station)).json().items[0].id;
    const detail = (await get(`/api/households/${id}`, station)).json();
    expect((await lastEvent('household.read')).details).toMatchObject({ residents: detail.members.map((m: { id: number }) => m.id) });
  });
});
