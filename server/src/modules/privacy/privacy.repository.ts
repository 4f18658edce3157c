/** The SQL of the privacy duties: a person's access log, and who read which records in a period. */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { auditInScope } from '../audit/index.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Audit events about personal records (reads, searches, exports, writes) — the breach report's rows. */
export const PERSON_ENTITIES = ['resident', 'household', 'encounter', 'immunization', 'import'];

const unitNames = sql<string[]>`array(select o.name from org_unit o where o.id = any(a.org_unit_ids) order by o.name)`;

/** Every audited access to one person: their record, their household, their encounters and immunisations. */
export async function accessLog(db: Db, residentId: number, householdId: number | null) {
  const rows = await db
    .selectFrom('audit_event as a')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('a.entity_type', '=', 'resident'), eb('a.entity_id', '=', String(residentId))]),
        eb.and([eb('a.entity_type', 'in', ['encounter', 'immunization']), sql<boolean>`a.details->>'resident' = ${String(residentId)}`]),
        ...(householdId ? [eb.and([eb('a.entity_type', '=', 'household'), eb('a.entity_id', '=', String(householdId))])] : []),
      ]),
    )
    .select(['a.at', 'a.action', 'u.username', unitNames.as('units')])
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ at: r.at.toISOString(), action: r.action, username: r.username, units: r.units }));
}

export interface AccessReportFilter {
  from: string;
  to: string;
  /** Only events concerning units under this one. */
  unitId?: number;
}

export interface AccessRow {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  fullName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  units: string[];
  results: number | null;
  ip: string | null;
}

function reportQuery(db: Db, scope: Scope, countryWide: boolean, f: AccessReportFilter) {
  let q = db
    .selectFrom('audit_event as a')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .where('a.entity_type', 'in', PERSON_ENTITIES)
    .where(auditInScope(scope, countryWide))
    // Days are Vietnam's days (UTC+7), as in the audit listing.
    .where('a.at', '>=', sql<Date>`(${f.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`)
    .where('a.at', '<', sql<Date>`(${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  if (f.unitId) q = q.where(sql<boolean>`a.org_unit_ids && array(select o.id from org_unit o where o.scope_ids && array[${f.unitId}]::bigint[])`);
  return q;
}

/** One page of the report in time order, after the (at, id) of the previous page's last row. */
export async function accessPage(db: Db, scope: Scope, countryWide: boolean, f: AccessReportFilter, after: { at: Date; id: number } | null, limit: number) {
  let q = reportQuery(db, scope, countryWide, f);
  if (after) q = q.where(sql<boolean>`(a.at, a.id) > (${after.at}::timestamptz, ${after.id}::bigint)`);
  const rows = await q
    .select(['a.id', 'a.at', 'a.user_id', 'u.username', 'u.full_name', 'a.action', 'a.entity_type', 'a.entity_id', 'a.ip', unitNames.as('units'), sql<number | null>`(a.details->>'results')::int`.as('results')])
    .orderBy('a.at')
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    cursor: { at: r.at, id: r.id },
    row: { id: r.id, at: r.at.toISOString(), userId: r.user_id, username: r.username, fullName: r.full_name, action: r.action, entityType: r.entity_type, entityId: r.entity_id, units: r.units, results: r.results, ip: r.ip } satisfies AccessRow,
  }));
}

/** Per user: how many accesses and how many distinct records. */
export async function accessSummary(db: Db, scope: Scope, countryWide: boolean, f: AccessReportFilter) {
  const rows = await reportQuery(db, scope, countryWide, f)
    .select([
      'a.user_id',
      sql<string | null>`max(u.username)`.as('username'),
      sql<number>`count(*)::int`.as('events'),
      sql<number>`count(distinct (a.entity_type, a.entity_id)) filter (where a.entity_id is not null)::int`.as('records'),
    ])
    .groupBy('a.user_id')
    .orderBy(sql`count(*)`, 'desc')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, username: r.username, events: r.events, records: r.records }));
}

/** A unit by id, with its path (to check it lies in the caller's scope). */
export function findUnit(db: Db, id: number) {
  return db.selectFrom('org_unit').where('id', '=', id).select(['id', 'path']).executeTakeFirst();
}
