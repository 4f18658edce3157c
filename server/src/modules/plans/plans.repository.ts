/**
 * Plans, their targets and tasks, and the agencies that own tasks. A plan is reached by callers
 * whose scope holds its issuing unit or one of its area units; plans of the units above a caller
 * (the province's plan a commune carries out) are readable too, as the public documents they are.
 */
import { type Expression, type Kysely, type SqlBool, type Transaction, sql } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import type { Static } from 'typebox';
import type { DB, TaskStatus } from '../../db/schema.ts';
import type { NewPlan } from '@ytcs/common';

type Db = Kysely<DB> | Transaction<DB>;

const tops = (scope: Scope) => scope.paths.map((p) => Number(p.slice(p.lastIndexOf('.') + 1)));

/** The plan is inside the scope: its issuing unit or an area unit lies in it. */
export function planInScope(alias: string, scope: Scope): Expression<SqlBool> {
  if (scope.paths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`exists (select 1 from org_unit so where (so.id = ${sql.ref(`${alias}.org_unit_id`)} or so.id = any(${sql.ref(`${alias}.area_ids`)}))
    and so.scope_ids && ${sql.val(tops(scope))}::bigint[])`;
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

/** Agency ids for names at a unit, creating the missing ones (names compared folded). */
export async function agencyIds(db: Db, unitId: number, names: string[]): Promise<Map<string, number>> {
  const distinct = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (distinct.length === 0) return new Map();
  await sql`
    insert into agency (org_unit_id, name) select ${unitId}, n from unnest(${sql.val(distinct)}::text[]) as n
    on conflict (org_unit_id, name_folded) do nothing
  `.execute(db);
  const rows = await sql<{ id: string; name: string }>`
    select a.id, n as name from unnest(${sql.val(distinct)}::text[]) as n
    join agency a on a.org_unit_id = ${unitId} and a.name_folded = ytcs_fold(n)
  `.execute(db);
  return new Map(rows.rows.map((r) => [r.name, Number(r.id)]));
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
      sql<number>`(select count(*)::int from plan_task t where t.plan_id = p.id and t.status <> 'done' and t.deadline < ${f.today}::date)`.as('overdueTasks'),
    ])
    .orderBy('p.issued_on', 'desc')
    .orderBy('p.id', 'desc');
  if (f.orgUnit) {
    q = q.where(sql<SqlBool>`exists (select 1 from org_unit fu where fu.id = ${f.orgUnit} and (fu.id = p.org_unit_id or fu.id = any(p.area_ids) or o.path @> fu.path))`);
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

export interface TaskRow {
  id: number;
  planId: number;
  section: string | null;
  text: string;
  leadAgencyId: number | null;
  lead: string | null;
  coordinating: string[];
  coordinatingIds: number[];
  deadline: string | null;
  recurring: string | null;
  status: TaskStatus;
  progress: number;
  updatedAt: Date;
  lastNote: string | null;
}

export async function tasksOf(db: Db, where: { planId?: number; taskId?: number }): Promise<TaskRow[]> {
  let q = db
    .selectFrom('plan_task as t')
    .leftJoin('agency as a', 'a.id', 't.lead_agency_id')
    .select([
      't.id',
      't.plan_id as planId',
      't.section',
      't.text',
      't.lead_agency_id as leadAgencyId',
      'a.name as lead',
      sql<string[]>`coalesce((select array_agg(g.name order by g.name) from plan_task_partner pp join agency g on g.id = pp.agency_id where pp.task_id = t.id), '{}')`.as('coordinating'),
      sql<number[]>`coalesce((select array_agg(pp.agency_id) from plan_task_partner pp where pp.task_id = t.id), '{}')`.as('coordinatingIds'),
      sql<string | null>`to_char(t.deadline, 'YYYY-MM-DD')`.as('deadline'),
      't.recurring',
      't.status',
      't.progress',
      't.updated_at as updatedAt',
      // The task's own note: a partner's note on its part stays in the history.
      sql<string | null>`(select u.note from task_update u where u.task_id = t.id and u.partner_agency_id is null order by u.created_at desc, u.id desc limit 1)`.as('lastNote'),
    ])
    .orderBy('t.sort');
  if (where.planId) q = q.where('t.plan_id', '=', where.planId);
  if (where.taskId) q = q.where('t.id', '=', where.taskId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), planId: Number(r.planId), leadAgencyId: r.leadAgencyId === null ? null : Number(r.leadAgencyId), coordinatingIds: r.coordinatingIds.map(Number) }));
}

export async function unitsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('org_unit').where('id', 'in', ids).select(['id', sql<string>`path::text`.as('path'), 'name', 'level', 'kind']).orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export interface PlanInsert {
  unitId: number;
  area: number[];
  input: Static<typeof NewPlan>;
  indicatorIds: Map<string, number>;
  userId: number | null;
}

/** Writes a plan with its targets, tasks and the agencies they name, in the caller's transaction. */
export async function insertPlan(trx: Db, p: PlanInsert): Promise<number> {
  const plan = await trx
    .insertInto('plan')
    .values({
      org_unit_id: p.unitId,
      area_ids: p.area,
      number: p.input.number,
      issued_on: p.input.issuedOn,
      title: p.input.title,
      implements: JSON.stringify(p.input.implements),
      parent_ref: p.input.parentRef ? JSON.stringify(p.input.parentRef) : null,
      // The higher plan, when it is in the system too (same number; same date when both say).
      parent_plan_id: p.input.parentRef
        ? sql<number | null>`(select pp.id from plan pp where pp.number = ${p.input.parentRef.number}
            and (${p.input.parentRef.issuedOn}::date is null or pp.issued_on is null or pp.issued_on = ${p.input.parentRef.issuedOn}::date) order by pp.id limit 1)`
        : null,
      legal_basis: JSON.stringify(p.input.legalBasis),
      from_year: p.input.fromYear,
      to_year: p.input.toYear,
      recipients: JSON.stringify(p.input.recipients),
      signer: p.input.signer ? JSON.stringify(p.input.signer) : null,
      created_by: p.userId,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const planId = Number(plan.id);
  if (p.input.targets.length > 0) {
    await trx
      .insertInto('plan_target')
      .values(
        p.input.targets.map((t, sort) => ({
          plan_id: planId,
          indicator_id: p.indicatorIds.get(t.indicator) as number,
          comparator: t.comparator,
          value: t.value,
          year: t.year,
          baseline: t.baseline ?? null,
          baseline_year: t.baselineYear ?? null,
          text: t.text ?? null,
          sort,
        })),
      )
      .execute();
  }
  const agencies = await agencyIds(trx, p.unitId, p.input.tasks.flatMap((t) => [...(t.lead ? [t.lead] : []), ...t.coordinating]));
  if (p.input.tasks.length > 0) {
    const tasks = await trx
      .insertInto('plan_task')
      .values(
        p.input.tasks.map((t, sort) => ({
          plan_id: planId,
          section: t.section ?? null,
          text: t.text,
          lead_agency_id: t.lead ? (agencies.get(t.lead.trim()) ?? null) : null,
          deadline: t.deadline ?? null,
          recurring: t.recurring ?? null,
          updated_at: new Date(),
          sort,
        })),
      )
      .returning('id')
      .execute();
    const partners = p.input.tasks.flatMap((t, n) =>
      [...new Set(t.coordinating.map((c) => agencies.get(c.trim())).filter((a): a is number => a !== undefined))].map((agency_id) => ({ task_id: Number(tasks[n]?.id), agency_id })),
    );
    if (partners.length > 0) await trx.insertInto('plan_task_partner').values(partners).execute();
  }
  return planId;
}
