/**
 * An uploaded XLSX, unzipped under guard. The upload is kept in a temporary file; its central
 * directory is read and every declared size checked against the limits (no ZIP64, no encryption,
 * no entry outside the file, 512 MiB in all). A part is then inflated only when the reader
 * (imports.workbook.ts) asks for it, with the cap of its role (shared strings, worksheet, other)
 * checked on the declared size first and on the bytes actually produced (declared sizes can lie).
 * Its XML is scanned as it streams, before any parser sees it, for what would make a parser hold
 * or build without bound: shared strings and runs, columns declared (`<col max>`), a row, a text,
 * a comment or CDATA section too long, a document type declaration.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream';
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

/** A file that is not a readable zip or workbook (answered 400 as an unreadable file). */
export class BadZip extends Error {}

export interface ZipEntry {
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
      if (total > MAX_XLSX_EXPANDED_BYTES) throw expandsTooMuch();
      entries.push({ name, method, compressedSize, size, localOffset });
    }
    return entries;
  } finally {
    await fd.close();
  }
}

/** What a part is read as, and the most it may expand to. */
export type PartKind = 'sharedStrings' | 'sheet' | 'other';
const CAPS: Record<PartKind, number> = { sharedStrings: MAX_SHARED_STRINGS_BYTES, sheet: MAX_SHEET_BYTES, other: MAX_PART_BYTES };

/** FileTooLarge when the part declares more than its kind may hold. */
export function checkCap(entry: ZipEntry, kind: PartKind) {
  if (entry.size > CAPS[kind]) throw expandsTooMuch();
}

const EMPTY = Buffer.alloc(0);
const isEnd = (b: number | undefined) => b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
const at = (buf: Buffer, i: number, text: string) => {
  for (let k = 0; k < text.length; k++) if (buf[i + k] !== text.charCodeAt(k)) return false;
  return true;
};

/** Bytes after a `<` enough to know the tag: `</`, a namespace prefix and the name. */
const LOOKAHEAD = 24;

/** Where the local name of the tag at `i` starts: past `<` or `</` and a prefix (`x:row` is a row). */
function localName(buf: Buffer, i: number): number {
  const start = buf[i + 1] === 0x2f ? i + 2 : i + 1;
  for (let k = start; k < start + 16 && k < buf.length; k++) {
    if (buf[k] === 0x3a) return k + 1;
    if (isEnd(buf[k])) break;
  }
  return start;
}

/**
 * The end (index past it) of the comment, CDATA section or processing instruction at `i`, or -1
 * when it goes on past `buf`. Anything else after `<!` is a document type declaration, which no
 * workbook has (OPC forbids them) and which a parser would hold whole: refused.
 */
function markupEnd(buf: Buffer, i: number): number {
  const end = (terminator: string, from: number) => {
    const k = buf.indexOf(terminator, from, 'latin1');
    return k === -1 ? -1 : k + terminator.length;
  };
  if (buf[i + 1] === 0x3f) return end('?>', i + 2);
  if (at(buf, i, '<!--')) return end('-->', i + 4);
  if (at(buf, i, '<![CDATA[')) return end(']]>', i + 9);
  throw new BadZip('document type declaration');
}

/**
 * Watches the XML of one part as it streams, before the parser sees it, for what a parser would
 * hold or build without bound: shared strings and runs, columns declared (`<col max>`), a row, a
 * text, a comment or a CDATA section too long, a document type declaration. (A cell reference
 * beyond XFD is refused by the reader itself, which makes nothing per column.) Tags split across
 * chunks are carried over (at most a short tag, or a comment up to the text limit).
 */
