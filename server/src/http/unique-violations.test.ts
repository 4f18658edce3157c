import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { uniqueViolation } from './unique-violations.ts';

describe('uniqueViolation', () => {
  it('names the field of a known constraint, in Vietnamese and English', () => {
    const e = uniqueViolation({ code: '23505', constraint: 'household_code' });
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ status: 409, code: 'conflict', errors: [{ field: 'code', message: expect.stringContaining('Số hộ'), messageEn: expect.stringContaining('Household') }] });
  });

  it('answers 409 without a field for a constraint it does not know', () => {
    expect(uniqueViolation({ code: '23505', constraint: 'something_new' })).toMatchObject({ status: 409, code: 'conflict', errors: undefined });
  });

  it('leaves other errors alone', () => {
    expect(uniqueViolation({ code: '23503', constraint: 'household_code' })).toBeNull();
    expect(uniqueViolation(new Error('boom'))).toBeNull();
    expect(uniqueViolation(null)).toBeNull();
  });
});
