/**
 * Reading a plan file into the text the plan parser reads: readPlanFile() takes an upload (a
 * file on disk and the name it came with) and returns its text and how it was read.
 *
 *  - The kind is told by the file's first bytes, never by its name; the name only chooses which
 *    error to give a file that is not what it claims ("a.docx" of random bytes: not a Word file).
 *  - .txt: UTF-8, or UTF-16 with its byte-order mark; other encodings are refused by name.
 *  - .docx: mammoth, behind a zip guard (plan-files.docx.ts).
 *  - PDF: pdfinfo (pages, password), then `pdftotext -layout`; a page with (almost) no text layer
 *    is a scan and goes to OCR: pdftoppm renders it at 300 dpi, Tesseract reads it (vie).
 *  - PNG, JPEG: Tesseract, after checking the image's size in its header.
 *  - Layout text (PDF or OCR) becomes paragraphs and columns in plan-files.layout.ts.
 *  - Text typed in the old .Vn fonts (TCVN3) is converted; VNI is left, and said to be so.
 *  - A PDF partly scanned is read whole or not at all: without OCR it is refused (503).
 * Every tool runs with a timeout and an output cap, page by page for OCR so progress can be told,
 * and temporary files are removed whatever happens. The OCR step waits for `ocr.acquire`: the
 * caller's queue (one scan at a time per server).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type PlanFileMethod, say } from '@ytcs/common';
import { AppError } from '../../errors.ts';
import iconv from 'iconv-lite';
import { ENCODING_LABEL, ICONV_NAME, detectEncoding } from '../../text/encoding.ts';
import { type LegacyReading, readLegacyVietnamese } from '../../text/legacy-vietnamese.ts';
import { docxText } from './plan-files.docx.ts';
import { type OcrWord, layoutToText, repairOcrText, wordsToLayout } from './plan-files.layout.ts';
import { OCR_DPI, OCR_PAGE_PIXELS, type PlanFileLimits, TEXT_PAGE_LETTERS, tooBig, unreadable } from './plan-files.limits.ts';
import { type PlanTools, ToolFailed, ToolOutputTooLarge } from './plan-files.tools.ts';

export interface PlanUpload {
  /** The uploaded bytes, on disk. */
  path: string;
  /** The name it was sent with (shown in messages). */
  name: string;
}

export interface PlanFileText {
  text: string;
  method: PlanFileMethod;
  /** Pages of a PDF, 1 for an image, null for Word and text. */
  pages: number | null;
  ocrPages: number;
  /** Mean word confidence of the OCR (0–100), weighted by word length; null without OCR. */
  confidence: number | null;
  /** Text of the old .Vn fonts converted (TCVN3), or an old encoding left as it was (VNI). */
  legacy: Omit<LegacyReading, 'text'>;
}

const NOT_LEGACY: PlanFileText['legacy'] = { converted: null, unreadable: null };

/** The text with TCVN3 converted (readLegacyVietnamese), and what was found. */
function legacyRead(text: string): { text: string; legacy: PlanFileText['legacy'] } {
  const { text: read, ...legacy } = readLegacyVietnamese(text);
  return { text: read, legacy };
}

export interface ReadOptions {
  tools: PlanTools;
  limits: PlanFileLimits;
  signal?: AbortSignal;
  /** Waits for the OCR queue (`pages` to read); resolves with the release. */
  ocr: { acquire(pages: number): Promise<() => void> };
  /** OCR progress: pages read of those to read. */
  onProgress?(pagesDone: number, pages: number): void;
}

