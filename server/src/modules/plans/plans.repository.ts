/**
 * Plans, their targets and tasks, and the agencies that own tasks. A plan is reached by callers
 * whose scope holds its issuing unit or one of its area units; plans of the units above a caller
 * (the province's plan a commune carries out) are readable too, as the public documents they are.
 */
import type { CommuneBody } from '@ytcs/common';
import { type Expression, type Kysely, type SqlBool, type Transaction, sql } from 'kysely';
import { type Scope, scopeTops } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { orgUnitInScope } from '../../db/scope.ts';
import { taskOverdue } from './tasks.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The plan is inside the scope: its issuing unit or an area unit lies in it. */
export function planInScope(alias: string, scope: Scope): Expression<SqlBool> {
  if (scope.paths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`exists (select 1 from org_unit so where (so.id = ${sql.ref(`${alias}.org_unit_id`)} or so.id = any(${sql.ref(`${alias}.area_ids`)}))
    and so.scope_ids && ${sql.val(scopeTops(scope))}::bigint[])`;
}

/**
 * The plan is in the scope or was issued above it. The paths go as text[]: PGlite learns array
 * types when it starts, before a first migration has created ltree.
 */
export function planReadable(alias: string, scope: Scope): Expression<SqlBool> {
  if (scope.paths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${planInScope(alias, scope)} or exists (select 1 from org_unit sa where sa.id = ${sql.ref(`${alias}.org_unit_id`)}
    and sa.path @> any(${sql.val(scope.paths)}::text[]::ltree[])))`;
}

/**
 * The plan's issuing unit lies in the scope: itself, or, for an issuer closed by the 2025
 * reorganisation, a successor at its level or above (a closed city's plan belongs to the province
 * that took the city over, never to the wards that carry it out). The official successions are
 * all of that kind (commune to commune or province, district and province to province); the level
 * test keeps a future split of a district into communes from making each commune its editor.
 */
export function issuerInScope(alias: string, scope: Scope): Expression<SqlBool> {
  if (scope.paths.length === 0) return sql<SqlBool>`false`;
  const paths = sql`${sql.val(scope.paths)}::text[]::ltree[]`;
  const rank = (level: Expression<unknown>) => sql`array_position(array['country','province','district','commune','village','facility']::text[], ${level})`;
  return sql<SqlBool>`exists (select 1 from org_unit iu where iu.id = ${sql.ref(`${alias}.org_unit_id`)} and (iu.path <@ any(${paths})
    or exists (select 1 from org_unit hu where hu.path = any(iu.successor_paths) and ${rank(sql.ref('hu.level'))} <= ${rank(sql.ref('iu.level'))} and hu.path <@ any(${paths}))))`;
}

/** What the rights on one plan are decided from (see plans.policy.ts). */
export async function planRightFacts(db: Db, id: number, scopes: { write: Scope; report: Scope }) {
  const row = await db
    .selectFrom('plan as p')
    .where('p.id', '=', id)
    .select([
      'p.org_unit_id as issuerId',
      sql<SqlBool>`${issuerInScope('p', scopes.write)}`.as('editsIssuer'),
      sql<SqlBool>`${issuerInScope('p', scopes.report)}`.as('reportsForIssuer'),
      sql<SqlBool>`${planReadable('p', scopes.report)}`.as('reachesPlan'),
    ])
    .executeTakeFirst();
  return row ? { issuerId: Number(row.issuerId), editsIssuer: Boolean(row.editsIssuer), reportsForIssuer: Boolean(row.reportsForIssuer), reachesPlan: Boolean(row.reachesPlan) } : null;
}

/** The current units carrying on a unit's area: itself, or the heirs of it and its parts. */
export async function areaOf(db: Db, unitId: number): Promise<number[]> {
  // Only the most specific heirs: a district whose communes went to three wards of a new
  // province is judged on the three wards, not on the whole province as well.
  const result = await sql<{ id: string }>`
    with heir as (
      select u.id, u.path from org_unit u where u.id = ${unitId} and u.valid_to is null
      union
      select h.id, h.path from org_unit o, unnest(o.successor_paths) sp, org_unit h
      where o.path <@ (select path from org_unit where id = ${unitId}) and h.path = sp
        and not exists (select 1 from org_unit c where c.id = ${unitId} and c.valid_to is null)
    )
    select a.id from heir a where not exists (select 1 from heir b where b.path <@ a.path and b.id <> a.id)
  `.execute(db);
  return result.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

export interface PlanSummary {
  id: number;
  orgUnitId: number;
  orgUnitName: string;
  areaIds: number[];
  number: string | null;
  issuedOn: string | null;
  title: string;
  status: 'draft' | 'active' | 'closed';
  fromYear: number | null;
  toYear: number | null;
  parentPlanId: number | null;
  targets: number;
  tasks: number;
  overdueTasks: number;
}

/** The columns a plan is listed with (plan as p, its issuing org_unit as o). */
const PLAN_HEADER = [
  'p.id',
  'p.org_unit_id as orgUnitId',
  'o.name as orgUnitName',
  'p.area_ids as areaIds',
  'p.number',
  sql<string | null>`to_char(p.issued_on, 'YYYY-MM-DD')`.as('issuedOn'),
  'p.title',
  'p.status',
  'p.from_year as fromYear',
  'p.to_year as toYear',
  'p.parent_plan_id as parentPlanId',
] as const;

export async function listPlans(db: Db, scope: Scope, f: { orgUnit?: number; today: string }): Promise<PlanSummary[]> {
  let q = db
    .selectFrom('plan as p')
    .innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
    .where(planReadable('p', scope))
    .select(PLAN_HEADER)
    .select([
      sql<number>`(select count(*)::int from plan_target t where t.plan_id = p.id)`.as('targets'),
      sql<number>`(select count(*)::int from plan_task t where t.plan_id = p.id)`.as('tasks'),
      sql<number>`(select count(*)::int from plan_task t where t.plan_id = p.id and ${taskOverdue('t', f.today)})`.as('overdueTasks'),
    ])
    .orderBy('p.issued_on', 'desc')
    .orderBy('p.id', 'desc');
  if (f.orgUnit) {
    // The plans of the unit and of every unit above it: issued there, or carried out in an area
    // that holds it (a village carries out its commune's plan, and the closed city's the commune inherited).
    q = q.where(sql<SqlBool>`exists (select 1 from org_unit fu where fu.id = ${f.orgUnit} and (o.path @> fu.path
      or exists (select 1 from org_unit au where au.id = any(p.area_ids) and au.path @> fu.path)))`);
  }
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), orgUnitId: Number(r.orgUnitId), areaIds: r.areaIds.map(Number), parentPlanId: r.parentPlanId === null ? null : Number(r.parentPlanId) }));
}

export async function findPlan(db: Db, scope: Scope, id: number) {
  return db
    .selectFrom('plan as p')
    .innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
    .where('p.id', '=', id)
    .where(planReadable('p', scope))
    .select(PLAN_HEADER)
    .select([
      'o.level as orgUnitLevel',
      'o.kind as orgUnitKind',
      'p.implements',
      'p.parent_ref as parentRef',
      'p.legal_basis as legalBasis',
      'p.recipients',
      'p.signer',
    ])
    .executeTakeFirst();
}

/** The plan is readable in the scope (in it, or issued above it): else it is "not found". */
export async function planIsReadable(db: Db, scope: Scope, id: number): Promise<boolean> {
  const row = await db.selectFrom('plan as p').where('p.id', '=', id).where(planReadable('p', scope)).select('p.id').executeTakeFirst();
  return Boolean(row);
}

/** The unit that issued a plan: what its events are filed under, so the auditors above it see them. */
export async function planIssuer(db: Db, id: number): Promise<number | null> {
  const row = await db.selectFrom('plan').where('id', '=', id).select('org_unit_id').executeTakeFirst();
  return row ? Number(row.org_unit_id) : null;
}

export async function targetsOf(db: Db, planId: number) {
  const rows = await db
    .selectFrom('plan_target as t')
    .innerJoin('indicator as i', 'i.id', 't.indicator_id')
    .where('t.plan_id', '=', planId)
    .select(['t.id', 'i.code as indicator', 't.comparator', 't.value', 't.year', 't.baseline', 't.baseline_year as baselineYear', 't.text'])
    .orderBy('t.sort')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), value: Number(r.value), baseline: r.baseline === null ? null : Number(r.baseline) }));
}

/** The agency an account belongs to, or null for a unit's own account. */
export async function agencyOfUser(db: Db, userId: number): Promise<number | null> {
  const row = await db.selectFrom('app_user').where('id', '=', userId).select('agency_id').executeTakeFirst();
  return row?.agency_id === null || row?.agency_id === undefined ? null : Number(row.agency_id);
}

/**
 * The communes in a plan's area whose committee (a committee role at the commune) or station (a
 * station role at the commune's health station) this user is: they carry out the plan's tasks
 * given to every commune ("UBND các xã, phường").
 */
export async function communeBodiesOfUser(db: Db, userId: number, planId: number): Promise<{ body: CommuneBody; communeId: number; communeName: string }[]> {
  const { rows } = await sql<{ body: CommuneBody; communeId: string; communeName: string }>`
    select distinct ur.role as body, c.id as "communeId", c.name as "communeName"
    from user_role ur
    join org_unit u on u.id = ur.org_unit_id
    join org_unit c on c.id = case when ur.role = 'station' then u.parent_id else u.id end
    where ur.user_id = ${userId} and ur.role in ('committee', 'station') and c.level = 'commune' and c.valid_to is null
      and (ur.role = 'committee' or u.kind = 'health_station')
      and exists (select 1 from plan p join org_unit a on a.id = any(p.area_ids) where p.id = ${planId} and c.path <@ a.path)
  `.execute(db);
  return rows.map((r) => ({ ...r, communeId: Number(r.communeId) }));
}

/** The agency a commune's own body files its part under: found, or made the first time. */
export async function communeBodyAgency(db: Db, communeId: number, name: string): Promise<number> {
  const row = await db
    .insertInto('agency')
    .values({ org_unit_id: communeId, name })
    .onConflict((oc) => oc.columns(['org_unit_id', 'name_folded']).doUpdateSet({ name: (eb) => eb.ref('agency.name') }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Org units in the scope whose folded name ends with `area`, at `levels`; current ones first. */
export async function issuerCandidates(db: Db, scope: Scope, area: string, levels: string[]) {
  const rows = await db
    .selectFrom('org_unit as o')
    .leftJoin('org_unit as p', 'p.id', 'o.parent_id')
    .where('o.name_folded', 'like', `%${area.replace(/[%_\\]/g, '\\$&')}`)
    .where('o.level', 'in', levels)
    .where(orgUnitInScope('o', scope))
    .select(['o.id', 'o.name', 'o.level', 'o.valid_to as validTo', 'p.name as parentName'])
    .orderBy(sql`o.valid_to is null`, 'desc')
    .orderBy('o.id')
    .limit(10)
    .execute();
  return rows.map((c) => ({ ...c, id: Number(c.id), validTo: c.validTo ? String(c.validTo).slice(0, 10) : null }));
}


