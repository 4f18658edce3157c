/**
 * Pregnancies end to end: registered by the station, the antenatal list with each standing (the
 * SQL twin agreeing with common's ancStanding on many pregnancies), the outcome registering the
 * newborn into the household with its birth weight, and the scope of a village health worker.
 */
import { ancStanding, eddFromLmp, todayIso } from '@ytcs/common';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';
import { ancStandingOn, sqlDate } from '../../db/rules.ts';

let ctx: TestContext;
let station: string;
let villageWorker: string;
let village: number;
let otherVillage: number;

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const as = (cookie: string) => (method: 'GET' | 'POST', url: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie }, payload });

async function woman(fullName: string, unit = village, sex = 'female') {
  const res = await as(station)('POST', '/api/residents', { unitId: unit, fullName, sex, birthYear: 1995 });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}
const antenatal = (id: number, date: string) => as(station)('POST', `/api/residents/${id}/encounters`, { date, type: 'antenatal' });

beforeAll(async () => {
  ctx = await createTestContext();
  const commune = await unitId(ctx, 'commune', '01840');
  village = await createVillage(ctx, commune, 'Tổ dân phố 8');
  otherVillage = await createVillage(ctx, commune, 'Tổ dân phố 9');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: commune }]);
  await createUser(ctx, 'thon8', [{ role: 'village_worker', orgUnitId: village }]);
  station = await signIn(ctx, 'tram');
  villageWorker = await signIn(ctx, 'thon8');
});
afterAll(() => ctx.close());

describe('registering a pregnancy', () => {
  it('dates it from the last period, and refuses what cannot be', async () => {
    const id = await woman('Hoàng Thị Mai');
    const lmp = daysAgo(60);
    const res = await as(station)('POST', `/api/residents/${id}/pregnancies`, { lmp, gravida: 2, para: 1, risks: ['anaemia'] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ lmp, edd: eddFromLmp(lmp), status: 'ongoing', standing: 'due', visits: [], risks: ['anaemia'] });
    // A second ongoing pregnancy, no date, a man, a date years off: each refused with its reason.
    expect((await as(station)('POST', `/api/residents/${id}/pregnancies`, { lmp })).statusCode).toBe(409);
    const other = await woman('Lý Thị Nga');
    expect((await as(station)('POST', `/api/residents/${other}/pregnancies`, {})).json().errors[0]).toMatchObject({ field: 'lmp', message: 'Cần ngày đầu kỳ kinh cuối hoặc ngày dự sinh' });
    expect((await as(station)('POST', `/api/residents/${other}/pregnancies`, { edd: '2031-01-01' })).json().errors[0].field).toBe('edd');
    // Her visit is counted and dated in the station's list.
    expect((await antenatal(id, daysAgo(5))).statusCode).toBe(201);
    const listed = (await as(station)('GET', `/api/pregnancies?orgUnit=${village}&limit=200`)).json().items.find((r: { fullName: string }) => r.fullName === 'Hoàng Thị Mai');
    expect(listed).toMatchObject({ visits: 1, lastVisit: daysAgo(5), weeks: 8, standing: 'on_track' });
    const man = await woman('Nông Văn Tài', village, 'male');
    expect((await as(station)('POST', `/api/residents/${man}/pregnancies`, { lmp })).statusCode).toBe(400);
  });
});

