/**
 * Nutrition status from a child's z-scores (WHO/UNICEF): moderate below −2 SD, severe below
 * −3 SD; overweight above +2 SD of weight-for-height. Implausible z-scores say nothing. Its SQL
 * twin is in the growth indicators (growth.int.test.ts checks they agree).
 */
import type { GrowthMeasure, NutritionFinding } from './codes.ts';
import { isPlausible } from './zscore.ts';

export type Severity = 'moderate' | 'severe';
/** Below this z-score a child is undernourished (moderate); below −3 severely. */
export const MODERATE_Z = -2;
export const SEVERE_Z = -3;
export type ZScores = Partial<Record<GrowthMeasure, number | null>>;

const LOW: [NutritionFinding, GrowthMeasure][] = [
  ['underweight', 'wfa'],
  ['stunting', 'hfa'],
  ['wasting', 'wfh'],
];

const plausible = (z: ZScores, m: GrowthMeasure): number | null => {
  const v = z[m];
  return v === null || v === undefined || !isPlausible(m, v) ? null : v;
};

/** Each finding the z-scores show, with its severity. */
export function nutritionFindings(z: ZScores): Partial<Record<NutritionFinding, Severity>> {
  const out: Partial<Record<NutritionFinding, Severity>> = {};
  for (const [finding, measure] of LOW) {
    const v = plausible(z, measure);
    if (v !== null && v < MODERATE_Z) out[finding] = v < SEVERE_Z ? 'severe' : 'moderate';
  }
  const whz = plausible(z, 'wfh');
  if (whz !== null && whz > -MODERATE_Z) out.overweight = whz > -SEVERE_Z ? 'severe' : 'moderate';
  return out;
}
