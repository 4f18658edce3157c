import { describe, expect, it } from 'vitest';
import { layoutToText, repairOcrText, wordsToLayout } from './plan-files.layout.ts';

// A page as `pdftotext -layout` gives it: a two-column header, a centred title, paragraphs whose
// first line is indented and whose other lines start at the margin, a page number at the foot.
const PAGE_1 = [
  '  Số: 12/KH-UBND        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  '                             Độc lập - Tự do - Hạnh phúc',
  '                         Hòa Phong, ngày 5 tháng 7 năm 2024',
  '',
  '                           KẾ HOẠCH',
  '  Thực hiện Chỉ thị số 25-CT/TW ngày 25/10/2023 của Ban Bí thư',
  '      về y tế cơ sở trong tình hình mới',
  '',
  '    I. MỤC ĐÍCH, YÊU CẦU',
  '    - Quán triệt, tổ chức thực hiện đầy đủ, chất lượng, hiệu quả các',
  'nhiệm vụ và giải pháp tại Chỉ thị số 25-',
  'CT/TW ngày 25/10/2023 của Ban Bí thư.',
  '    - Tạo chuyển biến mạnh mẽ về nhận thức và hành động của các',
  'ban, ngành, đoàn thể và người dân về công tác y tế cơ sở; nâng cao',
  '',
  '                                 1',
].join('\n');
const PAGE_2 = [
  'hiệu lực, hiệu quả quản lý nhà nước.',
  '    II. MỤC TIÊU',
  'Nơi nhận:                                 TM. ỦY BAN NHÂN DÂN',
  '- Sở Y tế;                                  KT. CHỦ TỊCH',
  '- UBND các xã, phường;                     PHÓ CHỦ TỊCH',
  '- Các phòng, ban, ngành, đoàn thể và tổ',
  'chức hội TP;                                 Lê Đăng Trường',
  '- Lưu: VT.',
].join('\n');

describe('layoutToText', () => {
  const text = layoutToText([PAGE_1, PAGE_2]);
  const lines = text.split('\n').filter(Boolean);

  it('keeps a short two-column block side by side, a tab between its columns', () => {
    expect(lines.slice(0, 3)).toEqual(['Số: 12/KH-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hòa Phong, ngày 5 tháng 7 năm 2024']);
  });

  it('joins a paragraph’s wrapped lines, across a page break, and rejoins a word cut at its hyphen', () => {
    expect(lines).toContain('- Quán triệt, tổ chức thực hiện đầy đủ, chất lượng, hiệu quả các nhiệm vụ và giải pháp tại Chỉ thị số 25-CT/TW ngày 25/10/2023 của Ban Bí thư.');
    expect(lines).toContain(
      '- Tạo chuyển biến mạnh mẽ về nhận thức và hành động của các ban, ngành, đoàn thể và người dân về công tác y tế cơ sở; nâng cao hiệu lực, hiệu quả quản lý nhà nước.',
    );
  });

  it('keeps headings and centred lines as lines, and drops the page number', () => {
    expect(lines).toContain('KẾ HOẠCH');
    expect(lines).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(lines).toContain('II. MỤC TIÊU');
    // A centred line starting in lower case goes on with the one above (a title over two lines).
    expect(lines).toContain('Thực hiện Chỉ thị số 25-CT/TW ngày 25/10/2023 của Ban Bí thư về y tế cơ sở trong tình hình mới');
    expect(lines).not.toContain('1');
  });

  it('gives a long two-column block one column after the other, so the signer stands apart from the recipients', () => {
    const from = lines.indexOf('Nơi nhận:');
    expect(lines.slice(from)).toEqual([
      'Nơi nhận:',
      '- Sở Y tế;',
      '- UBND các xã, phường;',
      '- Các phòng, ban, ngành, đoàn thể và tổ chức hội TP;',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Lê Đăng Trường',
    ]);
  });

  it('keeps a table row’s cells on one line', () => {
    expect(layoutToText(['Chỉ tiêu          2025          2030', 'Tỷ lệ BHYT        95%           97%']).trim()).toBe('Chỉ tiêu\t2025\t2030\n\nTỷ lệ BHYT\t95%\t97%');
  });

  it('does not join paragraphs that end short, or a line that starts a list', () => {
    const page = ['    Một đoạn ngắn kết thúc ở đây.', 'Đoạn sau không thụt đầu dòng nhưng dòng trước ngắn.', '    Một dòng dài chạy tới tận lề phải của trang giấy này nhé', '- Gạch đầu dòng mới'].join('\n');
    expect(layoutToText([page]).trim().split('\n\n')).toEqual([
      'Một đoạn ngắn kết thúc ở đây.',
      'Đoạn sau không thụt đầu dòng nhưng dòng trước ngắn.',
      'Một dòng dài chạy tới tận lề phải của trang giấy này nhé',
      '- Gạch đầu dòng mới',
    ]);
  });
});

