/**
 * The rules of a resident's administrative record, shared by the web form and the server so a
 * person sees the same message in both. Errors block the save; warnings (a personal ID that
 * disagrees with sex or birth year, a possible duplicate) must be confirmed by a person.
 */
import { isIsoDate } from './dates.ts';
import { type Sex, checkCitizenId, checkInsuranceCode, normalisePhone } from './identifiers.ts';
import { RESIDENCE_STATUSES } from './registry/codes.ts';
import type { ResidentFields } from './registry/contract.ts';
import { cleanName, textProblem } from './text.ts';


/** A resident's own fields as a person fills them in (the contract's, without the household role). */
export type ResidentInput = Omit<ResidentFields, 'relationship'>;

export interface FieldFinding {
  field: string;
  code: string;
  message: string;
  messageEn: string;
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
  const err = (field: string, code: string, message: string, messageEn: string) => errors.push({ field, code, message, messageEn });

  // Checked before cleaning: \s would turn a zero-width no-break space into a plain one.
  const nameProblem = textProblem(input.fullName ?? '');
  const fullName = cleanName(input.fullName ?? '');
  if (nameProblem) err('fullName', nameProblem.code, nameProblem.message, nameProblem.messageEn);
  else if (!fullName) err('fullName', 'required', 'Họ và tên là bắt buộc', 'Full name is required');
  else if (fullName.length > 200) err('fullName', 'too_long', 'Họ và tên quá dài (tối đa 200 ký tự)', 'Full name is too long (200 characters at most)');
  else if (/\d/.test(fullName)) err('fullName', 'digits', 'Họ và tên không được chứa chữ số', 'A name cannot contain digits');

  if (input.sex !== 'male' && input.sex !== 'female') err('sex', 'required', 'Giới tính là bắt buộc (nam hoặc nữ)', 'Sex is required (male or female)');

  let birthDate: string | null = null;
  let birthYear = input.birthYear ?? null;
  const thisYear = today.getUTCFullYear();
  if (!blank(input.birthDate)) {
    if (!isIsoDate(input.birthDate as string)) err('birthDate', 'format', 'Ngày sinh không hợp lệ', 'Invalid date of birth');
    else if ((input.birthDate as string) > today.toISOString().slice(0, 10)) err('birthDate', 'future', 'Ngày sinh ở tương lai', 'Date of birth is in the future');
    else {
      birthDate = input.birthDate as string;
      const year = Number(birthDate.slice(0, 4));
      if (birthYear !== null && birthYear !== year) err('birthYear', 'mismatch', 'Năm sinh khác với ngày sinh', 'Birth year differs from the date of birth');
      birthYear = year;
    }
  } else if (birthYear === null) {
    err('birthDate', 'required', 'Cần ngày sinh hoặc ít nhất năm sinh', 'A date of birth, or at least the year, is required');
  } else if (!Number.isInteger(birthYear) || birthYear < thisYear - 130 || birthYear > thisYear) {
    err('birthYear', 'range', `Năm sinh phải từ ${thisYear - 130} đến ${thisYear}`, `Birth year must be from ${thisYear - 130} to ${thisYear}`);
  }

  let citizenId: string | null = null;
  if (!blank(input.citizenId)) {
    const check = checkCitizenId(input.citizenId as string, { sex: input.sex, birthYear });
    for (const e of check.errors) err('citizenId', e.code, e.message, e.messageEn);
    for (const w of check.warnings) warnings.push({ field: 'citizenId', ...w });
    if (check.errors.length === 0) citizenId = check.value;
  }

  let insuranceCode: string | null = null;
  let socialInsuranceNo: string | null = null;
  if (!blank(input.insuranceCode)) {
    const check = checkInsuranceCode(input.insuranceCode as string);
    for (const e of check.errors) err('insuranceCode', e.code, e.message, e.messageEn);
    if (check.errors.length === 0) {
      insuranceCode = check.value;
      socialInsuranceNo = check.socialInsuranceNumber;
      if (check.kind === 'personal12' && citizenId && check.value !== citizenId) {
        warnings.push({ field: 'insuranceCode', code: 'insurance.not_own_id', message: 'Mã BHYT 12 số khác số CCCD của người này', messageEn: 'The 12-digit insurance code differs from this person’s ID' });
      }
    }
  }
  for (const field of ['insuranceValidFrom', 'insuranceValidTo'] as const) {
    if (!blank(input[field]) && !isIsoDate(input[field] as string)) err(field, 'format', 'Ngày không hợp lệ', 'Invalid date');
  }
  if (!blank(input.insuranceValidFrom) && !blank(input.insuranceValidTo) && (input.insuranceValidFrom as string) > (input.insuranceValidTo as string)) {
    err('insuranceValidTo', 'order', 'Hạn thẻ BHYT phải sau ngày bắt đầu', 'Insurance validity must end after it starts');
  }

  let phone: string | null = null;
  if (!blank(input.phone)) {
    phone = normalisePhone(input.phone as string);
    if (!phone) err('phone', 'format', 'Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0', 'The phone number must be 10 digits starting with 0');
  }
  if (!blank(input.ethnicityCode) && !/^\d{2}$/.test(input.ethnicityCode as string)) {
    err('ethnicityCode', 'format', 'Mã dân tộc gồm 2 chữ số (01 Kinh, 02 Tày, …)', 'The ethnicity code is 2 digits (01 Kinh, 02 Tày, …)');
  }
  if (input.residenceStatus && !RESIDENCE_STATUSES.includes(input.residenceStatus)) {
    err('residenceStatus', 'value', 'Tình trạng cư trú không hợp lệ', 'Invalid residence status');
  }

  return {
    value: { fullName, sex: input.sex, birthDate, birthYear: birthYear ?? 0, citizenId, insuranceCode, socialInsuranceNo, phone },
    errors,
    warnings,
  };
}
