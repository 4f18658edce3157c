import { describe, expect, it } from 'vitest';
import type { PlanFileJob } from '@ytcs/common';
import { PLAN_FILE_ACCEPT, isReadingOpen, readingStep, tooLarge } from './planFile';

const job = (over: Partial<PlanFileJob>): PlanFileJob => ({ id: 'x', status: 'reading', fileName: 'a.pdf', method: null, pages: null, pagesDone: 0, waiting: 0, result: null, error: null, ...over });

describe('a plan file reading', () => {
  it('takes the files the server reads', () => {
    expect(PLAN_FILE_ACCEPT).toBe('.docx,.pdf,.png,.jpg,.jpeg,.txt');
    expect(tooLarge({ size: 31 * 1024 * 1024 })).toBe(true);
    expect(tooLarge({ size: 2 * 1024 * 1024 })).toBe(false);
  });

  it('tells waiting, pages read, or just reading; open until done or failed', () => {
    expect(readingStep(job({ status: 'queued', waiting: 2 }))).toEqual({ step: 'queued', ahead: 2 });
    expect(readingStep(job({ method: 'ocr', pages: 8, pagesDone: 3 }))).toEqual({ step: 'ocr', done: 3, pages: 8, percent: 38 });
    expect(readingStep(job({ method: 'ocr', pages: 2, pagesDone: 2 }))).toMatchObject({ percent: 99 });
    expect(readingStep(job({}))).toEqual({ step: 'reading' });
    expect([job({ status: 'queued' }), job({}), job({ status: 'done' }), job({ status: 'failed' })].map(isReadingOpen)).toEqual([true, true, false, false]);
  });
});