export type FileKind = 'docx' | 'pdf' | 'png' | 'jpeg' | 'text' | 'legacy-word' | 'unknown';

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** The kind of a file from its first bytes. */
export function sniff(head: Buffer): FileKind {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'docx';
  // PDF readers accept the header anywhere in the first kilobyte.
  if (head.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  // A compound file: Word 97–2003, or an encrypted Office document of any age.
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'legacy-word';
  if (startsWith(head, [0xef, 0xbb, 0xbf]) || startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return 'text';
  if (head.length && !head.includes(0) && isUtf8(head)) return 'text';
  // UTF-16 without its mark, or a legacy Vietnamese encoding: decodeText converts it or names it.
  const encoding = head.length ? detectEncoding(head) : null;
  if (encoding && ('encoding' in encoding || encoding.refused === 'vni')) return 'text';
  return 'unknown';
}

/** Valid UTF-8, allowing a character cut at the end of the sample. */
function isUtf8(bytes: Buffer): boolean {
  for (let cut = 0; cut < 4 && cut < bytes.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      // try without the last bytes
    }
  }
  return false;
}

/** What a file that is none of the kinds read is told, by the kind its name claims. */
function notWhatItClaims(name: string) {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.docx') return unreadable(say('plans.files.notDocx', { name }));
  if (ext === '.pdf') return unreadable(say('plans.files.notPdf', { name }));
  if (['.png', '.jpg', '.jpeg'].includes(ext)) return unreadable(say('plans.files.notImage', { name }));
  if (ext === '.txt') return unreadable(say('plans.files.notText', { name }));
  if (ext === '.doc') return unreadable(say('plans.files.legacyWord', { name }));
  return unreadable(say('plans.files.unknownType', { name }));
}

/**
 * Plain text in any encoding the residents' importer reads (text/encoding.ts): Unicode as it is,
 * Windows-1258 and TCVN3 (old Vietnamese software) converted and said, VNI and the rest refused by
 * name, never read as mojibake.
 */
export function decodeText(bytes: Buffer, name: string): { text: string; converted: LegacyReading['converted'] } {
  const found = detectEncoding(bytes, true);
  if ('refused' in found) throw unreadable(say(found.refused === 'vni' ? 'plans.files.encodingVni' : 'plans.files.notText', { name }));
  const text = iconv.decode(bytes, ICONV_NAME[found.encoding]).normalize('NFC');
  if (text.includes('\u0000')) throw unreadable(say('plans.files.notText', { name }));
  const converted = found.encoding === 'windows1258' || found.encoding === 'tcvn3' ? ENCODING_LABEL[found.encoding] : null;
  return { text, converted };
}

/** An image's width and height from its header, or null when the header is not readable. */
export function imageSize(head: Buffer, kind: 'png' | 'jpeg'): { width: number; height: number } | null {
  if (kind === 'png') return head.length >= 24 ? { width: head.readUInt32BE(16), height: head.readUInt32BE(20) } : null;
  let at = 2;
  while (at + 9 < head.length) {
    if (head[at] !== 0xff) return null;
    const marker = head[at + 1] ?? 0;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    // Start of frame (baseline, progressive, …): height then width.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: head.readUInt16BE(at + 5), width: head.readUInt16BE(at + 7) };
    at += 2 + head.readUInt16BE(at + 2);
  }
  return null;
}

/** Tesseract's TSV: the words, and their confidences weighted by length. */
export function readTsv(tsv: string): { words: OcrWord[]; confidence: number | null } {
  const words: OcrWord[] = [];
  let weighted = 0;
  let letters = 0;
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    const text = (c[11] ?? '').trim();
    if (c[0] !== '5' || !text) continue;
    const conf = Number(c[10]);
    words.push({ block: Number(c[2]), paragraph: Number(c[3]), line: Number(c[4]), left: Number(c[6]), top: Number(c[7]), width: Number(c[8]), height: Number(c[9]), text, confidence: conf });
    if (conf >= 0) {
      weighted += conf * text.length;
      letters += text.length;
    }
  }
  return { words, confidence: letters ? weighted / letters : null };
}

const letterCount = (text: string) => (text.match(/\p{L}/gu) ?? []).length;

async function head(file: string, bytes: number): Promise<Buffer> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await fd.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await fd.close();
  }
}

function checkLength(text: string, limits: PlanFileLimits, name: string): string {
  if (text.length > limits.textChars) throw tooBig(say('plans.files.tooMuchText', { max: limits.textChars }));
  if (text.replace(/\s+/g, '').length < 20) throw unreadable(say('plans.files.noText', { name }));
  return text;
}

/** A tool's failure as what to tell the person who sent the file. */
function toolError(err: unknown, name: string, limits: PlanFileLimits): unknown {
  if (err instanceof ToolOutputTooLarge) return tooBig(say('plans.files.tooMuchText', { max: limits.textChars }));
  if (err instanceof ToolFailed) return unreadable(say('plans.files.toolFailed', { name, tool: err.tool }));
  return err;
}

interface PdfInfo {
  pages: number;
}

async function pdfInfo(upload: PlanUpload, o: ReadOptions): Promise<PdfInfo> {
  await o.tools.require('pdfinfo');
  let out: string;
  try {
    out = (await o.tools.run('pdfinfo', [upload.path], { timeoutMs: o.limits.readSeconds * 1000, maxBytes: 1024 * 1024, signal: o.signal })).stdout;
  } catch (err) {
    if (err instanceof ToolFailed) {
      if (/incorrect password|encrypted/i.test(err.stderr)) throw unreadable(say('plans.files.pdfEncrypted', { name: upload.name }));
      throw unreadable(say('plans.files.pdfBroken', { name: upload.name }));
    }
    throw toolError(err, upload.name, o.limits);
  }
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  if (!Number.isInteger(pages) || pages < 1) throw unreadable(say('plans.files.pdfBroken', { name: upload.name }));
  if (pages > o.limits.pdfPages) throw tooBig(say('plans.files.tooManyPages', { pages, max: o.limits.pdfPages }));
  return { pages };
}

