/**
 * The SQL twins of rules in common/: one fragment per rule, used by every query that judges it,
 * so the database and the TypeScript rule cannot drift apart (rules.int.test.ts checks they agree).
 */
import { type AncStanding, DEFAULT_CATCH_UP_MONTHS, OVERDUE_AFTER_DAYS, PREGNANCY_DAYS, TRIMESTERS } from '@ytcs/common';
import { type RawBuilder, sql } from 'kysely';

/**
 * common's isInsuredOn over a resident row: `alias` names a row with insurance_code,
 * insurance_valid_from and insurance_valid_to; `date` is an SQL date (current_date, a parameter).
 * Never null, so `not (…)` finds the uninsured.
 */
export function insuredOn(alias: string, date: RawBuilder<unknown>): RawBuilder<boolean> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`(${col('insurance_code')} is not null
    and (${col('insurance_valid_from')} is null or ${col('insurance_valid_from')} <= ${date})
    and (${col('insurance_valid_to')} is null or ${col('insurance_valid_to')} >= ${date}))`;
}

/** A day as an SQL date parameter. */
export const sqlDate = (iso: string): RawBuilder<unknown> => sql`${iso}::date`;

/** common's givenNameFirst over a folded name column: the key that orders by given name. */
export function givenNameFirst(foldedName: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`regexp_replace(${foldedName}, '^(.+) (\\S+)$', '\\2 \\1')`;
}

/**
 * common's ancStanding over a pregnancy row: `alias` names a row with resident_id and edd, `on`
 * is an SQL date. The trimesters and the visits each asks come from common's TRIMESTERS; the
 * visits are the woman's examinations of type antenatal.
 */
export function ancStandingOn(alias: string, on: RawBuilder<unknown>): RawBuilder<AncStanding> {
  const start = sql`(${sql.ref(`${alias}.edd`)} - ${PREGNANCY_DAYS}::int)`;
  const count = (t: (typeof TRIMESTERS)[number]) => sql.raw(`c${t.trimester}`);
  const counts = TRIMESTERS.map((t) => sql`count(v.d) filter (where v.d between ${sql.lit(t.fromDay)} and ${sql.lit(t.toDay)} and v.d <= x.today) as ${count(t)}`);
  const missed = TRIMESTERS.map((t) => sql`(t.today > ${sql.lit(t.toDay)} and t.${count(t)} < ${sql.lit(t.visits)})`);
  const due = TRIMESTERS.map((t) => sql`(t.today between ${sql.lit(t.fromDay)} and ${sql.lit(t.toDay)} and t.${count(t)} < ${sql.lit(t.visits)})`);
  return sql<AncStanding>`(select case when ${sql.join(missed, sql` or `)} then 'missed' when ${sql.join(due, sql` or `)} then 'due' else 'on_track' end
    from (select x.today, ${sql.join(counts)}
      from (select (${on} - ${start}) as today) x
      left join lateral (select e.date - ${start} as d from encounter e where e.resident_id = ${sql.ref(`${alias}.resident_id`)} and e.type = 'antenatal') v on true
      group by x.today) t)`;
}

/** The relations doseStatusesSql reads; the int test passes its own cases in their place. */
export interface ScheduleRelations {
  /** (series, dose, age_months, age_days, min_interval_days, catch_up_months, effective_from, effective_to) */
  schedule: RawBuilder<unknown>;
  /** (series, vaccine_code) */
  seriesVaccines: RawBuilder<unknown>;
  /** (resident_id, vaccine_code, date) */
  immunizations: RawBuilder<unknown>;
}

const SCHEDULE_TABLES: ScheduleRelations = { schedule: sql`immunisation_schedule`, seriesVaccines: sql`immunisation_series_vaccine`, immunizations: sql`immunization` };

/**
 * common's doseStatuses for a whole set of children at once: `children` is a query of (id,
 * birth_date); the answer is a query of (resident_id, series, dose, status, due_date), one row per
 * child and applicable dose. Set-based: the doses are numbered per child and series by one window
 * over the children's immunisations, then joined to the schedule, so a province is one query.
 */
export function doseStatusesSql(children: RawBuilder<unknown>, day: RawBuilder<unknown>, from: ScheduleRelations = SCHEDULE_TABLES): RawBuilder<unknown> {
  return sql`
    with c as (${children}),
    g as (
      select t.resident_id, t.series, t.date, row_number() over (partition by t.resident_id, t.series order by t.date)::int as n
      from (select distinct i.resident_id, sv.series, i.date
            from ${from.immunizations} i join ${from.seriesVaccines} sv on sv.vaccine_code = i.vaccine_code
            where i.date <= ${day} and i.resident_id in (select c.id from c)) t
    ),
    s as (
      select c.id as resident_id, c.birth_date, sch.series, sch.dose, sch.min_interval_days, sch.catch_up_months,
        sch.effective_from, sch.effective_to, (c.birth_date + make_interval(months => sch.age_months, days => sch.age_days))::date as target
      from c cross join ${from.schedule} sch
    ),
    j as (
      select s.*, given.date as given_on, prev.date as previous,
        case when s.dose = 1 then s.target else greatest(s.target, prev.date + s.min_interval_days) end as due
      from s
      left join g given on given.resident_id = s.resident_id and given.series = s.series and given.n = s.dose
      left join g prev on prev.resident_id = s.resident_id and prev.series = s.series and prev.n = s.dose - 1
      where (s.effective_from is null or s.target >= s.effective_from) and (s.effective_to is null or s.target < s.effective_to)
    ),
    k as (
      select j.resident_id, j.series, j.dose, j.due, case
        when j.given_on is not null then 'given'
        when ${day} >= (j.birth_date + make_interval(months => coalesce(j.catch_up_months, ${DEFAULT_CATCH_UP_MONTHS}::int)))::date then 'expired'
        when j.dose > 1 and j.previous is null then 'waiting'
        when j.dose > 1 and j.min_interval_days is null then 'unscheduled'
        when j.due > ${day} then 'upcoming'
        when ${day} - j.due < ${OVERDUE_AFTER_DAYS}::int then 'due'
        when j.dose = 1 then 'not_started'
        else 'overdue' end as status
      from j
    )
    select k.resident_id, k.series, k.dose, k.status,
      case when k.status in ('upcoming', 'due', 'overdue', 'not_started') then k.due end as due_date
    from k`;
}
