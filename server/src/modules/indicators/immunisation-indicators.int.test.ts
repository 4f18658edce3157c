/**
 * Coverage of the expanded programme under one, counted from the schedule rows for a few children
 * whose figures are worked out by hand below.
 */
import { addAge, periodOf, todayIso } from '@ytcs/common';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';
import { recomputeCommunes } from './computations.ts';
import { currentPeriods } from './refresher.ts';

let ctx: TestContext;
let station: string;
let commune: number;
const today = todayIso();

/** Every dose due before 12 months, each at its target age (months after birth). */
const UNDER_ONE: [string, number][] = [
  ['hepb_birth', 0],
  ['bcg', 0],
  ['dpt_hepb_hib', 2],
  ['dpt_hepb_hib', 3],
  ['dpt_hepb_hib', 4],
  ['opv', 2],
  ['opv', 3],
  ['opv', 4],
  ['ipv', 5],
  ['measles', 9],
];

beforeAll(async () => {
  ctx = await createTestContext({ YTCS_INDICATOR_REFRESH_MS: '3600000' });
  commune = await unitId(ctx, 'commune', '01840');
  const village = await createVillage(ctx, commune, 'Tổ dân phố 3');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: commune }]);
  station = await signIn(ctx, 'tram');
  const child = async (fullName: string, ageMonths: number, doses: [string, number][]) => {
    const birthDate = addAge(today, -ageMonths);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/residents', headers: { cookie: station }, payload: { unitId: village, fullName, sex: 'male', birthDate } });
    expect(res.statusCode, res.body).toBe(201);
    const residentId = res.json().id as number;
    for (const [vaccine, at] of doses) {
      await ctx.database.db.insertInto('immunization').values({ resident_id: residentId, commune_id: commune, vaccine_code: vaccine, dose: 1, date: addAge(birthDate, at, 1) }).execute();
    }
  };
  // In the cohort (12–23 months): A has everything; B never had measles; C had measles after the
  // first birthday (too late to count) and polio by OPV only, missing IPV.
  await child('Nguyễn Văn An', 18, UNDER_ONE);
  await child('Trần Văn Bảo', 15, UNDER_ONE.filter(([v]) => v !== 'measles'));
  await child('Lê Văn Cường', 20, [...UNDER_ONE.filter(([v]) => v !== 'measles' && v !== 'ipv'), ['measles', 13]]);
  // Out of the cohort: too young, and too old, whatever they had.
  await child('Phạm Văn Dũng', 6, []);
  await child('Hoàng Văn Em', 30, UNDER_ONE);
  await ctx.database.db.transaction().execute((trx) => recomputeCommunes(trx, [commune], today, currentPeriods(today)));
});
afterAll(() => ctx.close());

it('counts full immunisation and coverage by antigen under one for the 12–23-month cohort', async () => {
  const codes = ['TCMR_DU_1T', 'TCMR_1T_MEASLES', 'TCMR_1T_POLIO', 'TCMR_1T_TUBERCULOSIS', 'TCMR_1T_HEPATITIS_B'];
  const month = periodOf('month', today);
  const res = await ctx.app.inject({ method: 'GET', url: `/api/indicator-values?indicator=${codes.join(',')}&orgUnit=${commune}&period=${month}`, headers: { cookie: station } });
  expect(res.statusCode, res.body).toBe(200);
  const figure = (code: string) => res.json().items.find((v: { indicator: string }) => v.indicator === code);
  // Fully immunised: A only of A, B, C.
  expect(figure('TCMR_DU_1T')).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 });
  // Measles before the first birthday: A only (B never, C at 13 months).
  expect(figure('TCMR_1T_MEASLES')).toMatchObject({ numerator: 1, denominator: 3 });
  // Polio needs OPV 1–3 and IPV: A and B.
  expect(figure('TCMR_1T_POLIO')).toMatchObject({ numerator: 2, denominator: 3, value: 66.7 });
  expect(figure('TCMR_1T_TUBERCULOSIS')).toMatchObject({ numerator: 3, denominator: 3, value: 100 });
  expect(figure('TCMR_1T_HEPATITIS_B')).toMatchObject({ numerator: 3, denominator: 3 });
});

it('queues the commune for a recount when a dose is recorded, and every commune when the schedule changes', async () => {
  const db = ctx.database.db;
  await db.deleteFrom('indicator_refresh').execute();
  const child = await db.selectFrom('resident').where('full_name', '=', 'Phạm Văn Dũng').select('id').executeTakeFirstOrThrow();
  const res = await ctx.app.inject({ method: 'POST', url: `/api/residents/${child.id}/immunizations`, headers: { cookie: station }, payload: { vaccineCode: 'bcg', dose: 1, date: today } });
  expect(res.statusCode, res.body).toBe(201);
  expect(await db.selectFrom('indicator_refresh').select('commune_id').execute()).toEqual([{ commune_id: commune }]);
  await db.deleteFrom('indicator_refresh').execute();
  await db.updateTable('immunisation_schedule').set({ source: 'TT 10/2024/TT-BYT: 9 months (checked)' }).where('series', '=', 'measles').execute();
  expect((await db.selectFrom('indicator_refresh').select('commune_id').execute()).map((r) => r.commune_id)).toContain(commune);
});
