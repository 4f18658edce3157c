/**
 * Text laid out on a grid of characters — `pdftotext -layout`, or OCR words placed on one — made
 * into the text the plan parser reads (common/src/plans/normalise.ts): one line per paragraph,
 * and side-by-side columns kept as columns. On the page a paragraph is broken into lines; its
 * first line is indented (or the one before it ended short), its other lines start at the margin
 * and the line before them runs to the right edge, so those are joined back, and a word cut at a
 * hyphen ("25-" / "CT/TW") is rejoined. Two columns (the header's issuer and motto, the
 * recipients beside the signature) are lines with a wide gap: short blocks (a header) keep their
 * lines side by side with a tab between the columns; long ones (recipients and signature) are
 * given one column after the other, as the parser reads them best — line by line the signer's
 * name would sit beside a recipient. A page number alone on the first or last line is dropped.
 */

/** A gap this wide (in characters) between two words is a column break; normalise() agrees. */
const GAP = / {4,}/g;
/** Side-by-side blocks up to this many lines a column are kept line by line with a tab. */
export const SIDE_BY_SIDE_LINES = 4;
/** A line at most this many characters right of the margin still starts at the margin. */
const MARGIN_SLACK = 2;
/** A line reaching this share of the text width ran to the right edge (it was wrapped). */
const FULL_LINE = 0.8;

interface Segment {
  start: number;
  text: string;
}

interface GridLine {
  indent: number;
  end: number;
  segments: Segment[];
  /** Blank lines (or a page break) between this line and the previous one. */
  gapBefore: boolean;
  page: number;
}

/** Headings and bullets as blocks.ts knows them: such a line starts a paragraph. */
const MARKER = /^(?:[IVX]{1,4}\s*[.)/-]|\d{1,2}(?:\.\d{1,2})*\s*[.)]|\d{1,2}(?:\.\d{1,2})+\s|[a-zđ]\s*[).]\s|[-–—+•*●▪◦·\uf0b7\uf0a7\uf02d\uf0d8]\s?)/u;
const PAGE_NUMBER = /^[-–\s]*(?:trang\s*)?\d{1,3}(?:\s*\/\s*\d{1,3})?[-–\s]*$/iu;
const startsLower = (text: string) => /^\p{Ll}/u.test(text);

function segmentsOf(raw: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  const line = raw.replace(/\t/g, '    ');
  for (const m of line.matchAll(GAP)) {
    const text = line.slice(at, m.index);
    if (text.trim()) segments.push({ start: at + (text.length - text.trimStart().length), text: text.trim().replace(/\s+/g, ' ') });
    at = (m.index ?? 0) + m[0].length;
  }
  const rest = line.slice(at);
  if (rest.trim()) segments.push({ start: at + (rest.length - rest.trimStart().length), text: rest.trim().replace(/\s+/g, ' ') });
  return segments;
}

function gridLines(pages: string[]): GridLine[] {
  const out: GridLine[] = [];
  pages.forEach((pageText, page) => {
    const raw = pageText.replace(/\r\n?/g, '\n').split('\n');
    const filled = raw.map((l, i) => ({ l, i })).filter(({ l }) => l.trim());
    const first = filled[0]?.i;
    const last = filled.at(-1)?.i;
    let gap = true;
    raw.forEach((l, i) => {
      if (!l.trim() || ((i === first || i === last) && PAGE_NUMBER.test(l.trim()) && filled.length > 1)) {
        gap = true;
        return;
      }
      const segments = segmentsOf(l);
      const lastSegment = segments.at(-1) as Segment;
      out.push({ indent: segments[0]?.start ?? 0, end: lastSegment.start + lastSegment.text.length, segments, gapBefore: gap, page });
      gap = false;
    });
  });
  return out;
}

