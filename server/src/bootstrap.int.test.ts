import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../test/harness.ts';
import { type StartProgress, bootstrap } from './bootstrap.ts';
import { DEMO_PASSWORD } from './demo/demo-data.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const login = (username: string, password: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const cookieOf = async (username: string) => {
  const res = await login(username, DEMO_PASSWORD);
  expect(res.statusCode).toBe(200);
  return `ytcs_session=${res.cookies.find((c) => c.name === 'ytcs_session')?.value}`;
};

describe('first start', () => {
  it('creates admin with a random password shown once, loads the demo, and does nothing the second time', async () => {
    const steps: StartProgress[] = [];
    const first = await bootstrap(ctx.database.db, { adminPassword: null, demo: true }, (step) => steps.push(step));
    expect(first.admin?.password).toMatch(/^[\w-]{16}$/);
    // It says what it is doing as it goes (the first start takes over a minute), residents counted.
    const said = [...new Set(steps.map((s) => s.step))];
    expect(said).toEqual(expect.arrayContaining(['migrating', 'admin', 'demoResidents', 'demoPlans', 'demoIndicators']));
    const residents = steps.filter((s) => s.step === 'demoResidents');
    expect(residents.length).toBeGreaterThan(2);
    expect(residents.at(-1)).toMatchObject({ done: 20_000, total: 20_000 });
    expect(first.demo?.map((a) => a.role).sort()).toEqual(['auditor', 'committee', 'health_centre', 'province', 'school_health', 'station', 'village_worker']);
    const again = await bootstrap(ctx.database.db, { adminPassword: null, demo: true });
    expect(again).toMatchObject({ migrations: [], loadedUnits: false, admin: null, demo: null });
    const me = await login('admin', first.admin?.password as string);
    expect(me.json().user.mustChangePassword).toBe(true);
  });

  it('gives each demo account its scope', async () => {
    const names = async (username: string, query: string) =>
      (await ctx.app.inject({ method: 'GET', url: `/api/org-units?${query}`, headers: { cookie: await cookieOf(username) } })).json().items.map((u: { name: string }) => u.name);

    expect(await names('tram.ducxuan', 'level=commune&asOf=2026-01-01')).toEqual(['Phường Đức Xuân']);
    expect(await names('ubnd.ducxuan', 'level=commune&asOf=2026-01-01')).toEqual(['Phường Đức Xuân']);
    const centre = await names('ttyt.backan', 'level=commune&asOf=2026-01-01&limit=500');
    expect(centre).toEqual(expect.arrayContaining(['Phường Đức Xuân', 'Phường Bắc Kạn', 'Xã Phong Quang']));
    expect(centre.length).toBeLessThan(20);
    expect((await names('soyte.thainguyen', 'level=commune&asOf=2026-01-01&limit=500')).length).toBe(92);
    expect(await names('ytthon.ducxuan', 'level=village')).toEqual(['Tổ dân phố 1']);
    const villages = await names('tram.ducxuan', 'level=village&limit=100');
    expect(villages.length).toBeGreaterThanOrEqual(6);
  });

  it('holds the three seed plans; the province sees its city plan with live figures and a history', async () => {
    const cookie = await cookieOf('soyte.thainguyen');
    const get = async (url: string) => (await ctx.app.inject({ method: 'GET', url, headers: { cookie } })).json();
    const plans = (await get('/api/plans')).items;
    const city = plans.find((p: { orgUnitName: string }) => p.orgUnitName === 'Thành phố Bắc Kạn');
    expect(city).toMatchObject({ number: null, fromYear: 2024, toYear: 2030 });
    const detail = await get(`/api/plans/${city.id}`);
    const record = detail.targetList.find((t: { indicator: string }) => t.indicator === 'BHYT_BP');
    expect(record.current.denominator).toBeGreaterThan(10_000);
    expect(record.current.value).toBeGreaterThan(50);
    expect(record.trend.filter((t: { value: number | null }) => t.value !== null)).toHaveLength(4);
    expect(detail.taskList.length).toBeGreaterThan(20);
    const doctors = await get(`/api/indicator-values?indicator=TYT_BS&period=2026&orgUnit=${detail.areaIds[0]}`);
    expect(doctors.items[0].denominator).toBe(1);
    const admin = await ctx.database.db.selectFrom('plan').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(admin.n)).toBe(3);
  });

  it('gives the other two seed plans people behind their figures', async () => {
    const plans = await ctx.database.db.selectFrom('plan').select(['id', 'area_ids']).orderBy('id').execute();
    const [, hoaPhong, quangYen] = plans;
    const residents = async (areaIds: number[]) =>
      Number((await ctx.database.db.selectFrom('resident').where('commune_id', 'in', areaIds).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await residents((hoaPhong?.area_ids ?? []).map(Number))).toBeGreaterThan(1000);
    expect(await residents((quangYen?.area_ids ?? []).map(Number))).toBeGreaterThan(1000);
    // People born in Thanh Hóa carry its code in their personal ID.
    const ids = await ctx.database.db.selectFrom('resident').where('commune_id', 'in', (quangYen?.area_ids ?? []).map(Number)).where('citizen_id', 'is not', null).select('citizen_id').limit(50).execute();
    expect(ids.filter((r) => r.citizen_id?.startsWith('038')).length).toBeGreaterThan(25);
  });
});
