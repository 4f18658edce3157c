import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso, daysBetween, formatDateVi, isIsoDate } from './dates.ts';

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

it('adds days and counts days between ISO dates across months, years and leap days', () => {
  expect(addDaysIso('2026-03-01', 280)).toBe('2026-12-06');
  expect(addDaysIso('2024-03-01', -1)).toBe('2024-02-29');
  expect(daysBetween('2025-06-01', '2025-12-01')).toBe(183);
  expect(daysBetween('2025-12-01', '2025-06-01')).toBe(-183);
});
