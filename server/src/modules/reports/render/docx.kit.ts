/**
 * Paragraph and table primitives in the type sizes of Decree 30/2020/NĐ-CP (Appendix I), so the
 * report parts do not repeat font, size and border options. Sizes are in half-points (docx's unit),
 * lengths in twips (1 mm ≈ 56.7 twips).
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';

export const FONT = 'Times New Roman';
/** Body 14 pt; header lines 13 pt and the national name 12 pt so it fits its column on one line; tables 12 pt; recipients 11 pt. */
export const SIZE = { body: 28, header: 26, nationalName: 24, table: 24, recipientsLabel: 24, recipients: 22 } as const;

/** A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm (Decree 30 ranges: 20–25, 30–35, 15–20). */
export const PAGE = { width: 11906, height: 16838, margin: { top: 1134, bottom: 1134, left: 1701, right: 851 } } as const;
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const CELL_MARGIN = 80;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
export interface TextOptions {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  align?: Align;
  firstLine?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
}

export function para(text: string, o: TextOptions = {}): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.LEFT,
    indent: o.firstLine ? { firstLine: o.firstLine } : undefined,
    spacing: { before: o.before ?? 0, after: o.after ?? 0 },
    keepNext: o.keepNext,
    children: [new TextRun({ text, bold: o.bold, italics: o.italics, font: FONT, size: o.size ?? SIZE.body })],
  });
}

/** Body paragraph: justified, first line indented 1 cm, 6 pt after (Decree 30: indent 1–1.27 cm, spacing ≥ 6 pt). */
export const bodyPara = (text: string, o: TextOptions = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 288, lineRule: LineRuleType.AUTO },
    keepNext: o.keepNext,
    children: [new TextRun({ text, bold: o.bold, italics: o.italics, font: FONT, size: o.size ?? SIZE.body })],
  });

export const headingPara = (text: string) => bodyPara(text, { bold: true, before: 120, keepNext: true });

/**
 * A centred horizontal rule of `length` under a line of text in a cell of `cellWidth`: an empty
 * paragraph 4 pt high with a bottom border, narrowed by indents, since Word has no free-standing
 * line element (a drawn shape would drift when the official edits the heading).
 */
export function rule(length: number, cellWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - 2 * CELL_MARGIN - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 80, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    children: [],
  });
}

/** Invisible layout table (header and signature blocks sit side by side this way in Word templates). */
export function layoutTable(widths: number[], columns: Paragraph[][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN },
    rows: [new TableRow({ children: columns.map((children, i) => new TableCell({ width: { size: widths[i] ?? 0, type: WidthType.DXA }, children })) })],
  });
}

/** A cell holds one or more lines; the first is the value, the rest smaller notes under it. */
export type GridCell = string | string[];
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function gridCell(content: GridCell, width: number, align: Align, bold: boolean): TableCell {
  const lines = Array.isArray(content) ? content : [content];
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: { top: line, bottom: line, left: line, right: line },
    children: lines.map((text, i) => para(text, { bold, align, size: i === 0 ? SIZE.table : SIZE.recipients, italics: i > 0 })),
  });
}

/** Ruled data table; the header row repeats on every page. */
export function gridTable(spec: { widths: number[]; header: string[]; align: Align[]; rows: GridCell[][] }): Table {
  const { widths, align } = spec;
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: spec.header.map((h, i) => gridCell(h, widths[i] ?? 0, AlignmentType.CENTER, true)) }),
      ...spec.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => gridCell(c, widths[i] ?? 0, align[i] ?? AlignmentType.LEFT, false)) })),
    ],
  });
}
