/**
 * The due rule, once: where each dose of the schedule stands for a child on a day. Its SQL twin
 * (server/src/db/rules.ts, doseStatusesSql) judges a whole commune or province in one query;
 * rules.int.test.ts checks both agree.
 */
import { DEFAULT_CATCH_UP_MONTHS, type DoseStatus, OVERDUE_AFTER_DAYS } from './codes.ts';

/** One row of the schedule: dose `dose` of a series, at a target age, in force between two dates. */
export interface ScheduleDose {
  series: string;
  dose: number;
  /** Target age: months, then days (PostgreSQL's order when adding an interval to a date). */
  ageMonths: number;
  ageDays: number;
  /** Least days after the previous dose of the series; null when not known (doses after the first are then not listed). */
  minIntervalDays: number | null;
  /** Age in months from which the dose is no longer offered; null: DEFAULT_CATCH_UP_MONTHS. */
  catchUpMonths: number | null;
  /** The row applies to children who reach the target age on or after this day (null: always). */
  effectiveFrom: string | null;
  /** …and before this day (null: still in force). */
  effectiveTo: string | null;
}

/** A series and the vaccines that count as one of its doses (a combined vaccine counts in several). */
export interface Schedule {
  doses: ScheduleDose[];
  vaccinesOf: Record<string, readonly string[]>;
}

export interface GivenDose {
  vaccine: string;
  date: string;
}

export interface DoseOnDay {
  series: string;
  dose: number;
  status: DoseStatus;
  /** The first day the dose may be given, when known (not for `given`, `expired`, `waiting`, `unscheduled`). */
  dueDate: string | null;
}

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

/** A date plus months (clamped to the month's last day, as PostgreSQL does) and then days. */
export function addAge(iso: string, months: number, days = 0): string {
  const d = toDate(iso);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const out = new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
  out.setUTCDate(out.getUTCDate() + days);
  return toIso(out);
}

const daysBetween = (from: string, to: string) => Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);

/** Whether a row of the schedule applies to a child born on `birthDate`. */
export function appliesTo(row: ScheduleDose, birthDate: string): boolean {
  const target = addAge(birthDate, row.ageMonths, row.ageDays);
  return (row.effectiveFrom === null || target >= row.effectiveFrom) && (row.effectiveTo === null || target < row.effectiveTo);
}

/**
 * Each applicable dose of the schedule for a child on `day`. The nth dose of a series is the nth
 * distinct day a vaccine of the series was given (so a dose recorded with the wrong number, or a
 * combined vaccine, still counts). A dose after the first is due from its target age and its
 * minimum interval after the previous one; without the previous one it is `waiting`. A first dose
 * overdue is `not_started`: the child has had none of the series (for DTP, WHO's "zero-dose").
 */
export function doseStatuses(birthDate: string, given: readonly GivenDose[], schedule: Schedule, day: string): DoseOnDay[] {
  return schedule.doses
    .filter((row) => appliesTo(row, birthDate))
    .map((row) => {
      const vaccines = schedule.vaccinesOf[row.series] ?? [];
      const days = [...new Set(given.filter((g) => g.date <= day && vaccines.includes(g.vaccine)).map((g) => g.date))].sort();
      const at = (status: DoseStatus, dueDate: string | null = null): DoseOnDay => ({ series: row.series, dose: row.dose, status, dueDate });
      if (days.length >= row.dose) return at('given');
      if (day >= addAge(birthDate, row.catchUpMonths ?? DEFAULT_CATCH_UP_MONTHS)) return at('expired');
      const previous = row.dose > 1 ? days[row.dose - 2] : undefined;
      if (row.dose > 1 && previous === undefined) return at('waiting');
      if (row.dose > 1 && row.minIntervalDays === null) return at('unscheduled');
      const target = addAge(birthDate, row.ageMonths, row.ageDays);
      const earliest = previous === undefined ? target : addAge(previous, 0, row.minIntervalDays ?? 0);
      const dueDate = [earliest, target].sort()[1] as string; // ISO dates: the later one
      if (dueDate > day) return at('upcoming', dueDate);
      if (daysBetween(dueDate, day) < OVERDUE_AFTER_DAYS) return at('due', dueDate);
      return at(row.dose === 1 ? 'not_started' : 'overdue', dueDate);
    });
}
