import { describe, expect, it } from 'vitest';
import { exampleChildren, exampleDay, exampleSchedule } from './examples.ts';
import { addAge, doseStatuses } from './schedule.ts';

const statusOf = (name: string, day = exampleDay) => {
  const child = exampleChildren[name];
  if (!child) throw new Error(name);
  return Object.fromEntries(doseStatuses(child.birthDate, child.given, exampleSchedule, day).map((d) => [`${d.series}.${d.dose}`, [d.status, d.dueDate]]));
};

describe('addAge', () => {
  it('adds months as PostgreSQL does, clamping to the month’s last day, then days', () => {
    expect(addAge('2026-01-31', 1)).toBe('2026-02-28');
    expect(addAge('2024-01-31', 1)).toBe('2024-02-29');
    expect(addAge('2026-10-31', 2, 28)).toBe('2027-01-28');
    expect(addAge('2026-12-15', 0, 28)).toBe('2027-01-12');
  });
});

describe('doseStatuses', () => {
  it('lists the birth doses of a newborn as due from the day of birth', () => {
    expect(statusOf('newborn, nothing given')).toMatchObject({ 'hepb_birth.1': ['due', '2026-12-01'], 'bcg.1': ['due', '2026-12-01'], 'dpt_hepb_hib.1': ['upcoming', '2027-02-01'], 'dpt_hepb_hib.2': ['waiting', null] });
  });

  it('counts the doses given and makes the next one due at its age', () => {
    expect(statusOf('two months, on time')).toMatchObject({ 'hepb_birth.1': ['given', null], 'bcg.1': ['given', null], 'dpt_hepb_hib.1': ['due', '2026-12-01'] });
  });

  it('holds a dose back until the minimum interval after the previous one', () => {
    expect(statusOf('second dose held back by the interval')['dpt_hepb_hib.2']).toEqual(['upcoming', '2026-12-18']);
    expect(statusOf('three doses of penta in four months')['dpt_hepb_hib.3']).toEqual(['due', '2026-11-30']);
  });

  it('calls a first dose missed for over a month "not started", a later one "overdue"', () => {
    const s = statusOf('never started, 8 months');
    expect(s['dpt_hepb_hib.1']).toEqual(['not_started', '2026-06-02']);
    expect(s['dpt_hepb_hib.2']).toEqual(['waiting', null]);
    expect(statusOf('three doses of penta in four months', '2027-01-15')['dpt_hepb_hib.3']).toEqual(['overdue', '2026-11-30']);
  });

  it('counts a combined vaccine in the series it covers, and one day once', () => {
    const s = statusOf('measles by MR, twice on one day counts once', '2026-01-01');
    expect(s['measles.1']).toEqual(['given', null]);
    expect(s['ipv.1']?.[0]).toBe('not_started');
  });

  it('applies an added dose only to children who reach its age after its date', () => {
    expect(statusOf('measles by MR, twice on one day counts once', '2026-01-01')['ipv.2']).toBeUndefined();
    expect(statusOf('never started, 8 months')['ipv.2']).toEqual(['waiting', null]);
  });

  it('lists no dose whose interval the schedule does not give, and none past the catch-up age', () => {
    expect(statusOf('measles by MR, twice on one day counts once', '2026-02-01')['je.2']).toEqual(['waiting', null]);
    expect(statusOf('Japanese encephalitis started, interval not given')['je.2']).toEqual(['unscheduled', null]);
    expect(Object.values(statusOf('past the catch-up age')).map(([s]) => s)).toEqual(Array(8).fill('expired'));
  });

  it('judges a dose only by what was given by the day', () => {
    expect(statusOf('measles by MR, twice on one day counts once', '2025-10-09')['measles.1']).toEqual(['upcoming', '2025-10-10']);
    expect(statusOf('measles by MR, twice on one day counts once', '2025-10-10')['measles.1']).toEqual(['given', null]);
  });
});
