/** The due rule's SQL twin judges every dose of every child exactly as common's doseStatuses. */
import { type DoseOnDay, doseStatuses } from '@ytcs/common';
import { exampleChildren, exampleDay, exampleSchedule } from '@ytcs/common/immunisation/examples';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../test/harness.ts';
import { doseStatusesSql, sqlDate } from './rules.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const names = Object.keys(exampleChildren);
const rows = exampleSchedule.doses;
const pairs = Object.entries(exampleSchedule.vaccinesOf).flatMap(([series, vaccines]) => vaccines.map((v) => [series, v] as const));
const given = names.flatMap((name, i) => (exampleChildren[name]?.given ?? []).map((g) => ({ id: i + 1, ...g })));

const fromCases = {
  schedule: sql`(select * from unnest(${rows.map((r) => r.series)}::text[], ${rows.map((r) => r.dose)}::int[], ${rows.map((r) => r.ageMonths)}::int[],
    ${rows.map((r) => r.ageDays)}::int[], ${rows.map((r) => r.minIntervalDays)}::int[], ${rows.map((r) => r.catchUpMonths)}::int[],
    ${rows.map((r) => r.effectiveFrom)}::date[], ${rows.map((r) => r.effectiveTo)}::date[])
    as t(series, dose, age_months, age_days, min_interval_days, catch_up_months, effective_from, effective_to))`,
  seriesVaccines: sql`(select * from unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) as t(series, vaccine_code))`,
  immunizations: sql`(select * from unnest(${given.map((g) => g.id)}::bigint[], ${given.map((g) => g.vaccine)}::text[], ${given.map((g) => g.date)}::date[]) as t(resident_id, vaccine_code, date))`,
};
const children = sql`select * from unnest(${names.map((_, i) => i + 1)}::bigint[], ${names.map((n) => exampleChildren[n]?.birthDate)}::date[]) as t(id, birth_date)`;

const key = (d: { series: string; dose: number }) => `${d.series}.${d.dose}`;

it.each([exampleDay, '2025-10-09', '2026-01-01', '2027-01-15', '2027-03-01'])('judges every dose in SQL exactly as doseStatuses on %s', async (day) => {
  const { rows: found } = await sql<{ resident_id: number; series: string; dose: number; status: string; due_date: string | null }>`
    select * from (${doseStatusesSql(children, sqlDate(day), fromCases)}) d`.execute(ctx.database.db);
  const inSql = Object.fromEntries(names.map((name, i) => [name, Object.fromEntries(found.filter((r) => r.resident_id === i + 1).map((r) => [key(r), [r.status, r.due_date]]))]));
  const inTs = Object.fromEntries(
    names.map((name) => {
      const child = exampleChildren[name];
      const statuses: DoseOnDay[] = child ? doseStatuses(child.birthDate, child.given, exampleSchedule, day) : [];
      return [name, Object.fromEntries(statuses.map((d) => [key(d), [d.status, d.dueDate]]))];
    }),
  );
  expect(inSql).toEqual(inTs);
});

it('meets every status across the cases, so agreement is not vacuous', () => {
  const seen = new Set(
    ['2026-12-03', '2027-01-15', '2025-10-09'].flatMap((day) => names.flatMap((n) => doseStatuses(exampleChildren[n]?.birthDate ?? '', exampleChildren[n]?.given ?? [], exampleSchedule, day).map((d) => d.status))),
  );
  expect([...seen].sort()).toEqual(['due', 'expired', 'given', 'not_started', 'overdue', 'unscheduled', 'upcoming', 'waiting'].sort());
});
