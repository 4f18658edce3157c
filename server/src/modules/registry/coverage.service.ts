/**
 * Coverage figures for a unit and its children (targets: ≥95% of residents with a managed health
 * record, ≥95% insured). Officials who may read the people behind them get the registry counted
 * live on the day asked. Officials without access to personal records (committees, agencies)
 * get the same figures the indicator engine serves them (HSSK_QL and BHYT_BP for the month of
 * that day) under the same small-cell rule, so coverage never shows what /api/indicator-values
 * hides, nor a figure that subtracting visible ones would undo.
 */
import { percentOf, periodOf, todayIso } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { SignedIn } from '../../access/context.ts';
import { covers } from '../../access/principal.ts';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { indicatorService } from '../indicators/index.ts';
import { unitInScope } from '../org-units/index.ts';
import { type CoverageRow, coverageByChild } from './coverage.repository.ts';


export function coverageService(db: Kysely<DB>, config: Pick<Config, 'smallCell'>) {
  const indicators = indicatorService(db, config);

  /** The rows as the indicator engine shows them to a reader without access to people. */
  async function protectedRows(ctx: SignedIn, rows: CoverageRow[], asOf: string) {
    const chosen = await indicators.pick(['HSSK_QL', 'BHYT_BP']);
    const units = await indicators.unitsWithPaths(rows.map((r) => r.id));
    const period = periodOf('month', asOf);
    const shown = await indicators.figures(ctx, units, chosen, [period]);
    const at = (unit: number, code: string) => shown.find((f) => f.orgUnit === unit && f.indicator === code);
    return rows.map((r) => {
      const record = at(r.id, 'HSSK_QL');
      const insured = at(r.id, 'BHYT_BP');
      const residents = insured?.denominator ?? record?.denominator ?? (insured?.suppressed || record?.suppressed ? null : 0);
      const withRecord = record?.numerator ?? (record?.suppressed ? null : 0);
      const insuredCount = insured?.numerator ?? (insured?.suppressed ? null : 0);
      return {
        id: r.id,
        code: r.code,
        name: r.name,
        level: r.level,
        residents,
        withRecord,
        insured: insuredCount,
        recordRate: record?.suppressed ? null : percentOf(withRecord, residents),
        insuredRate: insured?.suppressed ? null : percentOf(insuredCount, residents),
        suppressed: Boolean(record?.suppressed || insured?.suppressed),
      };
    });
  }

  return {
    async forUnit(ctx: SignedIn, query: { orgUnit?: number; asOf?: string }) {
      const asOf = query.asOf ?? todayIso();
      const unit = await unitInScope(db, ctx.scope, query.orgUnit);
      if (!unit) throw notFound();
      const rows = await coverageByChild(db, unit.id, asOf);
      const shown = covers(ctx.scopeFor('person.read'), unit.path)
        ? rows.map((r) => ({ ...r, recordRate: percentOf(r.withRecord, r.residents), insuredRate: percentOf(r.insured, r.residents), suppressed: false }))
        : await protectedRows(ctx, rows, asOf);
      // The query returns the unit itself first, then its children.
      const [total, ...children] = shown;
      if (!total) throw notFound();
      return { asOf, unit: total, children };
    },
  };
}
