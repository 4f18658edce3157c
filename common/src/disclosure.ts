/**
 * The small-cell rule: which figures about people a reader without access to personal records may
 * not see, so that no count of fewer than k people can be read off — directly, through its
 * complement ("8 of 10 uninsured" says "2 of 10 insured"), or by subtracting visible figures from a
 * visible total (a half-year minus its third quarter, a commune minus its other villages).
 *
 * Primary suppression hides a cell whose numerator n or complement d − n is between 1 and k − 1.
 * Complementary suppression then walks every additive relation (total = parts + residual) until
 * none has exactly one unknown, hiding each time the smallest visible cell of that relation. The
 * residual (what the parts do not cover: residents living at the commune outside any village,
 * check-ups earlier in the year than the last quarter) is never published; it counts as unknown
 * when it is itself a small count, and as known otherwise (a reader may well know it is 0).
 * Deterministic: relations and candidates are visited in a fixed order, so the same figures give
 * the same hidden set from every endpoint and on every call.
 */
import { parsePeriod } from './periods.ts';

export interface CountCell {
  key: string;
  numerator: number;
  denominator: number | null;
  /** Shown in full to this reader whatever happens (they may read the people behind it). */
  fixed?: boolean;
}

/** total = Σ parts + residual. A key without a cell is a figure with no data (known, 0). */
export interface AdditiveRelation {
  total: string;
  parts: string[];
}

/** Whether a count of people (or its complement) singles out fewer than k people. */
export function isSmallCount(numerator: number, denominator: number | null, k: number): boolean {
  const small = (x: number) => x > 0 && x < k;
  return small(numerator) || (denominator !== null && small(denominator - numerator));
}

/** A partner that hides nothing by itself being 0 or full (its bounds would give the hidden cell away) is a last resort. */
const degenerate = (c: CountCell) => c.numerator === 0 || (c.denominator !== null && c.denominator === c.numerator);

function byCost(a: CountCell, b: CountCell): number {
  return Number(degenerate(a)) - Number(degenerate(b)) || a.numerator - b.numerator || (a.denominator ?? 0) - (b.denominator ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** The residual of a relation (total minus its parts), or null when a denominator is missing. */
function residual(rel: AdditiveRelation, at: (key: string) => CountCell | undefined): { numerator: number; denominator: number | null } {
  const total = at(rel.total);
  let n = total?.numerator ?? 0;
  let d: number | null = total ? total.denominator : 0;
  for (const p of rel.parts) {
    const c = at(p);
    n -= c?.numerator ?? 0;
    d = d === null || (c && c.denominator === null) ? null : d - (c?.denominator ?? 0);
  }
  return { numerator: n, denominator: d };
}

/** The keys of the cells to hide, primary and complementary, at the fixed point. */
export function suppressCells(cells: CountCell[], relations: AdditiveRelation[], k: number): Set<string> {
  const byKey = new Map(cells.map((c) => [c.key, c]));
  const at = (key: string) => byKey.get(key);
  const hidden = new Set(cells.filter((c) => !c.fixed && isSmallCount(c.numerator, c.denominator, k)).map((c) => c.key));
  const secretResidual = relations.map((r) => {
    const rest = residual(r, at);
    return isSmallCount(rest.numerator, rest.denominator, k);
  });
  const name = relations.map((r) => `${r.total}=${r.parts.join('+')}`);
  const order = relations.map((_, i) => i).sort((a, b) => ((name[a] as string) < (name[b] as string) ? -1 : (name[a] as string) > (name[b] as string) ? 1 : 0));
  // Sweeps in that fixed order over the relations touched since the last sweep.
  const touching = new Map<string, number[]>();
  relations.forEach((r, i) => {
    for (const key of [r.total, ...r.parts]) touching.set(key, [...(touching.get(key) ?? []), i]);
  });
  const dirty = relations.map(() => true);
  let changed = true;
  while (changed) {
    changed = false;
    for (const i of order) {
      if (!dirty[i]) continue;
      dirty[i] = false;
      const rel = relations[i] as AdditiveRelation;
      const published = [rel.total, ...rel.parts].flatMap((key) => at(key) ?? []);
      const unknown = published.filter((c) => hidden.has(c.key)).length + (secretResidual[i] ? 1 : 0);
      if (unknown !== 1) continue;
      const [partner] = published.filter((c) => !hidden.has(c.key) && !c.fixed).sort(byCost);
      if (!partner) continue; // every other figure is the reader's own to see: nothing to protect from them
      hidden.add(partner.key);
      for (const j of touching.get(partner.key) ?? []) dirty[j] = true;
      changed = true;
    }
  }
  return hidden;
}

/**
 * The relations between the periods of a year as the API serves them: the year is its halves,
 * its quarters and its months; a half its quarters; a quarter its months. Figures counted as of a
 * day (residents with a record, insured) are equal for periods ending that day, so the year, its
 * second half, its last quarter and December are related one to one too (and so on for each end).
 */
export function periodRelations(year: number): { total: string; parts: string[] }[] {
  const m = (n: number) => `${year}${String(n).padStart(2, '0')}`;
  const q = (n: number) => `${year}Q${n}`;
  const s = (n: number) => `${year}S${n}`;
  const y = String(year);
  const sums: [string, string[]][] = [
    [y, [s(1), s(2)]],
    [y, [q(1), q(2), q(3), q(4)]],
    [y, Array.from({ length: 12 }, (_, i) => m(i + 1))],
    [s(1), [q(1), q(2)]],
    [s(2), [q(3), q(4)]],
    [s(1), [1, 2, 3, 4, 5, 6].map(m)],
    [s(2), [7, 8, 9, 10, 11, 12].map(m)],
    ...[1, 2, 3, 4].map((n): [string, string[]] => [q(n), [m(3 * n - 2), m(3 * n - 1), m(3 * n)]]),
  ];
  const codes = [y, s(1), s(2), q(1), q(2), q(3), q(4), ...Array.from({ length: 12 }, (_, i) => m(i + 1))];
  const sameEnd: [string, string[]][] = [];
  for (const outer of codes) {
    for (const inner of codes) {
      const a = parsePeriod(outer);
      const b = parsePeriod(inner);
      if (a && b && outer !== inner && a.end === b.end && a.start < b.start) sameEnd.push([outer, [inner]]);
    }
  }
  return [...sums, ...sameEnd].map(([total, parts]) => ({ total, parts }));
}

/** Every period code of a year, as periodRelations names them. */
export function periodsOfYear(year: number): string[] {
  return [String(year), `${year}S1`, `${year}S2`, ...[1, 2, 3, 4].map((n) => `${year}Q${n}`), ...Array.from({ length: 12 }, (_, i) => `${year}${String(i + 1).padStart(2, '0')}`)];
}

/**
 * The attacker's check: relations in which exactly one figure is unknown to the reader (a hidden
 * cell, or a residual that is a small count). Empty when the hidden set protects every cell.
 */
export function exposedRelations(cells: CountCell[], relations: AdditiveRelation[], hidden: Set<string>, k: number): AdditiveRelation[] {
  const byKey = new Map(cells.map((c) => [c.key, c]));
  const at = (key: string) => byKey.get(key);
  return relations.filter((r) => {
    const rest = residual(r, at);
    const unknown = [r.total, ...r.parts].filter((key) => at(key) && hidden.has(key)).length + (isSmallCount(rest.numerator, rest.denominator, k) ? 1 : 0);
    return unknown === 1 && [r.total, ...r.parts].some((key) => at(key) && !at(key)?.fixed && !hidden.has(key));
  });
}
