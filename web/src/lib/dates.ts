// Dates travel as ISO (YYYY-MM-DD, or UTC instants) and are shown the Vietnamese way, dd/mm/yyyy.
import type { Instant } from '@ytcs/common';
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm:ss';
const ISO_DATE = 'YYYY-MM-DD';

export function todayIso(): string {
  return dayjs().format(ISO_DATE);
}

export function toIsoDate(value: Dayjs): string {
  return value.format(ISO_DATE);
}

export function parseIsoDate(value: string | null | undefined): Dayjs | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed : null;
}

/** A calendar date (YYYY-MM-DD) as dd/mm/yyyy; never shifted by time zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const [y, m, d] = value.slice(0, 10).split('-');
  return y && m && d ? `${d}/${m}/${y}` : value;
}

/** A UTC instant in the browser's local time, dd/mm/yyyy HH:mm:ss. */
export function formatInstant(value: Instant | null | undefined): string {
  if (!value) return '';
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format(DATE_TIME_FORMAT) : String(value);
}

/** The local calendar day of a UTC instant, dd/mm/yyyy. */
export function formatInstantDate(value: Instant | null | undefined): string {
  if (!value) return '';
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format(DATE_FORMAT) : String(value);
}

/** Whole years between a birth date (or, failing that, the birth year) and a day (default today). */
export function ageOf(birthDate: string | null | undefined, birthYear: number | null | undefined, on: Dayjs = dayjs()): number | null {
  const born = parseIsoDate(birthDate);
  if (born) return on.diff(born, 'year');
  return birthYear ? on.year() - birthYear : null;
}

/** A birth as people write it: dd/mm/yyyy, or only the year when the day is not known. */
export function formatBirth(birthDate: string | null | undefined, birthYear: number | null | undefined): string {
  if (birthDate) return formatDate(birthDate);
  return birthYear ? String(birthYear) : '';
}