describe('wordsToLayout', () => {
  const word = (block: number, line: number, left: number, text: string) => ({ block, paragraph: 1, line, left, top: line * 50, width: text.length * 20, height: 40, text });

  it('places OCR words on a character grid: indents, single spaces, wide gaps as columns', () => {
    const layout = wordsToLayout([word(1, 1, 100, 'Số:'), word(1, 1, 180, '12/KH-UBND'), word(1, 1, 800, 'CỘNG'), word(1, 1, 900, 'HÒA'), word(2, 2, 180, 'KẾ'), word(2, 2, 240, 'HOẠCH')]);
    expect(layout.split('\n')).toEqual(['Số: 12/KH-UBND                     CỘNG HÒA', '    KẾ HOẠCH']);
    // A blank line where the page leaves a gap.
    expect(wordsToLayout([word(1, 1, 100, 'Một'), word(1, 3, 100, 'Hai')])).toBe('Một\n\nHai');
    // Specks of no letter, and a letter given no confidence, are left out.
    expect(wordsToLayout([word(1, 1, 100, 'Số:'), { ...word(1, 1, 300, '„'), confidence: 60 }, { ...word(1, 1, 400, 'c'), confidence: 0 }, { ...word(1, 1, 500, '-'), confidence: 0 }])).toBe('Số:                 -');
    expect(layoutToText([layout]).split('\n')[0]).toBe('Số: 12/KH-UBND\tCỘNG HÒA');
  });
});

describe('repairOcrText', () => {
  it('reads a section numeral OCR read short from the sections around it', () => {
    expect(repairOcrText('I. MỤC ĐÍCH\nII. MỤC TIÊU\nII. NHIỆM VỤ\nIV. TỔ CHỨC THỰC HIỆN').split('\n')).toEqual(['I. MỤC ĐÍCH', 'II. MỤC TIÊU', 'III. NHIỆM VỤ', 'IV. TỔ CHỨC THỰC HIỆN']);
    expect(repairOcrText('I. MỤC ĐÍCH\nII. MỤC TIÊU\nII. NHIỆM VỤ\nV. TỔ CHỨC').split('\n')[2]).toBe('III. NHIỆM VỤ');
    expect(repairOcrText('I. MỤC ĐÍCH\nII. MỤC TIÊU\nII. NHIỆM VỤ').split('\n')[2]).toBe('III. NHIỆM VỤ');
  });

  it('leaves numerals alone where the document does not say what they must be', () => {
    const text = 'I. MỤC ĐÍCH\nIII. NHIỆM VỤ\nII. Một câu thường viết hoa đầu\nV. TỔ CHỨC';
    expect(repairOcrText(text)).toBe(text);
  });

  it('puts back a section heading’s lost full stop, then its numeral', () => {
    expect(repairOcrText('I. MỤC ĐÍCH\nII MỤC TIÊU ĐẾN NĂM 2030\nII. NHIỆM VỤ\nIV. TỔ CHỨC\nII Một câu thường').split('\n')).toEqual([
      'I. MỤC ĐÍCH',
      'II. MỤC TIÊU ĐẾN NĂM 2030',
      'III. NHIỆM VỤ',
      'IV. TỔ CHỨC',
      'II Một câu thường',
    ]);
  });

  it('puts a capital OCR read inside a small-letter word back in small letters', () => {
    expect(repairOcrText('nâng cao chất lượng cỦa y tế, cỦng cố theo lỘ trình; HĐND và 109-KH/ThU, TTr')).toBe('nâng cao chất lượng của y tế, củng cố theo lộ trình; HĐND và 109-KH/ThU, TTr');
  });

  it('writes a signature office whose marks OCR lost as the office is written, and nothing else', () => {
    expect(repairOcrText('Nơi nhận:\tKT, CHỦ TICH\nPHO CHỦ TỊCH\nPHỐ CHỢ\nLê Đăng Trường')).toBe('Nơi nhận:\tKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPHỐ CHỢ\nLê Đăng Trường');
  });

  it('reads a heading’s full stop that OCR made a comma', () => {
    expect(repairOcrText('5, Ủy ban MTTQ Việt Nam\nngày 5, 6 và 7')).toBe('5. Ủy ban MTTQ Việt Nam\nngày 5, 6 và 7');
  });
});
