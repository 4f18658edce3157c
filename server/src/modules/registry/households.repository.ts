/** SQL for households. */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { homeUnitInScope, homeUnitsOf } from '../../db/scope.ts';
import { containing } from '../../db/like.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * A household as the caller may see it: its head only when the head lives in the caller's scope
 * (a head who moved to another village is not shown to that village's worker), and the members
 * counted likewise, so the count matches the members listed.
 */
function selectHousehold(db: Db, scope: Scope) {
  return db
    .selectFrom('household as h')
    .innerJoin('org_unit as c', 'c.id', 'h.commune_id')
    .leftJoin('org_unit as v', 'v.id', 'h.village_id')
    .leftJoin('resident as head', (join) => join.onRef('head.id', '=', 'h.head_id').on(homeUnitInScope(db, 'head.home_unit_id', scope)))
    .select([
      'h.id',
      'h.code',
      'h.address',
      'h.commune_id as communeId',
      'c.name as communeName',
      'h.village_id as villageId',
      'v.name as villageName',
      'head.id as headId',
      'head.full_name as headName',
      sql<number>`(select count(*) from resident m where m.household_id = h.id and m.status = 'active' and m.home_unit_id in (${homeUnitsOf(db, scope)}))::int`.as('memberCount'),
      'h.created_at as createdAt',
    ]);
}

export function findHousehold(db: Db, scope: Scope, id: number) {
  return selectHousehold(db, scope).where('h.id', '=', id).where(homeUnitInScope(db, 'h.home_unit_id', scope)).executeTakeFirst();
}

export async function listHouseholds(db: Db, scope: Scope, f: { q?: string; orgUnitPath?: string; limit: number; offset: number }) {
  let query = selectHousehold(db, scope).where(homeUnitInScope(db, 'h.home_unit_id', scope));
  if (f.orgUnitPath) {
    query = query.where('h.home_unit_id', 'in', db.selectFrom('org_unit as f').where(sql<boolean>`f.path <@ ${f.orgUnitPath}::ltree`).select('f.id'));
  }
  if (f.q) {
    const like = containing(f.q);
    // By the head's name or the address (folded, anywhere in it) or the household number (folded, whole).
    query = query.where((eb) => eb.or([eb('head.name_folded', 'like', like), eb(sql`ytcs_fold(h.address)`, 'like', like), eb(sql`ytcs_fold(h.code)`, '=', f.q as string)]));
  }
  const [items, count] = await Promise.all([
    query.orderBy('c.name').orderBy('v.name').orderBy('h.id').limit(f.limit).offset(f.offset).execute(),
    query.clearSelect().select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.total };
}

export async function insertHousehold(db: Db, h: { communeId: number; villageId: number | null; code: string | null; address: string }) {
  const row = await db.insertInto('household').values({ commune_id: h.communeId, village_id: h.villageId, code: h.code, address: h.address }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function setHead(db: Db, householdId: number, headId: number) {
  await db.updateTable('household').set({ head_id: headId, updated_at: sql`now()` }).where('id', '=', householdId).execute();
}

export async function householdCodeTaken(db: Db, communeId: number, code: string) {
  return !!(await db.selectFrom('household').where('commune_id', '=', communeId).where('code', '=', code).select('id').executeTakeFirst());
}
