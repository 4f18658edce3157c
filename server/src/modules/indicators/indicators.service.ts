/**
 * The indicator engine as officials read it: a unit's figures per indicator and period (sums of
 * numerators and denominators, never averaged percentages), its child units ranked, and values
 * entered by hand. Roles without access to personal records get figures about fewer than
 * config.smallCell people suppressed, so a count cannot single anyone out.
 */
import { parsePeriod, todayIso } from '@ytcs/common';
import type { Kysely } from 'kysely';
import { type Principal, type Scope, covers, scopeOf } from '../../access/principal.ts';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { type FieldError, invalid, notFound } from '../../errors.ts';
import type { Actor } from '../../http/app-types.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { coverageUnit } from '../registry/coverage.repository.ts';
import { type IndicatorRow, type RolledUpValue, listIndicators, rolledUp, unitWithChildren, upsertEntered } from './indicators.repository.ts';

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

const round1 = (x: number) => Math.round(x * 10) / 10;

/** A stored figure as a caller may see it. */
export function figureOf(indicator: IndicatorRow, v: Pick<RolledUpValue, 'numerator' | 'denominator'> | undefined, hideSmall: boolean, smallCell: number): Figure {
  if (!v) return { numerator: null, denominator: null, value: null, suppressed: false };
  const small = (n: number | null) => n !== null && n > 0 && n < smallCell;
  if (hideSmall && indicator.countsPeople && (small(v.numerator) || small(v.denominator))) {
    return { numerator: null, denominator: null, value: null, suppressed: true };
  }
  const value = indicator.unit === 'count' ? v.numerator : v.denominator ? round1((v.numerator / v.denominator) * 100) : null;
  return { numerator: v.numerator, denominator: v.denominator, value, suppressed: false };
}

function checkPeriods(periods: string[], field = 'period'): void {
  const bad = periods.filter((p) => !parsePeriod(p));
  if (bad.length > 0) {
    throw invalid([{ field, message: `Kỳ không hợp lệ: ${bad.join(', ')} (dạng 2026, 2026S1, 2026Q1, 202603)`, messageEn: `Invalid period: ${bad.join(', ')} (use 2026, 2026S1, 2026Q1, 202603)` }]);
  }
}

