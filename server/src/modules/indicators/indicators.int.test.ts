import { periodOf, todayIso } from '@ytcs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, insuranceCard, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let station: string;
let province: string;
let committee: string;
let ducXuan: number;
let bacKan: number;
let thaiNguyen: number;
let village1: number;
const quarter = periodOf('quarter', todayIso());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie }, payload });
const NAMES = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lâm', 'Minh', 'Nam', 'Oanh', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Uyên', 'Vân', 'Xuân', 'Yến', 'Bảo', 'Châu'];
const person = (n: number, extra: object = {}) => ({ fullName: `Hoàng Văn ${NAMES[n]}`, sex: 'male', birthYear: 1970 + n, ...extra });

async function household(unit: number, members: object[]): Promise<number[]> {
  const withHead = members.map((m, i) => ({ ...m, relationship: i === 0 ? 'head' : 'child' }));
  const res = await call('POST', '/api/households', station, { unitId: unit, address: 'Số 1', members: withHead });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().members.map((m: { id: number }) => m.id);
}

async function figure(cookie: string, code: string, unit: number, period = quarter) {
  const res = await call('GET', `/api/indicator-values?indicator=${code}&orgUnit=${unit}&period=${period}`, cookie);
  expect(res.statusCode).toBe(200);
  return res.json().items[0];
}

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  bacKan = await unitId(ctx, 'commune', '01843');
  thaiNguyen = await unitId(ctx, 'province', '19');
  village1 = await createVillage(ctx, ducXuan, 'Tổ dân phố 1');
  const village2 = await createVillage(ctx, bacKan, 'Tổ 2');
  await createUser(ctx, 'tram', [
    { role: 'station', orgUnitId: ducXuan },
    { role: 'station', orgUnitId: bacKan },
  ]);
  await createUser(ctx, 'soyte', [{ role: 'province', orgUnitId: thaiNguyen }]);
  await createUser(ctx, 'ubnd', [{ role: 'committee', orgUnitId: ducXuan }]);
  station = await signIn(ctx, 'tram');
  province = await signIn(ctx, 'soyte');
  committee = await signIn(ctx, 'ubnd');
  // Đức Xuân: 8 residents in a village, 6 insured; Bắc Kạn: 3 residents, all insured.
  await household(village1, [0, 1, 2, 3, 4, 5].map((n) => person(n, insuranceCard())));
  await household(village1, [person(6), person(7)]);
  await household(village2, [0, 1, 2].map((n) => person(n + 10, insuranceCard())));
  await ctx.app.refresher.drain();
});
afterAll(() => ctx.close());

describe('computed indicators', () => {
  it('counts a commune and sums communes up to the province (numerators and denominators)', async () => {
    expect(await figure(station, 'BHYT_BP', ducXuan)).toMatchObject({ numerator: 6, denominator: 8, value: 75, suppressed: false });
    expect(await figure(station, 'HSSK_QL', ducXuan)).toMatchObject({ numerator: 0, denominator: 8, value: 0 });
    // 9 of 11, not the average of 75% and 100%.
    expect(await figure(province, 'BHYT_BP', thaiNguyen)).toMatchObject({ numerator: 9, denominator: 11, value: 81.8 });
  });

  it('moves within seconds after a record is opened, without a batch', async () => {
    const [id] = await household(village1, [person(20, insuranceCard())]);
    const opened = await call('PUT', `/api/residents/${id}/record/history`, station, {});
    expect(opened.statusCode).toBe(204);
    const started = Date.now();
    let seen = await figure(station, 'HSSK_QL', ducXuan);
    while (seen.numerator !== 1 && Date.now() - started < 5000) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await figure(station, 'HSSK_QL', ducXuan);
    }
    expect(seen).toMatchObject({ numerator: 1, denominator: 9 });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('ranks child units and hides small cells from a committee', async () => {
    const res = await call('GET', `/api/indicator-values/children?indicator=BHYT_BP&orgUnit=${thaiNguyen}&period=${quarter}`, province);
    expect(res.statusCode).toBe(200);
    const { unit, children } = res.json();
    expect(unit).toMatchObject({ id: thaiNguyen, numerator: 10, denominator: 12 });
    const named = children.filter((c: { value: number | null }) => c.value !== null).map((c: { id: number; value: number }) => [c.id, c.value]);
    expect(named).toEqual([
      [bacKan, 100],
      [ducXuan, 77.8],
    ]);
    const byVillage = await call('GET', `/api/indicator-values/children?indicator=BHYT_BP&orgUnit=${ducXuan}&period=${quarter}`, committee);
    // 7 of 9 insured says 2 are not: the complement is a small cell too; the residents still show.
    expect(byVillage.json().unit).toMatchObject({ numerator: null, denominator: 9, value: null, suppressed: true });
    // A committee never sees a count under 5.
    const residents = await call('GET', `/api/indicator-values?indicator=HSSK_QL&orgUnit=${ducXuan}&period=${quarter}`, committee);
    expect(residents.json().items[0]).toMatchObject({ numerator: null, value: null, suppressed: true });
  });

  it('lists the villages of a commune formed on 1/7/2025 for a quarter before it (its first areas), and a closed unit\'s as they were', async () => {
    // Today's Đức Xuân and its villages begin on 1/7/2025; asked for Q2/2025 it still has them.
    const before = await call('GET', `/api/indicator-values/children?indicator=HSSK_QL&orgUnit=${ducXuan}&period=2025Q2`, station);
    expect(before.statusCode).toBe(200);
    expect(before.json().children.map((c: { id: number }) => c.id)).toContain(village1);
    // A province closed on 30/6/2025 (Bắc Kạn) still lists its districts for a quarter after it.
    const oldProvince = await unitId(ctx, 'province', '06', false);
    const after = await call('GET', `/api/indicator-values/children?indicator=HSSK_QL&orgUnit=${oldProvince}&period=2026Q1`, province);
    expect(after.statusCode).toBe(200);
    expect(after.json().children.length).toBeGreaterThan(5);
  });

  it('names a bad period and an unknown indicator', async () => {
    const res = await call('GET', `/api/indicator-values?indicator=HSSK_QL&orgUnit=${ducXuan}&period=2026Q5`, station);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'period', message: expect.stringContaining('2026Q5') });
    const unknown = await call('GET', `/api/indicator-values?indicator=NOPE&orgUnit=${ducXuan}&period=2026`, station);
    expect(unknown.json().errors[0].field).toBe('indicator');
  });

  it('keeps other provinces out (404)', async () => {
    const hanoi = await unitId(ctx, 'province', '01');
    expect((await call('GET', `/api/indicator-values?indicator=HSSK_QL&orgUnit=${hanoi}&period=2026`, province)).statusCode).toBe(404);
  });
});

