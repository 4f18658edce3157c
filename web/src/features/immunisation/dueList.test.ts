import type { DueChild, ScheduleRow } from '@ytcs/common';
import { describe, expect, it } from 'vitest';
import { byVillage, doseName, seriesNames, statusKey } from './dueList';

const child = (residentId: number, villageId: number | null, villageName: string | null): DueChild => ({
  residentId,
  fullName: `Trẻ ${residentId}`,
  birthDate: '2026-05-01',
  sex: 'female',
  villageId,
  villageName,
  address: null,
  carer: null,
  doses: [{ series: 'opv', dose: 2, dueDate: '2026-08-01', status: 'overdue' }],
});

describe('the due list', () => {
  it('names a dose by its series in the reader’s language, or by its code when the schedule is not loaded', () => {
    const row = { series: 'opv', seriesNameVi: 'Bại liệt uống (OPV)', seriesNameEn: 'Oral polio (OPV)' } as ScheduleRow;
    const dose = { series: 'opv', dose: 2, dueDate: '2026-08-01', status: 'overdue' } as const;
    expect(doseName(dose, seriesNames([row], 'vi'))).toBe('Bại liệt uống (OPV) 2');
    expect(doseName(dose, seriesNames([row], 'en'))).toBe('Oral polio (OPV) 2');
    expect(doseName(dose, seriesNames(undefined, 'vi'))).toBe('opv 2');
  });

  it('keys "not started" in camel case for the catalogue', () => {
    expect(statusKey('not_started')).toBe('immunisation.statuses.notStarted');
    expect(statusKey('due')).toBe('immunisation.statuses.due');
  });

  it('groups the invitation list by village in the order given', () => {
    const groups = byVillage([child(1, 10, 'Thôn 1'), child(2, 10, 'Thôn 1'), child(3, 11, 'Thôn 2'), child(4, null, null)]);
    expect(groups.map((g) => [g.villageName, g.children.map((c) => c.residentId)])).toEqual([
      ['Thôn 1', [1, 2]],
      ['Thôn 2', [3]],
      [null, [4]],
    ]);
  });
});
