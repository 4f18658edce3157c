/**
 * Loading a generated population into a real database (PGlite, or PostgreSQL when DATABASE_URL
 * is set): the counts the loader reports are what the tables hold, every row went through the
 * tables' constraints (nothing is bypassed), households and heads point at each other, and a
 * second load continues without colliding with the first.
 */
import { foldVietnamese } from '@ytcs/common';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { loadDemoData } from './demo-data.ts';
import { loadDemoPopulation } from './population.ts';

const AS_OF = '2026-11-25';
const TABLES = ['household', 'resident', 'health_record', 'immunization', 'encounter', 'diagnosis', 'observation', 'life_event'] as const;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoData(ctx.database.db);
});
afterAll(async () => {
  await ctx?.close();
});

async function tableCounts() {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(ctx.database.db);
    counts[table] = r.rows[0]?.n ?? -1;
  }
  return counts;
}

describe('loadDemoPopulation', () => {
  it('loads 5,000 residents into the demo communes with the counts it reports', async () => {
    const result = await loadDemoPopulation(ctx.database.db, { totalResidents: 5000, asOf: AS_OF });
    expect(result.counts.resident).toBe(5000);
    expect(await tableCounts()).toEqual(result.counts);
    expect(result.counts.household).toBeGreaterThan(1200);
    expect(result.counts.health_record).toBeGreaterThan(2500);
    expect(result.counts.immunization).toBeGreaterThan(2000);
    expect(result.counts.observation).toBeGreaterThan(result.counts.encounter);
    expect(result.rowsPerSecond).toBeGreaterThan(0);

    const perCommune = await sql<{ code: string; n: number }>`
      select c.code, count(*)::int as n from resident r join org_unit c on c.id = r.commune_id group by c.code order by c.code
    `.execute(ctx.database.db);
    // Shares 36 : 34 : 30 : 12 : 12 of 5,000, by commune code.
    const shares = new Map([
      ['01840', 36],
      ['01843', 34],
      ['01849', 30],
      ['12127', 12],
      ['16480', 12],
    ]);
    expect(perCommune.rows.map((r) => r.code)).toEqual([...shares.keys()]);
    for (const r of perCommune.rows) expect(Math.abs(r.n - (5000 * (shares.get(r.code) as number)) / 124)).toBeLessThan(1);
    expect(perCommune.rows.reduce((a, r) => a + r.n, 0)).toBe(5000);
  });

  it('links every household and its head both ways, in the commune and village of its members', async () => {
    const broken = await sql<{ id: number }>`
      select h.id from household h join resident head on head.id = h.head_id
      where head.household_id <> h.id or head.relationship <> 'head' or head.commune_id <> h.commune_id
        or head.village_id is distinct from h.village_id
      union all
      select h.id from household h where h.head_id is null
      union all
      select r.id from resident r join org_unit v on v.id = r.village_id where v.parent_id <> r.commune_id or v.level <> 'village'
    `.execute(ctx.database.db);
    expect(broken.rows).toEqual([]);
    const heads = await sql<{ n: number }>`select count(*)::int as n from resident where relationship = 'head'`.execute(ctx.database.db);
    const households = await sql<{ n: number }>`select count(*)::int as n from household`.execute(ctx.database.db);
    expect(heads.rows[0]?.n).toBe(households.rows[0]?.n);
  });

  it('stores names the database folds as common/ does, and clinical rows at the commune station', async () => {
    const sample = await sql<{ full_name: string; name_folded: string }>`select full_name, name_folded from resident order by id limit 200`.execute(ctx.database.db);
    for (const r of sample.rows) expect(r.name_folded).toBe(foldVietnamese(r.full_name));
    const misplaced = await sql<{ id: number }>`
      select e.id from encounter e join org_unit f on f.id = e.facility_id where f.kind <> 'health_station' or f.parent_id <> e.commune_id
      union all
      select i.id from immunization i join org_unit f on f.id = i.facility_id where f.kind <> 'health_station' or f.parent_id <> i.commune_id
      union all
      select e.id from encounter e join resident r on r.id = e.resident_id where r.commune_id <> e.commune_id
    `.execute(ctx.database.db);
    expect(misplaced.rows).toEqual([]);
    const record = await sql<{ history: { tobacco: string; personalHistory: { conditions: string[] } } }>`select history from health_record limit 1`.execute(ctx.database.db);
    expect(record.rows[0]?.history).toMatchObject({ tobacco: expect.any(String), personalHistory: { conditions: expect.any(Array) } });
  });

  it('continues on a second load: new ids, CCCDs and household codes never collide with the first', async () => {
    const before = await tableCounts();
    const result = await loadDemoPopulation(ctx.database.db, { totalResidents: 1000, asOf: AS_OF });
    const after = await tableCounts();
    for (const table of TABLES) expect(after[table]).toBe((before[table] ?? 0) + result.counts[table]);
    const duplicates = await sql<{ n: number }>`
      select (select count(*) from (select social_insurance_no from resident where social_insurance_no is not null group by 1 having count(*) > 1) s)::int
        + (select count(*) from (select commune_id, code from household group by 1, 2 having count(*) > 1) h)::int as n
    `.execute(ctx.database.db);
    expect(duplicates.rows[0]?.n).toBe(0);
  });
});

describe('generated records through the API', () => {
  it('reads back each generated history unchanged through the record schema', async () => {
    const { DEMO_PASSWORD } = await import('./demo-data.ts');
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tram.ducxuan', password: DEMO_PASSWORD } });
    const cookie = `ytcs_session=${login.cookies.find((c) => c.name === 'ytcs_session')?.value}`;
    const stored = await sql<{ resident_id: number; history: unknown }>`
      select h.resident_id, h.history from health_record h join resident r on r.id = h.resident_id
      join org_unit c on c.id = r.commune_id where c.code = '01840' order by h.resident_id limit 40`.execute(ctx.database.db);
    expect(stored.rows.length).toBe(40);
    for (const row of stored.rows) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/residents/${row.resident_id}/record`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.json().history).toEqual(row.history);
    }
  });

  it('gives the station a due list with children due, overdue and not started', async () => {
    const { DEMO_PASSWORD } = await import('./demo-data.ts');
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tram.ducxuan', password: DEMO_PASSWORD } });
    const cookie = `ytcs_session=${login.cookies.find((c) => c.name === 'ytcs_session')?.value}`;
    const commune = await sql<{ id: number }>`select id from org_unit where level = 'commune' and code = '01840'`.execute(ctx.database.db);
    for (const status of ['due', 'overdue', 'not_started']) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/immunisation/due?orgUnit=${commune.rows[0]?.id}&status=${status}&day=${AS_OF}`, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().total, status).toBeGreaterThan(0);
    }
  });
});
