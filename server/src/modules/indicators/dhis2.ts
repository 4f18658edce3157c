/**
 * DHIS2 dataValueSets: figures travel to and from a DHIS2 instance as data values. Each indicator
 * is two data elements, CODE_NUM and CODE_DEN (DHIS2 computes the percentage itself from its own
 * indicator definition), and an org unit is our unit id. Import is all or nothing: any conflict
 * writes no value and lists every conflict, as DHIS2's importSummary does.
 */
import { type DataValue, type Said, parsePeriod, say } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { disclosureFor } from './disclosure.ts';
import { type StoredValue, listIndicators, storedValues, unitPaths } from './indicators.repository.ts';
import type { IndicatorService, SignedIn } from './indicators.service.ts';

const PART = /^(.+)_(NUM|DEN)$/;

/** A conflict's value as DHIS2 has one text for it: the message in Vietnamese / in English. */
const both = ({ message, messageEn }: Pick<Said, 'message' | 'messageEn'>) => `${message} / ${messageEn}`;

export function dhis2Service(db: Kysely<DB>, config: Pick<Config, 'smallCell'>, indicators: IndicatorService) {
  return {
    async exportSet(ctx: SignedIn, q: { orgUnit?: number; period: string[]; indicator?: string[] }) {
      const unit = await indicators.unitFor(ctx.scope, q.orgUnit);
      const chosen = await indicators.pick(q.indicator);
      const rows = await storedValues(db, unit.id, q.period, chosen.map((i) => i.id));
      // A stored value travels only when the same figure is shown by /api/indicator-values: the
      // small-cell rule decides on the unit's figure, which is its stored value when it has one.
      const paths = await unitPaths(db, [...new Set(rows.map((r) => r.unitId))]);
      const guard = disclosureFor(db, ctx, config.smallCell);
      const counting = chosen.filter((i) => i.countsPeople);
      const shown: StoredValue[] = [];
      for (const r of rows) {
        const ind = chosen.find((i) => i.code === r.indicatorCode);
        const path = paths.get(r.unitId);
        if (!ind || !path) continue;
        if (!guard.seesAll(path) && ind.countsPeople && (await guard.hidden(ind, { id: r.unitId, path }, r.period, counting, r))) continue;
        shown.push(r);
      }
      const dataValues: DataValue[] = shown.flatMap((r) => {
        const common = { period: r.period, orgUnit: String(r.unitId), storedBy: r.enteredBy ?? 'ytcs', lastUpdated: new Date(r.updatedAt).toISOString() };
        const num = { dataElement: `${r.indicatorCode}_NUM`, value: String(r.numerator), ...common };
        return r.denominator === null ? [num] : [num, { dataElement: `${r.indicatorCode}_DEN`, value: String(r.denominator), ...common }];
      });
      return { orgUnit: String(unit.id), period: q.period.join(','), dataValues };
    },

    async importSet(ctx: RequestContext, body: { dataValues: DataValue[] }) {
      const known = await listIndicators(db);
      const conflicts: { object: string; value: string }[] = [];
      const cells = new Map<string, { indicator: string; orgUnit: number; period: string; numerator?: number; denominator?: number }>();
      body.dataValues.forEach((dv, n) => {
        const part = PART.exec(dv.dataElement);
        const ind = part ? known.find((i) => i.code === part[1]) : undefined;
        const value = Number(dv.value);
        const unitId = Number(dv.orgUnit);
        if (!part || !ind) conflicts.push({ object: `dataValues[${n}].dataElement`, value: both(say('indicators.dhis2.unknownDataElement', { dataElement: dv.dataElement })) });
        else if (ind.source !== 'entered') conflicts.push({ object: `dataValues[${n}].dataElement`, value: both(say('indicators.dhis2.computed', { code: ind.code })) });
        if (!parsePeriod(dv.period)) conflicts.push({ object: `dataValues[${n}].period`, value: both(say('indicators.dhis2.period', { period: dv.period })) });
        if (!Number.isInteger(unitId) || unitId < 1) conflicts.push({ object: `dataValues[${n}].orgUnit`, value: both(say('indicators.dhis2.orgUnit', { orgUnit: dv.orgUnit })) });
        if (dv.value.trim() === '' || !Number.isFinite(value) || value < 0) conflicts.push({ object: `dataValues[${n}].value`, value: both(say('indicators.dhis2.value')) });
        if (!part || !ind) return;
        const key = `${ind.code}|${dv.period}|${unitId}`;
        const cell = cells.get(key) ?? { indicator: ind.code, orgUnit: unitId, period: dv.period };
        if (part[2] === 'NUM') cell.numerator = value;
        else cell.denominator = value;
        cells.set(key, cell);
      });
      const items = [...cells.values()].flatMap((c) => {
        if (c.numerator === undefined) {
          conflicts.push({ object: `${c.indicator}_NUM ${c.period} ${c.orgUnit}`, value: both(say('indicators.dhis2.numeratorMissing')) });
          return [];
        }
        return [{ indicator: c.indicator, orgUnit: c.orgUnit, period: c.period, numerator: c.numerator, denominator: c.denominator ?? null }];
      });
      if (conflicts.length === 0) {
        try {
          await indicators.enter(ctx, items);
        } catch (e) {
          if (!(e instanceof AppError) || !e.errors) throw e;
          for (const err of e.errors) conflicts.push({ object: err.field, value: both(err) });
        }
      }
      const ok = conflicts.length === 0;
      return {
        status: ok ? 'SUCCESS' : 'ERROR',
        importCount: { imported: ok ? items.length : 0, updated: 0, ignored: ok ? 0 : body.dataValues.length, deleted: 0 },
        conflicts,
      };
    },
  };
}
