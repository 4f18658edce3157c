/**
 * Vietnamese identifiers, checked the same way by the web form and the server.
 * - Personal ID (CCCD / số định danh cá nhân): 12 digits = 3-digit province code of birth
 *   registration + 1 digit for sex and century + 2 digits of the birth year + 6 digits.
 * - Health-insurance card: the older 15-character code = 2-letter beneficiary group + benefit
 *   level 1–5 + 2-digit province + 10-digit social-insurance number; newer cards show the
 *   10-digit social-insurance number, and from Decree 188/2025 the card is the personal ID.
 * - Phone: 10 digits starting with 0 (+84 is accepted and normalised).
 * A structural error is an error; a CCCD that disagrees with the recorded sex or birth year is a
 * warning a person must resolve, never silently saved or silently refused.
 */

import { type Said, say } from './messages/index.ts';

export type Sex = 'male' | 'female';

/** A rule's finding: its code (what is wrong, for machines) and the message (key, Vietnamese, English). */
export interface Finding extends Said {
  code: string;
}

export interface CitizenIdCheck {
  value: string;
  errors: Finding[];
  warnings: Finding[];
  /** What the number itself says, when it is well formed. */
  decoded: { provinceCode: string; sex: Sex; birthYearFrom: number; birthYearTo: number; birthYear: number } | null;
}

const digitsOnly = (s: string) => s.replace(/[\s.-]/g, '');

/** Century digit: 0/1 → 1900s, 2/3 → 2000s, 4/5 → 2100s …; even = male, odd = female. */
export function decodeCitizenId(value: string) {
  if (!/^\d{12}$/.test(value)) return null;
  const d = Number(value[3]);
  const yy = Number(value.slice(4, 6));
  const century = 1900 + Math.floor(d / 2) * 100;
  return {
    provinceCode: value.slice(0, 3),
    sex: (d % 2 === 0 ? 'male' : 'female') as Sex,
    birthYearFrom: century,
    birthYearTo: century + 99,
    birthYear: century + yy,
  };
}

export function checkCitizenId(raw: string, person?: { sex?: Sex | null; birthYear?: number | null }): CitizenIdCheck {
  const value = digitsOnly(raw);
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  if (!/^\d{12}$/.test(value)) {
    errors.push({ code: 'citizen_id.format', ...say('identifiers.citizenIdFormat') });
    return { value, errors, warnings, decoded: null };
  }
  const decoded = decodeCitizenId(value);
  if (!decoded) return { value, errors, warnings, decoded };
  if (decoded.provinceCode === '000') {
    errors.push({ code: 'citizen_id.province', ...say('identifiers.citizenIdProvince') });
  }
  if (person?.sex && person.sex !== decoded.sex) {
    warnings.push({ code: 'citizen_id.sex', ...say(decoded.sex === 'male' ? 'identifiers.citizenIdSaysMale' : 'identifiers.citizenIdSaysFemale') });
  }
  if (person?.birthYear && person.birthYear !== decoded.birthYear) {
    warnings.push({ code: 'citizen_id.birth_year', ...say('identifiers.citizenIdBirthYear', { idYear: decoded.birthYear, recordedYear: person.birthYear }) });
  }
  return { value, errors, warnings, decoded };
}

export interface InsuranceCheck {
  value: string;
  kind: 'card15' | 'social10' | 'personal12' | null;
  socialInsuranceNumber: string | null;
  errors: Finding[];
}

export function checkInsuranceCode(raw: string): InsuranceCheck {
  const value = raw.replace(/\s/g, '').toUpperCase();
  if (/^[A-Z]{2}[1-5]\d{12}$/.test(value)) {
    return { value, kind: 'card15', socialInsuranceNumber: value.slice(5), errors: [] };
  }
  if (/^\d{10}$/.test(value)) return { value, kind: 'social10', socialInsuranceNumber: value, errors: [] };
  if (/^\d{12}$/.test(value)) return { value, kind: 'personal12', socialInsuranceNumber: null, errors: [] };
  return {
    value,
    kind: null,
    socialInsuranceNumber: null,
    errors: [{ code: 'insurance.format', ...say('identifiers.insuranceFormat') }],
  };
}

export function normalisePhone(raw: string): string | null {
  let value = raw.replace(/[\s.()-]/g, '');
  if (value.startsWith('+84')) value = `0${value.slice(3)}`;
  else if (value.startsWith('84') && value.length === 11) value = `0${value.slice(2)}`;
  return /^0\d{9}$/.test(value) ? value : null;
}
