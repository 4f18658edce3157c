import { describe, expect, it } from 'vitest';
import { percentOf } from './rates.ts';

describe('percentOf', () => {
  it('rounds to one decimal and has no value without a denominator', () => {
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(95, 100)).toBe(95);
    expect(percentOf(0, 7)).toBe(0);
    expect(percentOf(1, 0)).toBeNull();
    expect(percentOf(null, 10)).toBeNull();
    expect(percentOf(3, null)).toBeNull();
  });
});
