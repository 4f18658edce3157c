/**
 * The seed plans (server/data/plans/*.txt) made into the files real plans arrive as, for the plan
 * file tests and scripts/plans/corpus-files.ts: a Word document with the header as a two-column
 * table (issuer side and number | national motto and date) and the recipients beside the
 * signature, the same page as HTML for Chromium to print as a PDF with a text layer, and pages
 * rendered to PNG (a photographed page) or into an image-only PDF (a scanned document).
 * The text is the seed's own: only the motto, which every real plan carries and the reader cuts
 * out, is added; markdown emphasis becomes bold and italic runs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { Browser } from 'playwright-core';
import { asVnFontText } from './legacy-text.ts';

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../data/plans');

export interface Seed {
  /** '000', '001', '004' */
  id: string;
  file: string;
  text: string;
}

export function seeds(): Seed[] {
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ id: file.slice(0, 3), file, text: fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8') }));
}

/** A run of text, bold or italic as the seed's markdown marks it. */
export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
}

export interface PlanLayout {
  /** Header table: the issuer's column (the number) and the motto's column (place and date). */
  header: { left: string[]; right: string[] };
  /** "KẾ HOẠCH" and the title lines after it, centred. */
  title: string[];
  /** Every other line of the body, one paragraph each. */
  body: Run[][];
  /** Closing table: "Nơi nhận:" and the recipients | the signature block, space for the signature, the name. */
  closing: { left: string[]; right: string[] };
}

export const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

const plain = (line: string) => line.replace(/\*\*|__/g, '').replace(/(^|[\s(])\*(\S(?:[^*\n]*\S)?)\*(?=[\s.,;:)]|$)/g, '$1$2').trim();

/** A line's markdown emphasis as runs: **bold**, *italic*. */
function runs(line: string): Run[] {
  const out: Run[] = [];
  const text = line.replace(/\*\*/g, '');
  const re = /(^|[\s(])\*(\S(?:[^*\n]*\S)?)\*(?=[\s.,;:)]|$)/g;
  let at = 0;
  for (const m of text.matchAll(re)) {
    const start = (m.index ?? 0) + (m[1]?.length ?? 0);
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ text: m[2] ?? '', italics: true });
    at = start + (m[2]?.length ?? 0) + 2;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out.map((r) => ({ ...r, text: r.text.replace(/\s+/g, ' ') })).filter((r) => r.text);
}

export function layoutOf(text: string): PlanLayout {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const trimmed = lines.map((l) => plain(l));
  const titleAt = trimmed.indexOf('KẾ HOẠCH');
  const closingAt = trimmed.findIndex((l) => /^Nơi nhận/.test(l));
  if (titleAt < 0 || closingAt < 0) throw new Error('a seed plan has KẾ HOẠCH and Nơi nhận');
  const head = trimmed.slice(0, titleAt).filter(Boolean);
  const isNumber = (l: string) => /^Số\s*:/.test(l);
  const header = { left: head.filter(isNumber), right: [...MOTTO, ...head.filter((l) => !isNumber(l))] };

  // The title runs from KẾ HOẠCH to the first line that ends a sentence or starts the preamble.
  const rest = lines.slice(titleAt + 1, closingAt);
  const title = ['KẾ HOẠCH'];
  let bodyFrom = 0;
  for (let i = 0; i < rest.length; i++) {
    const line = plain(rest[i] ?? '');
    if (!line) continue;
    if (title.length > 1 && /^(Căn cứ|Thực hiện|I\.|Ủy ban)/.test(line)) break;
    title.push(line);
    bodyFrom = i + 1;
    if (/[.:]$/.test(line) || title.length > 4) break;
  }
  const body = rest
    .slice(bodyFrom)
    .filter((l) => plain(l))
    .map(runs);

  const closing = trimmed.slice(closingAt).filter(Boolean);
  const lastBullet = closing.reduce((last, l, k) => (/^-/.test(l) ? k : last), 0);
  const signature = closing.slice(lastBullet + 1);
  return {
    header,
    title,
    body,
    closing: { left: closing.slice(0, lastBullet + 1), right: [...signature.slice(0, -1), '', '', '', signature.at(-1) ?? ''] },
  };
}

// --- Word -------------------------------------------------------------------------------------

const FONT = 'Times New Roman';
const TEXT_WIDTH = 9354; // A4 less 30 mm and 15 mm margins, in twips

/**
 * A run in Times New Roman, or (`vnFonts`) as typed before Unicode: TCVN3 in .VnTime, and lines
 * in capitals in .VnTimeH as lower-case codes (the font draws them as capitals).
 */
