/** The immunisation programme's SQL: the schedule as served, and the due list of a unit, judged by rules.ts' doseStatusesSql. */
import { type ListedDoseStatus, type Antigen, DEFAULT_CATCH_UP_MONTHS, LISTED_DOSE_STATUSES, type DueChild, type ScheduleRow } from '@ytcs/common';
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import { doseStatusesSql, sqlDate } from '../../db/rules.ts';
import type { DB } from '../../db/schema.ts';
import { homeUnitInScope } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function listSchedule(db: Db): Promise<ScheduleRow[]> {
  const { rows } = await sql<ScheduleRow>`
    select s.series, se.name_vi as "seriesNameVi", se.name_en as "seriesNameEn", s.dose, s.age_months as "ageMonths", s.age_days as "ageDays",
      s.min_interval_days as "minIntervalDays", s.catch_up_months as "catchUpMonths", s.effective_from as "effectiveFrom", s.effective_to as "effectiveTo",
      array(select sv.vaccine_code from immunisation_series_vaccine sv where sv.series = s.series order by sv.vaccine_code) as vaccines,
      array(select distinct va.antigen from immunisation_series_vaccine sv join vaccine_antigen va on va.vaccine_code = sv.vaccine_code
            where sv.series = s.series order by va.antigen) as antigens,
      s.source
    from immunisation_schedule s join immunisation_series se on se.code = s.series
    order by se.sort, s.dose, s.effective_from nulls first`.execute(db);
  return rows;
}

export function findArea(db: Db, id: number) {
  return db.selectFrom('org_unit').where('id', '=', id).select(['id', 'path', 'level']).executeTakeFirst();
}

export interface DueSearch {
  unitPath: string;
  day: string;
  status?: ListedDoseStatus;
  antigen?: Antigen;
  limit: number;
  offset: number;
}

/**
 * The children of a unit (within the caller's scope) with a dose due, overdue or not started on
 * the day, by village, then the longest-waiting first. One query for the whole unit: the children
 * young enough for any dose, their statuses judged together, grouped into one row per child.
 */
export async function dueList(db: Db, scope: Scope, s: DueSearch): Promise<{ items: DueChild[]; total: number }> {
  const day = sqlDate(s.day);
  const children = sql`
    select r.id, r.birth_date from resident r
    where r.status = 'active' and r.birth_date is not null and r.birth_date <= ${day}
      and r.birth_date > (${day} - make_interval(months => (select greatest(${DEFAULT_CATCH_UP_MONTHS}::int, max(catch_up_months)) from immunisation_schedule)))::date
      and ${homeUnitInScope(db, 'r.home_unit_id', scope)}
      and r.home_unit_id in (select f.id from org_unit f where f.path <@ ${s.unitPath}::ltree)`;
  const statuses = s.status ? [s.status] : [...LISTED_DOSE_STATUSES];
  const forAntigen = s.antigen
    ? sql`and d.series in (select sv.series from immunisation_series_vaccine sv join vaccine_antigen va on va.vaccine_code = sv.vaccine_code where va.antigen = ${s.antigen})`
    : sql``;
  const { rows } = await sql<DueChild & { total: number }>`
    with listed as (
      select d.* from (${doseStatusesSql(children, day)}) d where d.status = any(${statuses}::text[]) ${forAntigen}
    ),
    kids as (
      select l.resident_id, min(l.due_date) as first_due,
        json_agg(json_build_object('series', l.series, 'dose', l.dose, 'dueDate', l.due_date, 'status', l.status) order by l.due_date, l.series, l.dose) as doses
      from listed l group by l.resident_id
    )
    select r.id as "residentId", r.full_name as "fullName", r.birth_date as "birthDate", r.sex, r.village_id as "villageId", v.name as "villageName",
      h.address, head.full_name as carer, k.doses, (select count(*) from kids)::int as total
    from kids k
    join resident r on r.id = k.resident_id
    left join org_unit v on v.id = r.village_id
    left join household h on h.id = r.household_id
    left join resident head on head.id = h.head_id and head.id <> r.id
    order by v.name nulls last, k.first_due, r.full_name, r.id
    limit ${s.limit} offset ${s.offset}`.execute(db);
  const total = rows[0]?.total ?? (s.offset > 0 ? await countDue(db, scope, { ...s, offset: 0, limit: 1 }) : 0);
  return { items: rows.map(({ total: _, ...child }) => child), total };
}

/** The total when a page past the end was asked for (rare: a page is read from its first). */
async function countDue(db: Db, scope: Scope, s: DueSearch): Promise<number> {
  return (await dueList(db, scope, s)).total;
}
