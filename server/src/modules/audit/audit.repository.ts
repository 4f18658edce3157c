/** The audit log: one row per write and per read of a person's record, in the caller's transaction. */
import { type Expression, type Kysely, type SqlBool, type Transaction, sql } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import type { Actor } from '../../http/app-types.ts';
import type { DB } from '../../db/schema.ts';
import { orgUnitInScope } from '../../db/scope.ts';
import { type NameRights, namesFor } from './audit.names.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface AuditEntry {
  /** One of the codes listed (and labelled) in common/src/audit/codes.ts (audit.codes.test.ts checks the source). */
  action: string;
  entityType?: string | null;
  entityId?: string | number | null;
  orgUnitId?: number | null;
  /** Further units the event concerns (e.g. the home units of the people a search returned). */
  orgUnitIds?: number[] | null;
  details?: Record<string, unknown> | null;
}

/**
 * Appends one event. Its units (org_unit_ids) are the caller's orgUnitId and orgUnitIds, completed
 * in the same INSERT by ytcs_audit_units(): an event about a user concerns that user's role units,
 * and an event naming no unit concerns the acting user's role units. No extra round trip, no lock:
 * the hash chain is added afterwards by the sealer (audit.chain.ts).
 */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  const entityType = entry.entityType ?? null;
  const entityId = entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId);
  const details = entry.details ? JSON.stringify(entry.details) : null;
  const given = [...new Set([entry.orgUnitId, ...(entry.orgUnitIds ?? [])].filter((u): u is number => typeof u === 'number'))];
  await db
    .insertInto('audit_event')
    .values({
      user_id: actor.userId,
      action: entry.action,
      entity_type: entityType,
      entity_id: entityId,
      org_unit_id: entry.orgUnitId ?? given[0] ?? null,
      ip: actor.ip,
      request_id: actor.requestId,
      details,
      // Named units of an event not about a user are complete as given: skip the derivation.
      org_unit_ids:
        given.length > 0 && entityType !== 'user'
          ? sql<number[]>`${given}::bigint[]`
          : sql<number[]>`ytcs_audit_units(${given}::bigint[], ${entityType}::text, ${entityId}::text, ${actor.userId}::bigint, ${details}::jsonb)`,
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
 * Events are in scope when any unit they concern lies inside the caller's scope (one GIN-indexed
 * overlap with the scope's units); events without a unit (e.g. a failed login for an unknown
 * name) only for a country-wide scope, which sees everything.
 */
export function auditInScope(scope: Scope, countryWide: boolean): Expression<SqlBool> {
  if (countryWide) return sql<SqlBool>`true`;
  return sql<SqlBool>`a.org_unit_ids && array(select o.id from org_unit o where ${orgUnitInScope('o', scope)})`;
}

/** The caller's scope is the whole country (the country is the only root: a one-label path). */
export const isCountryWide = (scope: Scope) => scope.paths.some((p) => !p.includes('.'));

export async function listAudit(db: Db, scope: Scope, countryWide: boolean, f: AuditFilter, rights: NameRights) {
  let query = db.selectFrom('audit_event as a').leftJoin('app_user as u', 'u.id', 'a.user_id');
  query = query.where(auditInScope(scope, countryWide));
  if (f.userId) query = query.where('a.user_id', '=', f.userId);
  if (f.action) query = query.where('a.action', '=', f.action);
  if (f.entityType) query = query.where('a.entity_type', '=', f.entityType);
  // Days are Vietnam's days (UTC+7, no daylight saving), whatever the server's time zone.
  if (f.from) query = query.where('a.at', '>=', sql<Date>`(${f.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  if (f.to) query = query.where('a.at', '<', sql<Date>`(${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  const [rows, count] = await Promise.all([
    query
      .select(['a.id', 'a.at', 'a.user_id', 'u.username', 'a.action', 'a.entity_type', 'a.entity_id', 'a.org_unit_id', 'a.org_unit_ids', 'a.ip', 'a.request_id'])
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  const names = await namesFor(db, rows, rights);
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
      entityName: names.entities.get(`${r.entity_type}:${r.entity_id}`) ?? null,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_id === null ? null : (names.units.get(Number(r.org_unit_id)) ?? null),
      orgUnitIds: r.org_unit_ids,
      ip: r.ip,
      requestId: r.request_id,
    })),
  };
}
