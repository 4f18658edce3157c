/**
 * Counts the computed indicators of the registry (computed-indicators.ts): their numerators and
 * denominators per home unit (the village, else the commune) of the given communes, for a set of
 * periods that end on the same day, in one pass over the residents. Stock figures (a record, a
 * valid insurance card) are counted as of the periods' end; flow figures (a check-up) within each
 * period. Residents are those active now and born by the end date (moves and deaths are not dated
 * back yet); records count from the day they were opened, cards by their validity dates, so a past
 * period recomputed today gives that period's figures for today's population.
 */
import { parsePeriod } from '@ytcs/common';
import { type Kysely, type RawBuilder, type Transaction, sql } from 'kysely';
import { sqlDate } from '../../db/rules.ts';
import type { DB } from '../../db/schema.ts';
import { COMPUTED_INDICATORS, type ComputedIndicator, type CountingDays } from './computed-indicators.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface PeriodSpan {
  code: string;
  start: string;
}

/** Generated column names (d0, n0, l0…): from indexes only, never from input. */
const col = (prefix: string, i: number) => sql.raw(`${prefix}${i}`);

/**
 * Per entry: its columns of a person (denominator d, numerator n or last event day l, and the
 * join an event count needs), its counts per home unit and event day, and its figure per period.
 */
function entryParts(entry: ComputedIndicator, i: number, days: CountingDays) {
  const d = col('d', i);
  const n = col('n', i);
  const l = col('l', i);
  const person: RawBuilder<unknown>[] = [sql`(${entry.denominator(days)}) as ${d}`];
  const joins: RawBuilder<unknown>[] = [];
  const counts: RawBuilder<unknown>[] = [sql`count(*) filter (where ${d}) as ${d}`];
  const groupBy: RawBuilder<unknown>[] = [];
  let numerator: RawBuilder<unknown>;
  if (entry.numerator.counts === 'resident') {
    person.push(sql`(${entry.numerator.where(days)}) as ${n}`);
    counts.push(sql`count(*) filter (where ${d} and ${n}) as ${n}`);
    numerator = sql`sum(b.${n})`;
  } else {
    const ev = col('ev', i);
    joins.push(sql`left join (select s.resident_id, max(s.day) as last from (${entry.numerator.events(days)}) s group by s.resident_id) ${ev} on ${ev}.resident_id = r.id`);
    person.push(sql`${ev}.last as ${l}`);
    groupBy.push(l);
    // One row per home unit and last event day (a few hundred a village, not one a person).
    numerator = sql`coalesce(sum(b.${d}) filter (where b.${l} >= p.start), 0)`;
  }
  const figure = [sql`sum(b.${d}) as ${d}`, sql`${numerator} as ${n}`];
  return { person, joins, counts, groupBy, figure };
}

/**
 * Replaces the computed values of the given communes (all communes when null) for periods that
 * share the end date asOf. Delete-then-insert in the caller's transaction (which it must be
 * given: the JIT setting is local to it): readers see the old
 * figures until it commits, and a commune whose residents are all gone drops to no value.
 */
export async function recomputeCommunes(db: Db, communes: number[] | null, asOf: string, periods: PeriodSpan[], registry: readonly ComputedIndicator[] = COMPUTED_INDICATORS): Promise<number> {
  if (periods.length === 0 || (communes && communes.length === 0) || registry.length === 0) return 0;
  const codes = periods.map((p) => p.code);
  const starts = periods.map((p) => p.start);
  const minStart = [...starts].sort()[0] as string;
  const inCommunes = (column: string) => (communes ? sql`and ${sql.ref(column)} = any(${sql.val(communes)}::bigint[])` : sql``);
  const days: CountingDays = { asOf: sqlDate(asOf), from: sqlDate(minStart), inCommunes };
  const parts = registry.map((entry, i) => entryParts(entry, i, days));
  const all = (pick: (p: (typeof parts)[number]) => RawBuilder<unknown>[]) => parts.flatMap(pick);
  const groupBy = all((p) => p.groupBy);
  const values = registry.map((entry, i) => {
    const counted = codes.filter((code) => entry.periods.includes(parsePeriod(code)?.type ?? 'year'));
    return sql`(${entry.code}::text, f.${col('n', i)}, f.${col('d', i)}, ${sql.val(counted)}::text[])`;
  });

  const inCommuneUnits = communes
    ? sql`and v.org_unit_id in (select u.id from org_unit u where u.id = any(${sql.val(communes)}::bigint[]) or u.parent_id = any(${sql.val(communes)}::bigint[]))`
    : sql``;
  // A commune's recount is a few hundred milliseconds of work; PostgreSQL's JIT would spend a
  // second compiling it first (measured on 180,000 residents: 1.2 s of JIT for 0.3 s of work).
  await sql`set local jit = off`.execute(db);
  await sql`
    delete from indicator_value v using indicator i
    where i.id = v.indicator_id and i.source = 'computed' and v.origin = 'computed'
      and v.period = any(${sql.val(codes)}::text[]) ${inCommuneUnits}
  `.execute(db);

  const result = await sql`
    with period as (
      select * from unnest(${sql.val(codes)}::text[], ${sql.val(starts)}::date[]) as p(code, start)
    ), person as (
      select r.home_unit_id, ${sql.join(all((p) => p.person))}
      from resident r
      ${sql.join(all((p) => p.joins), sql` `)}
      where r.status = 'active' and coalesce(r.birth_date, make_date(r.birth_year, 1, 1)) <= ${asOf}::date ${inCommunes('r.commune_id')}
    ), by_day as (
      select home_unit_id, ${sql.join([...groupBy, ...all((p) => p.counts)])}
      from person group by ${sql.join([sql`home_unit_id`, ...groupBy])}
    ), figure as (
      select b.home_unit_id, p.code as period, ${sql.join(all((p) => p.figure))}
      from by_day b cross join period p
      group by b.home_unit_id, p.code
    )
    insert into indicator_value (indicator_id, org_unit_id, period, numerator, denominator, origin, updated_at)
    select i.id, f.home_unit_id, f.period, x.numerator, x.denominator, 'computed', now()
    from figure f
    cross join lateral (values ${sql.join(values)}) as x(code, numerator, denominator, periods)
    join indicator i on i.code = x.code and i.source = 'computed'
    where f.period = any(x.periods) and x.denominator > 0
    on conflict (indicator_id, period, org_unit_id) do update
      set numerator = excluded.numerator, denominator = excluded.denominator, origin = 'computed', entered_by = null, updated_at = now()
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
