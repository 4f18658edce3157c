import { describe, expect, it } from 'vitest';
import { ageParts, chartEndMonth, childPoints, curveLines } from './growth';

const point = (ageDays: number, weight: number | null, height: number | null) => ({
  encounterId: ageDays,
  date: '2026-01-01',
  ageDays,
  weight,
  height,
  z: { wfa: null, hfa: null, wfh: null, bfa: null },
  implausible: [],
  findings: {},
});

describe('growth charts', () => {
  it('draws WHO’s SD lines from the LMS rows: the median line is M', () => {
    const lines = curveLines([
      { month: 0, l: 0.3809, m: 3.2322, s: 0.14171 },
      { month: 1, l: 0.1714, m: 4.1873, s: 0.13724 },
    ]);
    expect(lines.map((l) => l.sd)).toEqual([-3, -2, 0, 2, 3]);
    expect(lines.find((l) => l.sd === 0)?.points).toEqual([
      [0, 3.2],
      [1, 4.2],
    ]);
    // Girls at birth: 2.4 kg at −2 SD, 4.2 kg at +2 SD, as WHO's printed chart.
    expect(lines.find((l) => l.sd === -2)?.points[0]).toEqual([0, 2.4]);
    expect(lines.find((l) => l.sd === 2)?.points[0]).toEqual([0, 4.2]);
  });

  it('places the child’s measurements by month of age, up to five years', () => {
    const points = [point(0, 3.1, 49), point(183, 6.5, null), point(400, null, 75), point(2000, 18, 110)];
    expect(childPoints(points, 'wfa')).toEqual([
      [0, 3.1],
      [6, 6.5],
    ]);
    expect(childPoints(points, 'hfa')).toEqual([
      [0, 49],
      [13.1, 75],
    ]);
  });

  it('ends the chart half a year past the child’s age, between two and five years', () => {
    expect(chartEndMonth([])).toBe(24);
    expect(chartEndMonth([[15, 8]])).toBe(24);
    expect(chartEndMonth([[19.2, 10]])).toBe(30);
    expect(chartEndMonth([[58, 17]])).toBe(60);
  });

  it('says an age in months under two years, then in years and months', () => {
    expect(ageParts(200)).toEqual({ years: 0, months: 6 });
    expect(ageParts(700)).toEqual({ years: 0, months: 22 });
    expect(ageParts(1000)).toEqual({ years: 2, months: 8 });
  });
});
