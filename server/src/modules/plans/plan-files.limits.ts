/**
 * How much a plan file may be and cost to read. A plan is 5–30 pages: its Word document is tens
 * of kilobytes, its PDF a few hundred, its scan a few megabytes a page. Every limit sits far above
 * that and far below what would hurt a two-core server (docs/security.md, "Plan files").
 */
import { type Said, say } from '@ytcs/common';
import { AppError } from '../../errors.ts';

export interface PlanFileLimits {
  /** Bytes of an upload. */
  fileBytes: number;
  /** Parts (entries) of a Word document's zip: Word writes 10–30. */
  docxEntries: number;
  /** Bytes of the XML parts of a Word document once inflated (its pictures are not read). */
  docxXmlBytes: number;
  /** How much one part may inflate relative to its compressed size: XML compresses 5–20 times. */
  docxRatio: number;
  /** Pages of a PDF read for its text. */
  pdfPages: number;
  /** Pages read by OCR in one file (each takes 2–5 s of one core). */
  ocrPages: number;
  /** Pixels of an image given to OCR (a 12-megapixel photo is 12,000,000). */
  imagePixels: number;
  /** Characters of text a file may give: what POST /api/plans/draft takes. */
  textChars: number;
  /** Seconds for pdfinfo, pdftotext, and the Word document's reading. */
  readSeconds: number;
  /** Seconds for one page: pdftoppm renders it, then Tesseract reads it. */
  pageSeconds: number;
  /** Bytes a tool may print: pdftotext's text, Tesseract's words. */
  toolOutputBytes: number;
  /** Scans waiting for the OCR queue beyond the one being read. */
  ocrWaiting: number;
  /** Readings one user may have queued or running at once. */
  perUser: number;
  /** Minutes a finished reading is kept for its page to fetch. */
  keepMinutes: number;
}

export const PLAN_FILE_LIMITS: PlanFileLimits = {
  fileBytes: 30 * 1024 * 1024,
  docxEntries: 1_000,
  docxXmlBytes: 32 * 1024 * 1024,
  docxRatio: 200,
  pdfPages: 200,
  ocrPages: 40,
  imagePixels: 50_000_000,
  textChars: 500_000,
  readSeconds: 30,
  pageSeconds: 90,
  toolOutputBytes: 32 * 1024 * 1024,
  ocrWaiting: 4,
  perUser: 2,
  keepMinutes: 30,
};

/** Resolution pages of a scanned PDF are rendered at for OCR (what Tesseract reads best). */
export const OCR_DPI = 300;
/** The longer side of a rendered page at most, in pixels: A4 at 300 dpi; a poster is scaled down to it. */
export const OCR_PAGE_PIXELS = 3508;
/** Below this many letters a PDF page has no text layer worth reading: it is a scan. */
export const TEXT_PAGE_LETTERS = 40;

/** A file the server cannot read: 400, naming what is wrong with it. */
export const unreadable = (said: Said) => new AppError(400, 'unreadable_file', said, [{ field: 'file', ...said }]);
/** A file beyond a limit: 413. */
export const tooBig = (said: Said) => new AppError(413, 'too_large', said, [{ field: 'file', ...said }]);
/** A file that took too long to read: 422 (the file, not the server, is the problem). */
export const tooSlow = (seconds: number) => new AppError(422, 'unreadable_file', say('plans.files.timeout', { seconds }), [{ field: 'file', ...say('plans.files.timeout', { seconds }) }]);

/** The Debian packages that give each tool. */
export const TOOL_PACKAGES = {
  pdfinfo: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  tesseract: 'tesseract-ocr tesseract-ocr-vie',
  'tesseract-vie': 'tesseract-ocr-vie',
} as const;
export type Tool = keyof typeof TOOL_PACKAGES;

/** A tool this file needs is not installed: 503, naming the package to install. */
export const toolMissing = (tool: Tool) =>
  new AppError(503, 'tool_missing', say('plans.files.toolMissing', { tool: tool === 'tesseract-vie' ? 'tesseract (vie)' : tool, packages: TOOL_PACKAGES[tool] }));