describe('entered indicators and DHIS2 data values', () => {
  it('saves entered values, sums them up, and refuses to overwrite a computed indicator', async () => {
    const res = await call('PUT', '/api/indicator-values', province, {
      items: [
        { indicator: 'TYT_BS', orgUnit: ducXuan, period: '2026', numerator: 1, denominator: 1 },
        { indicator: 'TYT_BS', orgUnit: bacKan, period: '2026', numerator: 0, denominator: 1 },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(await figure(province, 'TYT_BS', thaiNguyen, '2026')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    // A yearly figure stands for its quarters, and says where it comes from.
    expect(await figure(province, 'TYT_BS', ducXuan, '2026Q2')).toMatchObject({ numerator: 1, denominator: 1, valuePeriod: '2026' });
    const refused = await call('PUT', '/api/indicator-values', province, { items: [{ indicator: 'HSSK_QL', orgUnit: ducXuan, period: '2026', numerator: 5, denominator: 5 }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'items.0.indicator' });
    expect((await call('PUT', '/api/indicator-values', committee, { items: [{ indicator: 'TYT_BS', orgUnit: ducXuan, period: '2026', numerator: 1, denominator: 1 }] })).statusCode).toBe(403);
  });

  it('a value entered for a unit as a whole takes the place of the sum below it', async () => {
    await call('PUT', '/api/indicator-values', province, { items: [{ indicator: 'TYT_BS', orgUnit: thaiNguyen, period: '2026', numerator: 80, denominator: 92 }] });
    expect(await figure(province, 'TYT_BS', thaiNguyen, '2026')).toMatchObject({ numerator: 80, denominator: 92, value: 87 });
  });

  it('counts history recorded under a merged commune under its successor', async () => {
    // Old Đức Xuân (before 1/7/2025) was merged into today's Đức Xuân.
    const old = await unitId(ctx, 'commune', '01840', false);
    await call('PUT', '/api/indicator-values', province, { items: [{ indicator: 'THON_NVYT', orgUnit: old, period: '2024', numerator: 7, denominator: 9 }] });
    expect(await figure(province, 'THON_NVYT', ducXuan, '2024')).toMatchObject({ numerator: 7, denominator: 9 });
  });

  it('exports dataValueSets and imports them back all-or-nothing', async () => {
    const out = await call('GET', `/api/dataValueSets?orgUnit=${thaiNguyen}&period=2026&indicator=TYT_BS`, province);
    expect(out.statusCode).toBe(200);
    const values = out.json().dataValues;
    expect(values).toContainEqual(expect.objectContaining({ dataElement: 'TYT_BS_NUM', period: '2026', orgUnit: String(ducXuan), value: '1', storedBy: 'soyte' }));
    expect(values).toContainEqual(expect.objectContaining({ dataElement: 'TYT_BS_DEN', orgUnit: String(thaiNguyen), value: '92' }));

    const bad = await call('POST', '/api/dataValueSets', province, {
      dataValues: [
        { dataElement: 'TYT_BS_NUM', period: '2025', orgUnit: String(ducXuan), value: '1' },
        { dataElement: 'TYT_BS_DEN', period: '2025', orgUnit: String(ducXuan), value: '1' },
        { dataElement: 'TYT_BS_NUM', period: '2025Q9', orgUnit: String(bacKan), value: 'x' },
      ],
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().conflicts.map((c: { object: string }) => c.object)).toEqual(['dataValues[2].period', 'dataValues[2].value']);
    expect(await figure(province, 'TYT_BS', ducXuan, '2025')).toMatchObject({ numerator: null });

    const good = await call('POST', '/api/dataValueSets', province, { dataValues: values.map((v: object) => ({ ...v, period: '2025' })) });
    expect(good.json()).toMatchObject({ status: 'SUCCESS', importCount: { imported: 3 } });
    expect(await figure(province, 'TYT_BS', thaiNguyen, '2025')).toMatchObject({ numerator: 80, denominator: 92 });
  });
});
