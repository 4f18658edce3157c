import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PeriodType, parsePeriod, periodLabel, periodOf, previousPeriods } from './periods.ts';

const TYPES: PeriodType[] = ['year', 'half', 'quarter', 'month'];

/** Any calendar day 1990–2099 as ISO (UTC, so no time-zone drift). */
const isoDay = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2099, 11, 31) })
  .map((ms) => new Date(Math.floor(ms / 86_400_000) * 86_400_000).toISOString().slice(0, 10));

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('parsePeriod', () => {
  it('reads each kind of code', () => {
    expect(parsePeriod('2026')).toEqual({ code: '2026', type: 'year', year: 2026, start: '2026-01-01', end: '2026-12-31' });
    expect(parsePeriod('2026S2')).toEqual({ code: '2026S2', type: 'half', year: 2026, start: '2026-07-01', end: '2026-12-31' });
    expect(parsePeriod('2026Q1')).toMatchObject({ type: 'quarter', start: '2026-01-01', end: '2026-03-31' });
    expect(parsePeriod('2026Q3')).toMatchObject({ start: '2026-07-01', end: '2026-09-30' });
    expect(parsePeriod('202402')).toMatchObject({ type: 'month', start: '2024-02-01', end: '2024-02-29' });
    expect(parsePeriod('202502')?.end).toBe('2025-02-28');
  });

  it('rejects what is not a code', () => {
    for (const bad of ['', '26', '2026Q5', '2026Q0', '2026S3', '202613', '202600', '2026-03', '2026q1', ' 2026']) {
      expect(parsePeriod(bad)).toBeNull();
    }
  });
});

describe('periodOf', () => {
  it('finds the period of a date', () => {
    expect(periodOf('year', '2026-05-17')).toBe('2026');
    expect(periodOf('half', '2026-06-30')).toBe('2026S1');
    expect(periodOf('half', '2026-07-01')).toBe('2026S2');
    expect(periodOf('quarter', '2026-04-01')).toBe('2026Q2');
    expect(periodOf('month', '2026-03-31')).toBe('202603');
  });

  it('every day of a period maps back to it, and the days next to it do not', () => {
    fc.assert(
      fc.property(isoDay, fc.constantFrom(...TYPES), (day, type) => {
        const code = periodOf(type, day);
        const p = parsePeriod(code);
        expect(p?.type).toBe(type);
        if (!p) return;
        expect(p.start <= day && day <= p.end).toBe(true);
        expect(periodOf(type, p.start)).toBe(code);
        expect(periodOf(type, p.end)).toBe(code);
        expect(periodOf(type, addDays(p.start, -1))).not.toBe(code);
        expect(periodOf(type, addDays(p.end, 1))).not.toBe(code);
      }),
    );
  });
});

describe('previousPeriods', () => {
  it('steps back across year boundaries, oldest first', () => {
    expect(previousPeriods('2026Q2', 4)).toEqual(['2025Q3', '2025Q4', '2026Q1', '2026Q2']);
    expect(previousPeriods('202602', 3)).toEqual(['202512', '202601', '202602']);
    expect(previousPeriods('2026S1', 3)).toEqual(['2025S1', '2025S2', '2026S1']);
    expect(previousPeriods('2026', 2)).toEqual(['2025', '2026']);
    expect(previousPeriods('2026', 0)).toEqual([]);
    expect(() => previousPeriods('2026Q9', 2)).toThrow();
  });

  it('returns n contiguous periods of the same type', () => {
    fc.assert(
      fc.property(isoDay, fc.constantFrom(...TYPES), fc.integer({ min: 1, max: 40 }), (day, type, n) => {
        const code = periodOf(type, day);
        const list = previousPeriods(code, n);
        expect(list).toHaveLength(n);
        expect(list.at(-1)).toBe(code);
        for (let i = 1; i < list.length; i++) {
          const prev = parsePeriod(list[i - 1] ?? '');
          const cur = parsePeriod(list[i] ?? '');
          expect(prev?.type).toBe(type);
          // Contiguous: the day after one period ends is the first day of the next.
          expect(addDays(prev?.end ?? '', 1)).toBe(cur?.start);
        }
      }),
    );
  });
});

describe('periodLabel', () => {
  it('says the period the way reports do', () => {
    expect(periodLabel('2026Q1', 'vi')).toBe('Quý I/2026');
    expect(periodLabel('2026Q4', 'vi')).toBe('Quý IV/2026');
    expect(periodLabel('2026S1', 'vi')).toBe('6 tháng đầu năm 2026');
    expect(periodLabel('2026S2', 'vi')).toBe('6 tháng cuối năm 2026');
    expect(periodLabel('2026', 'vi')).toBe('Năm 2026');
    expect(periodLabel('202603', 'vi')).toBe('Tháng 03/2026');
    expect(periodLabel('2026Q1', 'en')).toBe('Q1 2026');
    expect(periodLabel('2026S1', 'en')).toBe('H1 2026');
    expect(periodLabel('2026', 'en')).toBe('2026');
    expect(periodLabel('202603', 'en')).toBe('March 2026');
    expect(periodLabel('nonsense', 'vi')).toBe('nonsense');
  });
});
