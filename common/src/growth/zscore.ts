/**
 * The z-score of a child's measurement by WHO's LMS method, as WHO's own software (the anthro and
 * anthroplus packages) computes it: the table row for the age (whole days to 5 years, months
 * interpolated after) or for the length/height (interpolated between 0.1 cm rows), the LMS
 * z-score, and for weight-based measures the "restricted" z-score beyond ±3 SD. Its SQL twin is
 * ytcs_growth_z in the growth migration (growth.int.test.ts checks they agree).
 */
import { daysBetween } from '../dates.ts';
import type { GrowthMeasure, GrowthTable } from './codes.ts';

export interface Lms {
  l: number;
  m: number;
  s: number;
}

/** The 0–5 standards run to day 1826; below day 731 a child is measured lying (length). */
export const LAST_DAY_0_5 = 1826;
export const FIRST_HEIGHT_DAY = 731;
/** WHO's average month, to turn days into months for the 5–19 tables. */
export const DAYS_PER_MONTH = 30.4375;

/** The measurement at z-score `z` (the curves of a growth chart). */
export function measurementAt({ l, m, s }: Lms, z: number): number {
  return l === 0 ? m * Math.exp(s * z) : m * (1 + l * s * z) ** (1 / l);
}

/** L, M and S between two rows of a table, linearly (WHO interpolates between 0.1 cm and between months). */
export function interpolateLms(lo: Lms & { x: number }, hi: Lms & { x: number }, x: number): Lms {
  if (hi.x === lo.x) return { l: lo.l, m: lo.m, s: lo.s };
  const t = (x - lo.x) / (hi.x - lo.x);
  return { l: lo.l + (hi.l - lo.l) * t, m: lo.m + (hi.m - lo.m) * t, s: lo.s + (hi.s - lo.s) * t };
}

/** Weight-based measures are "restricted" beyond ±3 SD (the distance between the 2 and 3 SD curves); height is not. */
export const RESTRICTED: Record<GrowthMeasure, boolean> = { wfa: true, hfa: false, wfh: true, bfa: true };

/** The z-score of `y`, rounded to two decimals as WHO reports it. */
export function zScore(lms: Lms, y: number, restricted: boolean): number {
  const { l, m, s } = lms;
  const z = l === 0 ? Math.log(y / m) / s : ((y / m) ** l - 1) / (l * s);
  let out = z;
  if (restricted && z > 3) {
    const sd3 = measurementAt(lms, 3);
    out = 3 + (y - sd3) / (sd3 - measurementAt(lms, 2));
  } else if (restricted && z < -3) {
    const sd3 = measurementAt(lms, -3);
    out = -3 + (y - sd3) / (measurementAt(lms, -2) - sd3);
  }
  return Math.round(out * 100) / 100;
}

/**
 * Which table a measure is read from, and at what point, for a child of `ageDays` days whose
 * length or height is `heightCm`; null outside the tables (WHO gives no z-score there).
 * Weight-for-height exists to five years; weight-for-age from five to ten; the others to 19.
 */
export function tablePoint(measure: GrowthMeasure, ageDays: number, heightCm: number | null): { table: GrowthTable; x: number } | null {
  if (ageDays < 0) return null;
  const young = ageDays <= LAST_DAY_0_5;
  const months = ageDays / DAYS_PER_MONTH;
  if (measure === 'wfh') {
    if (!young || heightCm === null) return null;
    const lying = ageDays < FIRST_HEIGHT_DAY;
    const [low, high] = lying ? [45, 110] : [65, 120];
    return heightCm >= low && heightCm <= high ? { table: lying ? 'wfl' : 'wfh', x: heightCm } : null;
  }
  if (young) return { table: measure === 'hfa' ? 'lhfa' : measure, x: Math.round(ageDays) };
  // WHO's 5–19 tables begin at 61 months: a child between day 1827 and month 61 has no z-score.
  if (months < 61) return null;
  if (measure === 'wfa') return months <= 120 ? { table: 'wfa_5_10', x: months } : null;
  return months <= 228 ? { table: measure === 'hfa' ? 'hfa_5_19' : 'bfa_5_19', x: months } : null;
}

/**
 * WHO's flags for implausible z-scores (a measurement or age probably wrong): such a point is
 * shown, marked, and counted in no indicator.
 */
export const PLAUSIBLE: Record<GrowthMeasure, [number, number]> = { wfa: [-6, 5], hfa: [-6, 6], wfh: [-5, 5], bfa: [-5, 5] };

export function isPlausible(measure: GrowthMeasure, z: number): boolean {
  const [low, high] = PLAUSIBLE[measure];
  return z >= low && z <= high;
}

/** Whole days from a date of birth to a day (both ISO dates), as the database's date difference. */
export function ageInDaysOn(birthIso: string, onIso: string): number {
  return daysBetween(birthIso, onIso);
}
