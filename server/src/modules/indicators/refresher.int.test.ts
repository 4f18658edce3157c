/**
 * The refresher leaves a commune alone while an import is writing its people: its figures are
 * recomputed once after the last batch, not after each (on PGlite a recompute of a large commune
 * held the one connection for seconds, again and again, during a long import).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext, unitId } from '../../../test/harness.ts';
import { refreshQueued } from './refresher.ts';

let ctx: TestContext;
let commune: number;

beforeAll(async () => {
  ctx = await createTestContext({ YTCS_INDICATOR_REFRESH_MS: '3600000' });
  commune = await unitId(ctx, 'commune', '01840');
});
afterAll(() => ctx.close());

it('waits for an import being committed in the commune, then recomputes it once', async () => {
  const db = ctx.database.db;
  const job = await sql<{ id: number }>`insert into import_job (unit_id, commune_id, format, status) values (${commune}, ${commune}, 'csv', 'committing') returning id`.execute(db);
  const id = job.rows[0]?.id;
  await sql`insert into indicator_refresh (commune_id) values (${commune}) on conflict do nothing`.execute(db);
  expect(await refreshQueued(db)).toBe(0);
  const queued = await sql<{ n: number }>`select count(*)::int as n from indicator_refresh where commune_id = ${commune}`.execute(db);
  expect(queued.rows[0]?.n).toBe(1);
  await sql`update import_job set status = 'committed' where id = ${id}`.execute(db);
  expect(await refreshQueued(db)).toBe(1);
  expect(await refreshQueued(db)).toBe(0);
});
