import { describe, expect, it } from 'vitest';
import { INDICATOR_RULES } from './indicators.ts';
import { parsePlanText } from './parse.ts';

const plan = (issuer: string, ...targets: string[]) =>
  parsePlanText([issuer, 'Số: 12/KH-UBND', 'KẾ HOẠCH', 'Thực hiện Chỉ thị số 25-CT/TW', 'II. MỤC TIÊU ĐẾN NĂM 2030', ...targets].join('\n'));
const COMMUNE = 'ỦY BAN NHÂN DÂN XÃ HÒA PHONG';
const PROVINCE = 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN';
const rows = (p: ReturnType<typeof parsePlanText>) => p.targets.map((t) => [t.indicatorCode, t.value, t.unit]);
const implausible = (p: ReturnType<typeof parsePlanText>) => p.warnings.filter((w) => w.key === 'plans.draft.valueImplausible');

describe('a value implausible for its indicator', () => {
  it('is left empty, not saved, when a percentage is over 100 (OCR read 95% as 950%)', () => {
    const p = plan(COMMUNE, '- Tỷ lệ bao phủ bảo hiểm y tế đạt trên 950% dân số.', '- Trên 95% dân số được quản lý sức khỏe.');
    expect(rows(p)).toEqual([
      ['BHYT_BP', null, 'percent'],
      ['HSSK_QL', 95, 'percent'],
    ]);
    expect(implausible(p).map((w) => w.vi)).toEqual([
      'Chỉ tiêu “Tỷ lệ bao phủ bảo hiểm y tế đạt trên 950% dân số.”: con số 950% nằm ngoài khoảng hợp lý 80–100% (BHYT_BP), không lấy; hãy đọc lại văn bản gốc.',
    ]);
    expect(implausible(p)[0]?.en).toBe('Target “Tỷ lệ bao phủ bảo hiểm y tế đạt trên 950% dân số.”: the figure 950% is outside the plausible range 80–100% (BHYT_BP) and was not taken; check the original.');
  });

  it('is left empty when a coverage share reads 9,5% (a stray comma in 95%)', () => {
    const p = plan(COMMUNE, '- Tỷ lệ bao phủ bảo hiểm y tế đạt trên 9,5% dân số.');
    expect(rows(p)).toEqual([['BHYT_BP', null, 'percent']]);
    expect(implausible(p)[0]?.params).toMatchObject({ figure: '9,5%', range: '80–100% (BHYT_BP)' });
  });

  it('keeps a real decimal share and a real 100%', () => {
    const p = plan(COMMUNE, '- Tỷ lệ bao phủ bảo hiểm y tế đạt 93,5% dân số.', '- 100% trạm y tế có bác sĩ.');
    expect(rows(p)).toEqual([
      ['BHYT_BP', 93.5, 'percent'],
      ['TYT_BS', 100, 'percent'],
    ]);
    expect(implausible(p)).toEqual([]);
  });

  it('judges a count of stations by the issuer: 150 is many for a commune, not for a province', () => {
    const line = '- Phấn đấu có 150 trạm y tế có bác sĩ.';
    expect(rows(plan(COMMUNE, line))).toEqual([['TYT_BS', null, 'count']]);
    expect(implausible(plan(COMMUNE, line))[0]?.params).toMatchObject({ figure: '150', range: '0–10 (TYT_BS)' });
    expect(rows(plan(PROVINCE, line))).toEqual([['TYT_BS', 150, 'count']]);
  });

  it('checks a percentage no indicator was found for against 0–100 only', () => {
    const p = plan(COMMUNE, '- Tỷ lệ trẻ em suy dinh dưỡng thể thấp còi dưới 12,5%.', '- Tỷ lệ trẻ em tiêm chủng đầy đủ đạt 970%.');
    expect(rows(p)).toEqual([
      [null, 12.5, 'percent'],
      [null, null, 'percent'],
    ]);
    expect(implausible(p)[0]?.params).toMatchObject({ figure: '970%', range: '0–100%' });
  });
});

describe('the plausible ranges', () => {
  it('are data beside every indicator rule, each a range inside 0–100 %', () => {
    for (const rule of INDICATOR_RULES) {
      const [min, max] = rule.plausible.percent;
      expect(0 <= min && min < max && max <= 100, rule.code).toBe(true);
    }
  });
});
