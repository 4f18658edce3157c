/** Writing plans: a plan with its targets, tasks and the agencies they name; its status. */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Static } from 'typebox';
import type { DB } from '../../db/schema.ts';
import type { NewPlan } from '@ytcs/common';

type Db = Kysely<DB> | Transaction<DB>;

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

export async function setPlanStatus(trx: Db, id: number, status: 'draft' | 'active' | 'closed'): Promise<void> {
  await trx.updateTable('plan').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
}
