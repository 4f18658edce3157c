/**
 * The registry of computed indicators: a new indicator is one entry (its definition and its SQL),
 * written into the indicator table at start and counted with the others; an indicator row marked
 * computed that no entry computes stops the start, naming its code.
 */
import { periodOf, todayIso } from '@ytcs/common';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';
import { prepareDatabase } from '../../bootstrap.ts';
import { recomputeCommunes } from './computations.ts';
import { COMPUTED_INDICATORS, type ComputedIndicator } from './computed-indicators.ts';
import { syncIndicatorDefinitions } from './definitions.ts';
import { currentPeriods } from './refresher.ts';

let ctx: TestContext;
let station: string;
let commune: number;
let village: number;

/** A test-only indicator: residents with a phone number, counted by year only, without the small-cell rule. */
const withPhone: ComputedIndicator = {
  code: 'TEST_SDT',
  definition: {
    nameVi: 'Tỷ lệ người dân có số điện thoại',
    nameEn: 'Residents with a phone number',
    unit: 'percent',
    numeratorVi: 'Số người dân có số điện thoại',
    denominatorVi: 'Số người dân đang cư trú',
    numeratorEn: 'Residents with a phone number',
    denominatorEn: 'Residents',
    sort: 99,
  },
  denominator: () => sql<boolean>`true`,
  numerator: { counts: 'resident', where: () => sql<boolean>`r.phone is not null` },
  periods: ['year'],
  suppression: 'none',
};

beforeAll(async () => {
  // The refresher counts with the real registry; it must not run between this test's count and its read.
  ctx = await createTestContext({ YTCS_INDICATOR_REFRESH_MS: '3600000' });
  commune = await unitId(ctx, 'commune', '01840');
  village = await createVillage(ctx, commune, 'Tổ dân phố 1');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: commune }]);
  station = await signIn(ctx, 'tram');
});
afterAll(() => ctx.close());

const call = (url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie: station } });

it('counts an indicator added as one registry entry, for its periods only', async () => {
  const names = ['Lê Thị Hoa', 'Phạm Văn Hùng', 'Vũ Thị Lan'];
  for (const [i, fullName] of names.entries()) {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/residents', headers: { cookie: station }, payload: { unitId: village, fullName, sex: 'female', birthYear: 1980 + i, ...(i < 2 ? { phone: `091234567${i}` } : {}) } });
    expect(res.statusCode, res.body).toBe(201);
  }
  const registry = [...COMPUTED_INDICATORS, withPhone];
  await syncIndicatorDefinitions(ctx.database.db, registry);
  const today = todayIso();
  await ctx.database.db.transaction().execute((trx) => recomputeCommunes(trx, [commune], today, currentPeriods(today), registry));

  const listed = (await call('/api/indicators')).json().items.find((i: { code: string }) => i.code === 'TEST_SDT');
  expect(listed).toMatchObject({ nameEn: 'Residents with a phone number', source: 'computed', countsPeople: false });
  const year = periodOf('year', today);
  const month = periodOf('month', today);
  const shown = (await call(`/api/indicator-values?indicator=TEST_SDT,HSSK_QL&orgUnit=${commune}&period=${year},${month}`)).json().items;
  const at = (indicator: string, period: string) => shown.find((v: { indicator: string; period: string }) => v.indicator === indicator && v.period === period);
  expect(at('TEST_SDT', year)).toMatchObject({ numerator: 2, denominator: 3, value: 66.7 });
  expect(at('TEST_SDT', month)).toMatchObject({ numerator: null, denominator: null });
  // The registry's other entries are counted in the same pass, as before.
  expect(at('HSSK_QL', month)).toMatchObject({ numerator: 0, denominator: 3 });
});

it('stops the start when an indicator is marked computed but no registry entry computes it', async () => {
  await ctx.database.db
    .insertInto('indicator')
    .values({ code: 'TIEM_DU', name_vi: 'Tỷ lệ trẻ được tiêm chủng đầy đủ', name_en: 'Fully immunised children', unit: 'percent', numerator_vi: 'Số trẻ', numerator_en: 'Children', source: 'computed', computation: 'TIEM_DU', counts_people: true, sort: 20 })
    .execute();
  await expect(prepareDatabase(ctx.database.db)).rejects.toThrow(/TIEM_DU: indicator marked computed, but no registry entry computes it/);
});
