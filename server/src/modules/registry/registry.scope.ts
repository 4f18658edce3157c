/**
 * Which households and residents a caller reaches: those whose home unit (village, or commune
 * when no village is known) lies in the caller's scope. The units are a small set (a province
 * has a few thousand villages), so the check is a hash semi-join on an indexed column.
 */
import { type Expression, type Kysely, type SqlBool, type Transaction, sql } from 'kysely';
import { commonUnit } from '../../access/paths.ts';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { orgUnitInScope } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

export { scopeTops } from '../../access/principal.ts';

/** The ids of the units under the caller's scope, as a subquery. */
export function homeUnitsOf(db: Db, scope: Scope) {
  return db.selectFrom('org_unit as su').where(orgUnitInScope('su', scope)).select('su.id');
}

export function homeUnitInScope(db: Db, column: string, scope: Scope): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (${homeUnitsOf(db, scope)})`;
}

/** The commune and village a new record is placed in, if the caller may write there. */
export async function placeIn(db: Db, scope: Scope, unitId: number) {
  const unit = await db
    .selectFrom('org_unit as o')
    .leftJoin('org_unit as p', 'p.id', 'o.parent_id')
    .where('o.id', '=', unitId)
    .where('o.valid_to', 'is', null)
    .where('o.level', 'in', ['commune', 'village'])
    .where(orgUnitInScope('o', scope))
    .select(['o.id', 'o.level', 'o.parent_id', 'p.level as parent_level'])
    .executeTakeFirst();
  if (!unit) return null;
  if (unit.level === 'commune') return { communeId: unit.id, villageId: null };
  return unit.parent_level === 'commune' && unit.parent_id ? { communeId: unit.parent_id, villageId: unit.id } : null;
}

/** A household the caller reaches (its home unit in scope) in this commune, or nothing. */
export function findHouseholdIn(db: Db, scope: Scope, householdId: number, communeId: number) {
  return db.selectFrom('household as h').where('h.id', '=', householdId).where('h.commune_id', '=', communeId).where(homeUnitInScope(db, 'h.home_unit_id', scope)).select('h.id').executeTakeFirst();
}

/**
 * The unit an event about the caller's whole scope is filed under: the scope's one unit, or the
 * deepest unit above all of its units (a user holding roles at two communes: their province), so
 * that every auditor whose scope covers the whole of what was reached sees the event.
 */
export const scopeUnitOf = (scope: Scope): number | null => commonUnit(scope.paths);
