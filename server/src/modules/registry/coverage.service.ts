/**
 * Coverage figures for a unit and its children (targets: ≥95% of residents with a managed health
 * record, ≥95% insured). Officials without access to personal records (committees, agencies)
 * get figures about fewer than config.smallCell people suppressed, so a count cannot single anyone out.
 */
import { todayIso } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { Principal, Scope } from '../../access/principal.ts';
import { scopeOf } from '../../access/principal.ts';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { coverageByChild, coverageUnit } from './coverage.repository.ts';

const ratio = (n: number | null, d: number | null) => (n === null || d === null || d === 0 ? null : Math.round((n / d) * 1000) / 10);

export function coverageService(db: Kysely<DB>, config: Pick<Config, 'smallCell'>) {
  return {
    async forUnit(principal: Principal, scope: Scope, query: { orgUnit?: number; asOf?: string }) {
      const asOf = query.asOf ?? todayIso();
      const unit = await coverageUnit(db, scope, query.orgUnit);
      if (!unit) throw notFound();
      const canSeePeople = scopeOf(principal, 'person.read').paths.some((p) => unit.path === p || unit.path.startsWith(`${p}.`));
      const rows = await coverageByChild(db, unit.id, asOf);
      const shown = rows.map((r) => {
        const hide = !canSeePeople && r.residents < config.smallCell;
        const residents = hide ? null : r.residents;
        const withRecord = hide ? null : r.withRecord;
        const insured = hide ? null : r.insured;
        return { id: r.id, code: r.code, name: r.name, level: r.level, residents, withRecord, insured, recordRate: ratio(withRecord, residents), insuredRate: ratio(insured, residents), suppressed: hide };
      });
      // The query returns the unit itself first, then its children.
      const [total, ...children] = shown;
      if (!total) throw notFound();
      return { asOf, unit: total, children };
    },
  };
}
