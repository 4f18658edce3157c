import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderReportXlsx } from './report.annex.ts';
import { renderReportDocx } from './report.document.ts';
import { reportFixture } from './report.fixture.ts';
import type { ReportData } from './report.types.ts';

const decodeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

async function openDocx(data: ReportData) {
  const files = unzipSync(new Uint8Array(await renderReportDocx(data)));
  const read = (name: string) => strFromU8(files[name] as Uint8Array);
  const xml = read('word/document.xml');
  // One entry per paragraph, tags stripped: table cells become consecutive entries.
  const paragraphs = xml.split('</w:p>').map((p) => decodeXml(p.replace(/<[^>]+>/g, '')));
  return { xml, styles: read('word/styles.xml'), core: read('docProps/core.xml'), paragraphs };
}

/** The run properties of the run whose text is exactly `text`. */
function runProps(xml: string, text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const runs = xml.split('<w:r>').filter((r) => r.includes(`>${escaped}</w:t>`));
  expect(runs, `run "${text}"`).toHaveLength(1);
  return /<w:rPr>(.*?)<\/w:rPr>/.exec(runs[0] ?? '')?.[1] ?? '';
}

const section = (paragraphs: string[], from: string, to: string) => paragraphs.slice(paragraphs.indexOf(from), paragraphs.indexOf(to));

