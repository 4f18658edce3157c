import { describe, expect, it } from 'vitest';
import { progressLine, progressPrinter } from './start-progress.ts';

describe('start progress', () => {
  it('says each step in Vietnamese and English with the seconds since the start', () => {
    expect(progressLine({ step: 'migrating' }, 1234)).toBe('  [  1.2 s] Cập nhật cấu trúc cơ sở dữ liệu… / migrating the database…');
    expect(progressLine({ step: 'demoResidents', done: 4000, total: 20000 }, 45_000)).toBe(
      '  [ 45.0 s] Dữ liệu mẫu: người dân 4.000/20.000… / demo data: residents 4,000/20,000…',
    );
  });

  it('prints a counted step once per tenth of the way, and every plain step', () => {
    const lines: string[] = [];
    const report = progressPrinter((l) => lines.push(l), 0, () => 0);
    report({ step: 'migrating' });
    for (let done = 0; done <= 20000; done += 500) report({ step: 'demoResidents', done, total: 20000 });
    report({ step: 'demoPlans' });
    expect(lines).toHaveLength(1 + 11 + 1);
    expect(lines.at(-2)).toContain('20,000/20,000');
  });
});
