/** SQL for user accounts and the roles they hold at org units. */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { orgUnitInScope } from '../../db/scope.ts';
import { containing } from '../../db/like.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Users are in scope when they hold at least one role at a unit inside the scope. */
function usersInScope(db: Db, scope: Scope) {
  return db
    .selectFrom('user_role as ur')
    .innerJoin('org_unit as o', 'o.id', 'ur.org_unit_id')
    .where(orgUnitInScope('o', scope))
    .select('ur.user_id');
}

export async function listUsers(db: Db, scope: Scope, q: string | undefined, limit: number, offset: number) {
  let query = db.selectFrom('app_user as u').where('u.id', 'in', usersInScope(db, scope));
  if (q) {
    const like = containing(q);
    query = query.where((eb) => eb.or([eb('u.username', 'like', like), eb(sql`ytcs_fold(u.full_name)`, 'like', like)]));
  }
  const [rows, count] = await Promise.all([
    query.select(['u.id']).orderBy('u.username').limit(limit).offset(offset).execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: count.total };
}

export async function usersByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  const [users, roles] = await Promise.all([
    db
      .selectFrom('app_user')
      .where('id', 'in', ids)
      .select(['id', 'username', 'full_name', 'active', 'locked_until', 'created_at'])
      .orderBy('username')
      .execute(),
    db
      .selectFrom('user_role as ur')
      .innerJoin('org_unit as o', 'o.id', 'ur.org_unit_id')
      .where('ur.user_id', 'in', ids)
      .select(['ur.user_id', 'ur.role', 'o.id', 'o.code', 'o.name', 'o.level', 'o.kind', sql<string>`o.path::text`.as('path')])
      .orderBy('ur.role')
      .execute(),
  ]);
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    active: u.active,
    lockedUntil: u.locked_until ? u.locked_until.toISOString() : null,
    createdAt: u.created_at.toISOString(),
    roles: roles
      .filter((r) => r.user_id === u.id)
      .map((r) => ({ role: r.role, path: r.path, orgUnit: { id: r.id, code: r.code, name: r.name, level: r.level, kind: r.kind } })),
  }));
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  return !!(await db.selectFrom('app_user').where('username', '=', username).select('id').executeTakeFirst());
}

export async function insertUser(db: Db, user: { username: string; fullName: string; passwordHash: string; mustChangePassword: boolean }) {
  const row = await db
    .insertInto('app_user')
    .values({ username: user.username, full_name: user.fullName, password_hash: user.passwordHash, must_change_password: user.mustChangePassword })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(db: Db, id: number, patch: { fullName?: string; active?: boolean; passwordHash?: string }) {
  const set: Record<string, unknown> = {};
  if (patch.fullName !== undefined) set.full_name = patch.fullName;
  if (patch.active !== undefined) set.active = patch.active;
  if (patch.passwordHash !== undefined) {
    set.password_hash = patch.passwordHash;
    set.must_change_password = true;
    set.failed_logins = 0;
    set.locked_until = null;
  }
  if (Object.keys(set).length) await db.updateTable('app_user').set(set).where('id', '=', id).execute();
  if (patch.active === false || patch.passwordHash !== undefined) await db.deleteFrom('session').where('user_id', '=', id).execute();
}

/** Replaces the roles the user holds inside the scope; roles held elsewhere are not the caller's to touch. */
export async function replaceRoles(db: Db, scope: Scope, userId: number, roles: { role: string; orgUnitId: number }[]) {
  await db
    .deleteFrom('user_role')
    .where('user_id', '=', userId)
    .where('org_unit_id', 'in', db.selectFrom('org_unit as o').where(orgUnitInScope('o', scope)).select('o.id'))
    .execute();
  if (roles.length) {
    await db.insertInto('user_role').values(roles.map((r) => ({ user_id: userId, role: r.role, org_unit_id: r.orgUnitId }))).execute();
  }
}

export async function listRoles(db: Db) {
  const [roles, perms] = await Promise.all([
    db.selectFrom('role').selectAll().orderBy('sort').execute(),
    db.selectFrom('role_permission').selectAll().orderBy('permission').execute(),
  ]);
  return roles.map((r) => ({
    code: r.code,
    rank: r.sort,
    oversight: r.oversight,
    name: { vi: r.name_vi, en: r.name_en },
    permissions: perms.filter((p) => p.role === r.code).map((p) => p.permission),
  }));
}

/** Every role the user holds, wherever it is, with the unit's path. */
export function heldRoles(db: Db, userId: number) {
  return db
    .selectFrom('user_role as ur')
    .innerJoin('org_unit as o', 'o.id', 'ur.org_unit_id')
    .where('ur.user_id', '=', userId)
    .select(['ur.role', 'ur.org_unit_id', sql<string>`o.path::text`.as('path')])
    .execute();
}

/** The org units (by id) that lie inside the scope and are current. */
export async function unitsInScope(db: Db, scope: Scope, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('org_unit as o')
    .where('o.id', 'in', ids)
    .where('o.valid_to', 'is', null)
    .where(orgUnitInScope('o', scope))
    .select(['o.id', sql<string>`o.path::text`.as('path')])
    .execute();
}

/** The caller's rank for granting roles: the best (lowest) sort among their roles that may manage users. */
export async function granterRank(db: Db, userId: number): Promise<number | null> {
  const row = await db
    .selectFrom('user_role as ur')
    .innerJoin('role as r', 'r.code', 'ur.role')
    .innerJoin('role_permission as rp', (j) => j.onRef('rp.role', '=', 'r.code').on('rp.permission', '=', 'user.write'))
    .where('ur.user_id', '=', userId)
    .select(sql<number | null>`min(r.sort)`.as('rank'))
    .executeTakeFirst();
  return row?.rank ?? null;
}
