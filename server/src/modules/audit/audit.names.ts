/**
 * Names for the events of an audit page, where the reader may see them: the units, the users
 * (for readers with user.read) and the plans and tasks (for readers who may read the plan). People
 * in the registry are never named here: a page of the log naming residents would itself be an
 * unaudited read of personal data; their events keep the record's number, and opening it is an
 * audited read like any other.
 */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { orgUnitInScope } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface NameableEvent {
  entity_type: string | null;
  entity_id: string | null;
  org_unit_id: number | null;
}

export interface NameRights {
  /** Users may be named (the reader holds user.read). */
  users: boolean;
  /** The reader's plan.read scope: a plan (and its tasks) is named when readable there. */
  plans: Scope;
}

const TASK_TEXT = 80;
const idsOf = (events: NameableEvent[], type: string) => [...new Set(events.filter((e) => e.entity_type === type && e.entity_id && /^\d+$/.test(e.entity_id)).map((e) => Number(e.entity_id)))];

/** A plan is readable in the scope of its issuer or of one of its areas (as plans.repository reads them). */
const planReadable = (scope: Scope) =>
  sql<boolean>`(exists (select 1 from org_unit i where i.id = p.org_unit_id and ${orgUnitInScope('i', scope)})
    or exists (select 1 from org_unit a where a.id = any(p.area_ids) and ${orgUnitInScope('a', scope)}))`;

/** The name of each event's entity (by "type:id") and of each unit, for the events of one page. */
export async function namesFor(db: Db, events: NameableEvent[], rights: NameRights) {
  const unitIds = [...new Set(events.flatMap((e) => (e.org_unit_id === null ? [] : [Number(e.org_unit_id)])))];
  const userIds = rights.users ? idsOf(events, 'user') : [];
  const planIds = rights.plans.paths.length ? idsOf(events, 'plan') : [];
  const taskIds = rights.plans.paths.length ? idsOf(events, 'plan_task') : [];
  const [units, users, plans, tasks] = await Promise.all([
    unitIds.length ? db.selectFrom('org_unit').where('id', 'in', unitIds).select(['id', 'name']).execute() : [],
    userIds.length ? db.selectFrom('app_user').where('id', 'in', userIds).select(['id', 'username as name']).execute() : [],
    planIds.length
      ? db.selectFrom('plan as p').where('p.id', 'in', planIds).where(planReadable(rights.plans)).select(['p.id', 'p.number', 'p.title']).execute()
      : [],
    taskIds.length
      ? db
          .selectFrom('plan_task as t')
          .innerJoin('plan as p', 'p.id', 't.plan_id')
          .where('t.id', 'in', taskIds)
          .where(planReadable(rights.plans))
          .select(['t.id', 't.section', 't.text'])
          .execute()
      : [],
  ]);
  const entities = new Map<string, string>();
  for (const u of users) entities.set(`user:${u.id}`, u.name);
  for (const p of plans) entities.set(`plan:${p.id}`, p.number ? `${p.number} — ${p.title}` : p.title);
  for (const t of tasks) {
    const text = t.text.length > TASK_TEXT ? `${t.text.slice(0, TASK_TEXT - 1).trimEnd()}…` : t.text;
    entities.set(`plan_task:${t.id}`, t.section ? `${t.section}. ${text}` : text);
  }
  return { entities, units: new Map(units.map((u) => [Number(u.id), u.name])) };
}
