import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { ErrorBody, IdParams, Instant, IsoDate, PageQuery, listOf } from './contract.ts';

describe('shared HTTP shapes', () => {
  it('takes a calendar date that exists and nothing else', () => {
    expect(Value.Check(IsoDate, '2028-02-29')).toBe(true);
    expect(Value.Check(IsoDate, '2026-02-30')).toBe(false);
    expect(Value.Check(IsoDate, '0000-01-01')).toBe(false);
    expect(Value.Check(IsoDate, '2026-1-5')).toBe(false);
  });

  it('takes an ISO 8601 instant', () => {
    expect(Value.Check(Instant, '2026-12-02T17:00:00.000Z')).toBe(true);
    expect(Value.Check(Instant, 'yesterday')).toBe(false);
  });

  it('bounds paging and ids', () => {
    expect(Value.Check(PageQuery, { limit: 500, offset: 0 })).toBe(true);
    expect(Value.Check(PageQuery, { limit: 501, offset: 0 })).toBe(false);
    expect(Value.Check(IdParams, { id: 0 })).toBe(false);
  });

  it('describes a page of items and the error body', () => {
    const page = listOf(IdParams);
    expect(Value.Check(page, { items: [{ id: 1 }], total: 1 })).toBe(true);
    expect(Value.Check(page, { items: [{ id: 1 }] })).toBe(false);
    const error = { code: 'invalid', message: 'Dữ liệu không hợp lệ', messageEn: 'Invalid data', errors: [{ field: 'fullName', message: 'Bắt buộc', messageEn: 'Required' }] };
    expect(Value.Check(ErrorBody, error)).toBe(true);
    expect(Value.Check(ErrorBody, { code: 'invalid', message: 'Dữ liệu không hợp lệ' })).toBe(false);
  });
});
