/**
 * The SQL twins of rules in common/: one fragment per rule, used by every query that judges it,
 * so the database and the TypeScript rule cannot drift apart (rules.int.test.ts checks they agree).
 */
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
