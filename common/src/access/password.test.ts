import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH, newPasswordProblem } from './password.ts';

describe('a new password', () => {
  it('needs ten characters and must differ from the current one', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(newPasswordProblem('123456789')).toBe('tooShort');
    expect(newPasswordProblem('1234567890')).toBeNull();
    expect(newPasswordProblem('mật-khẩu-1', 'mật-khẩu-1')).toBe('sameAsCurrent');
    expect(newPasswordProblem('mật-khẩu-2', 'mật-khẩu-1')).toBeNull();
  });
});
