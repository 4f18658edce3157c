import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { DueChild, DueQuery } from './contract.ts';

describe('immunisation contract', () => {
  it('takes a due list query by unit, status and antigen', () => {
    expect(Value.Check(DueQuery, { orgUnit: 5, status: 'overdue', antigen: 'polio', limit: 50, offset: 0 })).toBe(true);
    expect(Value.Check(DueQuery, { orgUnit: 5, status: 'given' })).toBe(false);
    expect(Value.Check(DueQuery, { orgUnit: 5, antigen: 'flu' })).toBe(false);
  });

  it('takes a child with their doses', () => {
    const child = { residentId: 1, fullName: 'Nguyễn Văn An', birthDate: '2026-06-01', sex: 'male', villageId: 2, villageName: 'Thôn 1', address: 'Xóm Đông', carer: 'Nguyễn Văn Bình', doses: [{ series: 'opv', dose: 1, dueDate: '2026-08-01', status: 'not_started' }] };
    expect(Value.Check(DueChild, child)).toBe(true);
    expect(Value.Check(DueChild, { ...child, birthDate: '01/06/2026' })).toBe(false);
  });
});
