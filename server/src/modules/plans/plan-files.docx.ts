/**
 * A Word document (.docx) as the plan parser's text. The zip is opened under guard before mammoth
 * sees it: its directory is read and checked (entries, declared sizes, expansion ratio, no
 * encryption, no ZIP64), then only its XML parts are inflated — each capped at its declared size,
 * so a part that lies about its size stops at once — and handed to mammoth re-packed, without the
 * pictures. Word's automatic list numbers ("I.", "1.", "a)", "-"), which live in numbering.xml
 * and not in the text, are written into their paragraphs first, since the parser reads the
 * plan's structure from them (plan-files.numbering.ts), and runs in the old .Vn fonts are
 * converted from TCVN3 (plan-files.vnfonts.ts). mammoth then gives the document as a tree: each paragraph is a
 * line; a table row whose cells are short (the header: issuer and number | motto, place and date)
 * keeps its cells side by side, line by line, a tab between them; a row of long cells (recipients
 * beside the signature) gives one cell after the other, as layoutToText() does for PDFs.
 */
import zlib from 'node:zlib';
import mammoth from 'mammoth';
import { say } from '@ytcs/common';
import { type PlanFileLimits, tooBig, unreadable } from './plan-files.limits.ts';
import { SIDE_BY_SIDE_LINES } from './plan-files.layout.ts';
import { withListLabels } from './plan-files.numbering.ts';
import { withVnFontsConverted } from './plan-files.vnfonts.ts';
import type { LegacyReading } from '../../text/legacy-vietnamese.ts';
import { zipSync } from 'fflate';

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

class BadDocx extends Error {}

/** The zip's directory, each entry checked against the limits. */
function directory(zip: Buffer, limits: PlanFileLimits, expands: () => Error): ZipEntry[] {
  const tail = zip.subarray(Math.max(0, zip.length - 22 - 0xffff));
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) throw new BadDocx('no end of central directory');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  // ZIP64 is for files of gigabytes or 65,535 parts: never a plan.
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff || count > limits.docxEntries) throw expands();
  if (cdOffset + cdSize > zip.length) throw new BadDocx('central directory outside the file');
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cdOffset + cdSize || zip.readUInt32LE(at) !== 0x02014b50) throw new BadDocx('bad central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    };
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw expands();
    if (entry.localOffset + 30 + entry.compressedSize > cdOffset) throw new BadDocx('entry outside the file');
    entries.push(entry);
  }
  return entries;
}

const isXml = (name: string) => /\.(xml|rels)$/i.test(name);

/** The XML parts, inflated within their declared sizes and the limits. */
function xmlParts(zip: Buffer, entries: ZipEntry[], limits: PlanFileLimits, expands: () => Error): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  let total = 0;
  for (const entry of entries.filter((e) => isXml(e.name))) {
    // Encrypted parts (bit 0) are unreadable; Word encrypts a whole document differently (see legacyWord).
    if (entry.flags & 0x1) throw new BadDocx('encrypted entry');
    if (entry.method !== 0 && entry.method !== 8) throw new BadDocx('compression method');
    total += entry.size;
    if (total > limits.docxXmlBytes) throw expands();
    if (entry.size > 1024 * 1024 && entry.size / Math.max(1, entry.compressedSize) > limits.docxRatio) throw expands();
    if (zip.readUInt32LE(entry.localOffset) !== 0x04034b50) throw new BadDocx('bad local header');
    const start = entry.localOffset + 30 + zip.readUInt16LE(entry.localOffset + 26) + zip.readUInt16LE(entry.localOffset + 28);
    const raw = zip.subarray(start, start + entry.compressedSize);
    let data: Buffer;
    if (entry.method === 0) data = raw;
    else {
      try {
        // One byte more than declared is enough to know the declaration lied.
        data = zlib.inflateRawSync(raw, { maxOutputLength: entry.size + 1 });
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw expands();
        throw new BadDocx('inflate');
      }
    }
    if (data.length !== entry.size) {
      if (data.length > entry.size) throw expands();
      throw new BadDocx('entry shorter than declared');
    }
    parts.set(entry.name, data);
  }
  return parts;
}

