/** "Overdue" is one rule: the database's count (taskOverdue) agrees with common's isOverdue. */
import { isOverdue } from '@ytcs/common';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../test/harness.ts';
import { taskOverdue } from './tasks.repository.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const TODAY = '2026-06-15';
const STATUSES = ['not_started', 'in_progress', 'done'] as const;
const DEADLINES = [
  null, // no deadline: a recurring duty
  '2025-12-31', // long past
  '2026-06-14', // yesterday (a done task: finished, perhaps late)
  '2026-06-15', // today
  '2026-06-16', // tomorrow (a done task: finished on time)
];
const CASES = STATUSES.flatMap((status) => DEADLINES.map((deadline) => ({ status, deadline })));

it('counts a task overdue in SQL exactly when isOverdue says so', async () => {
  const rows = CASES.map((c, n) => sql`(${n}::int, ${c.status}::text, ${c.deadline}::date)`);
  const result = await sql<{ n: number; overdue: boolean }>`
    select t.n, ${taskOverdue('t', TODAY)} as overdue from (values ${sql.join(rows)}) as t(n, status, deadline) order by t.n
  `.execute(ctx.database.db);
  const expected = CASES.map((c, n) => ({ n, ...c, overdue: isOverdue(c, TODAY) }));
  expect(result.rows.map((r, n) => ({ n: r.n, ...(CASES[n] as (typeof CASES)[number]), overdue: r.overdue }))).toEqual(expected);
  // The table has both answers, so the comparison can fail.
  expect(new Set(expected.map((e) => e.overdue))).toEqual(new Set([true, false]));
});

