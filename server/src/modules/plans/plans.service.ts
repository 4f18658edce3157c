/**
 * Plans as officials use them: saved from a reviewed draft, read with each target's live value
 * (the plan's area summed from the indicator engine), its gap and trend, and the tasks with who
 * owns them. A unit closed by the 2025 reorganisation keeps its plans: they are judged on the
 * current units that inherited its area.
 */
import { isOverdue, judge, periodOf, previousPeriods, say, todayIso } from '@ytcs/common';
import type { Static } from 'typebox';
import type { Kysely } from 'kysely';
import type { RequestContext, SignedIn } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { type FieldError, invalid, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { IndicatorService } from '../indicators/index.ts';
import { unitInScope, unitsByIds } from '../org-units/index.ts';
import type { Dated } from '../../http/app-types.ts';
import { notThePlansEditor, planRights } from './plans.policy.ts';
import { areaOf, findPlan, listPlans, planIsReadable, planIssuer, targetsOf } from './plans.repository.ts';
import type { NewPlan, PlanDetail } from '@ytcs/common';
import { insertPlan, setPlanStatus } from './plans.writes.repository.ts';
import { tasksOf } from './tasks.repository.ts';

export type { SignedIn };


export function planService(db: Kysely<DB>, indicators: IndicatorService) {
  async function targetViews(ctx: SignedIn, planId: number, areaIds: number[], today: string) {
    const targets = await targetsOf(db, planId);
    const all = await indicators.list();
    const used = all.filter((i) => targets.some((t) => t.indicator === i.code));
    const units = await unitsByIds(db, areaIds);
    const year = periodOf('year', today);
    const trendPeriods = previousPeriods(periodOf('quarter', today), 4);
    const figures = await indicators.combined(ctx, units, used, [year, ...trendPeriods]);
    return targets.map((t) => {
      const ind = all.find((i) => i.code === t.indicator);
      const at = (period: string) => {
        const f = figures.find((x) => x.indicator === t.indicator && x.period === period);
        return f ?? { numerator: null, denominator: null, value: null, suppressed: false };
      };
      const current = at(year);
      return {
        ...t,
        indicatorName: ind?.nameVi ?? t.indicator,
        unit: ind?.unit ?? ('percent' as const),
        period: year,
        current: { numerator: current.numerator, denominator: current.denominator, value: current.value, suppressed: current.suppressed },
        ...judge(t.comparator, t.value, current.value),
        trend: trendPeriods.map((period) => {
          const f = at(period);
          return { period, numerator: f.numerator, denominator: f.denominator, value: f.value, suppressed: f.suppressed };
        }),
      };
    });
  }

  /** A plan as `ctx.scope` reads it (the route's scope: plan.read, or plan.write right after a write). */
  async function get(ctx: SignedIn, id: number, today = todayIso()): Promise<Dated<Static<typeof PlanDetail>>> {
    const { principal } = ctx;
    const plan = await findPlan(db, ctx.scope, id);
    if (!plan) throw notFound();
    const areaIds = plan.areaIds.map(Number);
    const [areas, targetList, tasks, rights] = await Promise.all([
      unitsByIds(db, areaIds),
      targetViews(ctx, id, areaIds, today),
      tasksOf(db, { planId: id }),
      planRights(db, principal, id),
    ]);
    const canEdit = rights?.canEdit ?? false;
    const taskList = tasks.map((t) => {
      const right = rights?.taskRight(t) ?? null;
      return { ...t, overdue: isOverdue(t, today), canUpdate: right !== null, partOnly: right === 'part' };
    });
    return {
      ...plan,
      implements: plan.implements as Static<typeof PlanDetail>['implements'],
      parentRef: plan.parentRef as Static<typeof PlanDetail>['parentRef'],
      legalBasis: plan.legalBasis as Static<typeof PlanDetail>['legalBasis'],
      recipients: plan.recipients as Static<typeof PlanDetail>['recipients'],
      signer: plan.signer as Static<typeof PlanDetail>['signer'],
      id: Number(plan.id),
      orgUnitId: Number(plan.orgUnitId),
      parentPlanId: plan.parentPlanId === null ? null : Number(plan.parentPlanId),
      areaIds,
      areas: areas.map((a) => ({ id: a.id, name: a.name })),
      targets: targetList.length,
      tasks: taskList.length,
      overdueTasks: taskList.filter((t) => t.overdue).length,
      canEdit,
      targetList,
      taskList,
    };
  }

  return {
    get,
    /** The unit that issued a plan: what its events are filed under, so the auditors above it see them. */
    issuer: (id: number) => planIssuer(db, id),
    list: (ctx: RequestContext, q: { orgUnit?: number }) => listPlans(db, ctx.scope, { ...q, today: todayIso() }).then((items) => ({ items, total: items.length })),

    /**
     * Draft, in force, or ended: an ended plan stays readable with its figures and reports. A
     * caller who reads the plan but does not edit it is refused (403); one who cannot read it
     * learns nothing (404).
     */
    async setStatus(ctx: SignedIn, id: number, status: 'draft' | 'active' | 'closed') {
      const readable = ctx.scopeFor('plan.read');
      if (!(await planIsReadable(db, readable, id))) throw notFound();
      const rights = await planRights(db, ctx.principal, id);
      if (!rights?.canEdit) throw notThePlansEditor();
      await db.transaction().execute(async (trx) => {
        await setPlanStatus(trx, id, status);
        await recordAudit(trx, ctx.actor, { action: 'plan.status', entityType: 'plan', entityId: id, orgUnitId: rights.issuerId, details: { status } });
      });
      return get({ ...ctx, scope: readable }, id);
    },

    async create(ctx: SignedIn, input: Static<typeof NewPlan>) {
      const errors: FieldError[] = [];
      const unit = await unitInScope(db, ctx.scope, input.orgUnitId);
      if (!unit) throw notFound();
      const area = await areaOf(db, unit.id);
      if (area.length === 0) errors.push({ field: 'orgUnitId', ...say('plans.unitDissolved') });
      const known = await indicators.list();
      input.targets.forEach((t, n) => {
        if (!known.some((i) => i.code === t.indicator)) errors.push({ field: `targets.${n}.indicator`, ...say('indicators.unknown', { code: t.indicator }) });
        if (t.value > 100 && known.find((i) => i.code === t.indicator)?.unit === 'percent') errors.push({ field: `targets.${n}.value`, ...say('plans.percentOver') });
      });
      if (input.fromYear && input.toYear && input.fromYear > input.toYear) errors.push({ field: 'toYear', ...say('plans.yearsOrder') });
      if (errors.length > 0) throw invalid(errors);

      const id = await db.transaction().execute(async (trx) => {
        const planId = await insertPlan(trx, { unitId: unit.id, area, input, indicatorIds: new Map(known.map((i) => [i.code, i.id])), userId: ctx.actor.userId });
        await recordAudit(trx, ctx.actor, { action: 'plan.create', entityType: 'plan', entityId: planId, orgUnitId: unit.id, details: { targets: input.targets.length, tasks: input.tasks.length } });
        return planId;
      });
      return get(ctx, id);
    },
  };
}

export type PlanService = ReturnType<typeof planService>;