function textRun(props: { text: string; bold?: boolean; italics?: boolean; size: number }, vnFonts: boolean): TextRun {
  if (!vnFonts) return new TextRun({ ...props, font: FONT });
  const capitals = /\p{Lu}/u.test(props.text) && props.text === props.text.toUpperCase();
  return new TextRun({ ...props, text: asVnFontText(capitals ? props.text.toLowerCase() : props.text), font: capitals ? '.VnTimeH' : '.VnTime' });
}

const cellParagraphs = (lines: string[], bold: (line: string, i: number) => boolean, size = 26, vnFonts = false) =>
  lines.map((line, i) => new Paragraph({ alignment: AlignmentType.CENTER, children: [textRun({ text: line, bold: bold(line, i), size }, vnFonts)] }));

function twoColumns(widths: [number, number], left: Paragraph[], right: Paragraph[]): Table {
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: widths[0], type: WidthType.DXA }, children: left.length ? left : [new Paragraph('')] }),
          new TableCell({ width: { size: widths[1], type: WidthType.DXA }, children: right.length ? right : [new Paragraph('')] }),
        ],
      }),
    ],
  });
}

/** The plan as a .docx: header table, centred title, justified body, closing table (`vnFonts`: see textRun). */
export async function planDocx(layout: PlanLayout, vnFonts = false): Promise<Buffer> {
  const header = twoColumns(
    [3600, TEXT_WIDTH - 3600],
    cellParagraphs(layout.header.left, () => false, 26, vnFonts),
    cellParagraphs(layout.header.right, (_l, i) => i < MOTTO.length, 26, vnFonts),
  );
  const title = layout.title.map((line, i) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: i === 0 ? 240 : 0 }, children: [textRun({ text: line, bold: true, size: 28 }, vnFonts)] }));
  const body = layout.body.map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: 567 },
        spacing: { after: 120 },
        children: line.map((r) => textRun({ text: r.text, bold: r.bold, italics: r.italics, size: 28 }, vnFonts)),
      }),
  );
  const closing = twoColumns(
    [4600, TEXT_WIDTH - 4600],
    layout.closing.left.map((line, i) => new Paragraph({ children: [textRun({ text: line, bold: i === 0, italics: i === 0, size: i === 0 ? 24 : 22 }, vnFonts)] })),
    cellParagraphs(layout.closing.right, (line) => line === line.toUpperCase(), 28, vnFonts),
  );
  const doc = new Document({ sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 851 } } }, children: [header, ...title, ...body, closing] }] });
  return Packer.toBuffer(doc);
}

// --- HTML, for Chromium -----------------------------------------------------------------------

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const runHtml = (r: Run) => (r.bold ? `<b>${esc(r.text)}</b>` : r.italics ? `<i>${esc(r.text)}</i>` : esc(r.text));
const cell = (lines: string[], cls = '') => `<td class="${cls}">${lines.map((l) => (l ? `<div>${esc(l)}</div>` : '<div>&nbsp;</div>')).join('')}</td>`;

