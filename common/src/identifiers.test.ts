import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCitizenId, checkInsuranceCode, decodeCitizenId, normalisePhone } from './identifiers.ts';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

describe('personal ID (CCCD)', () => {
  it('decodes sex and birth year', () => {
    expect(decodeCitizenId('001190012345')).toMatchObject({ provinceCode: '001', sex: 'female', birthYear: 1990 });
    expect(decodeCitizenId('006205012345')).toMatchObject({ provinceCode: '006', sex: 'male', birthYear: 2005 });
  });

  it('refuses anything but 12 digits, and warns on a sex or year mismatch', () => {
    expect(checkCitizenId('12345').errors[0]?.code).toBe('citizen_id.format');
    const c = checkCitizenId('001 190 012 345', { sex: 'male', birthYear: 1991 });
    expect(c.errors).toEqual([]);
    expect(c.warnings.map((w) => w.code)).toEqual(['citizen_id.sex', 'citizen_id.birth_year']);
  });

  it('round-trips sex and year for every well-formed number (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 96 }), fc.integer({ min: 1900, max: 2099 }), fc.constantFrom('male' as const, 'female' as const), digits(6), (province, year, sex, rest) => {
        const centuryDigit = (Math.floor((year - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0)).toString();
        const id = `${String(province).padStart(3, '0')}${centuryDigit}${String(year % 100).padStart(2, '0')}${rest}`;
        const check = checkCitizenId(id, { sex, birthYear: year });
        expect(check.errors).toEqual([]);
        expect(check.warnings).toEqual([]);
        expect(check.decoded).toMatchObject({ sex, birthYear: year });
      }),
    );
  });

  it('never accepts a value with other than 12 digits (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const check = checkCitizenId(s);
        if (check.errors.length === 0) expect(check.value).toMatch(/^\d{12}$/);
      }),
    );
  });
});

describe('insurance code', () => {
  it('accepts the three forms and extracts the social-insurance number', () => {
    expect(checkInsuranceCode('dn4 01 0123456789')).toMatchObject({ kind: 'card15', socialInsuranceNumber: '0123456789', errors: [] });
    expect(checkInsuranceCode('0123456789')).toMatchObject({ kind: 'social10' });
    expect(checkInsuranceCode('001190012345')).toMatchObject({ kind: 'personal12' });
    expect(checkInsuranceCode('DN601012345678').errors[0]?.code).toBe('insurance.format');
  });

  it('keeps the last 10 characters of a card code as the social-insurance number (property)', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    fc.assert(
      fc.property(letter, letter, fc.integer({ min: 1, max: 5 }), digits(2), digits(10), (a, b, level, province, social) => {
        const check = checkInsuranceCode(`${a}${b}${level}${province}${social}`);
        expect(check.kind).toBe('card15');
        expect(check.socialInsuranceNumber).toBe(social);
      }),
    );
  });
});

describe('phone', () => {
  it('normalises +84 and spaces, refuses other lengths', () => {
    expect(normalisePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalisePhone('0912.345.678')).toBe('0912345678');
    expect(normalisePhone('091234567')).toBeNull();
  });

  it('accepts exactly the 10-digit numbers starting with 0 (property)', () => {
    fc.assert(
      fc.property(digits(9), (rest) => {
        expect(normalisePhone(`0${rest}`)).toBe(`0${rest}`);
      }),
    );
  });
});
