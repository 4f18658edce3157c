import { describe, expect, it } from 'vitest';
import { nextBatchRows } from './imports.service.ts';

describe('the commit batch size', () => {
  it('moves towards about 200 ms a batch, at most doubling or halving, within 50 and 20,000 rows', () => {
    expect(nextBatchRows(500, 100)).toBe(1000);
    expect(nextBatchRows(500, 10)).toBe(1000);
    expect(nextBatchRows(500, 400)).toBe(250);
    expect(nextBatchRows(500, 5000)).toBe(250);
    expect(nextBatchRows(1000, 250)).toBe(800);
    expect(nextBatchRows(60, 1000)).toBe(50);
    expect(nextBatchRows(15_000, 1)).toBe(20_000);
  });
});