describe('renderReportDocx', () => {
  it('lays out the Decree 30 heading', async () => {
    const { xml, paragraphs } = await openDocx(reportFixture());
    expect(paragraphs.slice(0, 8)).toEqual([
      'UBND TỈNH THÁI NGUYÊN',
      'ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC XUÂN',
      '',
      'Số: 15/BC-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '',
      'Đức Xuân, ngày 25 tháng 11 năm 2026',
    ]);
    expect(runProps(xml, 'ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC XUÂN')).toContain('<w:b/>');
    expect(runProps(xml, 'UBND TỈNH THÁI NGUYÊN')).not.toContain('<w:b/>');
    expect(runProps(xml, 'Độc lập - Tự do - Hạnh phúc')).toContain('<w:b/>');
    expect(runProps(xml, 'Đức Xuân, ngày 25 tháng 11 năm 2026')).toContain('<w:i/>');
    // The two rules are empty paragraphs with a bottom border; the heading table itself has none.
    expect(xml.match(/<w:pBdr><w:bottom w:val="single"/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:tblBorders><w:top w:val="none"/);
  });

  it('writes the title, the summary line and the intro', async () => {
    const { xml, paragraphs } = await openDocx(reportFixture());
    const title = paragraphs.indexOf('BÁO CÁO');
    expect(title).toBeGreaterThan(0);
    expect(paragraphs[title + 1]).toBe(
      'Sơ kết Quý III năm 2026 thực hiện Kế hoạch số 45/KH-UBND ngày 10/09/2025 của UBND phường Đức Xuân về triển khai thực hiện Nghị quyết số 72-NQ/TW của Bộ Chính trị về một số giải pháp đột phá, tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân',
    );
    expect(runProps(xml, 'BÁO CÁO')).toContain('<w:b/>');
    expect(paragraphs[title + 2]).toMatch(/^Thực hiện Kế hoạch số 45\/KH-UBND .*, Ủy ban nhân dân phường Đức Xuân báo cáo kết quả sơ kết Quý III năm 2026 \(số liệu đến ngày 25\/11\/2026\) như sau:$/);
  });

  it('keeps the sections in order, closing and signature last', async () => {
    const { paragraphs } = await openDocx(reportFixture());
    const order = [
      'I. KẾT QUẢ THỰC HIỆN',
      '1. Kết quả thực hiện các chỉ tiêu',
      '2. Kết quả thực hiện các nhiệm vụ',
      'II. TỒN TẠI, HẠN CHẾ',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI',
      'Trên đây là báo cáo sơ kết Quý III năm 2026 thực hiện Kế hoạch số 45/KH-UBND ngày 10/09/2025 của UBND phường Đức Xuân./.',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Văn An',
    ].map((p) => paragraphs.indexOf(p));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('tabulates targets with Vietnamese numbers and verdicts', async () => {
    const { paragraphs } = await openDocx(reportFixture());
    const at = (first: string) => paragraphs.slice(paragraphs.indexOf(first) - 1);
    expect(at('Tỷ lệ người dân được quản lý sức khỏe').slice(0, 7)).toEqual(['1', 'Tỷ lệ người dân được quản lý sức khỏe', '> 95% (2030)', '94,8%', '96,1%', '8.123/8.456', 'Đạt']);
    expect(at('Tỷ lệ người dân tham gia bảo hiểm y tế').slice(0, 7)).toEqual(['2', 'Tỷ lệ người dân tham gia bảo hiểm y tế', '≥ 96% (2026)', '94,1%', '95,3%', '7.894/8.283', 'Chưa đạt (gần đạt)']);
    expect(at('Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ').slice(0, 7)).toEqual(['3', 'Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ', '≥ 95%', '—', '—', 'Ẩn', 'Chưa đánh giá']);
    expect(at('Số tổ dân phố có nhân viên y tế').slice(0, 6)).toEqual(['4', 'Số tổ dân phố có nhân viên y tế', '≥ 3', '2', '3', 'Đạt']);
    expect(paragraphs).toContain('Kỳ báo cáo theo dõi 4 chỉ tiêu: 2 chỉ tiêu đạt, 1 chỉ tiêu chưa đạt (1 chỉ tiêu gần đạt), 1 chỉ tiêu chưa đánh giá.');
  });

  it('tabulates tasks with deadline, progress and Vietnamese status', async () => {
    const { paragraphs } = await openDocx(reportFixture());
    const i = paragraphs.indexOf('Rà soát, cập nhật hồ sơ sức khỏe điện tử cho người dân');
    expect(paragraphs.slice(i - 1, i + 7)).toEqual(['2', 'Rà soát, cập nhật hồ sơ sức khỏe điện tử cho người dân', 'Chăm sóc sức khỏe ban đầu', 'Trạm Y tế phường', 'Công an phường, Các tổ dân phố', '30/09/2026', '70%', 'Quá hạn']);
    for (const status of ['Đang thực hiện', 'Chưa thực hiện', 'Hoàn thành']) expect(paragraphs).toContain(status);
  });

  it('lists missed targets and overdue tasks in II, unfinished work in III', async () => {
    const { paragraphs } = await openDocx(reportFixture());
    expect(section(paragraphs, 'II. TỒN TẠI, HẠN CHẾ', 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI').slice(1)).toEqual([
      '- Chỉ tiêu “Tỷ lệ người dân tham gia bảo hiểm y tế” đạt 95,3%, thấp hơn 0,7 điểm phần trăm so với kế hoạch ≥ 96% năm 2026.',
      '- Chỉ tiêu “Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ” chưa đánh giá được do số liệu được ẩn để bảo vệ thông tin cá nhân.',
      '- Nhiệm vụ “Rà soát, cập nhật hồ sơ sức khỏe điện tử cho người dân” (chủ trì: Trạm Y tế phường) quá hạn (thời hạn 30/09/2026, tiến độ đạt 70%). Ghi nhận gần nhất (20/10/2026): Còn 333 người chưa có hồ sơ, chủ yếu lao động đi làm xa.',
    ]);
    const next = section(paragraphs, 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI', 'Nơi nhận:').slice(1);
    expect(next.slice(0, 4)).toEqual([
      '- Khẩn trương hoàn thành nhiệm vụ quá hạn “Rà soát, cập nhật hồ sơ sức khỏe điện tử cho người dân” (chủ trì: Trạm Y tế phường; phối hợp: Công an phường, Các tổ dân phố).',
      '- Triển khai nhiệm vụ “Vận động người dân tham gia BHYT hộ gia đình” (chủ trì: Phòng Văn hóa - Xã hội; thời hạn 15/12/2026).',
      '- Tiếp tục thực hiện nhiệm vụ “Tuyên truyền Nghị quyết số 72-NQ/TW trên hệ thống truyền thanh phường” (chủ trì: Phòng Văn hóa - Xã hội; phối hợp: Trung tâm Cung ứng dịch vụ công; thời hạn 31/12/2026; tiến độ hiện tại 60%).',
      '- Tập trung các giải pháp để đạt các chỉ tiêu chưa đạt: Tỷ lệ người dân tham gia bảo hiểm y tế.',
    ]);
    expect(next.join('\n')).not.toContain('Khám sức khỏe miễn phí');
  });

  it('writes recipients in 11 pt ending with the archive line, then the signature block', async () => {
    const { xml, paragraphs } = await openDocx(reportFixture());
    const start = paragraphs.indexOf('Nơi nhận:');
    expect(paragraphs.slice(start, start + 7)).toEqual([
      'Nơi nhận:',
      '- UBND tỉnh Thái Nguyên (b/c);',
      '- Sở Y tế (b/c);',
      '- TT Đảng ủy, HĐND phường (b/c);',
      '- Chủ tịch, các PCT UBND phường;',
      '- Trạm Y tế phường (thực hiện);',
      '- Lưu: VT.',
    ]);
    expect(runProps(xml, 'Nơi nhận:')).toMatch(/<w:b\/>.*<w:i\/>/);
    expect(runProps(xml, '- Lưu: VT.')).toContain('<w:sz w:val="22"/>');
    expect(runProps(xml, 'TM. ỦY BAN NHÂN DÂN')).toContain('<w:b/>');
    expect(runProps(xml, 'Nguyễn Văn An')).toContain('<w:b/>');
    expect(paragraphs.slice(start + 7, start + 9)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  });

  it('sets A4 portrait, Decree 30 margins and Times New Roman 14 pt', async () => {
    const { xml, styles } = await openDocx(reportFixture());
    const attrs = (tag: string) => Object.fromEntries([...(new RegExp(`<${tag} ([^>]*)/>`).exec(xml)?.[1] ?? '').matchAll(/w:(\w+)="(\d+)"/g)].map((m) => [m[1], Number(m[2])]));
    expect(attrs('w:pgSz')).toMatchObject({ w: 11906, h: 16838 });
    const mm = (twips: number | undefined) => ((twips ?? 0) / 1440) * 25.4;
    const margin = attrs('w:pgMar');
    expect(mm(margin.top)).toBeCloseTo(20, 0);
    expect(mm(margin.bottom)).toBeCloseTo(20, 0);
    expect(mm(margin.left)).toBeCloseTo(30, 0);
    expect(mm(margin.right)).toBeCloseTo(15, 0);
    expect(styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>.*<w:sz w:val="28"\/>/);
    expect(xml).not.toMatch(/w:ascii="(?!Times New Roman")/);
  });

  it('keeps the generator in the document properties only', async () => {
    const { xml, core } = await openDocx(reportFixture());
    expect(core).toContain('<dc:creator>ytcs</dc:creator>');
    expect(xml).not.toContain('ytcs');
  });

  it('leaves the number blank, drops a missing superior and says tổng kết', async () => {
    const { paragraphs } = await openDocx(reportFixture({ number: null, superior: null, kind: 'tong_ket' }));
    expect(paragraphs.slice(0, 3)).toEqual(['ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC XUÂN', '', 'Số:      /BC-UBND']);
    expect(paragraphs.some((p) => p.startsWith('Tổng kết Quý III năm 2026 thực hiện Kế hoạch số 45/KH-UBND'))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith('Trên đây là báo cáo tổng kết Quý III năm 2026'))).toBe(true);
  });
});

async function openXlsx(data: ReportData) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderReportXlsx(data)) as unknown as ArrayBuffer);
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };
  const row = (ws: ExcelJS.Worksheet, n: number, from = 1, to = ws.columnCount) => Array.from({ length: to - from + 1 }, (_, i) => ws.getCell(n, from + i).value);
  return { wb, sheet, row };
}

