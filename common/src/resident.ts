/**
 * The rules of a resident's administrative record, shared by the web form and the server so a
 * person sees the same message in both. Errors block the save; warnings (a personal ID that
 * disagrees with sex or birth year, a possible duplicate) must be confirmed by a person.
 */
import { isIsoDate } from './dates.ts';
import { type Sex, checkCitizenId, checkInsuranceCode, normalisePhone } from './identifiers.ts';
import { RESIDENCE_STATUSES } from './registry/codes.ts';
import type { ResidentFields } from './registry/contract.ts';
import { type Said, say } from './messages/index.ts';
import { cleanName, textProblem } from './text.ts';


/** A resident's own fields as a person fills them in (the contract's, without the household role). */
export type ResidentInput = Omit<ResidentFields, 'relationship'>;

/** A finding on one field: its code (for machines) and the message (key, Vietnamese, English). */
export interface FieldFinding extends Said {
  field: string;
  code: string;
}

/** The cleaned values to store, or the errors and warnings that stop or question the save. */
export interface ResidentCheck {
  value: {
    fullName: string;
    sex: Sex;
    birthDate: string | null;
    birthYear: number;
    citizenId: string | null;
    insuranceCode: string | null;
    socialInsuranceNo: string | null;
    phone: string | null;
  };
  errors: FieldFinding[];
  warnings: FieldFinding[];
}

const blank = (s: string | null | undefined) => s === undefined || s === null || s.trim() === '';

export function checkResident(input: ResidentInput, today = new Date()): ResidentCheck {
  const errors: FieldFinding[] = [];
  const warnings: FieldFinding[] = [];
  const err = (field: string, code: string, said: Said) => errors.push({ field, code, ...said });

  // Checked before cleaning: \s would turn a zero-width no-break space into a plain one.
  const nameProblem = textProblem(input.fullName ?? '');
  const fullName = cleanName(input.fullName ?? '');
  if (nameProblem) err('fullName', nameProblem.code, nameProblem);
  else if (!fullName) err('fullName', 'required', say('resident.nameRequired'));
  else if (fullName.length > 200) err('fullName', 'too_long', say('resident.nameTooLong'));
  else if (/\d/.test(fullName)) err('fullName', 'digits', say('resident.nameDigits'));
  // A spreadsheet evaluates a cell that begins so (OWASP "CSV injection"); no name does.
  else if (/^[=+\-@]/.test(fullName)) err('fullName', 'formula', say('resident.nameFormula'));

  if (input.sex !== 'male' && input.sex !== 'female') err('sex', 'required', say('resident.sexRequired'));

  let birthDate: string | null = null;
  let birthYear = input.birthYear ?? null;
  const thisYear = today.getUTCFullYear();
  if (!blank(input.birthDate)) {
    if (!isIsoDate(input.birthDate as string)) err('birthDate', 'format', say('resident.birthDateInvalid'));
    else if ((input.birthDate as string) > today.toISOString().slice(0, 10)) err('birthDate', 'future', say('resident.birthDateFuture'));
    else {
      birthDate = input.birthDate as string;
      const year = Number(birthDate.slice(0, 4));
      if (birthYear !== null && birthYear !== year) err('birthYear', 'mismatch', say('resident.birthYearMismatch'));
      birthYear = year;
    }
  } else if (birthYear === null) {
    err('birthDate', 'required', say('resident.birthDateRequired'));
  } else if (!Number.isInteger(birthYear) || birthYear < thisYear - 130 || birthYear > thisYear) {
    err('birthYear', 'range', say('resident.birthYearRange', { from: thisYear - 130, to: thisYear }));
  }

  let citizenId: string | null = null;
  if (!blank(input.citizenId)) {
    const check = checkCitizenId(input.citizenId as string, { sex: input.sex, birthYear });
    for (const e of check.errors) err('citizenId', e.code, e);
    for (const w of check.warnings) warnings.push({ field: 'citizenId', ...w });
    if (check.errors.length === 0) citizenId = check.value;
  }

  let insuranceCode: string | null = null;
  let socialInsuranceNo: string | null = null;
  if (!blank(input.insuranceCode)) {
    const check = checkInsuranceCode(input.insuranceCode as string);
    for (const e of check.errors) err('insuranceCode', e.code, e);
    if (check.errors.length === 0) {
      insuranceCode = check.value;
      socialInsuranceNo = check.socialInsuranceNumber;
      if (check.kind === 'personal12' && citizenId && check.value !== citizenId) {
        warnings.push({ field: 'insuranceCode', code: 'insurance.not_own_id', ...say('resident.insuranceNotOwnId') });
      }
    }
  }
  for (const field of ['insuranceValidFrom', 'insuranceValidTo'] as const) {
    if (!blank(input[field]) && !isIsoDate(input[field] as string)) err(field, 'format', say('resident.dateInvalid'));
  }
  if (!blank(input.insuranceValidFrom) && !blank(input.insuranceValidTo) && (input.insuranceValidFrom as string) > (input.insuranceValidTo as string)) {
    err('insuranceValidTo', 'order', say('resident.insuranceOrder'));
  }

  let phone: string | null = null;
  if (!blank(input.phone)) {
    phone = normalisePhone(input.phone as string);
    if (!phone) err('phone', 'format', say('resident.phoneFormat'));
  }
  if (!blank(input.ethnicityCode) && !/^\d{2}$/.test(input.ethnicityCode as string)) {
    err('ethnicityCode', 'format', say('resident.ethnicityFormat'));
  }
  if (input.residenceStatus && !RESIDENCE_STATUSES.includes(input.residenceStatus)) {
    err('residenceStatus', 'value', say('resident.residenceStatus'));
  }

  return {
    value: { fullName, sex: input.sex, birthDate, birthYear: birthYear ?? 0, citizenId, insuranceCode, socialInsuranceNo, phone },
    errors,
    warnings,
  };
}
