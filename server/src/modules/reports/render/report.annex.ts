/**
 * The figures behind the report as an XLSX annex: 'Chỉ tiêu' (targets), 'Đơn vị' (each child unit
 * per indicator) and 'Nhiệm vụ' (tasks). Numbers stay numbers and dates stay dates so officials
 * can re-sort and re-total them; Excel shows them in the reader's locale (95,3 in Vietnamese).
 */
import ExcelJS from 'exceljs';
import { formatDateVi, issuerInSentence, kindLabel, SUPPRESSED_EXPLANATION, TASK_STATUS_LABEL, targetText, verdictLabel } from './format.ts';
import type { ReportData, ReportFigure, ReportTarget } from './report.types.ts';

type Value = string | number | Date | null;
interface Column { header: string; width: number; numFmt?: string }

/** Rows 1–3 name the issuer, the annex and the report it belongs to; the table header starts here. */
export const HEADER_ROW = 5;
const PERCENT_FMT = '0.0';
const COUNT_FMT = '#,##0';
const DATE_FMT = 'dd/mm/yyyy';
/** A4 landscape, one page wide: the annex is printed and stapled to the signed report. */
const PRINT: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
const thin = { style: 'thin' } as const;
const box = { top: thin, left: thin, bottom: thin, right: thin };

const utcDate = (iso: string | null) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);
const valueFmt = (unit: ReportTarget['unit']) => (unit === 'percent' ? PERCENT_FMT : COUNT_FMT);

function titleRows(ws: ExcelJS.Worksheet, data: ReportData, annexTitle: string, width: number) {
  const lines = [
    data.issuer.toLocaleUpperCase('vi'),
    `${annexTitle} – ${kindLabel(data.kind)} ${data.periodLabel}`,
    `(Kèm theo Báo cáo số ${data.number ?? '      /BC-UBND'} ngày ${formatDateVi(data.date)} của ${issuerInSentence(data.issuer, data.place)})`,
  ];
  lines.forEach((text, i) => {
    ws.mergeCells(i + 1, 1, i + 1, width);
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { bold: i < 2, italic: i === 2 };
    cell.alignment = { horizontal: 'center' };
  });
}

function styleHeader(row: ExcelJS.Row): ExcelJS.Row {
  row.font = { bold: true };
  row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  row.eachCell({ includeEmpty: true }, (c) => {
    c.border = box;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
  });
  return row;
}

function writeRow(ws: ExcelJS.Worksheet, n: number, values: Value[]): ExcelJS.Row {
  const row = ws.getRow(n);
  values.forEach((v, i) => {
    row.getCell(i + 1).value = v;
  });
  return row;
}

/**
 * One table: header at HEADER_ROW (a group row above it when given), frozen above the data and
 * left of `frozenCols`, borders on every cell. Returns the first data row.
 */
function table(ws: ExcelJS.Worksheet, columns: Column[], rows: Value[][], frozenCols: number, groupRow?: Value[]): number {
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.numFmt) col.numFmt = c.numFmt;
  });
  const headers = groupRow ? [groupRow, columns.map((c) => c.header)] : [columns.map((c) => c.header)];
  // Two lines' height: LibreOffice and Excel do not grow a row for wrapped text written by a program.
  for (const [i, h] of headers.entries()) styleHeader(writeRow(ws, HEADER_ROW + i, h)).height = 32;
  const first = HEADER_ROW + headers.length;
  for (const [i, values] of rows.entries()) {
    writeRow(ws, first + i, values).eachCell({ includeEmpty: true }, (c) => {
      c.border = box;
      c.alignment = { vertical: 'top', wrapText: true };
    });
  }
  ws.views = [{ state: 'frozen', xSplit: frozenCols, ySplit: first - 1 }];
  return first;
}

/** Suppressed figures are left blank, never 0, with the reason as a cell note. */
function markSuppressed(cell: ExcelJS.Cell) {
  cell.value = null;
  cell.note = SUPPRESSED_EXPLANATION;
}

/** A printed sheet loses its notes, so the explanation is also written under the table. */
function legend(ws: ExcelJS.Worksheet, row: number) {
  const cell = ws.getCell(row, 1);
  cell.value = `Ghi chú: ô để trống là số liệu không công bố – ${SUPPRESSED_EXPLANATION}`;
  cell.font = { italic: true };
}

