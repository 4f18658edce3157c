import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapOf, judge, meets, standingOf } from './judge.ts';

describe('judging a value against a target', () => {
  it('meets by the comparator, and the gap is positive while short', () => {
    expect(judge('ge', 95, 90.25)).toMatchObject({ met: false, gap: 4.8 });
    expect(judge('ge', 95, 97)).toMatchObject({ met: true, gap: -2 });
    expect(judge('le', 5, 7)).toMatchObject({ met: false, gap: 2 });
    expect(meets('eq', 100, 100)).toBe(true);
    expect(gapOf('lt', 10, null)).toBeNull();
    expect(judge('gt', 1, null)).toEqual({ met: null, gap: null, standing: null });
  });

  it('stands met, near (short by a tenth of the target at most) or far', () => {
    // The province's 62% against the 95% its plans set is far, not green.
    expect(standingOf('ge', 95, 62)).toBe('far');
    expect(standingOf('ge', 95, 85.5)).toBe('near');
    expect(standingOf('ge', 95, 85.4)).toBe('far');
    expect(standingOf('ge', 95, 95)).toBe('met');
    expect(standingOf('gt', 95, 95)).toBe('near');
    // "at most 5%": 5.5% is near, 6% far.
    expect(standingOf('le', 5, 5.5)).toBe('near');
    expect(standingOf('le', 5, 6)).toBe('far');
    expect(standingOf('ge', 95, null)).toBeNull();
    expect(judge('ge', 95, 90)).toEqual({ met: false, gap: 5, standing: 'near' });
  });

  it('is met exactly when meets says so, and never nearer for a worse value', () => {
    const rank = { met: 2, near: 1, far: 0 } as const;
    fc.assert(
      fc.property(fc.constantFrom('ge' as const, 'gt' as const), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (cmp, target, a, b) => {
        const [low, high] = a <= b ? [a / 10, b / 10] : [b / 10, a / 10];
        expect(standingOf(cmp, target / 10, high) === 'met').toBe(meets(cmp, target / 10, high));
        expect(rank[standingOf(cmp, target / 10, low) ?? 'far']).toBeLessThanOrEqual(rank[standingOf(cmp, target / 10, high) ?? 'far']);
      }),
    );
  });
});
