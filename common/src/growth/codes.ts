/**
 * Child growth by the WHO standards (0–5 years, 2006) and reference (5–19 years, 2007): the
 * measures, the reference tables they are read from, and the findings of nutrition status.
 */

/** Weight-for-age, height-for-age, weight-for-height, BMI-for-age: each read as a z-score. */
export const GROWTH_MEASURES = ['wfa', 'hfa', 'wfh', 'bfa'] as const;
export type GrowthMeasure = (typeof GROWTH_MEASURES)[number];

/**
 * WHO's tables (server/data/who-growth, SOURCE.md): the 0–5 tables by day of age (wfl by
 * length and wfh by height, in 0.1 cm steps), the 5–19 ones by month of age.
 */
export const GROWTH_TABLES = ['wfa', 'lhfa', 'bfa', 'wfl', 'wfh', 'wfa_5_10', 'hfa_5_19', 'bfa_5_19'] as const;
export type GrowthTable = (typeof GROWTH_TABLES)[number];

/**
 * What a child's z-scores say (WHO and UNICEF's definitions, used by Vietnam's nutrition
 * surveillance for children under five): below −2 SD moderate, below −3 SD severe; weight-for-
 * height above +2 SD overweight, above +3 SD obese.
 */
export const NUTRITION_FINDINGS = ['underweight', 'stunting', 'wasting', 'overweight'] as const;
export type NutritionFinding = (typeof NUTRITION_FINDINGS)[number];
