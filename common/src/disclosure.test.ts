import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AdditiveRelation, type CountCell, exposedRelations, isSmallCount, periodRelations, periodsOfYear, suppressCells } from './disclosure.ts';

const K = 5;

describe('isSmallCount', () => {
  it('is a count of 1 to k − 1 people, or such a complement', () => {
    expect(isSmallCount(2, 10, K)).toBe(true);
    expect(isSmallCount(8, 10, K)).toBe(true);
    expect(isSmallCount(0, 10, K)).toBe(false);
    expect(isSmallCount(10, 10, K)).toBe(false);
    expect(isSmallCount(5, 10, K)).toBe(false);
    expect(isSmallCount(3, null, K)).toBe(true);
  });
});

describe('suppressCells', () => {
  it('hides a partner so that a parent minus its other children gives nothing', () => {
    const cells: CountCell[] = [
      { key: 'P', numerator: 15, denominator: 25 },
      { key: 'A', numerator: 2, denominator: 10 },
      { key: 'B', numerator: 6, denominator: 8 },
      { key: 'C', numerator: 7, denominator: 7 },
    ];
    const rel = [{ total: 'P', parts: ['A', 'B', 'C'] }];
    // B is not 0 or full, so it is preferred to C although C is... full.
    expect([...suppressCells(cells, rel, K)].sort()).toEqual(['A', 'B']);
  });

  it('treats a residual that is a small count as a hidden cell', () => {
    const cells: CountCell[] = [
      { key: 'P', numerator: 20, denominator: 30 },
      { key: 'A', numerator: 18, denominator: 27 },
    ];
    // 2 of 3 residents outside any village would be P − A.
    expect([...suppressCells(cells, [{ total: 'P', parts: ['A'] }], K)]).toEqual(['A']);
  });

  it('never hides what the reader may see in full', () => {
    const cells: CountCell[] = [
      { key: 'P', numerator: 15, denominator: 25, fixed: true },
      { key: 'A', numerator: 2, denominator: 10, fixed: true },
      { key: 'B', numerator: 6, denominator: 12 },
    ];
    expect(suppressCells(cells, [{ total: 'P', parts: ['A', 'B'] }], K).size).toBe(0);
  });

  it('relates a year to its halves, quarters, months, and periods ending the same day', () => {
    const rel = periodRelations(2026);
    expect(rel).toContainEqual({ total: '2026S2', parts: ['2026Q3', '2026Q4'] });
    expect(rel).toContainEqual({ total: '2026', parts: ['2026Q4'] });
    expect(rel).toContainEqual({ total: '2026Q2', parts: ['202606'] });
    expect(rel.every((r) => periodsOfYear(2026).includes(r.total))).toBe(true);
  });

  // A table of units (a parent and its children) by the periods of a year, with arbitrary counts.
  const table = fc.record({
    children: fc.integer({ min: 1, max: 4 }),
    counts: fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), { minLength: 5 * 19, maxLength: 5 * 19 }),
    missing: fc.array(fc.boolean(), { minLength: 5 * 19, maxLength: 5 * 19 }),
    k: fc.integer({ min: 2, max: 6 }),
  });

  function build(t: { children: number; counts: [number, number][]; missing: boolean[] }) {
    const units = ['P', ...Array.from({ length: t.children }, (_, i) => `C${i}`)];
    const periods = periodsOfYear(2026);
    const cells: CountCell[] = [];
    units.forEach((u, ui) => {
      periods.forEach((p, pi) => {
        const [n, extra] = t.counts[ui * 19 + pi] as [number, number];
        if (!t.missing[ui * 19 + pi]) cells.push({ key: `${u}|${p}`, numerator: n, denominator: n + extra });
      });
    });
    const relations: AdditiveRelation[] = [
      ...periods.map((p) => ({ total: `P|${p}`, parts: units.slice(1).map((u) => `${u}|${p}`) })),
      ...units.flatMap((u) => periodRelations(2026).map((r) => ({ total: `${u}|${r.total}`, parts: r.parts.map((x) => `${u}|${x}`) }))),
    ];
    return { cells, relations };
  }

  it('leaves no relation with exactly one unknown, and hides every small count (property)', () => {
    fc.assert(
      fc.property(table, (t) => {
        const { cells, relations } = build(t);
        const hidden = suppressCells(cells, relations, t.k);
        expect(exposedRelations(cells, relations, hidden, t.k)).toEqual([]);
        for (const c of cells) if (isSmallCount(c.numerator, c.denominator, t.k)) expect(hidden.has(c.key)).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('gives the same answer whatever order the cells and relations come in (property)', () => {
    fc.assert(
      fc.property(table, fc.integer(), (t, seed) => {
        const { cells, relations } = build(t);
        const shuffle = <T>(xs: T[]) => xs.map((x, i) => ({ x, r: (Math.imul(i + 1, seed | 1) >>> 0) % 997 })).sort((a, b) => a.r - b.r).map((e) => e.x);
        const a = [...suppressCells(cells, relations, t.k)].sort();
        const b = [...suppressCells(shuffle(cells), shuffle(relations), t.k)].sort();
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('hides nothing when nothing is small (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 5, max: 50 }), { minLength: 2, maxLength: 6 }), (sizes) => {
        const cells = sizes.map((n, i) => ({ key: `C${i}`, numerator: n, denominator: n * 2 + 5 }));
        const total = { key: 'P', numerator: sizes.reduce((a, b) => a + b, 0), denominator: cells.reduce((a, c) => a + c.denominator, 0) };
        expect(suppressCells([total, ...cells], [{ total: 'P', parts: cells.map((c) => c.key) }], 5).size).toBe(0);
      }),
    );
  });
});
