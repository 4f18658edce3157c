/** A child's record shows growth: z-scores by WHO's tables at each measured visit, findings, the chart's curves. */
import { measurementAt } from '@ytcs/common';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let station: string;
let village: number;

const call = (method: 'GET' | 'POST', url: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie: station }, payload });
const register = async (fields: object) => (await call('POST', '/api/residents', { unitId: village, ...fields })).json().id as number;
const visit = async (id: number, date: string, observations: object) => expect((await call('POST', `/api/residents/${id}/encounters`, { date, type: 'checkup', observations })).statusCode).toBe(201);
const lmsAt = (tbl: string, sex: number, x: number) => ctx.database.db.selectFrom('growth_reference').where('tbl', '=', tbl).where('sex', '=', sex).where('x', '=', x).select(['l', 'm', 's']).executeTakeFirstOrThrow();

beforeAll(async () => {
  ctx = await createTestContext();
  const ducXuan = await unitId(ctx, 'commune', '01840');
  village = await createVillage(ctx, ducXuan, 'Tổ dân phố 7');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  station = await signIn(ctx, 'tram');
});
afterAll(() => ctx.close());

it('reads a girl’s visits as z-scores: at the median at birth, underweight at six months', async () => {
  const id = await register({ fullName: 'Hoàng Bảo Ngọc', sex: 'female', birthDate: '2025-06-01' });
  // WHO's median girl at birth: 3.2322 kg (SOURCE.md).
  await visit(id, '2025-06-01', { weight: 3.2322 });
  // At day 183, a weight 2.5 SD below the median: moderately underweight.
  const day183 = await lmsAt('wfa', 2, 183);
  const low = Math.round(measurementAt(day183, -2.5) * 100) / 100;
  await visit(id, '2025-12-01', { weight: low, height: 64 });
  await visit(id, '2026-03-01', { systolic_bp: 90, diastolic_bp: 60 });
  const { growth } = (await call('GET', `/api/residents/${id}/record`)).json();
  expect(growth.points).toHaveLength(2);
  expect(growth.points[0]).toMatchObject({ date: '2025-06-01', ageDays: 0, weight: 3.2322, height: null, z: { wfa: 0, hfa: null, wfh: null, bfa: null }, findings: {} });
  expect(growth.points[1]).toMatchObject({ date: '2025-12-01', ageDays: 183, weight: low, height: 64 });
  expect(growth.points[1].z.wfa).toBeCloseTo(-2.5, 1);
  expect(growth.points[1].findings.underweight).toBe('moderate');
  expect(growth.points[1].z.hfa).not.toBeNull();
  expect(growth.points[1].z.wfh).not.toBeNull();
  // The curves: 61 months of weight- and height-for-age for a girl; at birth the median is WHO's.
  expect(growth.curves.wfa).toHaveLength(61);
  expect(growth.curves.hfa).toHaveLength(61);
  expect(growth.curves.wfa[0]).toMatchObject({ month: 0, m: 3.2322 });
});

it('flags an implausible measurement and judges nothing from it', async () => {
  const id = await register({ fullName: 'Lò Văn Tú', sex: 'male', birthDate: '2026-01-10' });
  await visit(id, '2026-07-10', { weight: 2.1, height: 66 });
  const { growth } = (await call('GET', `/api/residents/${id}/record`)).json();
  expect(growth.points[0].implausible).toContain('wfa');
  expect(growth.points[0].findings.underweight).toBeUndefined();
});

it('shows no growth for an adult, nor for a child known only by year of birth', async () => {
  const adult = await register({ fullName: 'Ma Văn Đức', sex: 'male', birthDate: '1970-02-02' });
  await visit(adult, '2026-05-05', { weight: 60, height: 165 });
  expect((await call('GET', `/api/residents/${adult}/record`)).json().growth).toBeNull();
  const yearOnly = await register({ fullName: 'Nông Thị Hoa', sex: 'female', birthYear: 2024 });
  await visit(yearOnly, '2026-05-05', { weight: 11, height: 85 });
  expect((await call('GET', `/api/residents/${yearOnly}/record`)).json().growth).toBeNull();
});
