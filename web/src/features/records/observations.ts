// Measurements taken at an encounter, in the order the form shows them, with the plausible
// ranges the server checks (common's OBSERVATION_RANGES): a value outside is a typing error, not
// a patient. Only the order and the input step are the form's own.
import { OBSERVATION_RANGES, type ObservationCode } from '@ytcs/common';

const STEPS: [ObservationCode, number][] = [
  ['systolic_bp', 1],
  ['diastolic_bp', 1],
  ['pulse', 1],
  ['temperature', 0.1],
  ['weight', 1],
  ['height', 1],
  ['waist', 1],
  ['glucose', 0.1],
];

export const OBSERVATIONS = STEPS.map(([code, step]) => ({ code, ...OBSERVATION_RANGES[code], step }));

/** Vietnamese adults (WHO Asia-Pacific cut-offs): under 18.5 thin, 23 and over overweight, 25 and over obese. */
export function bmiBand(bmi: number): 'under' | 'normal' | 'over' | 'obese' {
  if (bmi < 18.5) return 'under';
  if (bmi < 23) return 'normal';
  if (bmi < 25) return 'over';
  return 'obese';
}