describe('the antenatal list', () => {
  it('judges each pregnancy in SQL as common’s ancStanding does', async () => {
    // Pregnancies from week 2 to week 39, with visits scattered over their trimesters.
    const cases: { lmpDaysAgo: number; visitDaysAgo: number[] }[] = [];
    for (let weeks = 2; weeks <= 39; weeks += 3) {
      const age = weeks * 7 + 3;
      cases.push({ lmpDaysAgo: age, visitDaysAgo: [] });
      cases.push({ lmpDaysAgo: age, visitDaysAgo: [age - 60].filter((d) => d >= 0) });
      cases.push({ lmpDaysAgo: age, visitDaysAgo: [age - 50, age - 120, age - 200, age - 230].filter((d) => d >= 0) });
      cases.push({ lmpDaysAgo: age, visitDaysAgo: [age - 150, age - 205].filter((d) => d >= 0) });
    }
    const ids: number[] = [];
    for (const [n, c] of cases.entries()) {
      const id = await woman(`Thai Phụ ${String.fromCharCode(97 + Math.floor(n / 26))}${String.fromCharCode(97 + (n % 26))}`);
      const res = await as(station)('POST', `/api/residents/${id}/pregnancies`, { lmp: daysAgo(c.lmpDaysAgo) });
      expect(res.statusCode, res.body).toBe(201);
      for (const v of c.visitDaysAgo) expect((await antenatal(id, daysAgo(v))).statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const today = todayIso();
    const { rows } = await sql<{ id: string; standing: string }>`select p.id, ${ancStandingOn('p', sqlDate(today))} as standing from pregnancy p where p.id = any(${ids}::bigint[]) order by p.id`.execute(ctx.database.db);
    const expected = cases.map((c) => ancStanding(eddFromLmp(daysAgo(c.lmpDaysAgo)), c.visitDaysAgo.map(daysAgo), today));
    expect(rows.map((r) => r.standing)).toEqual(expected);
    expect(new Set(expected)).toEqual(new Set(['missed', 'due', 'on_track']));

    // The list: missed first, then due; filtered by standing.
    const list = (await as(station)('GET', `/api/pregnancies?orgUnit=${village}&limit=200`)).json();
    const order = { missed: 0, due: 1, on_track: 2 } as const;
    const standings = list.items.map((r: { standing: keyof typeof order }) => order[r.standing]);
    expect(standings).toEqual([...standings].sort());
    const missed = (await as(station)('GET', `/api/pregnancies?orgUnit=${village}&standing=missed&limit=200`)).json();
    expect(missed.total).toBe(expected.filter((s) => s === 'missed').length);
    expect(missed.items[0]).toMatchObject({ villageName: 'Tổ dân phố 8', standing: 'missed' });
  });

  it('shows a village health worker the women of her village only, and is audited', async () => {
    const elsewhere = await woman('Đinh Thị Xa', otherVillage);
    expect((await as(station)('POST', `/api/residents/${elsewhere}/pregnancies`, { lmp: daysAgo(30) })).statusCode).toBe(201);
    const seen = (await as(villageWorker)('GET', '/api/pregnancies?limit=500')).json();
    expect(seen.items.length).toBeGreaterThan(0);
    expect(seen.items.some((r: { fullName: string }) => r.fullName === 'Đinh Thị Xa')).toBe(false);
    expect((await as(villageWorker)('GET', `/api/pregnancies?orgUnit=${otherVillage}`)).statusCode).toBe(404);
    const events = await ctx.database.db.selectFrom('audit_event').where('action', '=', 'pregnancy.list').select('details').execute();
    expect(events.length).toBeGreaterThan(0);
  });
});

describe('the outcome', () => {
  it('registers a live-born child into the mother’s household, its birth weight the first point of its growth', async () => {
    const household = await as(station)('POST', '/api/households', { unitId: village, address: 'Số 8, tổ 8', members: [{ fullName: 'Triệu Thị Thu', sex: 'female', birthYear: 1996, relationship: 'head' }] });
    expect(household.statusCode, household.body).toBe(201);
    const mother = household.json().members[0].id as number;
    const pregnancy = (await as(station)('POST', `/api/residents/${mother}/pregnancies`, { lmp: daysAgo(275) })).json();
    const born = daysAgo(2);
    const stillborn = await as(station)('POST', `/api/pregnancies/${pregnancy.id}/outcome`, { outcome: 'stillbirth', date: born, newborn: { fullName: 'Bé', sex: 'male' } });
    expect(stillborn.statusCode).toBe(400);
    const res = await as(station)('POST', `/api/pregnancies/${pregnancy.id}/outcome`, {
      outcome: 'live_birth',
      date: born,
      place: 'health_station',
      attendant: 'midwife',
      newborn: { fullName: 'Triệu Bảo An', sex: 'male', relationship: 'child', birthWeightKg: 3.1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'delivered', outcome: 'live_birth', outcomeDate: born, place: 'health_station', attendant: 'midwife', standing: null });
    const child = (await as(station)('GET', `/api/residents/${res.json().newbornId}/record`)).json();
    expect(child.resident).toMatchObject({ fullName: 'Triệu Bảo An', birthDate: born, householdId: household.json().id });
    expect(child.growth.points[0]).toMatchObject({ ageDays: 0, weight: 3.1 });
    // Ended once: a second outcome is refused.
    expect((await as(station)('POST', `/api/pregnancies/${pregnancy.id}/outcome`, { outcome: 'live_birth', date: born })).statusCode).toBe(409);
    const history = (await as(station)('GET', `/api/residents/${mother}/pregnancies`)).json();
    expect(history.items).toHaveLength(1);
  });
});
