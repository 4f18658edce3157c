/** The SQL twins in rules.ts judge exactly as the TypeScript rules in common/, on the real database. */
import { givenNameFirst as givenNameFirstTs, type InsuranceCard, isInsuredOn } from '@ytcs/common';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../test/harness.ts';
import { givenNameFirst, insuredOn, sqlDate } from './rules.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const day = '2026-12-02';
const code = 'GD4190123456789';
const cards: Record<string, InsuranceCard> = {
  'no card': { code: null, validFrom: null, validTo: null },
  'dates without a code': { code: null, validFrom: '2020-01-01', validTo: '2099-12-31' },
  'card without dates': { code, validFrom: null, validTo: null },
  'starts in the future': { code, validFrom: '2099-01-01', validTo: '2099-12-31' },
  'starts tomorrow': { code, validFrom: '2026-12-03', validTo: null },
  'starts today': { code, validFrom: day, validTo: '2027-12-31' },
  'ended yesterday': { code, validFrom: '2025-12-02', validTo: '2026-12-01' },
  'ends today': { code, validFrom: '2025-12-03', validTo: day },
  'open-ended': { code, validFrom: '2020-01-01', validTo: null },
  'no start, ends later': { code, validFrom: null, validTo: '2030-06-30' },
};

it('judges "insured on a date" in SQL exactly as isInsuredOn', async () => {
  const names = Object.keys(cards);
  const rows = await sql<{ name: string; insured: boolean }>`
    select r.name, ${insuredOn('r', sqlDate(day))} as insured
    from unnest(${names}::text[], ${names.map((n) => cards[n]?.code ?? null)}::text[],
      ${names.map((n) => cards[n]?.validFrom ?? null)}::date[], ${names.map((n) => cards[n]?.validTo ?? null)}::date[])
      as r(name, insurance_code, insurance_valid_from, insurance_valid_to)
  `.execute(ctx.database.db);
  const inSql = Object.fromEntries(rows.rows.map((r) => [r.name, r.insured]));
  const inTs = Object.fromEntries(names.map((n) => [n, isInsuredOn(cards[n] as InsuranceCard, day)]));
  expect(inSql).toEqual(inTs);
  // Both outcomes are exercised, so agreement is not vacuous.
  expect(new Set(Object.values(inTs))).toEqual(new Set([true, false]));
});

it('orders by given name in SQL exactly as givenNameFirst', async () => {
  const names = ['nguyen thi hong', 'le lan', 'hong', '', "y ngoc h'dok", 'ton nu thi  hoa', 'a b c d e'];
  const rows = await sql<{ name: string; key: string }>`
    select n.name, ${givenNameFirst(sql.ref('n.name'))} as key from unnest(${names}::text[]) as n(name)
  `.execute(ctx.database.db);
  expect(Object.fromEntries(rows.rows.map((r) => [r.name, r.key]))).toEqual(Object.fromEntries(names.map((n) => [n, givenNameFirstTs(n)])));
});
