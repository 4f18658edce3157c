import { describe, expect, it } from 'vitest';
import { bmiOf } from './bmi.ts';

describe('bmiOf', () => {
  it('gives kg/m² to one decimal, and nothing without weight and height', () => {
    expect(bmiOf(60, 160)).toBe(23.4);
    expect(bmiOf(72.5, 175)).toBe(23.7);
    expect(bmiOf(60, null)).toBeNull();
    expect(bmiOf(undefined, 170)).toBeNull();
  });
});