/** The margin (most common indent of one-column lines) and right edge of each page. */
function pageMeasures(lines: GridLine[]) {
  const measures = new Map<number, { margin: number; right: number }>();
  const pages = new Set(lines.map((l) => l.page));
  const measure = (of: GridLine[]) => {
    const single = of.filter((l) => l.segments.length === 1);
    const counts = new Map<number, number>();
    for (const l of single) counts.set(l.indent, (counts.get(l.indent) ?? 0) + 1);
    // The margin is where wrapped lines start: the leftmost indent that is common (a paragraph's
    // first line is indented, and a document of short paragraphs has more first lines than others).
    const common = Math.max(2, Math.ceil(single.length / 10));
    const sorted = [...counts].sort((a, b) => a[0] - b[0]);
    const margin = (sorted.find(([, n]) => n >= common) ?? sorted.reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0]))[0];
    const right = Math.max(...single.filter((l) => l.indent <= margin + MARGIN_SLACK).map((l) => l.end), margin + 1);
    return single.length ? { margin, right } : null;
  };
  const whole = measure(lines) ?? { margin: 0, right: 80 };
  for (const page of pages) {
    const own = lines.filter((l) => l.page === page);
    measures.set(page, own.filter((l) => l.segments.length === 1).length >= 5 ? (measure(own) ?? whole) : whole);
  }
  return measures;
}

/** Joins a wrapped line to the text before it, rejoining a word cut at its hyphen. */
function join(before: string, after: string): string {
  if (/[\p{L}\p{N}]-$/u.test(before) && /^[\p{L}\p{N}]/u.test(after)) return before + after;
  return `${before} ${after}`;
}

/** Lines of one column, a line starting in lower case joined to the one before. */
function columnText(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.length - 1;
    if (prev >= 0 && startsLower(line) && !MARKER.test(line)) out[prev] = join(out[prev] ?? '', line);
    else out.push(line);
  }
  return out;
}

/**
 * A block of lines with two columns, from a line with a gap (at `from`): it and the lines below
 * it that have the same gap, or text on one side of it only. Returns the index after the block.
 */
function twoColumns(lines: GridLine[], from: number): { end: number; left: string[][]; right: string[][] } {
  const anchor = lines[from] as GridLine;
  const [l0, r0] = anchor.segments as [Segment, Segment];
  const leftStart = l0.start;
  let leftEnd = l0.start + l0.text.length;
  let rightStart = r0.start;
  let rightEnd = r0.start + r0.text.length;
  const fits = (line: GridLine) => {
    if (line.segments.length === 2) {
      const [l, r] = line.segments as [Segment, Segment];
      return l.start + l.text.length < rightStart && r.start > leftEnd - 2;
    }
    if (line.segments.length !== 1) return false;
    // One side only: entirely right of the left column's text, or entirely left of the right
    // column, or a line of the left column that runs under a wide heading of the right one (it
    // starts where the left column does and stops short of the right edge).
    return line.indent > leftEnd || line.end < rightStart || (Math.abs(line.indent - leftStart) <= MARGIN_SLACK && line.end < rightEnd - MARGIN_SLACK);
  };
  const absorb = (line: GridLine) => {
    if (line.segments.length !== 2) return;
    const [l, r] = line.segments as [Segment, Segment];
    leftEnd = Math.max(leftEnd, l.start + l.text.length);
    rightStart = Math.min(rightStart, r.start);
    rightEnd = Math.max(rightEnd, r.start + r.text.length);
  };
  // Lines above were given to the text already: the block runs down from its first gapped line.
  const start = from;
  let end = from + 1;
  while (end < lines.length && !(lines[end] as GridLine).gapBefore && fits(lines[end] as GridLine)) {
    absorb(lines[end] as GridLine);
    end++;
  }
  const left: string[][] = [];
  const right: string[][] = [];
  for (const line of lines.slice(start, end)) {
    if (line.segments.length === 2) {
      left.push([line.segments[0]?.text ?? '']);
      right.push([line.segments[1]?.text ?? '']);
    } else if (line.indent > leftEnd) {
      left.push([]);
      right.push([line.segments[0]?.text ?? '']);
    } else {
      left.push([line.segments[0]?.text ?? '']);
      right.push([]);
    }
  }
  return { end, left, right };
}

