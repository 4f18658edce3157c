/** SQL for signing in: users by name, sessions, and the grants a session carries. */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Grant } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function findUserByUsername(db: Db, username: string) {
  return db
    .selectFrom('app_user')
    .where('username', '=', username)
    .select(['id', 'username', 'password_hash', 'active', 'failed_logins', 'locked_until'])
    .executeTakeFirst();
}

export function findUserPassword(db: Db, userId: number) {
  return db.selectFrom('app_user').where('id', '=', userId).select(['id', 'password_hash']).executeTakeFirst();
}

export async function setPassword(db: Db, userId: number, hash: string, mustChange: boolean) {
  await db
    .updateTable('app_user')
    .set({ password_hash: hash, must_change_password: mustChange, password_changed_at: sql`now()`, failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

export async function insertSession(db: Db, tokenHash: string, userId: number, expiresAt: Date, ip: string | null) {
  await db.insertInto('session').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt, ip }).execute();
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteOtherSessions(db: Db, userId: number, keepHash: string) {
  await db.deleteFrom('session').where('user_id', '=', userId).where('token_hash', '<>', keepHash).execute();
}

/**
 * Sign-in records past their use: sessions ended by idleness or by the absolute limit, and
 * attempt counts with no lock in force and no attempt for a day.
 */
export async function deleteExpired(db: Db, absoluteMs: number) {
  await db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('expires_at', '<', sql<Date>`now()`), eb('created_at', '<', sql<Date>`now() - ${absoluteMs} * interval '1 millisecond'`)]))
    .execute();
  await db
    .deleteFrom('login_attempt')
    .where('updated_at', '<', sql<Date>`now() - interval '24 hours'`)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', sql<Date>`now()`)]))
    .execute();
}

export interface SessionRow {
  user_id: number;
  username: string;
  last_seen_at: Date;
  created_at: Date;
  expires_at: Date;
  must_change_password: boolean;
  grants: Grant[] | null;
}

/**
 * One round trip per request: the live session, its active user, and every (permission, path)
 * the user holds — at the org unit of each role and at the areas that unit serves.
 */
export async function findSession(db: Db, tokenHash: string, absoluteMs: number): Promise<SessionRow | undefined> {
  const result = await sql<SessionRow>`
    select s.user_id, u.username, u.must_change_password, s.last_seen_at, s.created_at, s.expires_at,
      (select json_agg(json_build_object('permission', g.permission, 'path', g.path::text))
       from (
         select rp.permission, o.path
         from user_role ur
         join role_permission rp on rp.role = ur.role
         join org_unit o on o.id = ur.org_unit_id
         where ur.user_id = s.user_id
         union
         select rp.permission, a.path
         from user_role ur
         join role_permission rp on rp.role = ur.role
         join org_unit_catchment c on c.facility_id = ur.org_unit_id
         join org_unit a on a.id = c.area_id
         where ur.user_id = s.user_id
       ) g) as grants
    from session s
    join app_user u on u.id = s.user_id and u.active
    where s.token_hash = ${tokenHash} and s.expires_at > now()
      and s.created_at > now() - ${absoluteMs} * interval '1 millisecond'
  `.execute(db);
  return result.rows[0];
}

export async function touchSession(db: Db, tokenHash: string, expiresAt: Date) {
  await db.updateTable('session').set({ last_seen_at: sql`now()`, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
}

export async function meOf(db: Db, userId: number) {
  const user = await db
    .selectFrom('app_user')
    .where('id', '=', userId)
    .select(['id', 'username', 'full_name', 'must_change_password'])
    .executeTakeFirstOrThrow();
  const roles = await db
    .selectFrom('user_role as ur')
    .innerJoin('role as r', 'r.code', 'ur.role')
    .innerJoin('org_unit as o', 'o.id', 'ur.org_unit_id')
    .where('ur.user_id', '=', userId)
    .select(['r.code', 'r.name_vi', 'r.name_en', 'o.id', 'o.code as org_code', 'o.name', 'o.level', 'o.kind'])
    .orderBy('r.sort')
    .execute();
  return { user, roles };
}
