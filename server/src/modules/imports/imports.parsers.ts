/**
 * Reading an uploaded spreadsheet row by row without holding it in memory: sniffing the format,
 * CSV through csv-parse's stream (UTF-8, UTF-16 either way round, or the legacy Windows-1258 and
 * TCVN3, decoded first: text/encoding.ts; comma, semicolon or tab, whichever the first line uses), and the bounds every row keeps, CSV or XLSX (the XLSX reader is
 * imports.workbook.ts). Each row carries the number a person sees in the spreadsheet.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { ICONV_NAME, type TextEncoding, detectEncoding } from '../../text/encoding.ts';
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
export async function sniff(input: AsyncIterable<Buffer>): Promise<{ format: FileFormat; stream: Readable; empty: boolean }> {
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
  return { format, stream: Readable.from(replay(), { objectMode: false }), empty: head.length === 0 };
}

/** The delimiter of the first line (outside quotes): the most frequent of , ; and tab. */
function delimiterOf(text: string): string {
  const counts = new Map([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

/** How much of a CSV is looked at to tell its encoding. */
const ENCODING_SAMPLE = 64 * 1024;

/** A CSV in an encoding that is not converted (VNI, or none that gives Vietnamese text). */
export class UnsupportedEncoding extends Error {
  constructor(readonly kind: 'vni' | 'unknown') {
    super(`unsupported encoding: ${kind}`);
  }
}

/**
 * The rows of a CSV in any encoding text/encoding.ts detects, decoded to Unicode (NFC) before
 * csv-parse sees them; `onEncoding` hears which one it was.
 */
export async function* csvRows(input: Readable, onEncoding: (encoding: TextEncoding) => void = () => {}): AsyncGenerator<SheetRow> {
  const iterator = input[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = false;
  while (size < ENCODING_SAMPLE) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    chunks.push(next.value as Buffer);
    size += (next.value as Buffer).length;
  }
  const head = Buffer.concat(chunks);
  if (!head.length) return;
  const detected = detectEncoding(head, complete);
  if ('refused' in detected) throw new UnsupportedEncoding(detected.refused);
  const { encoding } = detected;
  onEncoding(encoding);
  const legacy = encoding === 'windows1258' || encoding === 'tcvn3';
  const bytes = Readable.from(
    (async function* () {
      yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Buffer;
    })(),
  );
  // iconv-lite's stream decoder keeps a character cut between chunks whole.
  const text = encoding === 'utf8' ? bytes : (bytes.pipe(iconv.decodeStream(ICONV_NAME[encoding])) as unknown as Readable);
  if (text !== bytes) bytes.on('error', (err) => text.destroy(err));
  const delimiter = delimiterOf(iconv.decode(head.subarray(0, 4096), ICONV_NAME[encoding]));
  const parser = parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true, info: true, max_record_size: MAX_CSV_RECORD_BYTES });
  text.on('error', (err) => parser.destroy(err));
  text.pipe(parser);
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
    // Windows-1258 writes tones as combining marks: compose them, as every other source is.
    yield boundedRow({ number: info.records, cells: legacy ? record.map((c) => c.normalize('NFC')) : record });
  }
}
