import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { CommitResult, ImportJob } from './contract.ts';

const job = {
  id: 1,
  unitId: 9,
  communeId: 7,
  format: 'xlsx',
  fileName: 'so-dan-cu.xlsx',
  status: 'previewed',
  columns: [{ header: 'Họ và tên', field: 'fullName', letter: 'A' }, { header: 'Ghi chú', field: null, letter: 'B' }],
  rows: 2,
  valid: 1,
  invalid: 1,
  existing: 0,
  done: 0,
  inserted: null,
  households: null,
  skipped: null,
  errors: [{ row: 3, column: 'Họ và tên', letter: 'A', field: 'fullName', message: 'Họ và tên là bắt buộc', messageEn: 'Full name is required' }],
  warnings: [],
  createdAt: '2026-12-02T08:00:00.000Z',
  committedAt: null,
};

describe('import contract', () => {
  it('takes a previewed job and refuses a column read as an unknown field', () => {
    expect(Value.Check(ImportJob, job)).toBe(true);
    expect(Value.Check(ImportJob, { ...job, columns: [{ header: 'Tên', field: 'name', letter: 'A' }] })).toBe(false);
    expect(Value.Check(ImportJob, { ...job, status: 'done' })).toBe(false);
  });

  it('takes the counts of a commit', () => {
    expect(Value.Check(CommitResult, { inserted: 1, households: 1, skipped: 0, invalid: 1 })).toBe(true);
    expect(Value.Check(CommitResult, { inserted: 1 })).toBe(false);
  });
});