export function indicatorService(db: Kysely<DB>, config: Pick<Config, 'smallCell'>) {
  async function pick(codes: string[] | undefined): Promise<IndicatorRow[]> {
    const all = await listIndicators(db);
    if (!codes || codes.length === 0) return all;
    const unknown = codes.filter((c) => !all.some((i) => i.code === c));
    if (unknown.length > 0) throw invalid([{ field: 'indicator', message: `Không có chỉ số: ${unknown.join(', ')}`, messageEn: `Unknown indicator: ${unknown.join(', ')}` }]);
    return all.filter((i) => codes.includes(i.code));
  }

  async function unitFor(scope: Scope, id: number | undefined) {
    const unit = await coverageUnit(db, scope, id);
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
      const own = byKey.get(`${unitId}:${indicator.id}:${period}`);
      const year = indicator.source === 'entered' && period.length > 4 ? byKey.get(`${unitId}:${indicator.id}:${period.slice(0, 4)}`) : undefined;
      const v = own ?? year;
      return v && { ...v, valuePeriod: v.period };
    };
  }

  /** Figures of several units at once, shown as the caller may see them. */
  async function figures(principal: Principal, units: { id: number; path: string }[], indicators: IndicatorRow[], periods: string[]): Promise<ShownValue[]> {
    const people = scopeOf(principal, 'person.read');
    const at = await stored(units, indicators, periods);
    return units.flatMap((u) =>
      indicators.flatMap((i) =>
        periods.map((period) => {
          const v = at(u.id, i, period);
          return { indicator: i.code, orgUnit: u.id, period, ...figureOf(i, v, !covers(people, u.path), config.smallCell), valuePeriod: v?.valuePeriod ?? null, updatedAt: v?.updatedAt ?? null };
        }),
      ),
    );
  }

  /** One figure per indicator and period for several units taken together (a plan's area). */
  async function combined(principal: Principal, units: { id: number; path: string }[], indicators: IndicatorRow[], periods: string[]) {
    const people = scopeOf(principal, 'person.read');
    const hide = !units.every((u) => covers(people, u.path));
    const at = await stored(units, indicators, periods);
    return indicators.flatMap((i) =>
      periods.map((period) => {
        const parts = units.flatMap((u) => at(u.id, i, period) ?? []);
        const sum = parts.length === 0 ? undefined : { numerator: parts.reduce((a, r) => a + r.numerator, 0), denominator: parts.some((r) => r.denominator !== null) ? parts.reduce((a, r) => a + (r.denominator ?? 0), 0) : null };
        return { indicator: i.code, period, ...figureOf(i, sum, hide, config.smallCell) };
      }),
    );
  }

  return {
    list: () => listIndicators(db),
    pick,
    figures,
    combined,
    unitFor,

    async values(principal: Principal, scope: Scope, q: { indicator?: string[]; orgUnit?: number; period: string[] }) {
      checkPeriods(q.period);
      const unit = await unitFor(scope, q.orgUnit);
      return { items: await figures(principal, [unit], await pick(q.indicator), q.period) };
    },

    /** A unit and its child areas for one indicator and period, best first (unknown last). */
    async children(principal: Principal, scope: Scope, q: { indicator: string; orgUnit?: number; period: string }) {
      checkPeriods([q.period]);
      const unit = await unitFor(scope, q.orgUnit);
      const [indicator] = await pick([q.indicator]);
      if (!indicator) throw notFound();
      const units = await unitWithChildren(db, unit.id, parsePeriod(q.period)?.end ?? todayIso());
      const shown = await figures(principal, units, [indicator], [q.period]);
      const rows = units.map((u, i) => ({ id: u.id, code: u.code, name: u.name, level: u.level, ...(shown[i] as ShownValue) }));
      const [self, ...children] = rows;
      if (!self) throw notFound();
      children.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.code.localeCompare(b.code));
      return { unit: self, children };
    },

    /** Values typed in for entered indicators (a figure from the insurance agency, a staff count). */
    async enter(scope: Scope, actor: Actor, items: { indicator: string; orgUnit: number; period: string; numerator: number; denominator: number | null }[]) {
      const indicators = await listIndicators(db);
      const errors: FieldError[] = [];
      const units = await Promise.all(items.map((v) => coverageUnit(db, scope, v.orgUnit)));
      const values = items.flatMap((v, n) => {
        const at = (f: string) => `items.${n}.${f}`;
        const ind = indicators.find((i) => i.code === v.indicator);
        if (!ind) errors.push({ field: at('indicator'), message: `Không có chỉ số ${v.indicator}`, messageEn: `Unknown indicator ${v.indicator}` });
        else if (ind.source !== 'entered') errors.push({ field: at('indicator'), message: `Chỉ số ${v.indicator} được tính từ dữ liệu, không nhập tay`, messageEn: `${v.indicator} is computed from records, not entered` });
        if (!parsePeriod(v.period)) errors.push({ field: at('period'), message: 'Kỳ không hợp lệ', messageEn: 'Invalid period' });
        if (!units[n]) errors.push({ field: at('orgUnit'), message: 'Đơn vị không tồn tại hoặc ngoài phạm vi', messageEn: 'Unit not found or out of scope' });
        if (ind?.unit === 'percent' && (v.denominator === null || v.numerator > v.denominator)) {
          errors.push({ field: at('denominator'), message: 'Mẫu số phải có và không nhỏ hơn tử số', messageEn: 'The denominator is required and must be at least the numerator' });
        }
        return ind ? [{ indicatorId: ind.id, unitId: v.orgUnit, period: v.period, numerator: v.numerator, denominator: v.denominator }] : [];
      });
      if (errors.length > 0) throw invalid(errors);
      await db.transaction().execute(async (trx) => {
        await upsertEntered(trx, values, actor.userId);
        await recordAudit(trx, actor, { action: 'indicator_value.enter', entityType: 'indicator_value', details: { count: values.length, periods: [...new Set(items.map((v) => v.period))] } });
      });
      return { saved: values.length };
    },
  };
}

export type IndicatorService = ReturnType<typeof indicatorService>;
