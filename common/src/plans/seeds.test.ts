/**
 * The three real plans (shared seeds, copied to server/data/plans): a city (district level, 2024), a commune under a
 * town (2024) and a merged commune (2025). Each assertion is a fact read from the text by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from './parse.ts';
import type { PlanDraft, TargetDraft } from './types.ts';

const SEEDS = new URL('../../../server/data/plans/', import.meta.url);

function seed(prefix: string): PlanDraft {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} missing`);
  return parsePlanText(readFileSync(new URL(file, SEEDS), 'utf8'));
}

const pick = (t: TargetDraft) => ({ indicatorCode: t.indicatorCode, comparator: t.comparator, value: t.value, unit: t.unit, year: t.year });

describe('seed 000 — TP. Bắc Kạn, 2024 (district level)', () => {
  const plan = seed('000_');

  it('reads the header: issuer from the preamble, blank number and day', () => {
    expect(plan.issuer).toEqual({ name: 'Ủy ban nhân dân thành phố Bắc Kạn', level: 'district', areaName: 'Bắc Kạn', areaKind: 'thành phố' });
    expect(plan.number).toBeNull();
    expect(plan.place).toBe('TP. Bắc Kạn');
    expect(plan.issuedOn).toBeNull();
    expect(plan.issuedMonth).toEqual({ month: 7, year: 2024 });
    expect(plan.title).toBe(
      'Thực hiện Chỉ thị số 25-CT/TW ngày 25/10/2023 của Ban Bí thư Trung ương Đảng về tiếp tục củng cố, hoàn thiện, nâng cao chất lượng hoạt động của y tế cơ sở trong tình hình mới',
    );
    const vi = plan.warnings.map((w) => w.vi).join('\n');
    expect(vi).toContain('Số văn bản để trống');
    expect(vi).toContain('Ngày ban hành để trống');
  });

  it('finds the directive, the provincial plan and every document cited', () => {
    expect(plan.implements.map((r) => [r.kind, r.number, r.issuedOn])).toEqual([['Chỉ thị', '25-CT/TW', '2023-10-25']]);
    expect(plan.parentPlan).toEqual({
      kind: 'Kế hoạch',
      number: '299/KH-UBND',
      issuedOn: '2024-04-26',
      issuer: 'UBND tỉnh Bắc Kạn',
      text: 'Kế hoạch số 299/KH-UBND ngày 26/4/2024 của UBND tỉnh Bắc Kạn',
    });
    expect(plan.legalBasis.map((r) => r.number)).toEqual(['25-CT/TW', '299/KH-UBND', '281/QĐ-TTg', '76/QĐ-UBND']);
    expect(plan.legalBasis.find((r) => r.number === '281/QĐ-TTg')?.issuer).toBe('Thủ tướng Chính phủ');
    expect([plan.fromYear, plan.toYear]).toEqual([2024, 2030]);
  });

  it('reads the 2030 targets, two to a sentence where the text has two', () => {
    expect(plan.targets.map(pick)).toEqual([
      { indicatorCode: 'TYT_BS', comparator: 'ge', value: 100, unit: 'percent', year: 2030 },
      { indicatorCode: 'THON_NVYT', comparator: 'ge', value: 100, unit: 'percent', year: 2030 },
      { indicatorCode: 'XA_TCQG', comparator: 'ge', value: 100, unit: 'percent', year: 2030 },
      { indicatorCode: 'BHYT_BP', comparator: 'gt', value: 95, unit: 'percent', year: 2030 },
      { indicatorCode: 'KCB_BHYT', comparator: 'gt', value: 95, unit: 'percent', year: 2030 },
      { indicatorCode: 'HSSK_QL', comparator: 'gt', value: 95, unit: 'percent', year: 2030 },
      { indicatorCode: 'NCC_KSK', comparator: 'ge', value: 100, unit: 'percent', year: 2030 },
      { indicatorCode: 'TH_YTTH', comparator: 'ge', value: 100, unit: 'percent', year: null },
    ]);
    expect(plan.targets[3]?.text).toMatch(/^Duy trì tỷ lệ tham gia bảo hiểm y tế đạt trên 95% dân số/);
  });

  it('makes a task of each solution and each agency bullet', () => {
    expect(plan.tasks).toHaveLength(40);
    expect(plan.tasks.filter((t) => t.section.startsWith('III.'))).toHaveLength(25);
    expect(plan.tasks.filter((t) => t.lead.length === 0)).toHaveLength(25);
    const noiVu = plan.tasks.find((t) => t.section === 'IV.1' && t.text.includes('Phòng Nội vụ thành phố'));
    expect(noiVu?.lead).toEqual(['Trung tâm Y tế thành phố']);
    expect(noiVu?.coordinating).toEqual(['Phòng Nội vụ thành phố', 'UBND các xã, phường', 'các cơ quan, đơn vị liên quan']);
    expect(plan.tasks.filter((t) => t.section === 'IV.3').map((t) => t.lead)).toEqual([
      ['Phòng Nội vụ thành phố'],
      ['Phòng Nội vụ thành phố'],
      ['Phòng Nội vụ thành phố'],
    ]);
    expect(plan.tasks.find((t) => t.section === 'IV.5')?.lead).toEqual([
      'Phòng Văn hóa - Thông tin',
      'Trung tâm Văn hoá, Thể thao và Truyền thông thành phố',
    ]);
    expect(plan.tasks.find((t) => t.section === 'IV.8')?.lead).toEqual([
      'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố',
      'các tổ chức Chính trị - Xã hội',
    ]);
    expect(plan.warnings.map((w) => w.en)).toContain('25 task(s) have no lead unit.');
  });

  it('reads recipients and the signature', () => {
    expect(plan.recipients.map((r) => r.name)).toEqual([
      'UBND tỉnh Bắc Kạn',
      'Sở Y tế tỉnh Bắc Kạn',
      'TT Thành ủy, HĐND thành phố',
      'CT, các PCT UBND thành phố',
      'Ủy ban MTTQ VN thành phố',
      'Các phòng, ban, ngành, đoàn thể và tổ chức hội TP',
      'UBND các xã, phường',
      'Trung tâm Y tế thành phố',
    ]);
    expect(plan.signer).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Lê Đăng Trường' });
  });
});

describe('seed 001 — xã Hòa Phong, 2024 (commune under a town)', () => {
  const plan = seed('001_');

  it('has no header block, so number and date are missing and the issuer comes from the preamble', () => {
    expect(plan.issuer).toEqual({ name: 'Ủy ban nhân dân xã Hòa Phong', level: 'commune', areaName: 'Hòa Phong', areaKind: 'xã' });
    expect(plan.number).toBeNull();
    expect([plan.place, plan.issuedOn, plan.issuedMonth]).toEqual([null, null, null]);
    expect(plan.warnings.map((w) => w.en)).toEqual(
      expect.arrayContaining(['The document number was not found.', 'The place and date of issue were not found.']),
    );
    expect(plan.title).toBe(
      'Triển khai thực hiện Chỉ thị số 25-CT/TW ngày 25/10/2023 của Ban Bí thư về tiếp tục củng cố, hoàn thiện, nâng cao chất lượng hoạt động của y tế cơ sở trong tình hình mới',
    );
    expect([plan.fromYear, plan.toYear]).toEqual([2024, 2030]);
  });

  it('follows the town plan and cites the party committee plan', () => {
    expect(plan.implements.map((r) => r.number)).toEqual(['25-CT/TW']);
    expect(plan.parentPlan).toMatchObject({ number: '133/KH-UBND', issuedOn: '2024-05-03', issuer: 'Ủy ban nhân dân thị xã Mỹ Hào' });
    expect(plan.legalBasis.map((r) => [r.number, r.issuedOn, r.issuer])).toEqual([
      ['25-CT/TW', '2023-10-25', 'Ban Bí thư'],
      ['133/KH-UBND', '2024-05-03', 'Ủy ban nhân dân thị xã Mỹ Hào'],
      ['109-KH/ThU', '2024-02-21', 'Ban Thường vụ Thị ủy Mỹ Hào'],
    ]);
  });

  it('reads the 2025 and 2030 targets', () => {
    const got = plan.targets.map(pick);
    expect(got).toHaveLength(13);
    expect(got).toEqual(
      expect.arrayContaining([
        { indicatorCode: 'TYT_DMKT', comparator: 'ge', value: 55, unit: 'percent', year: 2025 },
        { indicatorCode: 'TYT_DMKT', comparator: 'gt', value: 95, unit: 'percent', year: 2030 },
        { indicatorCode: 'HSSK_QL', comparator: 'ge', value: 100, unit: 'percent', year: 2025 },
        { indicatorCode: 'HSSK_QL', comparator: 'ge', value: 100, unit: 'percent', year: 2030 },
        { indicatorCode: 'BHYT_BP', comparator: 'gt', value: 95, unit: 'percent', year: 2025 },
        { indicatorCode: 'BHYT_BP', comparator: 'gt', value: 97, unit: 'percent', year: 2030 },
        { indicatorCode: 'KCB_BHYT', comparator: 'ge', value: 100, unit: 'percent', year: 2030 },
        { indicatorCode: 'XA_TCQG', comparator: 'ge', value: 100, unit: 'percent', year: 2025 },
        { indicatorCode: 'TYT_HDBHYT', comparator: 'ge', value: 100, unit: 'percent', year: 2030 },
        { indicatorCode: 'NCC_KSK', comparator: 'ge', value: 100, unit: 'percent', year: 2030 },
        { indicatorCode: 'TYT_BS', comparator: 'ge', value: 100, unit: 'percent', year: 2030 },
        { indicatorCode: 'THON_NVYT', comparator: 'ge', value: 100, unit: 'percent', year: 2030 },
      ]),
    );
    expect(plan.targets[0]?.text).toBe(
      'Trạm y tế thực hiện được đầy đủ các nội dung về chăm sóc sức khỏe ban đầu, thực hiện được tối thiểu 55% danh mục kỹ thuật của tuyến xã.',
    );
    expect(plan.warnings.map((w) => w.en)).toContain('6 target(s) state no number; read as 100%.');
  });

  it('makes tasks from paragraphs broken across lines, with the agency blocks as leads', () => {
    expect(plan.tasks).toHaveLength(22);
    const station = plan.tasks.filter((t) => t.section === 'V.1');
    expect(station).toHaveLength(3);
    expect(station.every((t) => t.lead.join() === 'Trạm y tế xã')).toBe(true);
    expect(station[0]?.text).toBe(
      'Tham mưu UBND xã chỉ đạo triển khai, theo dõi, giám sát, đôn đốc trong việc thực hiện Kế hoạch. Tổng hợp những khó khăn vướng mắc, đề xuất những giải pháp tháo gỡ trong quá trình thực hiện Kế hoạch này.',
    );
    expect(station[1]?.recurring).toBe('định kỳ');
    expect(plan.tasks.find((t) => t.section === 'V.3')?.lead).toEqual(['Công chức Văn hóa', 'Đài truyền thanh xã']);
    expect(plan.tasks.find((t) => t.section === 'III.3')?.deadline).toBe('2030-12-31');
  });

  it('reads recipients without the file copy, and the signature', () => {
    expect(plan.recipients).toHaveLength(6);
    expect(plan.recipients[0]).toEqual({ name: 'UBND thị xã Mỹ Hào', purpose: null });
    expect(plan.recipients.at(-1)?.name).toBe('Trạm y tế xã');
    expect(plan.signer).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Phạm Văn Súng' });
  });
});

describe('seed 004 — xã Quảng Yên, 2025 (merged commune)', () => {
  const plan = seed('004_');

  it('guesses the issuer from the area in the title and says so', () => {
    expect(plan.issuer).toEqual({ name: 'Ủy ban nhân dân xã Quảng Yên', level: 'commune', areaName: 'Quảng Yên', areaKind: 'xã' });
    expect(plan.warnings.map((w) => w.en).join('\n')).toContain('The issuer is not stated');
    expect(plan.number).toBeNull();
    expect(plan.title).toMatch(/^Triển khai thực hiện Nghị quyết số 72-NQ\/TW của Bộ Chính trị .* trên địa bàn xã Quảng Yên$/);
  });

  it('implements resolution 72 with no higher plan', () => {
    expect(plan.implements).toEqual([
      { kind: 'Nghị quyết', number: '72-NQ/TW', issuedOn: null, issuer: 'Bộ Chính trị', text: 'Nghị quyết số 72-NQ/TW của Bộ Chính trị' },
    ]);
    expect(plan.parentPlan).toBeNull();
    expect(plan.legalBasis).toHaveLength(1);
  });

  it('finds the insurance target inside a task', () => {
    expect(plan.targets.map(pick)).toEqual([{ indicatorCode: 'BHYT_BP', comparator: 'ge', value: 96, unit: 'percent', year: 2026 }]);
    expect([plan.fromYear, plan.toYear]).toEqual([null, 2026]);
  });

  it('takes owners from "Đơn vị chủ trì/phối hợp" lines and from agency blocks', () => {
    expect(plan.tasks).toHaveLength(55);
    const prevention = plan.tasks.filter((t) => t.section === 'II.2.1');
    expect(prevention).toHaveLength(4);
    expect(prevention[0]?.lead).toEqual(['Ban Chỉ đạo chăm sóc sức khỏe nhân dân']);
    expect(prevention[0]?.coordinating).toEqual(['Trạm Y tế', 'Phòng Văn hóa – Xã hội', 'cơ quan, đơn vị liên quan']);
    expect(prevention[1]?.recurring).toBe('hằng năm');
    // "… duy trì thói quen tập luyện thể dục thể thao hằng ngày" is people's exercise, not the task's schedule.
    const exercise = prevention.find((t) => t.text.includes('thể dục thể thao hằng ngày'));
    expect(exercise?.recurring).toBeNull();

    expect(plan.tasks.filter((t) => t.section === 'II.2.3').every((t) => t.lead.join() === 'Phòng Văn hóa – Xã hội')).toBe(true);
    expect(plan.tasks.filter((t) => t.section === 'III.3')).toHaveLength(7);
    expect(plan.tasks.find((t) => t.section === 'III.5')?.lead).toEqual(['Ủy ban mặt trận Tổ quốc', 'các đoàn thể']);
    // Every section names its owner, so nothing is left for the reviewer to assign.
    expect(plan.tasks.filter((t) => t.lead.length === 0)).toHaveLength(0);
  });

  it('reads recipients with their purpose, and the signature', () => {
    expect(plan.recipients).toEqual([
      { name: 'Sở Y tế', purpose: 'Báo cáo' },
      { name: 'TTr Đảng ủy, HĐND xã', purpose: 'Báo cáo' },
      { name: 'Chủ tịch, PCT UBND xã', purpose: null },
    ]);
    expect(plan.signer).toEqual({ authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Đào Nguyên Dũng' });
  });
});

describe('every seed', () => {
  it('ends no task with the semicolon or comma of the list it came from', () => {
    for (const prefix of ['000_', '001_', '004_']) {
      const tasks = seed(prefix).tasks;
      expect(tasks.filter((t) => /[;,]\s*$/.test(t.text)).map((t) => t.text)).toEqual([]);
    }
    // Seed 000's list item that ended in ";" keeps its words.
    expect(seed('000_').tasks.some((t) => t.text.endsWith('tổ chức bộ máy y tế cơ sở theo mô hình tổ chức, quản lý đối với Trung tâm Y tế thành phố do UBND thành phố quản lý toàn diện theo quy định'))).toBe(true);
  });
});