/** Layout text, one string per page, as the parser's text. */
export function layoutToText(pages: string[]): string {
  const lines = gridLines(pages);
  const measures = pageMeasures(lines);
  const blocks: string[] = [];
  /** The paragraph being built: its text and where its last physical line ended. */
  let open: { text: string; end: number; page: number } | null = null;
  const close = () => {
    if (open) blocks.push(open.text);
    open = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as GridLine;
    if (line.segments.length === 2) {
      const block = twoColumns(lines, i);
      close();
      const left = block.left.flat();
      const right = block.right.flat();
      if (Math.max(left.length, right.length) <= SIDE_BY_SIDE_LINES) {
        blocks.push(block.left.map((l, k) => [l[0] ?? '', block.right[k]?.[0] ?? ''].filter(Boolean).join('\t')).join('\n'));
      } else {
        blocks.push(columnText(left).join('\n'), columnText(right).join('\n'));
      }
      i = block.end - 1;
      continue;
    }
    if (line.segments.length > 2) {
      // A table row: its cells on one line, a tab between them.
      close();
      blocks.push(line.segments.map((s) => s.text).join('\t'));
      continue;
    }
    const text = line.segments[0]?.text ?? '';
    const { margin, right } = measures.get(line.page) ?? { margin: 0, right: 80 };
    if (open) {
      const prevMeasure = measures.get(open.page) ?? { margin, right };
      const full = open.end >= prevMeasure.margin + FULL_LINE * (prevMeasure.right - prevMeasure.margin);
      const atMargin = line.indent <= margin + MARGIN_SLACK;
      const cut = /[\p{L}\p{N}]-$/u.test(open.text);
      const wrapped = !MARKER.test(text) && (((full || cut) && atMargin) || (!line.gapBefore && startsLower(text)));
      if (wrapped) {
        open = { text: join(open.text, text), end: line.end, page: line.page };
        continue;
      }
    }
    close();
    open = { text, end: line.end, page: line.page };
  }
  close();
  return `${blocks.join('\n\n')}\n`;
}

/** A word read by OCR and where it sits on the page (pixels). */
export interface OcrWord {
  block: number;
  paragraph: number;
  line: number;
  left: number;
  top: number;
  width: number;
  height: number;
  text: string;
  /** The OCR's confidence in the word, 0–100, when it gives one. */
  confidence?: number;
}

/** Marks a plan's text has standing alone: bullets, dashes, the closing "/.". */
const MEANINGFUL_MARKS = /^(?:[-–—+•*]|\.?\/\.)$/u;

/**
 * OCR's specks: a "word" of no letter or digit that is none of the marks a plan uses ("„", "¬=",
 * "`" beside a bold heading), or a letter or mark it gave no confidence to.
 */
function isSpeck(w: OcrWord): boolean {
  const letters = (w.text.match(/[\p{L}\p{N}]/gu) ?? []).length;
  if (!letters && !MEANINGFUL_MARKS.test(w.text)) return true;
  return letters === 1 && [...w.text].length === 1 && w.confidence !== undefined && w.confidence < 20;
}

/**
 * OCR words laid out on a character grid, in the OCR's reading order (its blocks, then lines):
 * each line indented by its distance from the page's left edge, words separated by as many
 * spaces as their gap is wide, a blank line where the page has a vertical gap, specks left out,
 * so layoutToText() reads scans as it reads PDFs.
 */
export function wordsToLayout(all: OcrWord[]): string {
  const words = all.filter((w) => !isSpeck(w));
  if (!words.length) return '';
  const sized = words.filter((w) => w.text.length >= 3);
  const widths = (sized.length ? sized : words).map((w) => w.width / Math.max(1, [...w.text].length)).sort((a, b) => a - b);
  const charWidth = Math.max(1, widths[Math.floor(widths.length / 2)] ?? 10);
  const heights = words.map((w) => w.height).sort((a, b) => a - b);
  const lineHeight = Math.max(1, heights[Math.floor(heights.length / 2)] ?? 20);
  const pageLeft = Math.min(...words.map((w) => w.left));
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) {
    const key = `${w.block}.${w.paragraph}.${w.line}`;
    const line = lines.get(key) ?? [];
    line.push(w);
    lines.set(key, line);
  }
  const out: string[] = [];
  let lastBottom: number | null = null;
  for (const line of lines.values()) {
    line.sort((a, b) => a.left - b.left);
    const first = line[0] as OcrWord;
    const top = Math.min(...line.map((w) => w.top));
    // A blank line where the page has a gap (or the OCR goes back up to another column), not
    // between its blocks: it cuts lines into blocks wherever it likes.
    if (lastBottom !== null && (top - lastBottom > lineHeight || top < lastBottom - 2 * lineHeight)) out.push('');
    lastBottom = Math.max(...line.map((w) => w.top + w.height));
    let text = ' '.repeat(Math.round((first.left - pageLeft) / charWidth));
    let right = first.left;
    for (const [k, w] of line.entries()) {
      if (k > 0) text += ' '.repeat(Math.max(1, Math.round((w.left - right) / charWidth)));
      text += w.text;
      right = w.left + w.width;
    }
    out.push(text);
  }
  return out.join('\n');
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10 };

