import { describe, expect, it } from 'vitest';
import { isOverdue } from './overdue.ts';

const TODAY = '2026-06-15';

describe('isOverdue', () => {
  it.each([
    ['not_started', '2026-06-14', true],
    ['in_progress', '2026-06-14', true],
    ['in_progress', '2025-12-31', true],
    ['not_started', '2026-06-15', false],
    ['in_progress', '2026-06-16', false],
    ['done', '2026-06-14', false],
    ['done', '2026-06-16', false],
    ['not_started', null, false],
    ['done', null, false],
  ] as const)('%s, due %s → %s', (status, deadline, overdue) => {
    expect(isOverdue({ status, deadline }, TODAY)).toBe(overdue);
  });
});
