/**
 * The SQL twins of rules in common/: one fragment per rule, used by every query that judges it,
 * so the database and the TypeScript rule cannot drift apart (rules.int.test.ts checks they agree).
 */
import { type AncStanding, PREGNANCY_DAYS, TRIMESTERS } from '@ytcs/common';
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
