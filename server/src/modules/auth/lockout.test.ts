import { describe, expect, it } from 'vitest';
import { LOCK_AFTER_FAILURES, lockDuration } from './auth.service.ts';

describe('lockDuration', () => {
  it('starts after the allowed failures, doubles, and stops at one hour', () => {
    expect(lockDuration(LOCK_AFTER_FAILURES - 1)).toBeNull();
    expect(lockDuration(LOCK_AFTER_FAILURES)).toBe(60_000);
    expect(lockDuration(LOCK_AFTER_FAILURES + 1)).toBe(120_000);
    expect(lockDuration(LOCK_AFTER_FAILURES + 20)).toBe(3_600_000);
  });
});
