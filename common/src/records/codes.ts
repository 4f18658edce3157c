/** The record's code lists, apart from the schemas so the web takes them without the schema library. */
export const OBSERVATION_CODES = ['systolic_bp', 'diastolic_bp', 'pulse', 'glucose', 'weight', 'height', 'temperature', 'waist'] as const;
export type ObservationCode = (typeof OBSERVATION_CODES)[number];
export const ENCOUNTER_TYPES = ['checkup', 'illness', 'chronic_followup', 'screening', 'antenatal', 'home_visit', 'other'] as const;

/** Plausible ranges: a value outside is a typing error, not a patient (units in `unit`). */
export const OBSERVATION_RANGES: Record<ObservationCode, { min: number; max: number; unit: string }> = {
  systolic_bp: { min: 50, max: 300, unit: 'mmHg' },
  diastolic_bp: { min: 20, max: 200, unit: 'mmHg' },
  pulse: { min: 20, max: 250, unit: '/phút' },
  glucose: { min: 1, max: 50, unit: 'mmol/L' },
  weight: { min: 0.3, max: 300, unit: 'kg' },
  height: { min: 20, max: 250, unit: 'cm' },
  temperature: { min: 30, max: 45, unit: '°C' },
  waist: { min: 20, max: 250, unit: 'cm' },
};
