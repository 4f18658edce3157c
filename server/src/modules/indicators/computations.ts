/**
 * The computed indicators: their numerators and denominators per home unit (the village, else the
 * commune) of the given communes, for a set of periods that
 * end on the same day, counted from the registry in one pass. Stock figures (a record, a valid
 * insurance card) are counted as of the periods' end; flow figures (a check-up) within each period.
 * Residents are those active now and born by the end date (moves and deaths are not dated back
 * yet); records count from the day they were opened, cards by their validity dates, so a past
 * period recomputed today gives that period's figures for today's population.
 */
import { type Kysely, type Transaction, sql } from 'kysely';
import { insuredOn, sqlDate } from '../../db/rules.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The computations an indicator can name (indicator.computation). */
export const COMPUTATIONS = ['health_record', 'insured', 'checkup'] as const;
export type Computation = (typeof COMPUTATIONS)[number];

export interface PeriodSpan {
  code: string;
  start: string;
}

/**
 * Replaces the computed values of the given communes (all communes when null) for periods that
 * share the end date asOf. Delete-then-insert in the caller's transaction (which it must be
 * given: the JIT setting is local to it): readers see the old
 * figures until it commits, and a commune whose residents are all gone drops to no value.
 */
export async function recomputeCommunes(db: Db, communes: number[] | null, asOf: string, periods: PeriodSpan[]): Promise<number> {
  if (periods.length === 0 || (communes && communes.length === 0)) return 0;
  const codes = periods.map((p) => p.code);
  const starts = periods.map((p) => p.start);
  const minStart = [...starts].sort()[0] as string;
  const inCommunes = (column: string) => (communes ? sql`and ${sql.ref(column)} = any(${sql.val(communes)}::bigint[])` : sql``);

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
    ), checked as (
      select e.resident_id, max(e.date) as last
      from encounter e
      where e.type in ('checkup', 'screening') and e.date between ${minStart}::date and ${asOf}::date ${inCommunes('e.commune_id')}
      group by e.resident_id
    ), person as (
      select r.home_unit_id, c.last,
        h.resident_id is not null as has_record,
        ${insuredOn('r', sqlDate(asOf))} as insured
      from resident r
      left join health_record h on h.resident_id = r.id and h.created_at < ${asOf}::date + 1
      left join checked c on c.resident_id = r.id
      where r.status = 'active' and coalesce(r.birth_date, make_date(r.birth_year, 1, 1)) <= ${asOf}::date ${inCommunes('r.commune_id')}
    ), by_day as (
      -- one row per home unit and last check-up day: a few hundred rows a village, not one a person
      select home_unit_id, last, count(*) as n,
        count(*) filter (where has_record) as with_record, count(*) filter (where insured) as insured
      from person group by home_unit_id, last
    ), figure as (
      select b.home_unit_id, p.code as period, sum(b.n) as residents, sum(b.with_record) as with_record,
        sum(b.insured) as insured, coalesce(sum(b.n) filter (where b.last >= p.start), 0) as checked
      from by_day b cross join period p
      group by b.home_unit_id, p.code
    )
    insert into indicator_value (indicator_id, org_unit_id, period, numerator, denominator, origin, updated_at)
    select i.id, f.home_unit_id, f.period,
      case i.computation when 'health_record' then f.with_record when 'insured' then f.insured else f.checked end,
      f.residents, 'computed', now()
    from figure f join indicator i on i.source = 'computed'
    on conflict (indicator_id, period, org_unit_id) do update
      set numerator = excluded.numerator, denominator = excluded.denominator, origin = 'computed', entered_by = null, updated_at = now()
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
