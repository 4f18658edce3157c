/**
 * Indicator definitions are data kept in step with the code at start: the registry's computed
 * indicators are written into the indicator table (names, unit, suppression, order), then the two
 * are checked against each other, so a computed indicator row without an entry to count it, or an
 * entry without a definition, stops the start naming the code instead of counting nothing (or the
 * wrong thing). Entered indicators are rows only: they need no code.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { COMPUTED_INDICATORS, type ComputedIndicator } from './computed-indicators.ts';
import { computedCodes, upsertComputedDefinitions } from './indicators.repository.ts';

/** What is wrong between the registry and the computed indicator rows, one sentence per code. */
export function registryProblems(registry: readonly ComputedIndicator[], computedRows: string[]): string[] {
  const problems: string[] = [];
  const codes = registry.map((e) => e.code);
  for (const code of new Set(codes.filter((c, i) => codes.indexOf(c) !== i))) problems.push(`${code}: registered twice`);
  for (const e of registry) {
    const d = e.definition;
    if (!d?.nameVi.trim() || !d.nameEn.trim() || !d.numeratorVi.trim() || !d.numeratorEn.trim()) problems.push(`${e.code}: registry entry without a definition (names and numerator in Vietnamese and English)`);
    if (e.periods.length === 0) problems.push(`${e.code}: registry entry counted for no period type`);
  }
  for (const code of computedRows) if (!codes.includes(code)) problems.push(`${code}: indicator marked computed, but no registry entry computes it (server/src/modules/indicators/computed-indicators.ts)`);
  for (const code of codes) if (!computedRows.includes(code)) problems.push(`${code}: registry entry without a computed indicator definition`);
  return problems;
}

export class IndicatorRegistryError extends Error {
  constructor(readonly problems: string[]) {
    super(`Computed indicators out of step with the registry: ${problems.join('; ')}`);
    this.name = 'IndicatorRegistryError';
  }
}

/** Writes the registry's definitions and checks every computed indicator has its entry; throws naming the codes. */
export async function syncIndicatorDefinitions(db: Kysely<DB>, registry: readonly ComputedIndicator[] = COMPUTED_INDICATORS): Promise<void> {
  const before = registryProblems(registry, registry.map((e) => e.code));
  if (before.length > 0) throw new IndicatorRegistryError(before);
  await upsertComputedDefinitions(
    db,
    registry.map((e) => ({ code: e.code, ...e.definition, countsPeople: e.suppression === 'small-cell' })),
  );
  const problems = registryProblems(registry, await computedCodes(db));
  if (problems.length > 0) throw new IndicatorRegistryError(problems);
}
