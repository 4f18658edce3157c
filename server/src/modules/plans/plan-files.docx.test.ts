import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { honestDocxBomb, lyingDocxBomb, manyPartsDocx } from '../../../test/hostile-plan-files.ts';
import { asVnFontText, VNI_TEXT } from '../../../test/legacy-text.ts';
import { docxText } from './plan-files.docx.ts';
import { withListLabels } from './plan-files.numbering.ts';
import { PLAN_FILE_LIMITS } from './plan-files.limits.ts';

const cell = (lines: string[]) => new TableCell({ children: lines.map((l) => new Paragraph(l)) });

describe('docxText', () => {
  it('reads paragraphs as lines, a header table side by side, a long table cell after cell, and Word’s list numbers', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'sections',
            levels: [
              { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
              { level: 2, format: LevelFormat.LOWER_LETTER, text: '%3)', alignment: AlignmentType.LEFT },
            ],
          },
          { reference: 'dashes', levels: [{ level: 0, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT }] },
        ],
      },
      sections: [
        {
          children: [
            new Table({ rows: [new TableRow({ children: [cell(['ỦY BAN NHÂN DÂN', 'XÃ HÒA PHONG', 'Số: 12/KH-UBND']), cell(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hòa Phong, ngày 5 tháng 7 năm 2024'])] })] }),
            new Paragraph({ children: [new TextRun({ text: 'KẾ HOẠCH', bold: true })] }),
            new Paragraph({ text: 'MỤC ĐÍCH, YÊU CẦU', numbering: { reference: 'sections', level: 0 } }),
            new Paragraph({ text: 'Mục đích', numbering: { reference: 'sections', level: 1 } }),
            new Paragraph({ text: 'Quán triệt đầy đủ.', numbering: { reference: 'dashes', level: 0 } }),
            new Paragraph({ text: 'Yêu cầu', numbering: { reference: 'sections', level: 1 } }),
            new Paragraph({ text: 'Bám sát nội dung.', numbering: { reference: 'sections', level: 2 } }),
            new Paragraph({ text: 'MỤC TIÊU', numbering: { reference: 'sections', level: 0 } }),
            new Paragraph({ text: 'Tỷ lệ tham gia BHYT đạt trên 95%.', numbering: { reference: 'sections', level: 1 } }),
            new Paragraph({ children: [new TextRun('Một dòng'), new TextRun({ text: 'xuống dòng', break: 1 })] }),
            new Table({
              rows: [
                new TableRow({
                  children: [cell(['Nơi nhận:', '- Sở Y tế;', '- UBND xã;', '- Trạm Y tế;', '- Lưu: VT.']), cell(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', '', 'Nguyễn Văn A'])],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const { text, images } = await docxText(await Packer.toBuffer(doc), 'a.docx', PLAN_FILE_LIMITS);
    expect(images).toBe(0);
    expect(text.split('\n').filter(Boolean)).toEqual([
      'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'XÃ HÒA PHONG\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 12/KH-UBND\tHòa Phong, ngày 5 tháng 7 năm 2024',
      'KẾ HOẠCH',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '- Quán triệt đầy đủ.',
      '2. Yêu cầu',
      'a) Bám sát nội dung.',
      'II. MỤC TIÊU',
      '1. Tỷ lệ tham gia BHYT đạt trên 95%.',
      'Một dòng',
      'xuống dòng',
      'Nơi nhận:',
      '- Sở Y tế;',
      '- UBND xã;',
      '- Trạm Y tế;',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Văn A',
    ]);
  });

  it('refuses zip bombs from the zip’s directory, or as soon as a part inflates past its declared size', async () => {
    for (const bomb of [honestDocxBomb(), lyingDocxBomb(), manyPartsDocx()]) {
      await expect(docxText(bomb, 'bom.docx', PLAN_FILE_LIMITS)).rejects.toMatchObject({ status: 413, said: { key: 'plans.files.docxExpands' } });
    }
  });
});

describe('withListLabels', () => {
  it('starts where the list says and continues a list across other paragraphs', () => {
    const numbering =
      '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const p = (text: string, numbered: boolean) => `<w:p><w:pPr>${numbered ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr>' : ''}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const xml = withListLabels(`<w:body>${p('Ba', true)}${p('chen', false)}${p('Bốn', true)}</w:body>`, numbering);
    expect([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|')).toBe('3. |Ba|chen|4. |Bốn');
  });
});

describe('docxText on a plan typed in the .Vn fonts', () => {
  const vn = (text: string, font = '.VnTime') => new TextRun({ text: asVnFontText(text), font });
  it('reads runs in .VnTime as TCVN3 and .VnTimeH in capitals, by run, direct or by style; Unicode runs stay', async () => {
    const doc = new Document({
      styles: { paragraphStyles: [{ id: 'Than', name: 'Thân bài', run: { font: '.VnTime' } }] },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'uû ban nh©n d©n', font: '.VnTimeH' })] }),
            new Paragraph({ children: [vn('kế hoạch', '.VnTimeH')] }),
            new Paragraph({ children: [vn('Thực hiện Chỉ thị số 25-CT/TW ngày 25/10/2023 của Ban Bí thư')] }),
            new Paragraph({ style: 'Than', children: [new TextRun(asVnFontText('Chương trình của UBND tỉnh Bắc Kạn'))] }),
            new Paragraph({ children: [new TextRun({ text: 'Tỷ lệ tham gia ', font: 'Times New Roman' }), vn('bảo hiểm y tế đạt trên 95%.')] }),
            new Paragraph({ children: [new TextRun({ text: 'Café à la carte', font: 'Times New Roman' })] }),
          ],
        },
      ],
    });
    const read = await docxText(await Packer.toBuffer(doc), 'a.docx', PLAN_FILE_LIMITS);
    expect(read.text.split('\n').filter(Boolean)).toEqual([
      'UỶ BAN NHÂN DÂN',
      'KẾ HOẠCH',
      'Thực hiện Chỉ thị số 25-CT/TW ngày 25/10/2023 của Ban Bí thư',
      'Chương trình của UBND tỉnh Bắc Kạn',
      'Tỷ lệ tham gia bảo hiểm y tế đạt trên 95%.',
      'Café à la carte',
    ]);
    expect(read.legacy).toEqual({ converted: 'TCVN3 (ABC)', unreadable: null });
  });

  it('leaves runs in a VNI font as they are and says so; a modern document is not touched', async () => {
    const doc = (run: TextRun) => new Document({ sections: [{ children: [new Paragraph({ children: [run] })] }] });
    const vni = await docxText(await Packer.toBuffer(doc(new TextRun({ text: VNI_TEXT.replace('\n', ' '), font: 'VNI-Times' }))), 'a.docx', PLAN_FILE_LIMITS);
    expect([vni.text, vni.legacy]).toEqual([VNI_TEXT.replace('\n', ' '), { converted: null, unreadable: 'VNI' }]);
    const modern = await docxText(await Packer.toBuffer(doc(new TextRun({ text: 'Kế hoạch tôi là ủy ban', font: '.VnTime' }))), 'a.docx', PLAN_FILE_LIMITS);
    expect([modern.text, modern.legacy]).toEqual(['Kế hoạch tôi là ủy ban', { converted: null, unreadable: null }]);
  });
});
