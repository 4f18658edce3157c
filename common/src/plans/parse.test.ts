/**
 * parsePlanText on text it has not seen: another province's district plan in another layout,
 * the same seed in CRLF + NFD with non-breaking spaces, a plan without targets, and noise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISTRICT_PLAN, PLAN_WITHOUT_TARGETS, PROVINCE_PLAN } from './fixtures.ts';
import { parsePlanText } from './parse.ts';

const SEEDS = new URL('../../../server/data/plans/', import.meta.url);
const seedTexts = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(new URL(f, SEEDS), 'utf8'));

describe('a district plan from another province', () => {
  const plan = parsePlanText(DISTRICT_PLAN);

  it('reads a two-column header with the motto beside it', () => {
    expect(plan.issuer).toEqual({ name: 'Ủy ban nhân dân huyện Định Hóa', level: 'district', areaName: 'Định Hóa', areaKind: 'huyện' });
    expect(plan.number).toBe('45/KH-UBND');
    expect(plan.place).toBe('Định Hóa');
    expect(plan.issuedOn).toBe('2024-06-12');
    expect(plan.issuedMonth).toBeNull();
  });

  it('joins a bold title over two lines and separates what it implements from what it follows', () => {
    expect(plan.title).toBe(
      'Triển khai Kế hoạch số 210/KH-UBND ngày 20/5/2024 của UBND tỉnh Thái Nguyên thực hiện Chỉ thị số 25-CT/TW về y tế cơ sở giai đoạn 2024 - 2030',
    );
    expect(plan.implements.map((r) => r.number)).toEqual(['25-CT/TW']);
    expect(plan.parentPlan?.number).toBe('210/KH-UBND');
    expect(plan.legalBasis.find((r) => r.number === '281/QĐ-TTg')?.issuedOn).toBe('2024-04-05');
    expect([plan.fromYear, plan.toYear]).toEqual([2024, 2030]);
  });

  it('reads decimals, counts, two years in one sentence, and leaves an unknown indicator to the reviewer', () => {
    expect(plan.targets.map(({ text: _t, baseline: _b, baselineYear: _y, ...t }) => t)).toEqual([
      { indicatorCode: 'BHYT_BP', comparator: 'ge', value: 93.5, unit: 'percent', year: 2025 },
      { indicatorCode: 'TYT_BS', comparator: 'ge', value: 100, unit: 'percent', year: 2025 },
      { indicatorCode: 'HSSK_QL', comparator: 'gt', value: 90, unit: 'percent', year: 2025 },
      { indicatorCode: 'HSSK_QL', comparator: 'gt', value: 95, unit: 'percent', year: 2030 },
      { indicatorCode: 'TYT_HS', comparator: 'ge', value: 15, unit: 'count', year: 2025 },
      { indicatorCode: null, comparator: 'gt', value: 95, unit: 'percent', year: 2025 },
    ]);
    expect(plan.warnings.map((w) => w.en)).toContain('1 target(s) are not linked to an indicator; pick one.');
  });

  it('takes owners and deadlines from headings, "Giao ... chủ trì" and agency blocks', () => {
    expect(plan.tasks.map((t) => [t.section, t.lead, t.coordinating, t.deadline, t.recurring])).toEqual([
      ['II.1', ['Trung tâm Y tế huyện'], [], '2024-09-30', null],
      ['II.1', ['Trung tâm Y tế huyện'], [], '2024-08-31', null],
      ['II.2', ['Phòng Văn hóa và Thông tin'], ['Đài Truyền thanh huyện'], null, 'hằng quý'],
      ['III.1', ['Trung tâm Y tế huyện'], ['Phòng Y tế', 'UBND các xã, thị trấn'], null, null],
      ['III.1', ['Trung tâm Y tế huyện'], [], '2024-12-15', null],
      ['III.2', ['Phòng Tài chính - Kế hoạch huyện'], [], '2025-12-31', null],
      ['III.3', ['UBND các xã, thị trấn'], [], '2024-07-31', null],
    ]);
    expect(plan.tasks[6]?.text).toBe('Xây dựng kế hoạch triển khai tại địa phương, hoàn thành trong tháng 7/2024.');
  });

  it('splits recipients from a signature printed beside them', () => {
    expect(plan.recipients).toEqual([
      { name: 'UBND tỉnh Thái Nguyên', purpose: 'Báo cáo' },
      { name: 'Sở Y tế', purpose: 'Báo cáo' },
      { name: 'Các xã, thị trấn', purpose: 'Thực hiện' },
    ]);
    expect(plan.signer).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Văn An' });
  });
});

describe('a provincial plan with its header run together', () => {
  const plan = parsePlanText(PROVINCE_PLAN);

  it('cuts the motto and the number out of issuer and place', () => {
    expect(plan.issuer).toEqual({ name: 'Ủy ban nhân dân tỉnh Lạng Sơn', level: 'province', areaName: 'Lạng Sơn', areaKind: 'tỉnh' });
    expect([plan.number, plan.place, plan.issuedOn]).toEqual(['07/KH-UBND', 'Lạng Sơn', '2024-01-09']);
  });

  it('reads targets after a colon, a subject-first lead and a one-line signature', () => {
    expect(plan.targets.map((t) => [t.indicatorCode, t.comparator, t.value, t.year])).toEqual([
      ['BHYT_BP', 'ge', 95, 2025],
      ['TYT_BS', 'ge', 90, 2025],
    ]);
    expect(plan.tasks.map((t) => [t.section, t.lead, t.coordinating, t.deadline])).toEqual([
      ['II.a', ['Sở Y tế'], ['Sở Tài chính'], '2024-06-30'],
      ['III.1', ['Sở Y tế'], [], null],
    ]);
    expect(plan.signer).toEqual({ authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Hoàng Văn Nam' });
    expect([plan.fromYear, plan.toYear]).toEqual([2024, 2025]);
  });
});

describe('encoding and layout noise', () => {
  it('gives the same draft for CRLF, NFD, non-breaking spaces and the "Uỷ" spelling', () => {
    for (const text of seedTexts) {
      const noisy = text
        .replace(/Ủy/g, 'Uỷ')
        .replace(/ (?=\d)/g, '\u00a0')
        .normalize('NFD')
        .replace(/\n/g, '\r\n');
      expect(noisy).not.toBe(text);
      expect(parsePlanText(noisy)).toEqual(parsePlanText(text));
    }
  });

  it('accepts markdown headings and other bullet marks', () => {
    const text = DISTRICT_PLAN.replace('III. TỔ CHỨC THỰC HIỆN', '### **III. TỔ CHỨC THỰC HIỆN**   ').replace(/^- /gm, '• ');
    const plan = parsePlanText(text);
    expect(plan.tasks.filter((t) => t.section.startsWith('III.')).map((t) => t.lead[0])).toEqual([
      'Trung tâm Y tế huyện',
      'Trung tâm Y tế huyện',
      'Phòng Tài chính - Kế hoạch huyện',
      'UBND các xã, thị trấn',
    ]);
    expect(plan.recipients.map((r) => r.name)).toEqual(['UBND tỉnh Thái Nguyên', 'Sở Y tế', 'Các xã, thị trấn']);
  });

  it('never throws, whatever the lines', () => {
    const lines = seedTexts.flatMap((t) => t.split('\n'));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...lines), fc.string()), { maxLength: 60 }), (picked) => {
        const plan = parsePlanText(picked.join('\n'));
        expect(Array.isArray(plan.warnings)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a plan without targets', () => {
  const plan = parsePlanText(PLAN_WITHOUT_TARGETS);

  it('says there are no targets, and still reads the rest', () => {
    expect(plan.targets).toEqual([]);
    expect(plan.warnings.map((w) => w.vi)).toContain('Không tìm thấy chỉ tiêu nào.');
    expect(plan.issuer.name).toBe('Ủy ban nhân dân phường Tân Thịnh');
    expect(plan.issuedOn).toBe('2025-03-03');
    expect([plan.fromYear, plan.toYear]).toEqual([2025, 2025]);
    expect(plan.tasks.map((t) => t.lead)).toEqual([['Trạm Y tế phường'], []]);
    expect(plan.tasks[1]?.recurring).toBe('thường xuyên');
    expect(plan.warnings.map((w) => w.en)).toContain('1 task(s) have no lead unit.');
    expect(plan.signer).toEqual({ authority: null, title: 'CHỦ TỊCH', name: 'Trần Thị Bình' });
  });
});

describe('a Party committee plan', () => {
  const plan = parsePlanText(
    [
      'ĐẢNG BỘ TỈNH HƯNG YÊN',
      'HUYỆN ỦY VĂN LÂM',
      '*',
      'Số 123-KH/HU',
      'KẾ HOẠCH',
      'thực hiện Chỉ thị số 25-CT/TW ngày 25/10/2023 của Ban Bí thư',
      'I- MỤC TIÊU',
      '1- Đến năm 2030, 100% trạm y tế xã có bác sĩ.',
      'II- NHIỆM VỤ, GIẢI PHÁP',
      'a- Củng cố mạng lưới y tế cơ sở.',
      'Nơi nhận:',
      '- Ban Thường vụ Tỉnh ủy,',
      '- Lưu Văn phòng Huyện ủy.',
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ',
      'Nguyễn Văn An',
    ].join('\n'),
  );

  it('reads the committee as the issuer, its number and its dash-numbered headings', () => {
    expect(plan.issuer).toEqual({ name: 'Huyện ủy Văn Lâm', level: 'district', areaName: 'Văn Lâm', areaKind: 'huyện' });
    expect(plan.number).toBe('123-KH/HU');
    expect(plan.targets.map((t) => [t.indicatorCode, t.value, t.year])).toEqual([['TYT_BS', 100, 2030]]);
    expect(plan.tasks.map((t) => t.section)).toEqual(['II.a']);
  });

  it('reads the Standing Committee signature', () => {
    expect(plan.signer).toEqual({ authority: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn An' });
    expect(plan.recipients.map((r) => r.name)).toEqual(['Ban Thường vụ Tỉnh ủy']);
  });

  it('does not take a wrapped document number for a heading', () => {
    const wrapped = parsePlanText('KẾ HOẠCH\nthực hiện Chỉ thị số\n25-CT/TW của Ban Bí thư\nI. MỤC TIÊU\n- Đến năm 2030, 100% trạm y tế xã có bác sĩ.');
    expect(wrapped.title).toBe('thực hiện Chỉ thị số 25-CT/TW của Ban Bí thư');
  });
});

it('reads a Party committee named in the preamble when the header is missing', () => {
  const plan = parsePlanText('KẾ HOẠCH\nthực hiện Chỉ thị số 25-CT/TW\nBan Thường vụ Đảng ủy xã Hòa Phong ban hành kế hoạch như sau:\nI- MỤC TIÊU\n- Đến năm 2030, 100% trạm y tế xã có bác sĩ.');
  expect(plan.issuer).toEqual({ name: 'Đảng ủy xã Hòa Phong', level: 'commune', areaName: 'Hòa Phong', areaKind: 'xã' });
});
