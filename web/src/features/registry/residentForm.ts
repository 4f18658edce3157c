// A resident on a form and on the wire. The form keeps dates as dayjs and a "year only" switch;
// the API wants ISO dates and nulls. The same checks as the server (checkResident from
// @ytcs/common) run on every field, so the message a person sees is the server's own.
import { checkResident, type FieldFinding, type Relationship, type Resident, type ResidentFields, type Sex } from '@ytcs/common';
import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIsoDate, toIsoDate } from '../../lib/dates';
import { serverText } from '../../i18n/languages';

type DateField = 'birthDate' | 'insuranceValidFrom' | 'insuranceValidTo';

/** The contract's fields as the form holds them: dates as dayjs, and a "year only" switch. */
export type ResidentFormValues = Partial<Omit<ResidentFields, DateField>> & Partial<Record<DateField, Dayjs | null>> & { yearOnly?: boolean };

export const KINH = '01';

const text = (value: string | undefined | null) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};
const iso = (value: Dayjs | null | undefined) => (value ? toIsoDate(value) : null);

export function emptyResident(relationship?: Relationship): ResidentFormValues {
  return { yearOnly: false, ethnicityCode: KINH, residenceStatus: 'permanent', relationship };
}

export function toResidentFields(v: ResidentFormValues): ResidentFields {
  return {
    fullName: (v.fullName ?? '').replace(/\s+/g, ' ').trim(),
    sex: v.sex as Sex,
    // Only the one shown is sent: the server then clears the other. (An explicit null birthYear
    // is read as 0 by the server's validation and refused as differing from the date.)
    ...(v.yearOnly ? { birthYear: v.birthYear ?? null } : { birthDate: iso(v.birthDate) }),
    citizenId: text(v.citizenId),
    insuranceCode: text(v.insuranceCode),
    insuranceValidFrom: iso(v.insuranceValidFrom),
    insuranceValidTo: iso(v.insuranceValidTo),
    phone: text(v.phone),
    ethnicityCode: v.ethnicityCode || null,
    occupation: text(v.occupation),
    residenceStatus: v.residenceStatus ?? 'permanent',
    relationship: v.relationship ?? null,
  };
}

export function fromResident(r: Resident): ResidentFormValues {
  return {
    fullName: r.fullName,
    sex: r.sex,
    yearOnly: !r.birthDate,
    birthDate: parseIsoDate(r.birthDate),
    birthYear: r.birthDate ? null : r.birthYear,
    citizenId: r.citizenId ?? undefined,
    insuranceCode: r.insuranceCode ?? undefined,
    insuranceValidFrom: parseIsoDate(r.insuranceValidFrom),
    insuranceValidTo: parseIsoDate(r.insuranceValidTo),
    phone: r.phone ?? undefined,
    ethnicityCode: r.ethnicityCode ?? undefined,
    occupation: r.occupation ?? undefined,
    residenceStatus: r.residenceStatus,
    relationship: r.relationship,
  };
}

/** The field a finding belongs on, given which of date or year the form shows. */
function shownField(field: string, yearOnly: boolean | undefined): string {
  if (yearOnly && field === 'birthDate') return 'birthYear';
  if (!yearOnly && field === 'birthYear') return 'birthDate';
  return field;
}

/** The blocking errors the shared rules find, each on a field the form shows. */
export function residentErrors(values: ResidentFormValues | undefined): FieldFinding[] {
  const v = values ?? {};
  return checkResident(toResidentFields(v)).errors.map((e) => ({ ...e, field: shownField(e.field, v.yearOnly) }));
}

/** birthYear ↔ birthDate when the server names the one the form is not showing. */
export function birthAlias(name: (string | number)[]): (string | number)[] | null {
  const last = name[name.length - 1];
  if (last === 'birthDate') return [...name.slice(0, -1), 'birthYear'];
  if (last === 'birthYear') return [...name.slice(0, -1), 'birthDate'];
  return null;
}

/**
 * A form rule for one field of a resident at `path` (['members', 2], or [] for a form that is
 * one resident): it runs checkResident over the whole person and reports this field's errors.
 */
export function useResidentRule() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (path: (string | number)[], field: string): FormRule =>
      (form) => ({
        validator: async () => {
          const values = (path.length ? form.getFieldValue(path) : form.getFieldsValue(true)) as ResidentFormValues;
          const found = residentErrors(values).filter((e) => e.field === field);
          if (found.length) throw new Error(found.map((e) => serverText(e, language)).join('; '));
        },
      }),
    [language],
  );
}
