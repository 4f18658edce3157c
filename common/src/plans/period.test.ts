import { describe, expect, it } from 'vitest';
import { parsePlanText } from './parse.ts';

const STRATEGY =
  'Căn cứ Quyết định số 1624/QĐ-TTg ngày 29/12/2023 của Thủ tướng Chính phủ phê duyệt Chiến lược quốc gia bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân giai đoạn 2021 - 2030, tầm nhìn đến năm 2045;';

function plan(opts: { date?: string; title: string; preamble?: string[]; body?: string[] }) {
  return parsePlanText(
    [
      'ỦY BAN NHÂN DÂN XÃ QUẢNG YÊN',
      'Số: 15/KH-UBND',
      ...(opts.date ? [`Quảng Yên, ${opts.date}`] : []),
      'KẾ HOẠCH',
      opts.title,
      ...(opts.preamble ?? []),
      'I. MỤC TIÊU',
      ...(opts.body ?? ['- Phấn đấu đến năm 2030, tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% dân số.']),
    ].join('\n'),
  );
}
const period = (p: ReturnType<typeof parsePlanText>) => [p.fromYear, p.toYear];
const unclear = (p: ReturnType<typeof parsePlanText>) => p.warnings.some((w) => w.key === 'plans.draft.periodUnclear');

describe("the plan's period", () => {
  it('is the year in the title, not the span of a strategy the preamble cites', () => {
    const p = plan({ date: 'ngày 15 tháng 01 năm 2026', title: 'Công tác y tế cơ sở trên địa bàn xã Quảng Yên năm 2026', preamble: [STRATEGY] });
    expect(period(p)).toEqual([2026, 2026]);
    expect(unclear(p)).toBe(false);
  });

  it('reads the title year with a stop after it', () => {
    const p = plan({ date: 'ngày 15 tháng 01 năm 2026', title: 'Công tác y tế cơ sở năm 2026.', preamble: [STRATEGY] });
    expect(period(p)).toEqual([2026, 2026]);
  });

  it("is the title's span after a cited resolution, not the strategy's in the body", () => {
    const p = plan({
      date: 'ngày 20 tháng 02 năm 2026',
      title: 'Thực hiện Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị về chăm sóc sức khỏe Nhân dân giai đoạn 2026 - 2030',
      body: ['- Thực hiện Chiến lược quốc gia bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân giai đoạn 2021 - 2030.', '- Phấn đấu đến năm 2030, 100% trạm y tế có bác sĩ.'],
    });
    expect(period(p)).toEqual([2026, 2030]);
    expect(unclear(p)).toBe(false);
  });

  it('does not take the year of a resolution the title cites: issue year and targets, and a warning', () => {
    const p = plan({
      date: 'ngày 02 tháng 3 năm 2026',
      title: 'Thực hiện Nghị quyết số 20-NQ/TW của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII năm 2017',
    });
    expect(period(p)).toEqual([2026, 2030]);
    expect(unclear(p)).toBe(true);
  });

  it("does not take the span of a cited plan's programme in the body", () => {
    const p = plan({
      date: 'ngày 10 tháng 01 năm 2026',
      title: 'Thực hiện công tác y tế cơ sở năm 2026',
      body: ['- Tiếp tục thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2021 của UBND tỉnh về thực hiện Đề án phát triển y tế cơ sở giai đoạn 2021 - 2025; phấn đấu tỷ lệ bao phủ bảo hiểm y tế đạt 96% năm 2026.'],
    });
    expect(period(p)).toEqual([2026, 2026]);
  });

  it("takes the body's own span ('nhiệm vụ trọng tâm trong giai đoạn 2024 - 2030')", () => {
    const p = plan({
      title: 'Triển khai thực hiện Chỉ thị số 25-CT/TW ngày 25/10/2023 của Ban Bí thư về y tế cơ sở',
      preamble: [STRATEGY],
      body: ['- Xác định rõ nhiệm vụ, giải pháp trọng tâm trong giai đoạn 2024 - 2030 về y tế cơ sở.', '- Phấn đấu đến năm 2030, 100% trạm y tế có bác sĩ.'],
    });
    expect(period(p)).toEqual([2024, 2030]);
    expect(unclear(p)).toBe(false);
  });

  it('leaves the start empty and warns when only a cited span is there and no date', () => {
    const p = plan({ title: 'Triển khai thực hiện Chỉ thị số 25-CT/TW của Ban Bí thư về y tế cơ sở', preamble: [STRATEGY] });
    expect(period(p)).toEqual([null, 2030]);
    expect(unclear(p)).toBe(true);
  });

  it('rejects a title span that cannot be the plan own: ended before it was issued', () => {
    const p = plan({ date: 'ngày 05 tháng 5 năm 2026', title: 'Thực hiện Chỉ thị số 25-CT/TW về y tế cơ sở giai đoạn 2021 - 2025' });
    expect(period(p)).toEqual([2026, 2030]);
    expect(unclear(p)).toBe(true);
  });
});
