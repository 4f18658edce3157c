/**
 * The indicator engine as officials read it: a unit's figures per indicator and period (sums of
 * numerators and denominators, never averaged percentages), its child units ranked, and values
 * entered by hand. Roles without access to personal records get the small-cell rule
 * (disclosure.ts): no count of fewer than config.smallCell people, directly or by subtraction.
 */
import { isSmallCount, parsePeriod, percentOf, todayIso, say } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { RequestContext, SignedIn } from '../../access/context.ts';
import { type Scope, covers, } from '../../access/principal.ts';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { type FieldError, invalid, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { unitInScope } from '../org-units/index.ts';
import { disclosureFor, servedValue } from './disclosure.ts';
import { type IndicatorRow, type RolledUpValue, listIndicators, rolledUp, unitPaths, unitWithChildren, upsertEntered } from './indicators.repository.ts';

export type { SignedIn };

export interface Figure {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}

export interface ShownValue extends Figure {
  indicator: string;
  orgUnit: number;
  period: string;
  /** The period the figure was stored for: a year's entered figure shown for its quarter says so. */
  valuePeriod: string | null;
  updatedAt: Date | null;
}


/**
 * A stored figure as a caller may see it. A hidden figure shows neither its numerator, its
 * complement nor its percentage; its denominator (the residents, the visits: the population a
 * figure is about, not the fact protected) shows unless it is itself under smallCell.
 */
export function shownFigure(indicator: IndicatorRow, v: Pick<RolledUpValue, 'numerator' | 'denominator'> | undefined, hidden: boolean, smallCell: number): Figure {
  if (!v) return { numerator: null, denominator: null, value: null, suppressed: false };
  if (hidden) return { numerator: null, denominator: v.denominator !== null && v.denominator >= smallCell ? v.denominator : null, value: null, suppressed: true };
  const value = indicator.unit === 'count' ? v.numerator : percentOf(v.numerator, v.denominator);
  return { numerator: v.numerator, denominator: v.denominator, value, suppressed: false };
}

function checkPeriods(periods: string[], field = 'period'): void {
  const bad = periods.filter((p) => !parsePeriod(p));
  if (bad.length > 0) {
    throw invalid([{ field, ...say('indicators.periodsInvalid', { periods: bad.join(', ') }) }]);
  }
}

export function indicatorService(db: Kysely<DB>, config: Pick<Config, 'smallCell'>) {
  async function pick(codes: string[] | undefined): Promise<IndicatorRow[]> {
    const all = await listIndicators(db);
    if (!codes || codes.length === 0) return all;
    const unknown = codes.filter((c) => !all.some((i) => i.code === c));
    if (unknown.length > 0) throw invalid([{ field: 'indicator', ...say('indicators.unknownList', { codes: unknown.join(', ') }) }]);
    return all.filter((i) => codes.includes(i.code));
  }

  async function unitFor(scope: Scope, id: number | undefined) {
    const unit = await unitInScope(db, scope, id);
    if (!unit) throw notFound();
    return unit;
  }

  /**
   * Stored figures per unit, indicator and period. An entered figure is often yearly (stations
   * with a doctor): a quarter or month without its own value shows its year's, with valuePeriod
   * saying so. Computed figures never borrow: each period is counted.
   */
  async function stored(units: { id: number }[], indicators: IndicatorRow[], periods: string[]) {
    const all = [...new Set([...periods, ...periods.map((p) => p.slice(0, 4))])];
    const rows = await rolledUp(
      db,
      units.map((u) => u.id),
      indicators.map((i) => i.id),
      all,
    );
    const byKey = new Map(rows.map((r) => [`${r.unitId}:${r.indicatorId}:${r.period}`, r]));
    return (unitId: number, indicator: IndicatorRow, period: string): (RolledUpValue & { valuePeriod: string }) | undefined => {
      const v = servedValue(byKey, indicator, unitId, period);
      return v && { ...v, valuePeriod: v.period };
    };
  }

  /** Figures of several units at once, shown as the caller may see them (the small-cell rule). */
  async function figures(ctx: RequestContext, units: { id: number; path: string }[], indicators: IndicatorRow[], periods: string[]): Promise<ShownValue[]> {
    const guard = disclosureFor(db, ctx, config.smallCell);
    const counting = indicators.filter((i) => i.countsPeople);
    const at = await stored(units, indicators, periods);
    const out: ShownValue[] = [];
    for (const u of units) {
      for (const i of indicators) {
        for (const period of periods) {
          const v = at(u.id, i, period);
          const hidden = v !== undefined && (await guard.hidden(i, u, period, counting, v));
          out.push({ indicator: i.code, orgUnit: u.id, period, ...shownFigure(i, v, hidden, config.smallCell), valuePeriod: v?.valuePeriod ?? null, updatedAt: v?.updatedAt ?? null });
        }
      }
    }
    return out;
  }

  /**
   * One figure per indicator and period for several units taken together (a plan's area). One
   * unit is that unit's figure. Several: hidden when the sum is a small count, when any part the
   * caller can see is hidden, or when the part outside the caller's scope (the sum minus what they
   * can see) is a small count, so the sum never undoes a hidden figure.
   */
  async function combined(ctx: RequestContext, units: { id: number; path: string }[], indicators: IndicatorRow[], periods: string[]) {
    if (units.length === 1) return (await figures(ctx, units, indicators, periods)).map(({ indicator, period, numerator, denominator, value, suppressed }) => ({ indicator, period, numerator, denominator, value, suppressed }));
    const guard = disclosureFor(db, ctx, config.smallCell);
    const readable = ctx.scopeFor('aggregate.read');
    const counting = indicators.filter((i) => i.countsPeople);
    const at = await stored(units, indicators, periods);
    const out = [];
    for (const i of indicators) {
      for (const period of periods) {
        const parts = units.flatMap((u) => {
          const v = at(u.id, i, period);
          return v ? [{ unit: u, v }] : [];
        });
        const add = (xs: typeof parts) => ({ numerator: xs.reduce((a, p) => a + p.v.numerator, 0), denominator: xs.some((p) => p.v.denominator !== null) ? xs.reduce((a, p) => a + (p.v.denominator ?? 0), 0) : null });
        const sum = parts.length === 0 ? undefined : add(parts);
        let hidden = false;
        if (sum && i.countsPeople && !units.every((u) => guard.seesAll(u.path))) {
          const inScope = parts.filter((p) => covers(readable, p.unit.path));
          const outside = add(parts.filter((p) => !inScope.includes(p)));
          hidden = isSmallCount(sum.numerator, sum.denominator, config.smallCell) || isSmallCount(outside.numerator, outside.denominator, config.smallCell);
          for (const p of inScope) hidden ||= await guard.hidden(i, p.unit, period, counting, p.v);
        }
        out.push({ indicator: i.code, period, ...shownFigure(i, sum, hidden, config.smallCell) });
      }
    }
    return out;
  }

  return {
    list: () => listIndicators(db),
    pick,
    figures,
    combined,
    unitFor,
    /** Units by id with their paths (the small-cell rule judges each against the caller's scopes). */
    async unitsWithPaths(ids: number[]) {
      const paths = await unitPaths(db, ids);
      return ids.flatMap((id) => {
        const path = paths.get(id);
        return path ? [{ id, path }] : [];
      });
    },
    async values(ctx: SignedIn, q: { indicator?: string[]; orgUnit?: number; period: string[] }) {
      checkPeriods(q.period);
      const unit = await unitFor(ctx.scope, q.orgUnit);
      return { items: await figures(ctx, [unit], await pick(q.indicator), q.period) };
    },

    /** A unit and its child areas for one indicator and period, best first (unknown last). */
    async children(ctx: SignedIn, q: { indicator: string; orgUnit?: number; period: string }) {
      checkPeriods([q.period]);
      const unit = await unitFor(ctx.scope, q.orgUnit);
      const [indicator] = await pick([q.indicator]);
      if (!indicator) throw notFound();
      const units = await unitWithChildren(db, unit.id, parsePeriod(q.period)?.end ?? todayIso());
      const shown = await figures(ctx, units, [indicator], [q.period]);
      const rows = units.map((u, i) => ({ id: u.id, code: u.code, name: u.name, level: u.level, ...(shown[i] as ShownValue) }));
      const [self, ...children] = rows;
      if (!self) throw notFound();
      children.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.code.localeCompare(b.code));
      return { unit: self, children };
    },

    /** Values typed in for entered indicators (a figure from the insurance agency, a staff count). */
    async enter(ctx: RequestContext, items: { indicator: string; orgUnit: number; period: string; numerator: number; denominator: number | null }[]) {
      const indicators = await listIndicators(db);
      const errors: FieldError[] = [];
      const units = await Promise.all(items.map((v) => unitInScope(db, ctx.scope, v.orgUnit)));
      const values = items.flatMap((v, n) => {
        const at = (f: string) => `items.${n}.${f}`;
        const ind = indicators.find((i) => i.code === v.indicator);
        if (!ind) errors.push({ field: at('indicator'), ...say('indicators.unknown', { code: v.indicator }) });
        else if (ind.source !== 'entered') errors.push({ field: at('indicator'), ...say('indicators.computed', { code: v.indicator }) });
        if (!parsePeriod(v.period)) errors.push({ field: at('period'), ...say('indicators.periodInvalid') });
        if (!units[n]) errors.push({ field: at('orgUnit'), ...say('indicators.unknownUnit') });
        if (ind?.unit === 'percent' && (v.denominator === null || v.numerator > v.denominator)) {
          errors.push({ field: at('denominator'), ...say('indicators.denominator') });
        }
        return ind ? [{ indicatorId: ind.id, unitId: v.orgUnit, period: v.period, numerator: v.numerator, denominator: v.denominator }] : [];
      });
      if (errors.length > 0) throw invalid(errors);
      await db.transaction().execute(async (trx) => {
        await upsertEntered(trx, values, ctx.actor.userId);
        await recordAudit(trx, ctx.actor, { action: 'indicator_value.enter', entityType: 'indicator_value', details: { count: values.length, periods: [...new Set(items.map((v) => v.period))] } });
      });
      return { saved: values.length };
    },
  };
}

export type IndicatorService = ReturnType<typeof indicatorService>;
