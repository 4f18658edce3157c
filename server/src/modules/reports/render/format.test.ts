import { describe, expect, it } from 'vitest';
import { figureText, formatNumberVi, formatPercent, issuerInSentence, placeDateLine, planReference, targetText } from './format.ts';

describe('report formats', () => {
  it('writes the place/date line with Decree 30 leading zeros', () => {
    expect(placeDateLine('Đức Xuân', '2026-11-25')).toBe('Đức Xuân, ngày 25 tháng 11 năm 2026');
    expect(placeDateLine('Đức Xuân', '2026-03-05')).toBe('Đức Xuân, ngày 05 tháng 3 năm 2026');
    expect(placeDateLine('Đức Xuân', '2026-02-14')).toBe('Đức Xuân, ngày 14 tháng 02 năm 2026');
  });

  it('uses the Vietnamese decimal comma and thousands dot', () => {
    expect(formatPercent((7894 / 8283) * 100)).toBe('95,3%');
    expect(formatPercent(95.25)).toBe('95,3%');
    expect(formatPercent(100)).toBe('100,0%');
    expect(formatNumberVi(1234567)).toBe('1.234.567');
    expect(formatNumberVi(-0.04, 1)).toBe('0,0');
  });

  it('writes targets as the plans do', () => {
    expect(targetText({ unit: 'percent', comparator: 'ge', targetValue: 95, targetYear: null })).toBe('≥ 95%');
    expect(targetText({ unit: 'percent', comparator: 'gt', targetValue: 95, targetYear: 2030 })).toBe('> 95% (2030)');
    expect(targetText({ unit: 'percent', comparator: 'le', targetValue: 12.5, targetYear: null })).toBe('≤ 12,5%');
    expect(targetText({ unit: 'count', comparator: 'eq', targetValue: 1200, targetYear: null })).toBe('= 1.200');
  });

  it('hides suppressed figures and explains missing ones', () => {
    expect(figureText('percent', { numerator: 3, denominator: 4, value: 75, suppressed: true })).toEqual({ main: '—', note: 'Ẩn' });
    expect(figureText('percent', { numerator: null, denominator: null, value: null, suppressed: false })).toEqual({ main: '—', note: 'Chưa có số liệu' });
  });

  it('puts names into running text', () => {
    expect(issuerInSentence('ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC XUÂN', 'Đức Xuân')).toBe('Ủy ban nhân dân phường Đức Xuân');
    expect(planReference({ number: null, issuedOn: null, title: 'BHYT toàn dân', issuer: 'UBND xã Quảng Yên' })).toBe('Kế hoạch của UBND xã Quảng Yên về BHYT toàn dân');
  });
});
