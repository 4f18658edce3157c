/**
 * An uploaded XLSX, unzipped under guard before exceljs sees it. The upload is kept in a temporary
 * file; its central directory is read and every declared size checked against the limits (no
 * ZIP64, no encryption, no entry outside the file). Then the parts exceljs needs — relationships,
 * workbook, shared strings, styles, first worksheet, in that order — are inflated here, counting
 * the bytes actually produced (declared sizes can lie) and scanning the XML for what would make
 * exceljs allocate without bound (shared strings, `<col max>`, cell references, long rows and
 * texts). exceljs reads them re-packed as a stored zip of exactly the declared sizes; on the
 * first limit crossed the stream ends and `failure()` says why.
 */
import fs from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import {
  EXCEL_MAX_COLUMN,
  FileTooLarge,
  MAX_PART_BYTES,
  MAX_ROW_XML_BYTES,
  MAX_SHARED_STRINGS,
  MAX_SHARED_STRINGS_BYTES,
  MAX_SHEET_BYTES,
  MAX_TEXT_XML_BYTES,
  MAX_XLSX_EXPANDED_BYTES,
  MAX_ZIP_ENTRIES,
  expandsTooMuch,
} from './imports.limits.ts';

/** A file that is not a readable zip (answered 400 as an unreadable file). */
export class BadZip extends Error {}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

async function readAt(fd: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await fd.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The central directory, every declared size checked; throws FileTooLarge or BadZip. */
export async function centralDirectory(path: string): Promise<ZipEntry[]> {
  const fd = await fs.promises.open(path, 'r');
  try {
    const fileSize = (await fd.stat()).size;
    const tailLength = Math.min(fileSize, 22 + 0xffff);
    const tail = await readAt(fd, fileSize - tailLength, tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || eocd + 22 > tail.length) throw new BadZip('no end of central directory');
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    // ZIP64 (markers 0xFFFF / 0xFFFFFFFF) is for files of gigabytes or 65,535 entries: never a register.
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw expandsTooMuch();
    if (count > MAX_ZIP_ENTRIES) throw expandsTooMuch();
    if (cdOffset + cdSize > fileSize) throw new BadZip('central directory outside the file');
    const cd = await readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let at = 0;
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) throw new BadZip('bad central directory');
      const flags = cd.readUInt16LE(at + 8);
      const method = cd.readUInt16LE(at + 10);
      const compressedSize = cd.readUInt32LE(at + 20);
      const size = cd.readUInt32LE(at + 24);
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      const commentLength = cd.readUInt16LE(at + 32);
      const localOffset = cd.readUInt32LE(at + 42);
      const name = cd.toString('utf8', at + 46, at + 46 + nameLength);
      at += 46 + nameLength + extraLength + commentLength;
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) throw expandsTooMuch();
      if (flags & 0x1) throw new BadZip('encrypted');
      if (method !== 0 && method !== 8) throw new BadZip('compression method');
      if (localOffset + 30 + compressedSize > cdOffset) throw new BadZip('entry outside the file');
      total += size;
      if (size > capOf(name) || total > MAX_XLSX_EXPANDED_BYTES) throw expandsTooMuch();
      entries.push({ name, method, compressedSize, size, localOffset });
    }
    return entries;
  } finally {
    await fd.close();
  }
}

function capOf(name: string): number {
  if (name === 'xl/sharedStrings.xml') return MAX_SHARED_STRINGS_BYTES;
  if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return MAX_SHEET_BYTES;
  if (name.endsWith('.xml') || name.endsWith('.rels')) return MAX_PART_BYTES;
  return MAX_XLSX_EXPANDED_BYTES; // images and the like: not read, but counted in the total
}

/** The parts exceljs reads, in the order it needs them (shared strings before the sheet, so no temporary files). */
function partsToRead(entries: ZipEntry[]): ZipEntry[] {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const firstSheet = [...entries].sort((a, b) => a.localOffset - b.localOffset).find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
  const names = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
  return [...names.map((n) => byName.get(n)), firstSheet].filter((e): e is ZipEntry => !!e);
}

const isEnd = (b: number | undefined) => b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
const at = (buf: Buffer, i: number, text: string) => {
  for (let k = 0; k < text.length; k++) if (buf[i + k] !== text.charCodeAt(k)) return false;
  return true;
};

/**
 * Watches the XML of one part as it streams, for what makes exceljs allocate per element: shared
 * strings and runs, columns declared (`<col max>`), cell references beyond XFD, a row or a text
 * too long. Tags split across chunks are carried over (at most a short tag).
 */
