/**
 * The z-score in SQL (ytcs_growth_z, the growth migration) is common's zScore over the table
 * common's tablePoint names: the same number for every measure, sex, age and size, on the real
 * tables loaded at start.
 */
import { GROWTH_MEASURES, type GrowthMeasure, interpolateLms, type Lms, measurementAt, RESTRICTED, tablePoint, zScore } from '@ytcs/common';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../test/harness.ts';

let ctx: TestContext;
type Row = Lms & { tbl: string; sex: number; x: number };
let rows: Row[];
beforeAll(async () => {
  ctx = await createTestContext();
  rows = (await ctx.database.db.selectFrom('growth_reference').selectAll().execute()).map((r) => ({ ...r, x: Number(r.x), l: Number(r.l), m: Number(r.m), s: Number(r.s) }));
});
afterAll(() => ctx.close());

/** common's rule with the table read in TypeScript: the row at or below, the row at or above. */
function zInTs(measure: GrowthMeasure, sex: 1 | 2, ageDays: number, height: number | null, y: number): number | null {
  const point = tablePoint(measure, ageDays, height);
  if (!point) return null;
  const table = rows.filter((r) => r.tbl === point.table && r.sex === sex);
  const lo = table.filter((r) => r.x <= point.x).sort((a, b) => b.x - a.x)[0];
  const hi = table.filter((r) => r.x >= point.x).sort((a, b) => a.x - b.x)[0];
  if (!lo || !hi) return null;
  return zScore(interpolateLms(lo, hi, point.x), y, RESTRICTED[measure]);
}

it('has every WHO table loaded, both sexes', async () => {
  const counts = Object.fromEntries(
    (await sql<{ tbl: string; n: number }>`select tbl, count(*)::int as n from growth_reference group by tbl`.execute(ctx.database.db)).rows.map((r) => [r.tbl, r.n]),
  );
  expect(counts).toEqual({ wfa: 3654, lhfa: 3654, bfa: 3654, wfl: 1302, wfh: 1102, wfa_5_10: 120, hfa_5_19: 336, bfa_5_19: 336 });
});

it('gives the z-scores of common’s rule, measure by measure, in and out of the tables', async () => {
  const cases: { measure: GrowthMeasure; sex: 1 | 2; ageDays: number; height: number | null; y: number }[] = [];
  const ages = [0, 1, 45, 100, 365, 730, 731, 1000, 1500, 1826, 1827, 1860, 2000, 3000, 3652, 3700, 5000, 6935, 7000];
  const heights = [44.9, 45, 52.35, 65, 80.05, 99.9, 110, 110.1, 119.95, 120, 121];
  for (const measure of GROWTH_MEASURES)
    for (const sex of [1, 2] as const)
      for (const ageDays of ages)
        for (const height of measure === 'wfh' ? heights : [null]) {
          // Values around the median: from far below to far above, so restriction is exercised.
          const point = tablePoint(measure, ageDays, height);
          const median = point ? (rows.find((r) => r.tbl === point.table && r.sex === sex && r.x >= point.x)?.m ?? 10) : 10;
          for (const k of [0.55, 0.8, 0.93, 1, 1.04, 1.2, 1.6]) cases.push({ measure, sex, ageDays, height, y: Math.round(median * k * 100) / 100 });
        }
  const inSql = await sql<{ z: number | null }>`
    select ytcs_growth_z(c.measure, case c.sex when 1 then 'male' else 'female' end, c.age_days, c.height, c.y) as z
    from unnest(${cases.map((c) => c.measure)}::text[], ${cases.map((c) => c.sex)}::int[], ${cases.map((c) => c.ageDays)}::int[],
      ${cases.map((c) => c.height)}::float8[], ${cases.map((c) => c.y)}::float8[]) with ordinality as c(measure, sex, age_days, height, y, n)
    order by c.n
  `.execute(ctx.database.db);
  const sqlZ = inSql.rows.map((r) => (r.z === null ? null : Number(r.z)));
  const tsZ = cases.map((c) => zInTs(c.measure, c.sex, c.ageDays, c.height, c.y));
  const disagree = cases.map((c, i) => ({ ...c, sql: sqlZ[i], ts: tsZ[i] })).filter((c) => c.sql !== c.ts);
  expect(disagree).toEqual([]);
  // Not vacuous: z-scores inside and beyond ±3, and points outside the tables.
  expect(tsZ.some((z) => z !== null && z > 3)).toBe(true);
  expect(tsZ.some((z) => z !== null && z < -3)).toBe(true);
  expect(tsZ.some((z) => z === null)).toBe(true);
  expect(cases.length).toBeGreaterThan(1000);
});

it('reads WHO’s own figures: a boy of 3.3464 kg at birth is at the median, the −2 SD curve is 2.46 kg', async () => {
  const { rows: r } = await sql<{ median: number; low: number }>`
    select ytcs_growth_z('wfa', 'male', 0, null, 3.3464) as median, ytcs_growth_z('wfa', 'male', 0, null, ${measurementAt({ l: 0.3487, m: 3.3464, s: 0.14602 }, -2)}) as low
  `.execute(ctx.database.db);
  expect(r[0]).toEqual({ median: 0, low: -2 });
});
