/**
 * The fixed frame of an administrative document (Decree 30/2020/NĐ-CP, Appendix I): the heading
 * (issuing body left, national name and motto right, number and place/date under them) and the
 * foot (recipients left, signature right). Both are borderless two-column tables, as in the
 * Government's Word templates, so they keep their layout when an official edits the text.
 */
import { AlignmentType, type Paragraph, type Table } from 'docx';
import { layoutTable, para, rule, SIZE, TEXT_WIDTH } from './docx.kit.ts';
import { numberLine, placeDateLine } from './format.ts';
import type { ReportData } from './report.types.ts';

// 6.75 cm keeps 'UBND TỈNH THÁI NGUYÊN' on one line; 9.75 cm still holds the national name.
const HEADER_LEFT = 3827;
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
/** Rule under the issuer: Decree 30 asks for 1/3–1/2 of the name's width; under the motto, the motto's width. */
const ISSUER_RULE = 1200;
const MOTTO_RULE = 3520;

const center = AlignmentType.CENTER;

export function headerBlock(data: ReportData): Table {
  const left: Paragraph[] = [
    ...(data.superior ? [para(data.superior.toLocaleUpperCase('vi'), { align: center, size: SIZE.header })] : []),
    para(data.issuer.toLocaleUpperCase('vi'), { align: center, size: SIZE.header, bold: true }),
    rule(ISSUER_RULE, HEADER_LEFT),
    para(numberLine(data.number), { align: center, size: SIZE.header, before: 120 }),
  ];
  const right: Paragraph[] = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: center, size: SIZE.nationalName, bold: true }),
    para('Độc lập - Tự do - Hạnh phúc', { align: center, size: SIZE.header, bold: true }),
    rule(MOTTO_RULE, HEADER_RIGHT),
    para(placeDateLine(data.place, data.date), { align: center, italics: true, before: 120 }),
  ];
  return layoutTable([HEADER_LEFT, HEADER_RIGHT], [left, right]);
}

const FOOT_LEFT = 4394;
const FOOT_RIGHT = TEXT_WIDTH - FOOT_LEFT;
/** Room for the hand signature and the seal (about four blank lines in the templates). */
const SIGNATURE_SPACE = 4;

export function recipientLines(recipients: ReportData['recipients']): string[] {
  return [...recipients.map((r) => `- ${r.name}${r.purpose ? ` (${r.purpose})` : ''};`), '- Lưu: VT.'];
}

export function signatureBlock(data: ReportData): Table {
  const left = [
    para('Nơi nhận:', { bold: true, italics: true, size: SIZE.recipientsLabel }),
    ...recipientLines(data.recipients).map((line) => para(line, { size: SIZE.recipients })),
  ];
  // A title may carry 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH' (signing on behalf): each part is its own line.
  const titles = [data.signer.authority, ...data.signer.title.split('\n')].filter((t): t is string => Boolean(t?.trim()));
  const right = [
    ...titles.map((t) => para(t.trim().toLocaleUpperCase('vi'), { align: center, bold: true })),
    ...Array.from({ length: SIGNATURE_SPACE }, () => para('', { align: center })),
    para(data.signer.name ?? '', { align: center, bold: true }),
  ];
  return layoutTable([FOOT_LEFT, FOOT_RIGHT], [left, right]);
}
