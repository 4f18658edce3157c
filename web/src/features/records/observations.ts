// Measurements taken at an encounter and their plausible ranges, as the server checks them
// (server/src/modules/records/records.schemas.ts, OBSERVATION_RANGES): a value outside is a
// typing error, not a patient. Keep the two in step.
export const OBSERVATIONS = [
  { code: 'systolic_bp', min: 50, max: 300, unit: 'mmHg', step: 1 },
  { code: 'diastolic_bp', min: 20, max: 200, unit: 'mmHg', step: 1 },
  { code: 'pulse', min: 20, max: 250, unit: '/phút', step: 1 },
  { code: 'temperature', min: 30, max: 45, unit: '°C', step: 0.1 },
  { code: 'weight', min: 0.3, max: 300, unit: 'kg', step: 1 },
  { code: 'height', min: 20, max: 250, unit: 'cm', step: 1 },
  { code: 'waist', min: 20, max: 250, unit: 'cm', step: 1 },
  { code: 'glucose', min: 1, max: 50, unit: 'mmol/L', step: 0.1 },
] as const;

export type ObservationCode = (typeof OBSERVATIONS)[number]['code'];

export const ENCOUNTER_TYPES = ['checkup', 'illness', 'chronic_followup', 'screening', 'antenatal', 'home_visit', 'other'] as const;

/** Body-mass index from kg and cm, one decimal, as the server computes it. */
export function bmiOf(weight: number | null | undefined, height: number | null | undefined): number | null {
  if (!weight || !height) return null;
  const m = height / 100;
  return Math.round((weight / (m * m)) * 10) / 10;
}

/** Vietnamese adults (WHO Asia-Pacific cut-offs): under 18.5 thin, 23 and over overweight, 25 and over obese. */
export function bmiBand(bmi: number): 'under' | 'normal' | 'over' | 'obese' {
  if (bmi < 18.5) return 'under';
  if (bmi < 23) return 'normal';
  if (bmi < 25) return 'over';
  return 'obese';
}
