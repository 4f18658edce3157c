import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkResident } from './resident.ts';

const today = new Date('2026-11-25T00:00:00Z');
const fields = (c: { errors: { field: string }[] }) => c.errors.map((e) => e.field);

describe('checkResident', () => {
  it('cleans a good record', () => {
    const c = checkResident({ fullName: '  Nguyễn   Thị Hồng ', sex: 'female', birthDate: '1990-05-17', citizenId: '019190012345', insuranceCode: 'gd4 19 0123456789', phone: '+84912345678' }, today);
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([]);
    expect(c.value).toMatchObject({ fullName: 'Nguyễn Thị Hồng', birthYear: 1990, citizenId: '019190012345', insuranceCode: 'GD4190123456789', socialInsuranceNo: '0123456789', phone: '0912345678' });
  });

  it('names each bad field, in Vietnamese and English', () => {
    const c = checkResident({ fullName: '', sex: 'female', birthDate: '2030-01-01', citizenId: '123', insuranceCode: 'XX9', phone: '12345', ethnicityCode: 'Kinh' }, today);
    expect(fields(c)).toEqual(['fullName', 'birthDate', 'citizenId', 'insuranceCode', 'phone', 'ethnicityCode']);
    expect(c.errors[2]?.message).toContain('12 chữ số');
    expect(c.errors[2]?.messageEn).toContain('12 digits');
  });

  it('refuses a name a spreadsheet would evaluate as a formula, and keeps names with apostrophes', () => {
    for (const fullName of ['=HYPERLINK("http://x","Bấm")', '+Nguyễn Văn A', '-Lê Thị B', '@SUM']) {
      const c = checkResident({ fullName, sex: 'male', birthYear: 1980 }, today);
      expect(c.errors.map((e) => [e.field, e.code])).toEqual([['fullName', 'formula']]);
    }
    expect(checkResident({ fullName: "Y M'Drắk", sex: 'male', birthYear: 1980 }, today).errors).toEqual([]);
  });

  it('accepts a year of birth alone, and warns when the ID disagrees with sex or year', () => {
    const c = checkResident({ fullName: 'Triệu Văn Sơn', sex: 'male', birthYear: 1952, citizenId: '006153001234' }, today);
    expect(c.errors).toEqual([]);
    expect(c.value.birthDate).toBeNull();
    expect(c.warnings.map((w) => w.code)).toEqual(['citizen_id.sex', 'citizen_id.birth_year']);
  });

  it('never passes a record without a name or a birth year (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '   ', '\t'), fc.constantFrom('male' as const, 'female' as const), (name, sex) => {
        const c = checkResident({ fullName: name, sex }, today);
        expect(fields(c)).toEqual(expect.arrayContaining(['fullName', 'birthDate']));
      }),
    );
  });
});

describe('names with hidden characters (issue 9, hole 13)', () => {
  const base = { sex: 'female' as const, birthYear: 1990 };
  it('refuses a name with a bidi override or a zero-width character, so it cannot pass for another', () => {
    for (const fullName of ['Nguyễn Thị\u200B Hồng', 'Nguyễn \u202EThị Hồng', '\uFEFFNguyễn Thị Hồng']) {
      const check = checkResident({ ...base, fullName });
      expect(check.errors).toEqual([expect.objectContaining({ field: 'fullName', code: 'invisible', message: expect.stringContaining('ký tự ẩn') })]);
    }
  });
  it('stores a decomposed name in NFC', () => {
    expect(checkResident({ ...base, fullName: 'Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng' }).value.fullName).toBe('Nguyễn Thị Hồng');
  });
});
