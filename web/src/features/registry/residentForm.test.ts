import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Resident } from '../../api/registry-types';
import { type ResidentFormValues, birthAlias, emptyResident, fromResident, residentErrors, toResidentFields } from './residentForm';

const filled: ResidentFormValues = {
  ...emptyResident('head'),
  fullName: 'Nguyễn Văn An',
  sex: 'male',
  birthDate: dayjs('1980-03-15'),
};

const resident = (over: Partial<Resident> = {}): Resident => ({
  id: 7,
  fullName: 'Trần Thị Bình',
  sex: 'female',
  birthDate: '1990-05-02',
  birthYear: 1990,
  citizenId: '001190012345',
  insuranceCode: null,
  socialInsuranceNo: null,
  insuranceValidFrom: '2026-01-01',
  insuranceValidTo: '2026-12-31',
  phone: null,
  ethnicityCode: '01',
  ethnicityName: 'Kinh',
  occupation: null,
  residenceStatus: 'temporary',
  relationship: 'spouse',
  status: 'active',
  deathDate: null,
  mergedInto: null,
  householdId: 3,
  warnings: [],
  communeId: 1,
  communeName: 'Xã A',
  villageId: null,
  villageName: null,
  insured: true,
  hasRecord: false,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('emptyResident', () => {
  it('starts as a Kinh permanent resident with a full date of birth', () => {
    expect(emptyResident()).toEqual({ yearOnly: false, ethnicityCode: '01', residenceStatus: 'permanent', relationship: undefined });
    expect(emptyResident('child').relationship).toBe('child');
  });
});

describe('toResidentFields', () => {
  it('sends ISO dates and nulls for what was left empty', () => {
    expect(toResidentFields({ ...filled, insuranceValidFrom: dayjs('2026-01-01'), insuranceValidTo: dayjs('2026-12-31') })).toEqual({
      fullName: 'Nguyễn Văn An',
      sex: 'male',
      birthDate: '1980-03-15',
      citizenId: null,
      insuranceCode: null,
      insuranceValidFrom: '2026-01-01',
      insuranceValidTo: '2026-12-31',
      phone: null,
      ethnicityCode: '01',
      occupation: null,
      residenceStatus: 'permanent',
      relationship: 'head',
    });
  });

  it('collapses the spaces of a name and trims the other texts, blank texts becoming null', () => {
    const fields = toResidentFields({ ...filled, fullName: '  Lê   Thị\tHoa ', citizenId: ' 001190012345 ', phone: '   ', occupation: '' });
    expect(fields.fullName).toBe('Lê Thị Hoa');
    expect(fields.citizenId).toBe('001190012345');
    expect(fields.phone).toBeNull();
    expect(fields.occupation).toBeNull();
  });

  it('sends only the year when only the year is known, and never a null year beside a date', () => {
    const yearOnly = toResidentFields({ ...filled, yearOnly: true, birthYear: 1950 });
    expect(yearOnly.birthYear).toBe(1950);
    expect('birthDate' in yearOnly).toBe(false);
    const withDate = toResidentFields({ ...filled, birthYear: 1950 });
    expect(withDate.birthDate).toBe('1980-03-15');
    expect('birthYear' in withDate).toBe(false);
    expect(toResidentFields({ ...filled, yearOnly: true, birthYear: undefined }).birthYear).toBeNull();
  });

  it('defaults an untouched form: empty name, permanent residence, no relationship, no ethnicity', () => {
    const fields = toResidentFields({});
    expect(fields.fullName).toBe('');
    expect(fields.birthDate).toBeNull();
    expect(fields.residenceStatus).toBe('permanent');
    expect(fields.relationship).toBeNull();
    expect(fields.ethnicityCode).toBeNull();
  });
});

describe('fromResident', () => {
  it('puts a resident with a date of birth on the form as dayjs dates', () => {
    const v = fromResident(resident());
    expect(v.yearOnly).toBe(false);
    expect(v.birthDate?.format('YYYY-MM-DD')).toBe('1990-05-02');
    expect(v.birthYear).toBeNull();
    expect(v.insuranceValidTo?.format('YYYY-MM-DD')).toBe('2026-12-31');
    expect(v.citizenId).toBe('001190012345');
    expect(v.phone).toBeUndefined();
    expect(v.residenceStatus).toBe('temporary');
    expect(v.relationship).toBe('spouse');
  });

  it('shows only the year when the day of birth is unknown', () => {
    const v = fromResident(resident({ birthDate: null, birthYear: 1948 }));
    expect(v.yearOnly).toBe(true);
    expect(v.birthDate).toBeNull();
    expect(v.birthYear).toBe(1948);
  });

  it('round-trips: a resident put on the form and sent back is unchanged', () => {
    const r = resident({ phone: '0912345678', occupation: 'Nông dân' });
    expect(toResidentFields(fromResident(r))).toEqual({
      fullName: r.fullName,
      sex: r.sex,
      birthDate: r.birthDate,
      citizenId: r.citizenId,
      insuranceCode: null,
      insuranceValidFrom: r.insuranceValidFrom,
      insuranceValidTo: r.insuranceValidTo,
      phone: '0912345678',
      ethnicityCode: '01',
      occupation: 'Nông dân',
      residenceStatus: 'temporary',
      relationship: 'spouse',
    });
  });
});

describe('residentErrors', () => {
  it('finds nothing on a complete resident', () => {
    expect(residentErrors(filled)).toEqual([]);
  });

  it('requires a name, a sex and a birth, in both languages', () => {
    const errors = residentErrors(undefined);
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['fullName', 'required'],
      ['sex', 'required'],
      ['birthDate', 'required'],
    ]);
    for (const e of errors) expect(e.messageEn).not.toBe(e.message);
  });

  it('puts a missing birth on the field the form shows: the year when only the year is asked', () => {
    expect(residentErrors({ ...filled, birthDate: null }).map((e) => e.field)).toEqual(['birthDate']);
    expect(residentErrors({ ...filled, yearOnly: true, birthYear: null }).map((e) => e.field)).toEqual(['birthYear']);
  });

  it('refuses a year of birth out of range and a date of birth in the future', () => {
    expect(residentErrors({ ...filled, yearOnly: true, birthYear: dayjs().year() + 1 })).toMatchObject([{ field: 'birthYear', code: 'range' }]);
    expect(residentErrors({ ...filled, birthDate: dayjs().add(1, 'day') })).toMatchObject([{ field: 'birthDate', code: 'future' }]);
  });

  it('refuses a name with digits, a wrong phone and insurance that ends before it starts', () => {
    const errors = residentErrors({ ...filled, fullName: 'An 2', phone: '12345', insuranceValidFrom: dayjs('2026-06-01'), insuranceValidTo: dayjs('2026-01-01') });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['fullName', 'digits'],
      ['insuranceValidTo', 'order'],
      ['phone', 'format'],
    ]);
  });
});

describe('birthAlias', () => {
  it('names the other birth field at the same place in the form', () => {
    expect(birthAlias(['members', 2, 'birthDate'])).toEqual(['members', 2, 'birthYear']);
    expect(birthAlias(['birthYear'])).toEqual(['birthDate']);
    expect(birthAlias(['members', 0, 'phone'])).toBeNull();
    expect(birthAlias([])).toBeNull();
  });
});