function targetsSheet(wb: ExcelJS.Workbook, data: ReportData) {
  const ws = wb.addWorksheet('Chỉ tiêu', { pageSetup: PRINT });
  const columns: Column[] = [
    { header: 'STT', width: 6 }, { header: 'Mã chỉ tiêu', width: 14 }, { header: 'Chỉ tiêu', width: 48 }, { header: 'Đơn vị tính', width: 11 },
    { header: 'Kế hoạch', width: 14 }, { header: 'Giá trị ban đầu', width: 11 }, { header: 'Kỳ trước', width: 11 },
    { header: 'Tử số', width: 11, numFmt: COUNT_FMT }, { header: 'Mẫu số', width: 11, numFmt: COUNT_FMT }, { header: 'Thực hiện', width: 11 }, { header: 'Đánh giá', width: 15 },
  ];
  titleRows(ws, data, 'PHỤ LỤC 1. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', columns.length);
  const rows = data.targets.map((t, i) => {
    const c = t.current;
    return [i + 1, t.indicatorCode, t.indicatorName, t.unit === 'percent' ? '%' : 'Số lượng', targetText(t), t.baseline, t.previous, c.numerator, c.denominator, c.value, verdictLabel(t.standing)];
  });
  const first = table(ws, columns, rows, 3);
  data.targets.forEach((t, i) => {
    const row = ws.getRow(first + i);
    for (const col of [6, 7, 10]) row.getCell(col).numFmt = valueFmt(t.unit);
    if (t.current.suppressed) for (const col of [8, 9, 10]) markSuppressed(row.getCell(col));
  });
  if (data.targets.some((t) => t.current.suppressed)) legend(ws, first + rows.length + 1);
}

const figureValues = (f: ReportFigure | undefined): Value[] => (f && !f.suppressed ? [f.numerator, f.denominator, f.value] : [null, null, null]);

function unitsSheet(wb: ExcelJS.Workbook, data: ReportData) {
  const ws = wb.addWorksheet('Đơn vị', { pageSetup: PRINT });
  const columns: Column[] = [{ header: 'STT', width: 6 }, { header: data.childLevelLabel, width: 28 }];
  for (const t of data.targets) columns.push({ header: 'Tử số', width: 10, numFmt: COUNT_FMT }, { header: 'Mẫu số', width: 10, numFmt: COUNT_FMT }, { header: t.unit === 'percent' ? '%' : 'Số lượng', width: 10, numFmt: valueFmt(t.unit) });
  titleRows(ws, data, 'PHỤ LỤC 2. KẾT QUẢ CÁC CHỈ TIÊU THEO ĐƠN VỊ', columns.length);
  const rows = data.children.map((u, i) => [i + 1, u.unitName, ...data.targets.flatMap((t) => figureValues(u.values[t.indicatorCode]))]);
  // Indicator names sit in a group row above their Tử số / Mẫu số / % columns, one merged cell each.
  const groups = ['STT', data.childLevelLabel, ...data.targets.flatMap((t) => [`${t.indicatorName} (${t.indicatorCode})`, null, null])];
  const first = table(ws, columns, rows, 2, groups);
  ws.getRow(HEADER_ROW).height = 45;
  ws.mergeCells(HEADER_ROW, 1, HEADER_ROW + 1, 1);
  ws.mergeCells(HEADER_ROW, 2, HEADER_ROW + 1, 2);
  for (const k of data.targets.keys()) ws.mergeCells(HEADER_ROW, 3 + 3 * k, HEADER_ROW, 5 + 3 * k);
  for (const [i, u] of data.children.entries()) {
    for (const [k, t] of data.targets.entries()) {
      if (u.values[t.indicatorCode]?.suppressed) for (const off of [0, 1, 2]) markSuppressed(ws.getCell(first + i, 3 + 3 * k + off));
    }
  }
  if (data.children.some((u) => Object.values(u.values).some((f) => f.suppressed))) legend(ws, first + rows.length + 1);
}

function tasksSheet(wb: ExcelJS.Workbook, data: ReportData) {
  const ws = wb.addWorksheet('Nhiệm vụ', { pageSetup: PRINT });
  const columns: Column[] = [
    { header: 'STT', width: 6 }, { header: 'Nhóm nhiệm vụ', width: 24 }, { header: 'Nhiệm vụ', width: 50 }, { header: 'Chủ trì', width: 22 }, { header: 'Phối hợp', width: 28 },
    { header: 'Thời hạn', width: 12, numFmt: DATE_FMT }, { header: 'Tiến độ (%)', width: 10 }, { header: 'Tình trạng', width: 16 }, { header: 'Ghi nhận gần nhất', width: 40 }, { header: 'Ngày cập nhật', width: 13, numFmt: DATE_FMT },
  ];
  titleRows(ws, data, 'PHỤ LỤC 3. TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ', columns.length);
  const rows = data.tasks.map((t, i) => [i + 1, t.section, t.text, t.lead, t.coordinating.join(', ') || null, utcDate(t.deadline), t.progress, TASK_STATUS_LABEL[t.status], t.lastNote, utcDate(t.lastUpdatedOn)]);
  table(ws, columns, rows, 3);
}

export async function renderReportXlsx(data: ReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = data.generatedBy;
  wb.lastModifiedBy = data.generatedBy;
  wb.title = `Phụ lục số liệu báo cáo ${kindLabel(data.kind).toLocaleLowerCase('vi')} ${data.periodLabel}`;
  wb.created = utcDate(data.date) ?? new Date();
  targetsSheet(wb, data);
  unitsSheet(wb, data);
  tasksSheet(wb, data);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
