/**
 * "Insured on a date" is one rule everywhere a resident's card is judged: the resident's tag, the
 * people behind the coverage gap, the coverage figure and the BHYT_BP indicator. A card that
 * starts in the future does not insure today.
 */
import { periodOf, todayIso } from '@ytcs/common';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let station: string;
let commune: number;
let village: number;

const call = (method: 'GET' | 'POST', url: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie: station }, payload });

beforeAll(async () => {
  ctx = await createTestContext();
  commune = await unitId(ctx, 'commune', '01840');
  village = await createVillage(ctx, commune, 'Tổ dân phố 1');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: commune }]);
  station = await signIn(ctx, 'tram');
});
afterAll(() => ctx.close());

it('does not count a card that starts in the future, on any route', async () => {
  const person = (fullName: string, card: object) => call('POST', '/api/residents', { unitId: village, fullName, sex: 'female', birthYear: 1980, ...card });
  const insured = await person('Nguyễn Thị Lan', { insuranceCode: 'GD4190111111111', insuranceValidFrom: '2020-01-01', insuranceValidTo: '2099-12-31' });
  const future = await person('Trần Thị Mai', { insuranceCode: 'GD4190222222222', insuranceValidFrom: '2099-01-01', insuranceValidTo: '2099-12-31' });
  expect([insured.statusCode, future.statusCode]).toEqual([201, 201]);

  expect((await call('GET', `/api/residents/${future.json().id}`)).json()).toMatchObject({ insured: false });
  expect((await call('GET', `/api/residents/${insured.json().id}`)).json()).toMatchObject({ insured: true });

  const missing = (await call('GET', `/api/residents?orgUnit=${commune}&missing=insurance&limit=500`)).json();
  expect(missing.items.map((r: { fullName: string }) => r.fullName)).toEqual(['Trần Thị Mai']);

  const coverage = (await call('GET', `/api/registry/coverage?orgUnit=${commune}`)).json();
  expect(coverage.unit).toMatchObject({ residents: 2, insured: 1 });

  await ctx.app.refresher.drain();
  const month = periodOf('month', todayIso());
  const bhyt = (await call('GET', `/api/indicator-values?indicator=BHYT_BP&orgUnit=${commune}&period=${month}`)).json();
  expect(bhyt.items[0]).toMatchObject({ numerator: 1, denominator: 2 });
});
