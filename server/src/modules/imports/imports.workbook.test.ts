/**
 * The XLSX reader on workbooks as Excel and LibreOffice write them (server/test/workbooks.ts):
 * every cell type, dates by style and date system, positional cells and skipped rows, the first
 * worksheet by the workbook's order; the same rows whatever the size of the pieces the parts
 * arrive in (a piece boundary inside every multi-byte letter); and what the reader refuses.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXCEL_ROWS, LIBREOFFICE_ROWS, SHEET_STYLES, excelStyleWorkbook, libreOfficeWorkbook, sheetWorkbook, sheetWorkbookParts, zipParts } from '../../../test/workbooks.ts';
import { FileTooLarge, MAX_COLUMNS } from './imports.limits.ts';
import type { SheetRow } from './imports.parsers.ts';
import { xlsxRows } from './imports.workbook.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-workbook-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function read(file: Buffer, pieceBytes?: number): Promise<SheetRow[]> {
  const at = path.join(dir, `w${n++}.xlsx`);
  fs.writeFileSync(at, file);
  const rows: SheetRow[] = [];
  for await (const row of xlsxRows(at, { pieceBytes })) rows.push(row);
  return rows;
}

const failure = async (file: Buffer) => {
  try {
    await read(file);
  } catch (err) {
    return err;
  }
  return null;
};

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('a workbook as Excel writes it', () => {
  it('reads the first worksheet in the workbook’s order, cell for cell', async () => {
    expect(await read(excelStyleWorkbook())).toEqual(EXCEL_ROWS);
  });

  it('reads the same whatever pieces the parts arrive in, letters cut anywhere', async () => {
    const file = excelStyleWorkbook();
    for (const size of [1, 2, 3, 5, 7, 64, 1000]) expect(await read(file, size)).toEqual(EXCEL_ROWS);
  });
});

describe('a workbook as LibreOffice writes it', () => {
  it('reads it cell for cell', async () => {
    expect(await read(libreOfficeWorkbook())).toEqual(LIBREOFFICE_ROWS);
    expect(await read(libreOfficeWorkbook(), 1)).toEqual(LIBREOFFICE_ROWS);
  });
});

describe('cells', () => {
  const style = (id: number) => SHEET_STYLES.indexOf(id);
  const number = (v: string, s = 0) => `<c s="${s}"><v>${v}</v></c>`;

  it('turns a number in a date format into the date, in the 1900 system with its leap-year bug', async () => {
    const rows = await read(sheetWorkbook(`<row r="1">${['1', '59', '61', '29995', '45657.5', '2958465'].map((v) => number(v, style(14))).join('')}</row>`));
    expect(rows[0]?.cells).toEqual([day(1900, 1, 1), day(1900, 2, 28), day(1900, 3, 1), day(1982, 2, 13), new Date(Date.UTC(2024, 11, 31, 12)), day(9999, 12, 31)]);
  });

  it('keeps as a number what is no date: the 29 February 1900 Excel invents, a time of day, beyond 9999', async () => {
    const rows = await read(sheetWorkbook(`<row r="1">${['60', '0.25', '0', '-3', '2958466'].map((v) => number(v, style(14))).join('')}</row>`));
    expect(rows[0]?.cells).toEqual([60, 0.25, 0, -3, 2958466]);
  });

  it('honours the workbook’s 1904 date system', async () => {
    const rows = await read(sheetWorkbook(`<row r="1">${number('0', style(14))}${number('28434', style(14))}</row>`, { date1904: true }));
    expect(rows[0]?.cells).toEqual([day(1904, 1, 1), day(1981, 11, 6)]);
  });

  it('knows the date formats: built-in 14–22 and 45–47, custom ones with date letters outside quotes and brackets', async () => {
    const rows = await read(sheetWorkbook(`<row r="1">${SHEET_STYLES.map((_, s) => number('30000', s)).join('')}</row>`));
    const dates = SHEET_STYLES.filter((_, i) => rows[0]?.cells[i] instanceof Date);
    expect(dates).toEqual([14, 170, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 173]);
    expect(rows[0]?.cells[style(49)]).toBe(30000);
  });

  it('reads every cell type', async () => {
    const cells = [
      '<c t="s"><v>1</v></c>',
      '<c t="inlineStr"><is><t>Ân</t></is></c>',
      '<c t="inlineStr"><is><r><t xml:space="preserve">Ấn </t></r><r><t>Độ</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c>',
      '<c t="str"><f>A1</f><v>Ầ_x000A_Ẩ</v></c>',
      '<c t="b"><v>1</v></c>',
      '<c t="b"><v>0</v></c>',
      '<c t="e"><v>#VALUE!</v></c>',
      '<c t="n"><v>1.5E3</v></c>',
      '<c><f>NOW()</f></c>',
      '<c t="d"><v>2024-02-29T00:00:00Z</v></c>',
      '<c t="str"><v></v></c>',
      '<c t="s"><v>0</v></c>',
      '<c t="inlineStr"><is><t><![CDATA[<Ẫ> & Ậ]]></t></is></c>',
    ];
    const rows = await read(sheetWorkbook(`<row r="2">${cells.join('')}</row>`, { sharedStrings: ['Ă', ' Ắ Ằ '] }));
    expect(rows).toEqual([{ number: 2, cells: [' Ắ Ằ ', 'Ân', 'Ấn Độ', 'Ầ\nẨ', true, false, null, 1500, null, day(2024, 2, 29), '', 'Ă', '<Ẫ> & Ậ'] }]);
  });

  it('places cells by their reference, positional cells after the one before, and keeps the spreadsheet’s row numbers', async () => {
    const rows = await read(sheetWorkbook('<row r="3"><c r="C3"><v>3</v></c><c><v>4</v></c><c r="B3"><v>2</v></c></row><row><c><v>1</v></c></row><row r="10"/><row r="12" spans="1:2"><c r="AA12"><v>27</v></c></row>'));
    expect(rows.map((r) => r.number)).toEqual([3, 4, 10, 12]);
    expect(rows[0]?.cells).toEqual([null, 2, 3, 4]);
    expect(rows[1]?.cells).toEqual([1]);
    expect(rows[2]?.cells).toEqual([]);
    expect(rows[3]?.cells).toHaveLength(27);
    expect(rows[3]?.cells[26]).toBe(27);
  });

  it('finds the shared strings and styles by their usual names when the relationships omit them', async () => {
    const parts = sheetWorkbookParts(`<row r="1"><c t="s"><v>0</v></c><c s="1"><v>61</v></c></row>`, { sharedStrings: ['Đinh'] });
    parts['xl/_rels/workbook.xml.rels'] = String(parts['xl/_rels/workbook.xml.rels']).replace(/<Relationship Id="rId[23]"[^>]*>/g, '');
    expect(await read(zipParts(parts))).toEqual([{ number: 1, cells: ['Đinh', day(1900, 3, 1)] }]);
  });

  it('reads prefixed element names as their local names', async () => {
    const parts = {
      'xl/workbook.xml': '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="A" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
      'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml': '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Đặng</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
    };
    expect(await read(zipParts(parts))).toEqual([{ number: 1, cells: ['Đặng'] }]);
  });
});

describe('what the reader refuses', () => {
  it('a row with a value past the last column kept (empty cells there are dropped)', async () => {
    const far = (v: string) => `<row r="2"><c r="A2"><v>1</v></c><c r="IW2">${v}</c></row>`;
    expect(MAX_COLUMNS).toBe(256); // IW is column 257
    expect((await read(sheetWorkbook(far(''))))[0]?.cells).toEqual([1]);
    expect(await failure(sheetWorkbook(far('<v>5</v>')))).toBeInstanceOf(FileTooLarge);
  });

  it('columns declared beyond XFD, a row whose XML is longer than any register’s', async () => {
    expect(await failure(zipWith('xl/worksheets/sheet1.xml', '<worksheet><cols><col min="1" max="2000000000" width="9"/></cols><sheetData/></worksheet>'))).toBeInstanceOf(FileTooLarge);
    expect(await failure(sheetWorkbook(`<row r="1">${'<c r="A1"/>'.repeat(100_000)}</row>`))).toBeInstanceOf(FileTooLarge);
    expect(await read(sheetWorkbook(`<row r="1">${'<c r="A1"/>'.repeat(1_000)}</row><row r="2"/>`))).toEqual([{ number: 1, cells: [] }, { number: 2, cells: [] }]);
  });

  it('a cell reference beyond XFD, a cell longer than a register’s', async () => {
    expect(await failure(sheetWorkbook('<row r="1"><c r="XFE1"><v>1</v></c></row>'))).toBeInstanceOf(FileTooLarge);
    expect(await failure(sheetWorkbook(`<row r="1"><c t="inlineStr"><is><t>${'ư'.repeat(5000)}</t></is></c></row>`))).toBeInstanceOf(FileTooLarge);
  });

  it('a document type declaration, nesting no workbook has, a comment longer than any text', async () => {
    expect(await failure(zipWith('xl/worksheets/sheet1.xml', '<!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>'))).toBeInstanceOf(Error);
    expect(await failure(sheetWorkbook(`<row r="1"><c>${'<x>'.repeat(5000)}</c></row>`))).toBeInstanceOf(Error);
    expect(await failure(sheetWorkbook(`<row r="1"/><!--${'<'.repeat(200_000)}-->`))).toBeInstanceOf(FileTooLarge);
  });

  it('a sheet cut short, a shared string that is not there', async () => {
    expect(await failure(zipWith('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c><v>1</v></c></row>'))).toBeInstanceOf(Error);
    expect(await failure(sheetWorkbook('<row r="1"><c t="s"><v>3</v></c></row>', { sharedStrings: ['a'] }))).toBeInstanceOf(Error);
  });

  it('a zip without a workbook, a part in UTF-16', async () => {
    expect(await failure(zipParts({ 'word/document.xml': '<w:document xmlns:w="x"/>' }))).toBeInstanceOf(Error);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<worksheet><sheetData/></worksheet>', 'utf16le')]);
    expect(await failure(zipWith('xl/worksheets/sheet1.xml', utf16))).toBeInstanceOf(Error);
  });
});

/** A one-sheet workbook with one part replaced. */
function zipWith(name: string, content: string | Buffer): Buffer {
  return zipParts({ ...sheetWorkbookParts(''), [name]: content });
}