/** Each page's layout text; pages whose text copying is forbidden come back empty (they get OCR). */
async function pdfPagesText(upload: PlanUpload, pages: number, o: ReadOptions): Promise<string[]> {
  await o.tools.require('pdftotext');
  try {
    const { stdout } = await o.tools.run('pdftotext', ['-layout', '-enc', 'UTF-8', '-eol', 'unix', '-f', '1', '-l', String(pages), upload.path, '-'], {
      timeoutMs: o.limits.readSeconds * 1000,
      maxBytes: o.limits.toolOutputBytes,
      signal: o.signal,
    });
    const split = stdout.split('\f');
    return Array.from({ length: pages }, (_, i) => split[i] ?? '');
  } catch (err) {
    if (err instanceof ToolFailed && /copying of text from this document is not allowed/i.test(err.stderr)) return Array.from({ length: pages }, () => '');
    if (err instanceof ToolFailed && /incorrect password/i.test(err.stderr)) throw unreadable(say('plans.files.pdfEncrypted', { name: upload.name }));
    throw toolError(err, upload.name, o.limits);
  }
}

async function ocrImage(file: string, upload: PlanUpload, o: ReadOptions, dpi?: number) {
  const args = [file, 'stdout', '-l', 'vie', '--psm', '3', ...(dpi ? ['--dpi', String(dpi)] : []), 'tsv'];
  try {
    const { stdout } = await o.tools.run('tesseract', args, { timeoutMs: o.limits.pageSeconds * 1000, maxBytes: o.limits.toolOutputBytes, signal: o.signal });
    return readTsv(stdout);
  } catch (err) {
    throw toolError(err, upload.name, o.limits);
  }
}

/** The pages of a PDF without a text layer, read by OCR one by one (each rendered, read, removed). */
async function ocrPdfPages(upload: PlanUpload, pageNumbers: number[], o: ReadOptions) {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ytcs-ocr-'));
  const results = new Map<number, ReturnType<typeof readTsv>>();
  try {
    for (const [done, page] of pageNumbers.entries()) {
      if (o.signal?.aborted) throw o.signal.reason;
      const prefix = path.join(dir, `page-${page}`);
      try {
        await o.tools.run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(OCR_DPI), '-scale-to', String(OCR_PAGE_PIXELS), '-gray', '-png', '-singlefile', upload.path, prefix], {
          timeoutMs: o.limits.pageSeconds * 1000,
          maxBytes: 1024 * 1024,
          signal: o.signal,
        });
      } catch (err) {
        throw toolError(err, upload.name, o.limits);
      }
      results.set(page, await ocrImage(`${prefix}.png`, upload, o, OCR_DPI));
      await fs.promises.rm(`${prefix}.png`, { force: true });
      o.onProgress?.(done + 1, pageNumbers.length);
    }
    return results;
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** Mean confidence of several pages, weighted by their words. */
function meanConfidence(pages: ReturnType<typeof readTsv>[]): number | null {
  let sum = 0;
  let weight = 0;
  for (const p of pages) {
    if (p.confidence === null) continue;
    const w = p.words.reduce((n, word) => n + word.text.length, 0);
    sum += p.confidence * w;
    weight += w;
  }
  return weight ? Math.round((sum / weight) * 10) / 10 : null;
}

