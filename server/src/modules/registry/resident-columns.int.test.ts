/** The resident's fields as resident-columns.ts lists them are the table's columns, of the types the staging tables declare. */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../test/harness.ts';
import { RESIDENT_COLUMNS, RESIDENT_TYPES } from './resident-columns.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const SQL_NAME = { text: 'text', date: 'date', int: 'integer' } as const;

it('declares each field with the column and type the resident table has', async () => {
  const { rows } = await sql<{ name: string; type: string }>`
    select column_name as name, data_type as type from information_schema.columns where table_name = 'resident'
  `.execute(ctx.database.db);
  const table = new Map<string, string>(rows.map((r) => [r.name, r.type]));
  const listed = Object.entries(RESIDENT_COLUMNS).map(([field, column]) => [column, SQL_NAME[RESIDENT_TYPES[field as keyof typeof RESIDENT_TYPES]]] as const);
  expect(listed.map(([column]) => [column, table.get(column)])).toEqual(listed);
});