/** The plan as an A4 page of HTML in the layout of Decree 30 (Times-like serif, 14 pt body). */
export function planHtml(layout: PlanLayout): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 14pt; line-height: 1.35; color: #000; margin: 0; }
table { width: 100%; border-collapse: collapse; }
td { vertical-align: top; padding: 0 4pt; }
.head td { text-align: center; font-size: 13pt; }
.head td div:nth-child(-n+2) { font-weight: bold; }
.head td.left div:nth-child(-n+2) { font-weight: normal; }
.title { text-align: center; font-weight: bold; margin: 14pt 0 10pt; }
.title div { margin: 0; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
.closing { margin-top: 12pt; page-break-inside: avoid; }
.closing td.left { font-size: 11pt; width: 48%; }
.closing td.left div:first-child { font-weight: bold; font-style: italic; font-size: 12pt; }
.closing td.right { text-align: center; font-weight: bold; }
</style></head><body>
<table class="head"><tr>${cell(layout.header.left, 'left')}${cell(layout.header.right, 'right')}</tr></table>
<div class="title">${layout.title.map((l) => `<div>${esc(l)}</div>`).join('')}</div>
${layout.body.map((line) => `<p>${line.map(runHtml).join('')}</p>`).join('\n')}
<table class="closing"><tr>${cell(layout.closing.left, 'left')}${cell(layout.closing.right, 'right')}</tr></table>
</body></html>`;
}

// --- Chromium ---------------------------------------------------------------------------------

export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROME)) throw new Error(`Không thấy Chromium tại ${CHROME} / Chromium not found at ${CHROME}: apt-get install -y chromium fonts-noto-core, or set CHROME_PATH.`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
}

/** The page printed to PDF by Chromium: real text (a text layer), as Word's "Save as PDF" gives. */
export async function printPdf(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
  }
}

/** A4 at 96 CSS px per inch; a scale of 3 gives ~288 dpi, what a scanner or a phone gives. */
const A4_CSS = { width: 794, height: 1123 };

const PAGINATE = `(() => {
  const width = WIDTH, height = HEIGHT;
  const blocks = [...document.body.children];
  document.body.innerHTML = '';
  document.body.style.background = '#888';
  function sheet() {
    const s = document.createElement('div');
    s.className = 'sheet';
    s.style.cssText = 'box-sizing:border-box;width:' + width + 'px;height:' + height + 'px;padding:76px 57px 76px 113px;background:#fff;overflow:hidden;margin-bottom:8px';
    document.body.append(s);
    return s;
  }
  let current = sheet();
  for (const block of blocks) {
    current.append(block);
    if (current.scrollHeight > height && current.children.length > 1) {
      current = sheet();
      current.append(block);
    }
  }
  return document.querySelectorAll('.sheet').length;
})()`;

/**
 * The document's pages as images, as a scanner sees them: the body's blocks laid out on A4
 * sheets of the PDF's margins (a block that does not fit starts the next sheet), each sheet
 * captured on its own. `pages` limits how many.
 */
export async function scanPages(browser: Browser, html: string, options: { pages?: number; scale?: number; photo?: boolean } = {}): Promise<Buffer[]> {
  const page = await browser.newPage({ viewport: A4_CSS, deviceScaleFactor: options.scale ?? 3 });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    // A string, not a function: the test runner's transform would add helpers the page lacks.
    const count = (await page.evaluate(PAGINATE.replace('WIDTH', String(A4_CSS.width)).replace('HEIGHT', String(A4_CSS.height)))) as number;
    if (options.photo) {
      // A phone's photo of the page: a little askew, soft, on greyish paper, saved as a JPEG.
      await page.addStyleTag({ content: '.sheet { background: #efece4 !important; } .sheet > * { transform: rotate(0.8deg); transform-origin: 0 0; filter: blur(0.45px) contrast(0.8) brightness(1.02); }' });
    }
    const shots: Buffer[] = [];
    for (let i = 0; i < Math.min(count, options.pages ?? count); i++) {
      const sheet = page.locator('.sheet').nth(i);
      shots.push(options.photo ? await sheet.screenshot({ type: 'jpeg', quality: 55 }) : await sheet.screenshot({ type: 'png' }));
    }
    return shots;
  } finally {
    await page.close();
  }
}

/** Images into a PDF without any text: what a scanner's "scan to PDF" gives. */
export async function imagePdf(browser: Browser, pngs: Buffer[]): Promise<Buffer> {
  const pages = pngs.map((png) => `<div class="p"><img src="data:image/png;base64,${png.toString('base64')}"></div>`).join('');
  const html = `<!doctype html><html><head><style>@page { size: A4; margin: 0; } body { margin: 0; } .p { width: 210mm; height: 297mm; page-break-after: always; overflow: hidden; } .p:last-child { page-break-after: auto; } img { width: 210mm; height: 297mm; display: block; }</style></head><body>${pages}</body></html>`;
  return printPdf(browser, html);
}

// --- The tools the tests need -----------------------------------------------------------------

function onPath(program: string): boolean {
  return (process.env.PATH ?? '/usr/bin:/bin').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, program), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** What the plan file tests need and this machine lacks. */
export function missingTools(): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(CHROME)) missing.push(`chromium (${CHROME})`);
  for (const program of ['pdfinfo', 'pdftotext', 'pdftoppm', 'tesseract']) if (!onPath(program)) missing.push(program);
  if (onPath('tesseract')) {
    const langs = execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (!langs.split('\n').some((l) => l.trim() === 'vie')) missing.push('tesseract vie');
  }
  return missing;
}

/**
 * Whether to run the plan file tests: they need Chromium, poppler and Tesseract. A missing tool
 * fails them with what to install, as a missing browser fails `npm test`; outside CI,
 * YTCS_SKIP_PLAN_FILES=1 leaves them out on purpose (and says so).
 */
export function planFileTools(): { skip: boolean; check(): void } {
  const missing = missingTools();
  const skip = missing.length > 0 && process.env.YTCS_SKIP_PLAN_FILES === '1' && process.env.CI !== 'true';
  if (skip) console.warn(`plan file tests left out (YTCS_SKIP_PLAN_FILES=1): missing ${missing.join(', ')}`);
  return {
    skip,
    check() {
      if (missing.length && !skip) {
        throw new Error(
          `Thiếu công cụ / missing tools: ${missing.join(', ')}. Install them: apt-get install -y chromium fonts-noto-core poppler-utils tesseract-ocr tesseract-ocr-vie` +
            (process.env.CI === 'true' ? '' : ' (or set YTCS_SKIP_PLAN_FILES=1 to leave these tests out on purpose)'),
        );
      }
    },
  };
}