async function readPdf(upload: PlanUpload, o: ReadOptions): Promise<PlanFileText> {
  const { pages } = await pdfInfo(upload, o);
  // A PDF printed from a .Vn-font document gives TCVN3 as Latin-1: converted before anything reads it.
  const { text: pagesRead, legacy } = legacyRead((await pdfPagesText(upload, pages, o)).join('\f'));
  const layout = pagesRead.split('\f');
  const scanned = layout.map((text, i) => ({ page: i + 1, letters: letterCount(text) })).filter((p) => p.letters < TEXT_PAGE_LETTERS);
  if (!scanned.length) return { text: checkLength(layoutToText(layout), o.limits, upload.name), method: 'pdf-text', pages, ocrPages: 0, confidence: null, legacy };
  if (scanned.length > o.limits.ocrPages) throw tooBig(say('plans.files.tooManyScannedPages', { pages: scanned.length, max: o.limits.ocrPages }));
  try {
    await o.tools.require('pdftoppm');
    await o.tools.require('tesseract-vie');
  } catch (err) {
    // Reading only the text pages would drop the scanned ones unnoticed (targets, tasks, the
    // signature): refuse, naming the pages, so the file is sent again once OCR is installed.
    if (err instanceof AppError && err.code === 'tool_missing' && scanned.length < pages) {
      const { tool, packages } = (err.said.params ?? {}) as { tool: string; packages: string };
      throw new AppError(503, 'tool_missing', say('plans.files.scannedPagesNeedOcr', { name: upload.name, pages: scanned.map((p) => p.page).join(', '), tool, packages }));
    }
    throw err;
  }
  const release = await o.ocr.acquire(scanned.length);
  let read: Map<number, ReturnType<typeof readTsv>>;
  try {
    read = await ocrPdfPages(
      upload,
      scanned.map((p) => p.page),
      o,
    );
  } finally {
    release();
  }
  const pagesText = layout.map((text, i) => {
    const ocr = read.get(i + 1);
    return ocr ? repairOcrText(wordsToLayout(ocr.words)) : text;
  });
  const text = repairOcrText(layoutToText(pagesText));
  return { text: checkLength(text, o.limits, upload.name), method: 'ocr', pages, ocrPages: scanned.length, confidence: meanConfidence([...read.values()]), legacy };
}

async function readImage(upload: PlanUpload, kind: 'png' | 'jpeg', first: Buffer, o: ReadOptions): Promise<PlanFileText> {
  const size = imageSize(first, kind);
  if (!size?.width || !size.height) throw unreadable(say('plans.files.notImage', { name: upload.name }));
  const pixels = size.width * size.height;
  if (pixels > o.limits.imagePixels) throw tooBig(say('plans.files.imageTooLarge', { megapixels: Math.round(pixels / 1e6), max: Math.round(o.limits.imagePixels / 1e6) }));
  await o.tools.require('tesseract-vie');
  const release = await o.ocr.acquire(1);
  let page: ReturnType<typeof readTsv>;
  try {
    page = await ocrImage(upload.path, upload, o);
    o.onProgress?.(1, 1);
  } finally {
    release();
  }
  const text = repairOcrText(layoutToText([repairOcrText(wordsToLayout(page.words))]));
  return { text: checkLength(text, o.limits, upload.name), method: 'ocr', pages: 1, ocrPages: 1, confidence: meanConfidence([page]), legacy: NOT_LEGACY };
}

/** The text of an uploaded plan file, and how it was read; throws what is wrong with the file. */
export async function readPlanFile(upload: PlanUpload, o: ReadOptions): Promise<PlanFileText> {
  const size = (await fs.promises.stat(upload.path)).size;
  if (size === 0) throw unreadable(say('plans.files.empty', { name: upload.name }));
  if (size > o.limits.fileBytes) throw tooBig(say('plans.files.tooLarge', { megabytes: Math.round(o.limits.fileBytes / 1024 / 1024) }));
  const first = await head(upload.path, 64 * 1024);
  const kind = sniff(first);
  switch (kind) {
    case 'text': {
      const decoded = decodeText(await fs.promises.readFile(upload.path), upload.name);
      const { text, legacy } = decoded.converted ? { text: decoded.text, legacy: { converted: decoded.converted, unreadable: null } } : legacyRead(decoded.text);
      return { text: checkLength(text, o.limits, upload.name), method: 'text', pages: null, ocrPages: 0, confidence: null, legacy };
    }
    case 'docx': {
      const docx = await docxText(await fs.promises.readFile(upload.path), upload.name, o.limits);
      if (!docx.text.replace(/\s+/g, '') && docx.images > 0) throw unreadable(say('plans.files.docxImagesOnly', { name: upload.name }));
      // Fonts named in the document decide run by run; without them (fonts from a theme), the whole text.
      const { text, legacy } = docx.legacy.converted || docx.legacy.unreadable ? docx : legacyRead(docx.text);
      return { text: checkLength(text, o.limits, upload.name), method: 'docx', pages: null, ocrPages: 0, confidence: null, legacy };
    }
    case 'pdf':
      return readPdf(upload, o);
    case 'png':
    case 'jpeg':
      return readImage(upload, kind, first, o);
    case 'legacy-word':
      throw unreadable(say('plans.files.legacyWord', { name: upload.name }));
    default:
      throw notWhatItClaims(upload.name);
  }
}

export { AppError };
