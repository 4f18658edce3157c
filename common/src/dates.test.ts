import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDateVi, isIsoDate } from './dates.ts';

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2025-06-30')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('30/06/2025')).toBe(false);
  });

  it('shows dd/mm/yyyy for any valid date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(isIsoDate(iso)).toBe(true);
        const [y, m, day] = iso.split('-');
        expect(formatDateVi(iso)).toBe(`${day}/${m}/${y}`);
      }),
    );
  });
});