function romanValue(numeral: string): number {
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const v = ROMAN_VALUES[numeral[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[numeral[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function roman(n: number): string {
  const parts: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of parts) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

const SECTION = /^([IVX]{1,4})(\s*[.)/-]\s*)(\p{Lu}.*)$/u;

/** The offices and authorities of a plan's signature block, as they are written. */
const SIGNATURE_LINES = [
  'TM. ỦY BAN NHÂN DÂN',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  'CHỦ TỊCH',
  'T/M BAN THƯỜNG VỤ',
  'T/M ĐẢNG ỦY',
  'PHÓ BÍ THƯ',
  'BÍ THƯ',
  'KT. GIÁM ĐỐC',
  'PHÓ GIÁM ĐỐC',
  'GIÁM ĐỐC',
  'TRƯỞNG TRẠM',
];
const bare = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .replace(/[^A-Za-z]+/g, '')
    .toUpperCase();
const SIGNATURE_BY_BARE = new Map(SIGNATURE_LINES.map((line) => [bare(line), line]));

/** A line (or a column of it) in capitals that is a signature office with marks OCR lost ("PHO CHỦ TICH"). */
function signatureLine(cell: string): string {
  const text = cell.trim();
  if (!text || text !== text.toUpperCase() || text.length > 40) return cell;
  return SIGNATURE_BY_BARE.get(bare(text)) ?? cell;
}

/**
 * What OCR gets wrong that the document itself says how to put right. A capital letter inside
 * a word of small letters ("cỦng") is small: no Vietnamese word has one. A section heading's
 * full stop lost ("II MỤC TIÊU", a numeral before a line in capitals) is put back. A line in
 * capitals that is a signature office but for its marks ("PHO CHỦ TICH", "KT, CHỦ TỊCH") is
 * written as the office is. A heading's full stop read as a comma ("5, Ủy ban…"): a number followed by a comma
 * and a capital at the start of a line is a heading. A section's numeral read short (bold "III."
 * becomes "II."): the sections of a plan count up, never repeat, so a numeral that repeats the
 * one before is the next one (when the section after leaves room for it), and one lower than the
 * one before, between two that leave exactly one place, is that place's.
 */
export function repairOcrText(text: string): string {
  const lines = text.split('\n').map((line) =>
    line
      .replace(/^(\s*)(\d{1,2}|[IVX]{1,4}),(\s+\p{Lu})/u, '$1$2.$3')
      // A section heading whose full stop OCR lost: a numeral, then a line all in capitals.
      .replace(/^(\s*)([IVX]{1,4})(\s+)(?=\p{Lu}{2,}[^\p{Ll}]*$)/u, '$1$2.$3')
      // A capital after a small letter, before another ("cỦng") or ending the word with its
      // diacritic ("lỘ trình"), is a small letter OCR misread; codes ("KH/ThU") keep theirs.
      .replace(/(?<=\p{Ll})\p{Lu}(?=(\p{Ll})?)/gu, (ch, next: string | undefined) => (next || ch.normalize('NFD').length > 1 ? ch.toLowerCase() : ch))
      .split('\t')
      .map(signatureLine)
      .join('\t'),
  );
  const sections = lines
    .map((line, at) => ({ at, m: SECTION.exec(line) }))
    .filter((s): s is { at: number; m: RegExpExecArray } => !!s.m && (s.m[3] ?? '') === (s.m[3] ?? '').toUpperCase());
  const values = sections.map((s) => romanValue(s.m[1] ?? ''));
  for (let k = 1; k < values.length; k++) {
    const prev = values[k - 1] ?? 0;
    const here = values[k] ?? 0;
    const next = values[k + 1];
    // Repeated: the next number, if the following section leaves room for it. Lower: only where the
    // following section leaves exactly its place.
    const fits = here === prev ? next === undefined || next > prev + 1 : here < prev && next === prev + 2;
    if (!fits) continue;
    values[k] = prev + 1;
    const s = sections[k] as { at: number; m: RegExpExecArray };
    lines[s.at] = `${roman(prev + 1)}${s.m[2]}${s.m[3]}`;
  }
  return lines.join('\n');
}
