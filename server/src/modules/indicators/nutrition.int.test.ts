/**
 * Stunting and underweight under five, computed: each child's latest measurement in the year,
 * judged by WHO's tables in SQL, agrees with common's nutritionFindings on the same children.
 */
import { measurementAt, nutritionFindings, periodOf, todayIso } from '@ytcs/common';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';
import { recomputeCommunes } from './computations.ts';
import { currentPeriods } from './refresher.ts';

let ctx: TestContext;
let station: string;
let commune: number;
let village: number;

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const call = (method: 'GET' | 'POST', url: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie: station }, payload });
const lms = (tbl: string, sex: number, x: number) => ctx.database.db.selectFrom('growth_reference').where('tbl', '=', tbl).where('sex', '=', sex).where('x', '=', x).select(['l', 'm', 's']).executeTakeFirstOrThrow();

async function child(fullName: string, birth: { birthDate?: string; birthYear?: number }, visits: { daysAgo: number; weight?: number; height?: number }[]) {
  const res = await call('POST', '/api/residents', { unitId: village, fullName, sex: 'female', ...birth });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  for (const v of visits) {
    const observations = { ...(v.weight ? { weight: v.weight } : {}), ...(v.height ? { height: v.height } : {}) };
    expect((await call('POST', `/api/residents/${id}/encounters`, { date: daysAgo(v.daysAgo), type: 'checkup', observations })).statusCode).toBe(201);
  }
  return id;
}

beforeAll(async () => {
  ctx = await createTestContext({ YTCS_INDICATOR_REFRESH_MS: '3600000' });
  commune = await unitId(ctx, 'commune', '01840');
  village = await createVillage(ctx, commune, 'Tổ dân phố 3');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: commune }]);
  station = await signIn(ctx, 'tram');
});
afterAll(() => ctx.close());

it('counts the children under five whose latest measurement in the year is below −2 SD', async () => {
  const born = 400;
  // Heights and weights at a chosen z-score for a girl of that age on the day measured (WHO's rows).
  const at = async (tbl: string, ageDays: number, z: number) => Math.round(measurementAt(await lms(tbl, 2, ageDays), z) * 10) / 10;
  const ids = [
    // Stunted and underweight now; normal at an earlier visit (only the latest counts).
    await child('Hoàng Thị An', { birthDate: daysAgo(born) }, [
      { daysAgo: 200, height: await at('lhfa', born - 200, 0), weight: await at('wfa', born - 200, 0) },
      { daysAgo: 30, height: await at('lhfa', born - 30, -2.6), weight: await at('wfa', born - 30, -2.4) },
    ]),
    // Normal.
    await child('Lý Thị Bình', { birthDate: daysAgo(born) }, [{ daysAgo: 60, height: await at('lhfa', born - 60, -0.5), weight: await at('wfa', born - 60, 0.3) }]),
    // Stunted, but weighed only: counted for underweight (normal), not for stunting.
    await child('Ma Thị Cúc', { birthDate: daysAgo(born) }, [{ daysAgo: 10, weight: await at('wfa', born - 10, -1) }]),
  ];
  // Counted in neither: measured only more than a year ago, over five, no date of birth, an implausible height.
  await child('Nông Thị Dung', { birthDate: daysAgo(born + 400) }, [{ daysAgo: 380, height: 60 }]);
  await child('Đinh Thị Én', { birthDate: daysAgo(6 * 365) }, [{ daysAgo: 20, height: 90, weight: 11 }]);
  await child('Vi Thị Gấm', { birthYear: Number(todayIso().slice(0, 4)) - 2 }, [{ daysAgo: 20, height: 70, weight: 7 }]);
  await child('Sầm Thị Hoa', { birthDate: daysAgo(born) }, [{ daysAgo: 5, height: 40 }]);

  const today = todayIso();
  await ctx.database.db.transaction().execute((trx) => recomputeCommunes(trx, [commune], today, currentPeriods(today)));
  const year = periodOf('year', today);
  const value = async (code: string) =>
    ctx.database.db
      .selectFrom('indicator_value as v')
      .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
      .where('i.code', '=', code)
      .where('v.period', '=', year)
      .where('v.org_unit_id', '=', village)
      .select(['v.numerator', 'v.denominator'])
      .executeTakeFirst()
      .then((v) => v && { numerator: Number(v.numerator), denominator: Number(v.denominator) });
  expect(await value('SDD_TC')).toEqual({ numerator: 1, denominator: 2 });
  expect(await value('SDD_CN')).toEqual({ numerator: 1, denominator: 3 });

  // The same children judged by common's rule on the record's latest point.
  const findings = await Promise.all(ids.map(async (id) => nutritionFindings((await call('GET', `/api/residents/${id}/record`)).json().growth.points.at(-1).z)));
  expect(findings.filter((f) => f.stunting).length).toBe(1);
  expect(findings.filter((f) => f.underweight).length).toBe(1);
});
