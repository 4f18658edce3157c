import { foldVietnamese } from '@ytcs/common';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

it('folds in SQL exactly as in TypeScript, for every official unit name', async () => {
  const rows = await sql<{ name: string; folded: string }>`select name, ytcs_fold(name) as folded from org_unit`.execute(ctx.database.db);
  expect(rows.rows.length).toBeGreaterThan(14000);
  const differ = rows.rows.filter((r) => foldVietnamese(r.name) !== r.folded);
  expect(differ.map((r) => `${r.name} → ${r.folded} ≠ ${foldVietnamese(r.name)}`)).toEqual([]);
});
