/** SQL of the register export: the people of a unit in the register's order, then a page of them at a time. */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { homeUnitInScope, orgUnitInScope } from '../../db/scope.ts';
import { RESIDENT_SELECTION } from '../registry/index.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A unit in the caller's scope and the ids of its active residents, households together, head first; nothing if out of scope. */
export async function registerOf(db: Db, scope: Scope, orgUnit: number) {
  const unit = await db.selectFrom('org_unit as o').where('o.id', '=', orgUnit).where(orgUnitInScope('o', scope)).select(['o.id', 'o.code', 'o.path']).executeTakeFirst();
  if (!unit) return null;
  const under = db.selectFrom('org_unit as f').where(sql<boolean>`f.path <@ ${unit.path}::ltree`).select('f.id');
  const ordered = await db
    .selectFrom('resident as r')
    .leftJoin('org_unit as v', 'v.id', 'r.village_id')
    .leftJoin('household as h', 'h.id', 'r.household_id')
    .where('r.status', '=', 'active')
    .where('r.home_unit_id', 'in', under)
    .where(homeUnitInScope(db, 'r.home_unit_id', scope))
    .select('r.id')
    .orderBy('r.commune_id')
    .orderBy(sql`v.name nulls first`)
    .orderBy(sql`h.id nulls last`)
    .orderBy(sql`r.relationship = 'head'`, 'desc')
    .orderBy('r.birth_year')
    .orderBy('r.id')
    .execute();
  return { unit, ids: ordered.map((r) => r.id) };
}

/** The people of a page of the register, by id (in no order: the caller keeps the register's). */
export function registerPeople(db: Db, ids: number[]) {
  return db
    .selectFrom('resident as r')
    .leftJoin('household as h', 'h.id', 'r.household_id')
    .leftJoin('org_unit as v', 'v.id', 'r.village_id')
    .where(sql<boolean>`r.id = any(${ids}::bigint[])`)
    .select([
      'r.id',
      'v.name as village',
      'h.code as householdCode',
      'h.address',
      'r.relationship',
      ...RESIDENT_SELECTION,
    ])
    .execute();
}