export function xmlWatcher(kind: 'sharedStrings' | 'sheet' | 'other') {
  let carry: Buffer = Buffer.alloc(0);
  let offset = 0; // bytes of the part before `carry`
  let lastTag = 0;
  let rowStart = -1;
  let strings = 0;
  return (chunk: Buffer) => {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    carry = Buffer.alloc(0);
    let i = buf.indexOf(0x3c);
    while (i !== -1) {
      const position = offset + i;
      if (position - lastTag > MAX_TEXT_XML_BYTES) throw expandsTooMuch();
      // A tag of interest needs its first bytes, and for <c and <col its attributes: wait for them.
      const close = kind === 'sheet' ? buf.indexOf(0x3e, i) : i + 6;
      if (close === -1 || close >= buf.length) {
        if (buf.length - i > 4096) throw expandsTooMuch();
        carry = buf.subarray(i);
        break;
      }
      lastTag = position;
      if (kind === 'sharedStrings') {
        if ((at(buf, i, '<si') && isEnd(buf[i + 3])) || (at(buf, i, '<r') && isEnd(buf[i + 2]))) {
          if (++strings > MAX_SHARED_STRINGS) throw expandsTooMuch();
        }
      } else if (kind === 'sheet') {
        if (at(buf, i, '<row') && isEnd(buf[i + 4])) rowStart = buf[close - 1] === 0x2f ? -1 : position;
        else if (at(buf, i, '</row')) rowStart = -1;
        else if (at(buf, i, '<col') && isEnd(buf[i + 4])) checkColumns(buf.toString('latin1', i, close));
        else if (at(buf, i, '<c') && isEnd(buf[i + 2])) checkReference(buf.toString('latin1', i, close));
        if (rowStart >= 0 && position - rowStart > MAX_ROW_XML_BYTES) throw expandsTooMuch();
      }
      i = buf.indexOf(0x3c, i + 1);
    }
    offset += buf.length - carry.length;
    if (!carry.length && offset - lastTag > MAX_TEXT_XML_BYTES) throw expandsTooMuch();
  };
}

/** `<col min max>`: exceljs creates one object per column up to max. */
function checkColumns(tag: string) {
  for (const m of tag.matchAll(/\b(min|max)\s*=\s*["']\s*(\d+)/g)) if (Number(m[2]) > EXCEL_MAX_COLUMN) throw expandsTooMuch();
}

/** `<c r="…">`: a column beyond XFD gives exceljs a sparse row it walks index by index. */
function checkReference(tag: string) {
  const m = /\br\s*=\s*["']\s*([A-Za-z]*)/.exec(tag);
  const letters = m?.[1] ?? '';
  if (letters.length > 3) throw expandsTooMuch();
  let column = 0;
  for (const ch of letters.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  if (column > EXCEL_MAX_COLUMN) throw expandsTooMuch();
}

function localHeader(name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(10, 4);
  h.writeUInt16LE(0x0800, 6);
  h.writeUInt32LE(size, 18); // stored: compressed = uncompressed
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([h, nameBytes]);
}

const END_OF_DIRECTORY = (() => {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  return b;
})();

/**
 * The guarded XLSX as a stream exceljs can read, and the reason it stopped early, if it did.
 * The stream ends (rather than errors) on a limit: exceljs then sees a cut file and the caller's
 * watchdog gives up at once, asking `failure()`.
 */
export async function guardedXlsx(path: string): Promise<{ stream: Readable; failure: () => Error | null }> {
  const parts = partsToRead(await centralDirectory(path));
  let failure: Error | null = null;
  async function* produce() {
    const fd = await fs.promises.open(path, 'r');
    try {
      let total = 0;
      for (const part of parts) {
        const local = await readAt(fd, part.localOffset, 30);
        if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new BadZip('bad local header');
        const dataStart = part.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
        yield localHeader(part.name, part.size);
        const watch = xmlWatcher(part.name === 'xl/sharedStrings.xml' ? 'sharedStrings' : part.name.startsWith('xl/worksheets/') ? 'sheet' : 'other');
        let produced = 0;
        if (part.compressedSize > 0) {
          const raw = fs.createReadStream(path, { start: dataStart, end: dataStart + part.compressedSize - 1 });
          const source = part.method === 8 ? pipeline(raw, zlib.createInflateRaw(), () => {}) : raw;
          try {
            for await (const chunk of source as AsyncIterable<Buffer>) {
              produced += chunk.length;
              total += chunk.length;
              // More than declared is a lie; more than the limits, too much whatever was declared.
              if (produced > part.size || total > MAX_XLSX_EXPANDED_BYTES) throw expandsTooMuch();
              watch(chunk);
              yield chunk;
            }
          } finally {
            raw.destroy();
            if (source !== raw) source.destroy();
          }
        }
        if (produced !== part.size) throw new BadZip('entry shorter than declared');
      }
      yield END_OF_DIRECTORY;
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
    } finally {
      await fd.close();
    }
  }
  return { stream: Readable.from(produce(), { objectMode: false }), failure: () => failure };
}

export { FileTooLarge };