describe('renderReportXlsx', () => {
  it('has the three sheets with a title naming issuer, period and report', async () => {
    const { wb, sheet } = await openXlsx(reportFixture());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Chỉ tiêu', 'Đơn vị', 'Nhiệm vụ']);
    expect(wb.creator).toBe('ytcs');
    for (const name of ['Chỉ tiêu', 'Đơn vị', 'Nhiệm vụ']) {
      const ws = sheet(name);
      expect(ws.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC XUÂN');
      expect(String(ws.getCell('A2').value)).toMatch(/ – Sơ kết Quý III năm 2026$/);
      expect(ws.getCell('A3').value).toBe('(Kèm theo Báo cáo số 15/BC-UBND ngày 25/11/2026 của Ủy ban nhân dân phường Đức Xuân)');
      expect(ws.getCell('A5').font?.bold).toBe(true);
    }
  });

  it('writes the target table with raw numbers, blanks for suppressed figures', async () => {
    const { sheet, row } = await openXlsx(reportFixture());
    const ws = sheet('Chỉ tiêu');
    expect(row(ws, 5)).toEqual(['STT', 'Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', 'Giá trị ban đầu', 'Kỳ trước', 'Tử số', 'Mẫu số', 'Thực hiện', 'Đánh giá']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5, xSplit: 3 });
    expect(ws.getColumn(3).width).toBe(48);
    const bhyt = row(ws, 7);
    expect(bhyt.slice(0, 9)).toEqual([2, 'BHYT', 'Tỷ lệ người dân tham gia bảo hiểm y tế', '%', '≥ 96% (2026)', null, 94.1, 7894, 8283]);
    expect(bhyt[9]).toBeCloseTo(95.3036, 4);
    expect(bhyt[10]).toBe('Chưa đạt (gần đạt)');
    expect(ws.getCell('J7').numFmt).toBe('0.0');
    expect(row(ws, 8, 8, 11)).toEqual([null, null, null, 'Chưa đánh giá']);
    expect(JSON.stringify(ws.getCell('J8').note)).toContain('Ẩn');
    expect(row(ws, 9, 1, 11)).toEqual([4, 'NVYT_TDP', 'Số tổ dân phố có nhân viên y tế', 'Số lượng', '≥ 3', null, 2, null, null, 3, 'Đạt']);
  });

  it('writes one row per child unit with numerator, denominator and % per indicator', async () => {
    const { sheet, row } = await openXlsx(reportFixture());
    const ws = sheet('Đơn vị');
    expect(row(ws, 5, 1, 3)).toEqual(['STT', 'Tổ dân phố', 'Tỷ lệ người dân được quản lý sức khỏe (HSSK_QL)']);
    expect(row(ws, 6, 3, 8)).toEqual(['Tử số', 'Mẫu số', '%', 'Tử số', 'Mẫu số', '%']);
    expect(ws.getCell('F5').value).toBe('Tỷ lệ người dân tham gia bảo hiểm y tế (BHYT)');
    expect(ws.getCell('D5').isMerged).toBe(true);
    expect(ws.getCell('N6').value).toBe('Số lượng');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6, xSplit: 2 });
    expect(row(ws, 7, 1, 4)).toEqual([1, 'Tổ dân phố Đức Xuân 1', 2710, 2801]);
    expect(ws.getCell('E7').value).toBeCloseTo(96.751, 3);
    expect(row(ws, 7, 9, 11)).toEqual([12, 12, 100]);
    // TCMR of the second unit is suppressed: blank with a note; the third has no TCMR figure at all.
    expect(row(ws, 8, 9, 11)).toEqual([null, null, null]);
    expect(JSON.stringify(ws.getCell('K8').note)).toContain('Ẩn');
    expect(ws.getCell('K9').value).toBeNull();
    expect(ws.getCell('K9').note).toBeUndefined();
    expect(String(ws.getCell('A11').value)).toContain('Ẩn');
  });

  it('writes tasks with real dates and Vietnamese status', async () => {
    const { sheet, row } = await openXlsx(reportFixture());
    const ws = sheet('Nhiệm vụ');
    expect(row(ws, 5)).toEqual(['STT', 'Nhóm nhiệm vụ', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời hạn', 'Tiến độ (%)', 'Tình trạng', 'Ghi nhận gần nhất', 'Ngày cập nhật']);
    const overdue = row(ws, 7);
    expect(overdue.slice(0, 5)).toEqual([2, 'Chăm sóc sức khỏe ban đầu', 'Rà soát, cập nhật hồ sơ sức khỏe điện tử cho người dân', 'Trạm Y tế phường', 'Công an phường, Các tổ dân phố']);
    expect((overdue[5] as Date).toISOString()).toBe('2026-09-30T00:00:00.000Z');
    expect(overdue.slice(6, 8)).toEqual([70, 'Quá hạn']);
    expect(ws.getCell('F7').numFmt).toBe('dd/mm/yyyy');
    expect(row(ws, 8, 2, 2)).toEqual([null]);
  });
});
