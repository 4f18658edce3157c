/** The record's code lists, apart from the schemas so the web takes them without the schema library. */
export const OBSERVATION_CODES = ['systolic_bp', 'diastolic_bp', 'pulse', 'glucose', 'weight', 'height', 'temperature', 'waist'] as const;
export type ObservationCode = (typeof OBSERVATION_CODES)[number];
export const ENCOUNTER_TYPES = ['checkup', 'illness', 'chronic_followup', 'screening', 'antenatal', 'home_visit', 'other'] as const;

/** Part 2 of the record: what each of its choices may hold. */
export const ALLERGY_KINDS = ['drugs', 'chemicals', 'food', 'other'] as const;
export const DISABILITY_KINDS = ['hearing', 'vision', 'hands', 'legs', 'spine', 'cleftLipPalate'] as const;
export const TOBACCO_STATUSES = ['never', 'current', 'former'] as const;
/** Alcohol and physical activity. */
export const HABIT_LEVELS = ['none', 'occasional', 'regular'] as const;
export const REPRODUCTIVE_COUNTS = ['pregnancies', 'termBirths', 'pretermBirths', 'miscarriages', 'abortions', 'livingChildren'] as const;

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
