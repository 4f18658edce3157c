/** The audit log: one row per write and per read of a person's record, in the caller's transaction. */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import type { Actor } from '../../http/app-types.ts';
import type { DB } from '../../db/schema.ts';
import { orgUnitInScope } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface AuditEntry {
  action: string;
  entityType?: string | null;
  entityId?: string | number | null;
  orgUnitId?: number | null;
  details?: Record<string, unknown> | null;
}

export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      user_id: actor.userId,
      action: entry.action,
      entity_type: entry.entityType ?? null,
      entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      org_unit_id: entry.orgUnitId ?? null,
      ip: actor.ip,
      request_id: actor.requestId,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}

export interface AuditFilter {
  userId?: number;
  action?: string;
  entityType?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/**
 * Events are in scope when they happened at an org unit inside the caller's scope; events
 * without a unit (e.g. a failed login for an unknown name) only for a country-wide scope.
 */
export async function listAudit(db: Db, scope: Scope, countryWide: boolean, f: AuditFilter) {
  let query = db
    .selectFrom('audit_event as a')
    .leftJoin('org_unit as o', 'o.id', 'a.org_unit_id')
    .leftJoin('app_user as u', 'u.id', 'a.user_id');
  query = query.where((eb) => (countryWide ? eb.or([orgUnitInScope('o', scope), eb('a.org_unit_id', 'is', null)]) : orgUnitInScope('o', scope)));
  if (f.userId) query = query.where('a.user_id', '=', f.userId);
  if (f.action) query = query.where('a.action', '=', f.action);
  if (f.entityType) query = query.where('a.entity_type', '=', f.entityType);
  // Days are Vietnam's days (UTC+7, no daylight saving), whatever the server's time zone.
  if (f.from) query = query.where('a.at', '>=', sql<Date>`(${f.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  if (f.to) query = query.where('a.at', '<', sql<Date>`(${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  const [rows, count] = await Promise.all([
    query
      .select(['a.id', 'a.at', 'a.user_id', 'u.username', 'a.action', 'a.entity_type', 'a.entity_id', 'a.org_unit_id', 'a.ip', 'a.request_id'])
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: count.total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      userId: r.user_id,
      username: r.username,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      orgUnitId: r.org_unit_id,
      ip: r.ip,
      requestId: r.request_id,
    })),
  };
}
