/**
 * Reading an uploaded spreadsheet row by row without holding it in memory: sniffing the format,
 * CSV through csv-parse's stream (UTF-8 or UTF-16 with a BOM; comma, semicolon or tab, whichever
 * the first line uses), and the bounds every row keeps, CSV or XLSX (the XLSX reader is
 * imports.workbook.ts). Each row carries the number a person sees in the spreadsheet.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_CSV_RECORD_BYTES, MAX_ROW_CHARS, rowTooLong } from './imports.limits.ts';
import type { Cell } from './imports.values.ts';

export interface SheetRow {
  number: number;
  cells: Cell[];
}

/**
 * A row within the limits, or FileTooLarge naming it: cells past MAX_COLUMNS are dropped only
 * when empty, and no cell or row may be longer than a register's ever is.
 */
export function boundedRow(row: SheetRow): SheetRow {
  let last = row.cells.length;
  while (last > 0 && (row.cells[last - 1] === null || row.cells[last - 1] === '')) last--;
  if (last > MAX_COLUMNS) throw rowTooLong(row.number);
  // PostgreSQL text cannot hold NUL: it becomes U+FFFD, which the row check reports (imports.rows.ts).
  const cells = (last === row.cells.length ? row.cells : row.cells.slice(0, last)).map((c) => (typeof c === 'string' && c.includes('\u0000') ? c.replaceAll('\u0000', '\uFFFD') : c));
  let chars = 0;
  for (const cell of cells) {
    const length = typeof cell === 'string' ? cell.length : 0;
    if (length > MAX_CELL_CHARS) throw rowTooLong(row.number);
    chars += length;
  }
  if (chars > MAX_ROW_CHARS) throw rowTooLong(row.number);
  return { number: row.number, cells };
}

export type FileFormat = 'csv' | 'xlsx' | 'xls';

/** Looks at the first bytes: a zip is XLSX, an OLE2 file the old .xls, anything else CSV. */
export async function sniff(input: AsyncIterable<Buffer>): Promise<{ format: FileFormat; stream: Readable }> {
  const iterator = input[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  while (size < 4096) {
    const next = await iterator.next();
    if (next.done) break;
    chunks.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(chunks);
  const format: FileFormat = head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
    ? 'xlsx'
    : head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))
      ? 'xls'
      : 'csv';
  async function* replay() {
    if (head.length) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { format, stream: Readable.from(replay(), { objectMode: false }) };
}

/** The delimiter of the first line (outside quotes): the most frequent of , ; and tab. */
function delimiterOf(head: Buffer): string {
  const text = head[0] === 0xff && head[1] === 0xfe ? head.subarray(2).toString('utf16le') : head.toString('utf8');
  const counts = new Map([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

export async function* csvRows(input: Readable): AsyncGenerator<SheetRow> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value as Buffer;
  const parser = parse({ bom: true, delimiter: delimiterOf(head), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true, info: true, max_record_size: MAX_CSV_RECORD_BYTES });
  const source = Readable.from(
    (async function* () {
      yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Buffer;
    })(),
  );
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
    yield boundedRow({ number: info.records, cells: record });
  }
}
