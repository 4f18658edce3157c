import { checkResident } from '@ytcs/common';
import { describe, expect, it } from 'vitest';
import { RESIDENT_COLUMNS, RESIDENT_SELECTION, storedResident, toColumns } from './resident-columns.ts';

describe('the resident fields in one place', () => {
  const input = {
    fullName: '  Đỗ Thị Thủy ',
    sex: 'female' as const,
    birthDate: '1990-05-17',
    insuranceCode: 'GD4190123456789',
    insuranceValidFrom: '',
    insuranceValidTo: '2099-12-31',
    insuranceFacility: '  Trạm Y tế xã Đức Xuân ',
    beneficiaryGroup: ' ',
    ethnicityCode: '01',
    occupation: 'Nông dân',
  };

  it('stores what a person typed once checked: trimmed, blanks as null, permanent by default', () => {
    const row = storedResident(input, checkResident(input).value);
    expect(row).toMatchObject({
      fullName: 'Đỗ Thị Thủy',
      birthYear: 1990,
      socialInsuranceNo: '0123456789',
      insuranceValidFrom: null,
      insuranceFacility: 'Trạm Y tế xã Đức Xuân',
      beneficiaryGroup: null,
      residenceStatus: 'permanent',
    });
  });

  it('names every field once, in the columns written and in the columns read', () => {
    const row = storedResident(input, checkResident(input).value);
    const columns = toColumns(row);
    expect(Object.keys(columns).sort()).toEqual(Object.values(RESIDENT_COLUMNS).sort());
    expect(Object.keys(row).sort()).toEqual(Object.keys(RESIDENT_COLUMNS).sort());
    expect(columns.insurance_valid_to).toBe('2099-12-31');
    expect(RESIDENT_SELECTION).toContain('r.insurance_valid_from as insuranceValidFrom');
    expect(RESIDENT_SELECTION).toHaveLength(Object.keys(RESIDENT_COLUMNS).length);
  });
});
