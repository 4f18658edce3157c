/**
 * The due list through HTTP: who is listed (children with a dose due, overdue or not started),
 * its filters, the caller's scope (a village health worker sees their village only; the committee
 * no person at all), and the audit event naming the children returned.
 */
import { addAge, todayIso } from '@ytcs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let commune: number;
let village1: number;
let village2: number;
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};
const today = todayIso();

const call = (url: string, who: string) => ctx.app.inject({ method: 'GET', url, headers: cookies[who] ? { cookie: cookies[who] } : {} });
const post = async (url: string, payload: Record<string, unknown>) => {
  const res = await ctx.app.inject({ method: 'POST', url, payload, headers: { cookie: cookies.station ?? '' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
};

beforeAll(async () => {
  ctx = await createTestContext();
  commune = await unitId(ctx, 'commune', '01840');
  village1 = await createVillage(ctx, commune, 'Tổ dân phố 1');
  village2 = await createVillage(ctx, commune, 'Tổ dân phố 2');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: commune }]);
  await createUser(ctx, 'ytthon', [{ role: 'village_worker', orgUnitId: village1 }]);
  await createUser(ctx, 'ubnd', [{ role: 'committee', orgUnitId: commune }]);
  cookies.station = await signIn(ctx, 'tram');
  cookies.villageWorker = await signIn(ctx, 'ytthon');
  cookies.committee = await signIn(ctx, 'ubnd');
  const person = (unitId: number, fullName: string, birthDate: string) => post('/api/residents', { unitId, fullName, sex: 'female', birthDate });
  // Three months old, on schedule: birth doses and the 2-month doses given, so nothing is missed.
  const born = addAge(today, -3);
  ids.onTime = await person(village1, 'Lê Thị An', born);
  for (const [vaccineCode, date] of [['hepb_birth', born], ['bcg', born], ['dpt_hepb_hib', addAge(born, 2)], ['opv', addAge(born, 2)]] as const) {
    await post(`/api/residents/${ids.onTime}/immunizations`, { vaccineCode, dose: 1, date });
  }
  // Eight months old, nothing given: every dose up to IPV (5 months) is "not started".
  ids.never = await person(village2, 'Phạm Thị Bình', addAge(today, -8));
  ids.adult = await person(village1, 'Vũ Văn Cường', '1990-05-01');
  ids.seven = await person(village1, 'Hoàng Thị Dung', addAge(today, -84));
});
afterAll(() => ctx.close());

type Child = { residentId: number; doses: { series: string; dose: number; status: string }[] };
const listed = async (query: string, who = 'station') => {
  const res = await call(`/api/immunisation/due?${query}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Child[]; total: number; day: string };
};
const whom = (list: { items: Child[] }) => list.items.map((c) => c.residentId).sort();

describe('the due list of a commune', () => {
  it('lists the children with a dose due, overdue or not started, and no adult or child past the catch-up age', async () => {
    const list = await listed(`orgUnit=${commune}`);
    expect(list.day).toBe(today);
    expect(list.total).toBe(list.items.length);
    expect(whom(list)).not.toContain(ids.adult);
    expect(whom(list)).not.toContain(ids.seven);
    expect(whom(list)).toContain(ids.never);
    const never = list.items.find((c) => c.residentId === ids.never);
    expect(never?.doses.map((d) => `${d.series}.${d.dose}:${d.status}`).sort()).toEqual(
      ['bcg.1', 'dpt_hepb_hib.1', 'hepb_birth.1', 'ipv.1', 'opv.1'].map((d) => `${d}:not_started`),
    );
    const onTime = list.items.find((c) => c.residentId === ids.onTime);
    for (const d of onTime?.doses ?? []) expect(d.status).toBe('due');
  });

  it('filters by status, by antigen and by village', async () => {
    expect(whom(await listed(`orgUnit=${commune}&status=not_started`))).toEqual([ids.never]);
    const tb = await listed(`orgUnit=${commune}&antigen=tuberculosis`);
    expect(tb.items.flatMap((c) => c.doses.map((d) => d.series))).toEqual(['bcg']);
    expect(whom(await listed(`orgUnit=${village2}`))).toEqual([ids.never]);
    expect((await listed(`orgUnit=${commune}&antigen=rotavirus`)).total).toBe(0);
  });

  it('writes one audit event naming the children returned', async () => {
    await listed(`orgUnit=${village2}&status=not_started`);
    const event = await ctx.database.db.selectFrom('audit_event').where('action', '=', 'immunisation.due_list').orderBy('id', 'desc').select(['org_unit_id', 'details']).executeTakeFirstOrThrow();
    expect(event.org_unit_id).toBe(village2);
    expect(event.details).toMatchObject({ residents: [ids.never], status: 'not_started' });
  });

  it('refuses a day more than a year away, and a facility', async () => {
    const res = await call(`/api/immunisation/due?orgUnit=${commune}&day=${addAge(today, 13)}`, 'station');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'day', key: 'immunisation.dayOutOfRange' });
  });
});

describe('who sees the due list', () => {
  it('shows the village health worker only the children of their village, whatever unit they ask for', async () => {
    expect(whom(await listed(`orgUnit=${commune}`, 'villageWorker'))).toEqual([ids.onTime]);
    expect((await listed(`orgUnit=${village2}`, 'villageWorker')).items).toEqual([]);
  });

  it('shows another commune’s station nothing of this one', async () => {
    const other = await unitId(ctx, 'commune', '01843');
    await createUser(ctx, 'tram2', [{ role: 'station', orgUnitId: other }]);
    cookies.other = await signIn(ctx, 'tram2');
    expect((await listed(`orgUnit=${commune}`, 'other')).items).toEqual([]);
  });

  it('shows the committee no person, and nobody signed out', async () => {
    expect((await call(`/api/immunisation/due?orgUnit=${commune}`, 'committee')).statusCode).toBe(403);
    expect((await call(`/api/immunisation/due?orgUnit=${commune}`, 'nobody')).statusCode).toBe(401);
  });

  it('serves the schedule to any signed-in user, with the diseases each series covers', async () => {
    const res = await call('/api/immunisation/schedule', 'committee');
    expect(res.statusCode).toBe(200);
    const penta = res.json().items.find((r: { series: string; dose: number }) => r.series === 'dpt_hepb_hib' && r.dose === 3);
    expect(penta).toMatchObject({ ageMonths: 4, minIntervalDays: 28, antigens: ['diphtheria', 'hepatitis_b', 'hib', 'pertussis', 'tetanus'] });
  });
});