/** The parts as a zip of stored (uncompressed) entries: what mammoth opens. */
function storedZip(parts: Map<string, Buffer>): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(parts), { level: 0 }));
}

// --- mammoth's tree as text --------------------------------------------------------------------

interface Node {
  type: string;
  children?: Node[];
  value?: string;
  breakType?: string;
}

function inline(node: Node, out: { text: string; images: number }) {
  switch (node.type) {
    case 'text':
      out.text += node.value ?? '';
      return;
    case 'tab':
      out.text += '\t';
      return;
    case 'break':
      out.text += '\n';
      return;
    case 'image':
      out.images++;
      return;
    default:
      for (const child of node.children ?? []) inline(child, out);
  }
}

/** The lines of a run of blocks (paragraphs and tables). */
function blockLines(nodes: Node[], counts: { images: number }): string[] {
  const lines: string[] = [];
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      const out = { text: '', images: 0 };
      for (const child of node.children ?? []) inline(child, out);
      counts.images += out.images;
      lines.push(...out.text.split('\n').map((l) => l.replace(/[ \u00a0]+$/g, '')));
    } else if (node.type === 'table') {
      if (lines.length && lines.at(-1) !== '') lines.push('');
      for (const row of node.children ?? []) lines.push(...rowLines(row, counts), '');
    } else if (node.children) lines.push(...blockLines(node.children, counts));
  }
  return lines;
}

function rowLines(row: Node, counts: { images: number }): string[] {
  const cells = (row.children ?? []).map((cell) => blockLines(cell.children ?? [], counts).filter((l) => l.trim()));
  const filled = cells.filter((c) => c.length);
  if (filled.length <= 1) return filled[0] ?? [];
  if (filled.every((c) => c.length <= SIDE_BY_SIDE_LINES)) {
    const height = Math.max(...filled.map((c) => c.length));
    return Array.from({ length: height }, (_, i) => filled.map((c) => (c[i] ?? '').replace(/\t/g, ' ')).join('\t'));
  }
  return filled.flatMap((c, i) => (i ? ['', ...c] : c));
}

export interface DocxText {
  text: string;
  images: number;
  /** Runs in the old .Vn fonts converted, or VNI ones left as they were (plan-files.vnfonts.ts). */
  legacy: Omit<LegacyReading, 'text'>;
}

/** A .docx file's text; throws the reason it cannot be read (400/413). */
export async function docxText(file: Buffer, name: string, limits: PlanFileLimits): Promise<DocxText> {
  const expands = () => tooBig(say('plans.files.docxExpands', { name, megabytes: Math.round(limits.docxXmlBytes / 1024 / 1024), entries: limits.docxEntries }));
  let parts: Map<string, Buffer>;
  try {
    const entries = directory(file, limits, expands);
    const names = new Set(entries.map((e) => e.name));
    if (!names.has('word/document.xml')) throw unreadable(say('plans.files.zipNotWord', { name }));
    parts = xmlParts(file, entries, limits, expands);
  } catch (err) {
    if (err instanceof BadDocx) throw unreadable(say('plans.files.docxBroken', { name }));
    throw err;
  }
  const styles = parts.get('word/styles.xml')?.toString('utf8');
  const labelled = withListLabels(parts.get('word/document.xml')?.toString('utf8') ?? '', parts.get('word/numbering.xml')?.toString('utf8'), styles);
  const { xml, legacy } = withVnFontsConverted(labelled, styles);
  parts.set('word/document.xml', Buffer.from(xml));
  let tree: Node | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: storedZip(parts) },
      {
        // The tree is all we need: keep it, and give the HTML writer nothing to do.
        transformDocument: (document: Node) => {
          tree = document;
          return { ...document, children: [] };
        },
      } as unknown as Parameters<typeof mammoth.convertToHtml>[1],
    );
  } catch {
    throw unreadable(say('plans.files.docxBroken', { name }));
  }
  const counts = { images: 0 };
  const lines = blockLines((tree as Node | null)?.children ?? [], counts);
  const text = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, images: counts.images, legacy };
}
