import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from './parse.ts';
import type { PlanDraft } from './types.ts';

const PROVINCE_PLAN = [
  'ỦY BAN NHÂN DÂN TỈNH BẮC KẠN',
  'Số: 299/KH-UBND\tBắc Kạn, ngày 26 tháng 4 năm 2024',
  'KẾ HOẠCH',
  'Thực hiện Chỉ thị số 25-CT/TW ngày 25/10/2023 của Ban Bí thư về y tế cơ sở',
  'I. ĐÁNH GIÁ THỰC TRẠNG Y TẾ CƠ SỞ',
  '1. Kết quả đạt được',
  '- Đến hết năm 2023, toàn tỉnh có 98/108 trạm y tế có bác sĩ, đạt 90,7%; 100% thôn, bản có nhân viên y tế thôn bản hoạt động.',
  '- Tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt 82%, tăng 5% so với năm 2022.',
  '- Tỷ lệ bao phủ bảo hiểm y tế năm 2023 đạt 94,5% dân số.',
  '- Toàn tỉnh có 35 trạm y tế hoạt động theo mô hình 3, 60 trạm theo mô hình 2; 1.250 nhân viên y tế; 45 phòng khám tư nhân, 210 nhà thuốc, quầy thuốc.',
  '- Có 72 xã đạt Bộ tiêu chí quốc gia về y tế, đạt khoảng 66%.',
  '2. Hạn chế, tồn tại',
  '- Tỷ lệ trạm y tế có hộ sinh hoặc y sĩ sản nhi còn thấp, chỉ đạt trên 70%.',
  'II. MỤC TIÊU ĐẾN NĂM 2030',
  '- 100% trạm y tế có bác sĩ.',
  '- 100% thôn, bản có nhân viên y tế thôn bản hoạt động.',
  '- Trên 95% người dân có hồ sơ sức khỏe điện tử.',
  '- Tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% dân số.',
  '- 100% xã đạt Bộ tiêu chí quốc gia về y tế.',
  '- 100% trạm y tế có hộ sinh hoặc y sĩ sản nhi.',
  'III. NHIỆM VỤ, GIẢI PHÁP',
  '- Củng cố mạng lưới y tế cơ sở, bố trí đủ bác sĩ cho trạm y tế.',
].join('\n');

const baselines = (p: PlanDraft) => p.targets.map((t) => [t.indicatorCode, t.value, t.baseline, t.baselineYear]);

describe("the situation section's figures", () => {
  it('become the baselines of the targets on the same indicator, with the year the sentence states', () => {
    expect(baselines(parsePlanText(PROVINCE_PLAN))).toEqual([
      ['TYT_BS', 100, 90.7, 2023],
      ['THON_NVYT', 100, 100, 2023],
      ['HSSK_QL', 95, 82, null],
      ['BHYT_BP', 95, 94.5, 2023],
      // "đạt khoảng 66%" is not a figure, "72 xã" is not a share, "trên 70%" is a bound.
      ['XA_TCQG', 100, null, null],
      ['TYT_HS', 100, null, null],
    ]);
  });

  it('are no targets themselves', () => {
    expect(parsePlanText(PROVINCE_PLAN).targets).toHaveLength(6);
  });

  it('take the year of the section when the sentence has none', () => {
    const text = PROVINCE_PLAN.replace('1. Kết quả đạt được', '1. Kết quả đạt được năm 2023').replace(', tăng 5% so với năm 2022', '');
    expect(baselines(parsePlanText(text))[2]).toEqual(['HSSK_QL', 95, 82, 2023]);
  });

  it('give no baseline when the section states two different figures for the indicator', () => {
    const text = PROVINCE_PLAN.replace('đạt 94,5% dân số.', 'đạt 94,5% dân số; riêng khu vực thành thị, tỷ lệ bao phủ bảo hiểm y tế đạt 97,2%.');
    expect(baselines(parsePlanText(text))[3]).toEqual(['BHYT_BP', 95, null, null]);
  });

  it('give a count target the count, and a share target the share, never one for the other', () => {
    const text = PROVINCE_PLAN.replace('- 100% trạm y tế có bác sĩ.', '- Phấn đấu có 108 trạm y tế có bác sĩ.');
    expect(baselines(parsePlanText(text))[0]).toEqual(['TYT_BS', 108, 98, 2023]);
  });

  it('are read only from a situation section: a figure among the solutions is no baseline', () => {
    const text = PROVINCE_PLAN.replace('I. ĐÁNH GIÁ THỰC TRẠNG Y TẾ CƠ SỞ', 'I. NỘI DUNG').replace('1. Kết quả đạt được', '1. Củng cố mạng lưới').replace('2. Hạn chế, tồn tại', '2. Nhân lực');
    expect(baselines(parsePlanText(text)).every(([, , b]) => b === null)).toBe(true);
  });
});

describe('the seeds', () => {
  // Checked by hand: none of the three plans has a situation section or states a current figure
  // (000 and 001 go from "MỤC ĐÍCH, YÊU CẦU" to "MỤC TIÊU"; 004 from it to "NỘI DUNG TRỌNG TÂM").
  it('state no current figure, so no target has a baseline', () => {
    const dir = new URL('../../../server/data/plans/', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const plan = parsePlanText(readFileSync(new URL(f, dir), 'utf8'));
      expect(plan.targets.length).toBeGreaterThan(0);
      expect(plan.targets.filter((t) => t.baseline !== null || t.baselineYear !== null)).toEqual([]);
    }
  });
});
