import { describe, expect, it } from 'vitest';
import { gapOf, judge, meets } from './judge.ts';

describe('judging a value against a target', () => {
  it('meets by the comparator, and the gap is positive while short', () => {
    expect(judge('ge', 95, 90.25)).toEqual({ met: false, gap: 4.8 });
    expect(judge('ge', 95, 97)).toEqual({ met: true, gap: -2 });
    expect(judge('le', 5, 7)).toEqual({ met: false, gap: 2 });
    expect(meets('eq', 100, 100)).toBe(true);
    expect(gapOf('lt', 10, null)).toBeNull();
    expect(judge('gt', 1, null)).toEqual({ met: null, gap: null });
  });
});
