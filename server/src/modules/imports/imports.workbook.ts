/**
 * Reading an uploaded XLSX exactly, row by row, in bounded memory. Each part is inflated under the
 * guard of imports.zip.ts (the limits of imports.limits.ts), decoded by a streaming TextDecoder —
 * which keeps a letter cut between two pieces until its last byte comes, so no piece boundary can
 * break one — and parsed by saxes, a streaming XML parser (entities, CDATA, well-formedness).
 * Replaces exceljs' streaming reader, which decoded each chunk on its own and turned Vietnamese
 * letters cut at a chunk boundary into U+FFFD (exceljs#2063): "T��� dân phố 5", "��ỗ Thị Thủy".
 *
 * Read, in this order: the package's relationships and the workbook (its worksheets in the
 * workbook's order, the 1904 date system), the workbook's relationships (where the first
 * worksheet, the shared strings and the styles are), the styles (only which cell formats are
 * dates), the shared strings (plain and rich text; phonetic runs left out; `_xHHHH_` escapes), then
 * the first worksheet, one row at a time, stopping at the end of its sheetData. Each row carries
 * the number a person sees in the spreadsheet (a row without `r` follows the one before); a cell
 * without `r` follows the one before it. Cells are strings (shared, inline, formula results),
 * numbers (as stored: a CCCD typed as a number has lost its leading zero, see imports.rows.ts),
 * booleans, dates (a number in a date format: a Date at 00:00 UTC of that day, plus its time of
 * day) or null (empty, an error, a formula without a cached value).
 */
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { EXCEL_MAX_COLUMN, MAX_CELL_CHARS, MAX_COLUMNS, MAX_SHARED_STRINGS, MAX_TEXT_XML_BYTES, MAX_XML_DEPTH, expandsTooMuch, rowTooLong } from './imports.limits.ts';
import { type SheetRow, boundedRow } from './imports.parsers.ts';
import { SharedStrings } from './imports.shared-strings.ts';
import type { Cell } from './imports.values.ts';
import { BadZip, type PartKind, type ZipEntry, centralDirectory, checkCap, partBytes } from './imports.zip.ts';

export interface XlsxOptions {
  /** Feed each part in pieces of at most this many bytes (the tests cut letters anywhere). */
  pieceBytes?: number;
}

type Attributes = Record<string, string>;
interface Handlers {
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  text?(text: string): void;
}

/** Raw text kept for one cell before its escapes are read: MAX_CELL_CHARS with room for `_xHHHH_`. */
const MAX_RAW_CELL_CHARS = 8 * MAX_CELL_CHARS;

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

/** `_xHHHH_`, Excel's escape of a character XML cannot carry (`_x000D_` is a carriage return; `_x005F_` the `_` of a literal `_x`). */
const unescapeText = (text: string) => (text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text);

/** A saxes parser calling `handlers` with local names (`x:row` is a row), refusing nesting no workbook has. */
function xmlParser(handlers: Handlers): SaxesParser {
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (++depth > MAX_XML_DEPTH) throw new BadZip('nesting');
    handlers.open(localName(tag.name), tag.attributes as Attributes);
  });
  parser.on('closetag', (tag) => {
    depth--;
    handlers.close(localName(tag.name));
  });
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  parser.on('error', (err) => {
    throw new BadZip(err.message);
  });
  return parser;
}

/** One part's text as it is inflated: bytes that are not UTF-8 become U+FFFD (the row check reports them). */
async function* partText(file: string, entry: ZipEntry, kind: PartKind, options: XlsxOptions): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let first = true;
  for await (const bytes of partBytes(file, entry, kind, options.pieceBytes)) {
    // Excel writes UTF-8; a UTF-16 part would defeat the byte-level watch: refused.
    if (first && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) throw new BadZip('UTF-16 part');
    first = false;
    const text = decoder.decode(bytes, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Parses a whole part; an unclosed element at its end is an error. */
async function parsePart(file: string, entry: ZipEntry, kind: PartKind, handlers: Handlers, options: XlsxOptions): Promise<void> {
  const parser = xmlParser(handlers);
  for await (const text of partText(file, entry, kind, options)) parser.write(text);
  parser.close();
}

type Find = (name: string) => ZipEntry | undefined;
interface Relationship {
  type: string;
  target: string;
}

/** The part a relationship of `source` points to: relative to the source's folder, or from the root. */
function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURI(target);
  } catch {}
  return path.posix.normalize(decoded.startsWith('/') ? decoded : path.posix.join(path.posix.dirname(source), decoded)).replace(/^\/+/, '');
}

/** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package's: '' → `_rels/.rels`), by id. */
async function relationships(file: string, find: Find, source: string, options: XlsxOptions): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const entry = find(path.posix.join(path.posix.dirname(source), '_rels', `${path.posix.basename(source)}.rels`));
  if (!entry) return rels;
  await parsePart(
    file,
    entry,
    'other',
    {
      open(name, a) {
        if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') rels.set(a.Id, { type: a.Type ?? '', target: resolveTarget(source, a.Target) });
      },
      close() {},
    },
    options,
  );
  return rels;
}

const ofType = (rels: Map<string, Relationship>, type: string) => [...rels.values()].find((r) => r.type.endsWith(type));

/** The workbook's worksheets (relationship ids) in the workbook's order, and its date system. */
async function readWorkbook(file: string, entry: ZipEntry, options: XlsxOptions) {
  const sheets: string[] = [];
  let date1904 = false;
  await parsePart(
    file,
    entry,
    'other',
    {
      open(name, a) {
        if (name === 'sheet') {
          // r:id, whatever prefix the relationships namespace has.
          const id = Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
          if (id) sheets.push(id);
        } else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      },
      close() {},
    },
    options,
  );
  return { sheets, date1904 };
}

/** Built-in formats that are dates or times: 14–22 (d/m/yyyy … m/d/yy h:mm), 45–47 (mm:ss …). */
const isBuiltInDate = (id: number) => (id >= 14 && id <= 22) || (id >= 45 && id <= 47);

/** A format code with day, month, year, hour or second letters outside quotes, escapes and brackets ([Red], [$-42A]). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare);
}

/** Which cell formats (`s`, an index in cellXfs) are dates. */
async function readDateStyles(file: string, entry: ZipEntry, options: XlsxOptions): Promise<boolean[]> {
  const codes = new Map<number, string>();
  const formats: number[] = [];
  let within: 'numFmts' | 'cellXfs' | null = null;
  await parsePart(
    file,
    entry,
    'other',
    {
      open(name, a) {
        if (name === 'numFmts' || name === 'cellXfs') within = name;
        else if (name === 'numFmt' && within === 'numFmts') codes.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (name === 'xf' && within === 'cellXfs') formats.push(Number(a.numFmtId ?? 0));
      },
      close(name) {
        if (name === within) within = null;
      },
    },
    options,
  );
  return formats.map((id) => {
    const code = codes.get(id);
    return code === undefined ? isBuiltInDate(id) : isDateFormat(code);
  });
}

/** The shared strings: a plain `<t>`, or the `<t>` of each rich-text run joined; phonetic runs (`<rPh>`) are not the text. */
async function readSharedStrings(file: string, entry: ZipEntry, options: XlsxOptions): Promise<SharedStrings> {
  const strings = new SharedStrings();
  let count = 0;
  let current: string | null = null;
  let phonetic = 0;
  let capture = false;
  let text = '';
  await parsePart(
    file,
    entry,
    'sharedStrings',
    {
      open(name) {
        if (name === 'si' || name === 'r') {
          // Strings and runs: the watch counts them in the bytes; counted here too, whatever their prefix.
          if (++count > MAX_SHARED_STRINGS) throw expandsTooMuch();
          if (name === 'si') current = '';
        } else if (name === 'rPh') phonetic++;
        else if (name === 't' && current !== null && !phonetic) {
          capture = true;
          text = '';
        }
      },
      close(name) {
        if (name === 't' && capture) {
          current += text;
          capture = false;
        } else if (name === 'rPh') phonetic--;
        else if (name === 'si' && current !== null) {
          // Runs joined may outgrow any one text: no cell is read beyond MAX_CELL_CHARS anyway.
          if (current.length > MAX_TEXT_XML_BYTES) throw expandsTooMuch();
          strings.push(unescapeText(current));
          current = null;
        }
      },
      text(t) {
        if (capture) text += t;
      },
    },
    options,
  );
  return strings;
}

