import { expect, it } from 'vitest';
import { nutritionFindings } from './status.ts';
import { interpolateLms, isPlausible, measurementAt, tablePoint, zScore } from './zscore.ts';

// WHO weight-for-age at day 0 (server/data/who-growth/SOURCE.md, "Verification").
const BOY_BIRTH = { l: 0.3487, m: 3.3464, s: 0.14602 };
const GIRL_BIRTH = { l: 0.3809, m: 3.2322, s: 0.14171 };

it('draws the curves WHO prints: weight at birth at ±2 SD', () => {
  expect(measurementAt(BOY_BIRTH, -2).toFixed(2)).toBe('2.46');
  expect(measurementAt(BOY_BIRTH, 2).toFixed(2)).toBe('4.42');
  expect(measurementAt(GIRL_BIRTH, -2).toFixed(2)).toBe('2.39');
  expect(measurementAt(GIRL_BIRTH, 2).toFixed(2)).toBe('4.23');
  expect(measurementAt({ l: 0, m: 10, s: 0.1 }, 1)).toBeCloseTo(10 * Math.exp(0.1));
});

it('reads a measurement back as its z-score, rounded to two decimals', () => {
  expect(zScore(BOY_BIRTH, 3.3464, true)).toBe(0);
  for (const z of [-3, -2.5, -1, 0.37, 2, 3]) expect(zScore(GIRL_BIRTH, measurementAt(GIRL_BIRTH, z), true)).toBeCloseTo(z, 2);
  expect(zScore({ l: 0, m: 10, s: 0.1 }, 10 * Math.exp(0.2), false)).toBe(2);
});

it('restricts weight-based z-scores beyond ±3 SD by the distance between the 2 and 3 SD curves', () => {
  const sd2 = measurementAt(BOY_BIRTH, 2);
  const sd3 = measurementAt(BOY_BIRTH, 3);
  expect(zScore(BOY_BIRTH, sd3 + (sd3 - sd2), true)).toBe(4);
  const low2 = measurementAt(BOY_BIRTH, -2);
  const low3 = measurementAt(BOY_BIRTH, -3);
  expect(zScore(BOY_BIRTH, low3 - (low2 - low3) / 2, true)).toBe(-3.5);
  // Height is not restricted: the plain LMS z-score.
  const length = { l: 1, m: 49.8842, s: 0.03795 };
  expect(zScore(length, 49.8842 * (1 + 0.03795 * 4), false)).toBe(4);
});

it('interpolates L, M and S between rows', () => {
  expect(interpolateLms({ x: 65, l: -0.35, m: 7.4, s: 0.08 }, { x: 65.1, l: -0.35, m: 7.5, s: 0.09 }, 65.05)).toEqual({ l: -0.35, m: expect.closeTo(7.45, 10), s: expect.closeTo(0.085, 10) });
});

it('reads each measure from the table WHO uses at that age', () => {
  expect(tablePoint('wfa', 100.4, null)).toEqual({ table: 'wfa', x: 100 });
  expect(tablePoint('hfa', 1826, 110)).toEqual({ table: 'lhfa', x: 1826 });
  expect(tablePoint('wfh', 730, 80)).toEqual({ table: 'wfl', x: 80 });
  expect(tablePoint('wfh', 731, 80)).toEqual({ table: 'wfh', x: 80 });
  expect(tablePoint('wfh', 731, 60)).toBeNull();
  expect(tablePoint('wfh', 2000, 110)).toBeNull();
  expect(tablePoint('wfh', 400, null)).toBeNull();
  // After five years: months, weight to ten years, height and BMI to nineteen.
  expect(tablePoint('wfa', 1840, null)).toBeNull();
  expect(tablePoint('wfa', 7 * 365, null)).toEqual({ table: 'wfa_5_10', x: (7 * 365) / 30.4375 });
  expect(tablePoint('wfa', 11 * 365, null)).toBeNull();
  expect(tablePoint('hfa', 12 * 365, 150)?.table).toBe('hfa_5_19');
  expect(tablePoint('bfa', 20 * 365, null)).toBeNull();
  expect(tablePoint('wfa', -1, null)).toBeNull();
});

it('names the findings, moderate below −2 SD and severe below −3 SD', () => {
  expect(nutritionFindings({ wfa: -2.5, hfa: -3.2, wfh: 0.1 })).toEqual({ underweight: 'moderate', stunting: 'severe' });
  expect(nutritionFindings({ wfa: -2, hfa: -1.99, wfh: -2.01 })).toEqual({ wasting: 'moderate' });
  expect(nutritionFindings({ wfh: 2.4 })).toEqual({ overweight: 'moderate' });
  expect(nutritionFindings({ wfh: 3.2 })).toEqual({ overweight: 'severe' });
  expect(nutritionFindings({})).toEqual({});
});

it('says nothing from an implausible z-score', () => {
  expect(isPlausible('wfa', -6.1)).toBe(false);
  expect(isPlausible('hfa', 6)).toBe(true);
  expect(nutritionFindings({ wfa: -7, hfa: 6.5, wfh: 5.5 })).toEqual({});
});
