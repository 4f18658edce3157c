/**
 * A schedule like the migration's (Circular 10/2024/TT-BYT rows, brief §7) for the rule's tests,
 * in both TypeScript and SQL: the int test feeds the same rows to the SQL twin.
 */
import type { GivenDose, Schedule, ScheduleDose } from './schedule.ts';

const row = (series: string, dose: number, ageMonths: number, minIntervalDays: number | null = null, more: Partial<ScheduleDose> = {}): ScheduleDose => ({
  series,
  dose,
  ageMonths,
  ageDays: 0,
  minIntervalDays,
  catchUpMonths: null,
  effectiveFrom: null,
  effectiveTo: null,
  ...more,
});

export const exampleSchedule: Schedule = {
  doses: [
    row('hepb_birth', 1, 0),
    row('bcg', 1, 0),
    row('dpt_hepb_hib', 1, 2),
    row('dpt_hepb_hib', 2, 3, 28),
    row('dpt_hepb_hib', 3, 4, 28),
    row('ipv', 1, 5),
    // A dose added later, for children who reach its age from its date on (as the second IPV dose was).
    row('ipv', 2, 9, 28, { effectiveFrom: '2026-06-01' }),
    row('measles', 1, 9, null, { catchUpMonths: 24 }),
    row('je', 2, 12),
  ],
  vaccinesOf: { hepb_birth: ['hepb_birth'], bcg: ['bcg'], dpt_hepb_hib: ['dpt_hepb_hib'], ipv: ['ipv'], measles: ['measles', 'mr'], je: ['je'] },
};

/** Children and the doses they had, by a name saying what is tested. */
export const exampleChildren: Record<string, { birthDate: string; given: GivenDose[] }> = {
  'newborn, nothing given': { birthDate: '2026-12-01', given: [] },
  'two months, on time': { birthDate: '2026-10-01', given: [{ vaccine: 'hepb_birth', date: '2026-10-01' }, { vaccine: 'bcg', date: '2026-10-10' }] },
  'three doses of penta in four months': {
    birthDate: '2026-07-31',
    given: [
      { vaccine: 'dpt_hepb_hib', date: '2026-09-30' },
      { vaccine: 'dpt_hepb_hib', date: '2026-10-20' },
    ],
  },
  'second dose held back by the interval': { birthDate: '2026-08-15', given: [{ vaccine: 'dpt_hepb_hib', date: '2026-11-20' }] },
  'never started, 8 months': { birthDate: '2026-04-02', given: [] },
  'measles by MR, twice on one day counts once': {
    birthDate: '2025-01-10',
    given: [
      { vaccine: 'mr', date: '2025-10-10' },
      { vaccine: 'mr', date: '2025-10-10' },
      { vaccine: 'measles', date: '2027-01-01' },
    ],
  },
  'past the catch-up age': { birthDate: '2020-01-01', given: [] },
  'Japanese encephalitis started, interval not given': { birthDate: '2025-06-01', given: [{ vaccine: 'je', date: '2026-06-10' }] },
  'end of month birth': { birthDate: '2026-09-30', given: [{ vaccine: 'dpt_hepb_hib', date: '2026-11-30' }] },
};

export const exampleDay = '2026-12-03';