const DAY_MS = 86_400_000;
/** Day 0 of the 1900 system as Excel counts from day 61 (1 March 1900) on; days 1–59 count from a day later. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const AFTER_9999 = Date.UTC(10_000, 0, 1);

/**
 * A serial number in a date format → the date. In the 1900 system Excel counts a 29 February
 * 1900 that never was (Lotus 1-2-3's leap-year bug): serials 1–59 are 1 January–28 February 1900,
 * 61 on are one day less than counted from 31 December 1899, and 60 is no date; nor is anything
 * before day 1 (a time of day alone) or after 9999. What is no date stays the number.
 */
export function serialDate(serial: number, date1904: boolean): Cell {
  let ms: number;
  if (date1904) {
    if (serial < 0) return serial;
    ms = EPOCH_1904 + serial * DAY_MS;
  } else {
    if (serial < 1 || (serial >= 60 && serial < 61)) return serial;
    ms = (serial < 60 ? EPOCH_1900 + DAY_MS : EPOCH_1900) + serial * DAY_MS;
  }
  ms = Math.round(ms);
  return ms < AFTER_9999 ? new Date(ms) : serial;
}

/** A `t="d"` cell (ISO 8601) → the date and time in UTC; anything else stays text. */
function isoDate(text: string): Cell {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?Z?)?$/.exec(text.trim());
  if (!m) return text;
  const n = (i: number) => Number(m[i] ?? 0);
  return new Date(Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6), Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'))));
}

/** `A1` → 1, `XFD7` → 16384; null when the reference has no column letters. Beyond XFD: FileTooLarge. */
function columnOf(reference: string | undefined): number | null {
  if (!reference) return null;
  let column = 0;
  let k = 0;
  for (; k < reference.length; k++) {
    const code = reference.charCodeAt(k) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    if (k === 3) throw expandsTooMuch();
    column = column * 26 + (code - 64);
  }
  if (column > EXCEL_MAX_COLUMN) throw expandsTooMuch();
  return k ? column : null;
}

/** The handlers that turn a worksheet's sheetData into rows, pushed onto `out` as each `</row>` is read. */
function sheetReader(strings: SharedStrings, dateStyles: boolean[], date1904: boolean, out: SheetRow[]) {
  const state = { finished: false };
  let inData = false;
  let row: SheetRow | null = null;
  let lastRow = 0;
  let lastColumn = 0;
  let column = 0;
  let type = 'n';
  let style = 0;
  let value: string | null = null;
  let inline: string | null = null;
  let inInline = false;
  let phonetic = 0;
  let capture = false;
  let text = '';

  function cellValue(): Cell {
    switch (type) {
      case 's': {
        if (value === null) return null;
        const found = strings.at(Number(value));
        if (found === undefined) throw new BadZip('shared string out of range');
        return found;
      }
      case 'inlineStr':
        return inline !== null ? unescapeText(inline) : value !== null ? unescapeText(value) : null;
      case 'str':
        return value === null ? null : unescapeText(value);
      case 'b':
        return value === null ? null : value.trim() === '1' || value.trim() === 'true';
      case 'e':
        return null;
      case 'd':
        return value === null ? null : isoDate(value);
      default: {
        const raw = value?.trim();
        if (!raw) return null;
        const number = Number(raw);
        if (!Number.isFinite(number)) return raw;
        return dateStyles[style] ? serialDate(number, date1904) : number;
      }
    }
  }

  const handlers: Handlers = {
    open(name, a) {
      if (!inData) {
        if (name === 'sheetData') inData = true;
        return;
      }
      switch (name) {
        case 'row': {
          const r = Number(a.r);
          lastRow = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
          row = { number: lastRow, cells: [] };
          lastColumn = 0;
          break;
        }
        case 'c':
          column = columnOf(a.r) ?? lastColumn + 1;
          if (column > EXCEL_MAX_COLUMN) throw expandsTooMuch();
          lastColumn = column;
          type = a.t ?? 'n';
          style = a.s ? Number(a.s) : 0;
          value = null;
          inline = null;
          break;
        case 'v':
          capture = true;
          text = '';
          break;
        case 'is':
          inInline = true;
          inline = '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inInline && !phonetic) {
            capture = true;
            text = '';
          }
          break;
      }
    },
    close(name) {
      if (!inData) return;
      switch (name) {
        case 'v':
          if (capture) value = text;
          capture = false;
          break;
        case 't':
          if (capture) inline = (inline ?? '') + text;
          capture = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c': {
          if (!row) break;
          const cell = cellValue();
          if (column > MAX_COLUMNS) {
            // Past the columns kept only empty cells may be.
            if (cell !== null && cell !== '') throw rowTooLong(row.number);
            break;
          }
          while (row.cells.length < column - 1) row.cells.push(null);
          row.cells[column - 1] = cell;
          break;
        }
        case 'row':
          if (row) out.push(boundedRow(row));
          row = null;
          break;
        case 'sheetData':
          inData = false;
          state.finished = true;
          break;
      }
    },
    text(t) {
      if (!capture) return;
      text += t;
      if (text.length + (inline?.length ?? 0) > MAX_RAW_CELL_CHARS) throw rowTooLong(row?.number ?? lastRow);
    },
  };
  return { handlers, state };
}

