/**
 * Antenatal care by the Ministry of Health's guidance: at least four visits — one in the first
 * three months, one in the middle three (the 4th to the end of the 6th month), two in the last
 * three (Vụ Sức khỏe Bà mẹ – Trẻ em, "Cẩm nang hành trình mang thai"). Trimesters by completed
 * weeks of gestation from the last menstrual period: the first to 13 weeks 6 days, the second to
 * 27 weeks 6 days, the third from 28 weeks. Its SQL twin is ancStanding in the maternal module
 * (maternal.int.test.ts checks both agree).
 */
import { addDaysIso, daysBetween } from '../dates.ts';
import type { AncStanding } from './codes.ts';

/** Naegele's rule: the expected date of delivery is 280 days after the last menstrual period. */
export const PREGNANCY_DAYS = 280;

export const TRIMESTERS = [
  { trimester: 1, fromDay: 0, toDay: 97, visits: 1 },
  { trimester: 2, fromDay: 98, toDay: 195, visits: 1 },
  { trimester: 3, fromDay: 196, toDay: 999, visits: 2 },
] as const;

export function eddFromLmp(lmp: string): string {
  return addDaysIso(lmp, PREGNANCY_DAYS);
}

/** The day of the last period a pregnancy is dated from: given, or worked back from the expected date. */
export function lmpOf(edd: string): string {
  return addDaysIso(edd, -PREGNANCY_DAYS);
}

/** Days of gestation on a day (from the period's first day). */
export function gestationDays(edd: string, on: string): number {
  return daysBetween(lmpOf(edd), on);
}

export const trimesterOf = (days: number) => (TRIMESTERS.find((t) => days >= t.fromDay && days <= t.toDay) ?? TRIMESTERS[2]).trimester;

/**
 * Where an ongoing pregnancy stands on a day: `missed` when a trimester that has ended had fewer
 * visits than it asks; else `due` when the present trimester still asks for a visit; else `on_track`.
 */
export function ancStanding(edd: string, visitDates: string[], on: string): AncStanding {
  const today = gestationDays(edd, on);
  const visitsIn = (t: (typeof TRIMESTERS)[number]) => visitDates.map((v) => gestationDays(edd, v)).filter((d) => d >= t.fromDay && d <= t.toDay && d <= today).length;
  for (const t of TRIMESTERS) {
    if (t.toDay < today && visitsIn(t) < t.visits) return 'missed';
  }
  const current = TRIMESTERS.find((t) => today >= t.fromDay && today <= t.toDay);
  return current && visitsIn(current) < current.visits ? 'due' : 'on_track';
}