export function xmlWatcher(kind: PartKind) {
  let carry: Buffer = EMPTY;
  let offset = 0; // bytes of the part before `carry`
  let lastTag = 0;
  let rowStart = -1;
  let strings = 0;
  return (chunk: Buffer) => {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const length = buf.length;
    carry = EMPTY;
    let i = buf.indexOf(0x3c);
    while (i !== -1) {
      const position = offset + i;
      if (position - lastTag > MAX_TEXT_XML_BYTES) throw expandsTooMuch();
      const next = buf[i + 1];
      if (next === 0x21 || next === 0x3f) {
        // A comment, CDATA or instruction may hold `<`: skipped whole, no longer than a text.
        const end = i + 9 <= length ? markupEnd(buf, i) : -1;
        if (end === -1) {
          if (length - i > MAX_TEXT_XML_BYTES) throw expandsTooMuch();
          carry = buf.subarray(i);
          break;
        }
        lastTag = offset + end;
        i = buf.indexOf(0x3c, end);
        continue;
      }
      // The tag's name, and for <row and <col the whole tag: wait for them.
      if (i + LOOKAHEAD >= length) {
        carry = buf.subarray(i);
        break;
      }
      const closing = next === 0x2f;
      const name = localName(buf, i);
      if (kind === 'sharedStrings') {
        if (!closing && ((at(buf, name, 'si') && isEnd(buf[name + 2])) || (at(buf, name, 'r') && isEnd(buf[name + 1])))) {
          if (++strings > MAX_SHARED_STRINGS) throw expandsTooMuch();
        }
      } else if (kind === 'sheet' && (at(buf, name, 'row') || at(buf, name, 'col')) && isEnd(buf[name + 3])) {
        const close = buf.indexOf(0x3e, i);
        if (close === -1) {
          if (length - i > 4096) throw expandsTooMuch();
          carry = buf.subarray(i);
          break;
        }
        if (buf[name] === 0x72 /* r: row */) rowStart = closing || buf[close - 1] === 0x2f ? -1 : position;
        else if (!closing) checkColumns(buf.toString('latin1', i, close));
      }
      if (rowStart >= 0 && position - rowStart > MAX_ROW_XML_BYTES) throw expandsTooMuch();
      lastTag = position;
      // The next tag: a loop over a few bytes of text costs less than a call per tag.
      let k = i + 1;
      while (k < length && buf[k] !== 0x3c) k++;
      i = k < length ? k : -1;
    }
    offset += length - carry.length;
    if (!carry.length && offset - lastTag > MAX_TEXT_XML_BYTES) throw expandsTooMuch();
  };
}

/** `<col min max>`: a parser may make an object per column up to max. */
function checkColumns(tag: string) {
  for (const m of tag.matchAll(/\b(min|max)\s*=\s*["']\s*(\d+)/g)) if (Number(m[2]) > EXCEL_MAX_COLUMN) throw expandsTooMuch();
}

/**
 * The inflated bytes of one part, watched before they are given out, in the pieces zlib makes
 * (or of at most `pieceBytes`, for the tests). FileTooLarge beyond the cap of the part's kind or
 * beyond its declared size; BadZip when the entry is damaged or shorter than declared. Since no
 * part gives more than it declared, and the directory's sizes add up to at most
 * MAX_XLSX_EXPANDED_BYTES, neither do all the parts read together. Stopping early closes the file.
 */
export async function* partBytes(path: string, entry: ZipEntry, kind: PartKind, pieceBytes?: number): AsyncGenerator<Buffer> {
  checkCap(entry, kind);
  const fd = await fs.promises.open(path, 'r');
  let local: Buffer;
  try {
    local = await readAt(fd, entry.localOffset, 30);
  } finally {
    await fd.close();
  }
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new BadZip('bad local header');
  const dataStart = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const watch = xmlWatcher(kind);
  let produced = 0;
  if (entry.compressedSize > 0) {
    const raw = fs.createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1, highWaterMark: 64 * 1024 });
    const source = entry.method === 8 ? pipeline(raw, zlib.createInflateRaw({ chunkSize: 64 * 1024 }), () => {}) : raw;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        produced += chunk.length;
        // More than declared is a lie (the declared size is within the cap).
        if (produced > entry.size) throw expandsTooMuch();
        const step = pieceBytes ?? chunk.length;
        for (let from = 0; from < chunk.length; from += step) {
          const piece = step === chunk.length ? chunk : chunk.subarray(from, from + step);
          watch(piece);
          yield piece;
        }
      }
    } finally {
      raw.destroy();
      if (source !== raw) source.destroy();
    }
  }
  if (produced !== entry.size) throw new BadZip('entry shorter than declared');
}

export { FileTooLarge };