/** The rows of a worksheet, given out as each chunk of it is parsed; stops at the end of sheetData. */
async function* sheetRows(file: string, entry: ZipEntry, strings: SharedStrings, dateStyles: boolean[], date1904: boolean, options: XlsxOptions): AsyncGenerator<SheetRow> {
  const out: SheetRow[] = [];
  const { handlers, state } = sheetReader(strings, dateStyles, date1904, out);
  const parser = xmlParser(handlers);
  // Leaving the loop early (the end of sheetData, or the caller stopping) closes the part.
  for await (const text of partText(file, entry, 'sheet', options)) {
    parser.write(text);
    if (out.length) yield* out.splice(0);
    if (state.finished) return;
  }
  parser.close();
  yield* out.splice(0);
}

/**
 * Opens an uploaded XLSX: reads its zip directory, workbook, relationships, styles and shared
 * strings (FileTooLarge beyond a limit, BadZip or another Error when it is not a readable
 * workbook), then gives the first worksheet's rows. A workbook without a worksheet has no rows.
 */
export async function openXlsx(file: string, options: XlsxOptions = {}): Promise<{ rows: () => AsyncGenerator<SheetRow> }> {
  const entries = await centralDirectory(file);
  // Part names are case-insensitive (OPC).
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const find: Find = (name) => byName.get(name.toLowerCase());

  const root = await relationships(file, find, '', options);
  const workbookName = ofType(root, '/officeDocument')?.target ?? 'xl/workbook.xml';
  const workbookEntry = find(workbookName);
  if (!workbookEntry) throw new BadZip('no workbook');
  const workbook = await readWorkbook(file, workbookEntry, options);
  const rels = await relationships(file, find, workbookName, options);
  const sheet = workbook.sheets
    .map((id) => rels.get(id))
    .filter((r) => r?.type.endsWith('/worksheet'))
    .map((r) => find(r?.target ?? ''))
    .find(Boolean);
  // Styles and shared strings are one each per workbook: where the relationships say, else by their usual names.
  const beside = (name: string) => path.posix.join(path.posix.dirname(workbookName), name);
  const stylesEntry = find(ofType(rels, '/styles')?.target ?? beside('styles.xml'));
  const stringsEntry = find(ofType(rels, '/sharedStrings')?.target ?? beside('sharedStrings.xml'));
  // Every declared size within its cap before anything large is inflated.
  if (sheet) checkCap(sheet, 'sheet');
  if (stringsEntry) checkCap(stringsEntry, 'sharedStrings');
  if (stylesEntry) checkCap(stylesEntry, 'other');

  const dateStyles = stylesEntry ? await readDateStyles(file, stylesEntry, options) : [];
  const strings = stringsEntry ? await readSharedStrings(file, stringsEntry, options) : new SharedStrings();
  return {
    rows: async function* () {
      if (sheet) yield* sheetRows(file, sheet, strings, dateStyles, workbook.date1904, options);
    },
  };
}

/** The rows of the first worksheet of the XLSX at `file` (openXlsx, then its rows). */
export async function* xlsxRows(file: string, options: XlsxOptions = {}): AsyncGenerator<SheetRow> {
  yield* (await openXlsx(file, options)).rows();
}
