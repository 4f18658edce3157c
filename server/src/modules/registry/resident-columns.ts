/**
 * The resident's own fields in one place: how what a person typed (the form, the household form,
 * an import row) becomes the stored values, and which column holds each. Reads, writes, the
 * register export and the import's staging all take the list from here.
 */
import type { ResidentCheck, ResidentInput } from '@ytcs/common';
import type { DB } from '../../db/schema.ts';

/** The stored values of a resident's own fields, in the contract's names. */
export interface ResidentRow {
  fullName: string;
  sex: string;
  birthDate: string | null;
  birthYear: number;
  citizenId: string | null;
  insuranceCode: string | null;
  socialInsuranceNo: string | null;
  insuranceValidFrom: string | null;
  insuranceValidTo: string | null;
  insuranceFacility: string | null;
  beneficiaryGroup: string | null;
  phone: string | null;
  ethnicityCode: string | null;
  occupation: string | null;
  residenceStatus: string;
}

/** The column of each field. */
export const RESIDENT_COLUMNS = {
  fullName: 'full_name',
  sex: 'sex',
  birthDate: 'birth_date',
  birthYear: 'birth_year',
  citizenId: 'citizen_id',
  insuranceCode: 'insurance_code',
  socialInsuranceNo: 'social_insurance_no',
  insuranceValidFrom: 'insurance_valid_from',
  insuranceValidTo: 'insurance_valid_to',
  insuranceFacility: 'insurance_facility',
  beneficiaryGroup: 'beneficiary_group',
  phone: 'phone',
  ethnicityCode: 'ethnicity_code',
  occupation: 'occupation',
  residenceStatus: 'residence_status',
} as const satisfies Record<keyof ResidentRow, keyof DB['resident']>;

/** The SQL type of each field, for staging tables that hold residents before they are written. */
export const RESIDENT_TYPES = {
  fullName: 'text',
  sex: 'text',
  birthDate: 'date',
  birthYear: 'int',
  citizenId: 'text',
  insuranceCode: 'text',
  socialInsuranceNo: 'text',
  insuranceValidFrom: 'date',
  insuranceValidTo: 'date',
  insuranceFacility: 'text',
  beneficiaryGroup: 'text',
  phone: 'text',
  ethnicityCode: 'text',
  occupation: 'text',
  residenceStatus: 'text',
} as const satisfies Record<keyof ResidentRow, 'text' | 'date' | 'int'>;

type Columns = typeof RESIDENT_COLUMNS;
export type ResidentColumns = { [F in keyof Columns as Columns[F]]: ResidentRow[F] };

const FIELDS = Object.keys(RESIDENT_COLUMNS) as (keyof ResidentRow)[];

/** The row in the database's names. */
export function toColumns(row: ResidentRow): ResidentColumns {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) out[RESIDENT_COLUMNS[f]] = row[f];
  return out as ResidentColumns;
}

/** The row in the contract's names (the inverse of toColumns). */
export function fromColumns(columns: ResidentColumns): ResidentRow {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) out[f] = columns[RESIDENT_COLUMNS[f]];
  return out as unknown as ResidentRow;
}

/** `full_name, sex, …`: the columns in one order, for an insert and its select. */
export const RESIDENT_COLUMN_LIST = FIELDS.map((f) => RESIDENT_COLUMNS[f]).join(', ');

/** `full_name text, sex text, …`: a record definition (`jsonb_to_record(…) as v(…)`, a temp table). */
export const RESIDENT_COLUMN_DEFINITIONS = FIELDS.map((f) => `${RESIDENT_COLUMNS[f]} ${RESIDENT_TYPES[f]}`).join(', ');

/** `r.full_name as fullName`, … for a Kysely select over `resident as r`. */
export const RESIDENT_SELECTION = FIELDS.map((f) => `r.${RESIDENT_COLUMNS[f]} as ${f}`) as { [F in keyof Columns]: `r.${Columns[F]} as ${F}` }[keyof Columns][];

/**
 * What is stored of a person once checked (checkResident's normalised values): free texts trimmed,
 * blanks as null, a resident without a residence status a permanent one.
 */
export function storedResident(input: ResidentInput, checked: ResidentCheck['value']): ResidentRow {
  return {
    fullName: checked.fullName,
    sex: checked.sex,
    birthDate: checked.birthDate,
    birthYear: checked.birthYear,
    citizenId: checked.citizenId,
    insuranceCode: checked.insuranceCode,
    socialInsuranceNo: checked.socialInsuranceNo,
    insuranceValidFrom: input.insuranceValidFrom || null,
    insuranceValidTo: input.insuranceValidTo || null,
    insuranceFacility: input.insuranceFacility?.trim() || null,
    beneficiaryGroup: input.beneficiaryGroup?.trim() || null,
    phone: checked.phone,
    ethnicityCode: input.ethnicityCode || null,
    occupation: input.occupation?.trim() || null,
    residenceStatus: input.residenceStatus ?? 'permanent',
  };
}
