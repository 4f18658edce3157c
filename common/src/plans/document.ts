/**
 * Cuts a plan into its conventional parts: the header (issuer, number, place and date), the
 * title after the word KẾ HOẠCH, the preamble (what it implements, "Căn cứ ..."), the numbered
 * body, the closing sentence ("Trên đây là ..."), and the recipients and signature after
 * "Nơi nhận".
 */
import { type Block, classify, isHeading, toBlocks } from './blocks.ts';
import { collapse, flat, foldWords, startsLower, TERMINATOR } from './normalise.ts';

export interface PlanDocument {
  /** Whether the word KẾ HOẠCH was found; without it the header cannot be told from the body. */
  titleFound: boolean;
  header: string[];
  title: string;
  preamble: Block[];
  body: Block[];
  closingStatement: string;
  /** Lines from "Nơi nhận" on, column breaks kept. */
  closing: string[];
}

const TITLE_WORD = /^ke hoach$/;
const PREAMBLE_START =
  /^(can cu|thuc hien (ke hoach|chi thi|nghi quyet|quyet dinh|cong van|van ban|thong bao|huong dan)|nham|de |theo |tren co so|xet |uy ban|ubnd|trung tam|tram y te|phong )/;

function isTitleWord(line: string): boolean {
  return TITLE_WORD.test(foldWords(flat(line)));
}

function readTitle(lines: string[], from: number): { title: string; next: number } {
  const parts: string[] = [];
  let i = from;
  for (; i < lines.length; i++) {
    const line = collapse(flat(lines[i] ?? ''));
    if (!line || /^[-_=*.]{3,}$/.test(line)) continue;
    if (parts.length > 0) {
      const prev = parts.at(-1) ?? '';
      // A preamble sentence starts with a capital; a lower-case line continues the title.
      if (TERMINATOR.test(prev) || (!startsLower(line) && PREAMBLE_START.test(foldWords(line)))) break;
      if (classify(line).kind !== 'text') break;
    }
    parts.push(line);
  }
  return { title: parts.join(' ').replace(/\s+([,;.])/g, '$1'), next: i };
}

export function splitDocument(lines: string[]): PlanDocument {
  let titleAt = lines.findIndex(isTitleWord);
  const closingAt = lines.findIndex((l) => /^noi nhan\b/.test(foldWords(flat(l))));
  const end = closingAt >= 0 ? closingAt : lines.length;
  let title = '';
  let bodyFrom = 0;
  const titleFound = titleAt >= 0 && titleAt < end;
  if (titleFound) {
    const read = readTitle(lines, titleAt + 1);
    title = read.title;
    bodyFrom = read.next;
  } else {
    titleAt = 0;
  }
  const blocks = toBlocks(lines.slice(bodyFrom, end));
  // The body starts at the first section heading; what precedes it is the preamble.
  let first = blocks.findIndex((b) => b.kind === 'roman');
  if (first < 0) first = blocks.findIndex(isHeading);
  if (first < 0) first = 0;
  const closingIdx = blocks.findIndex((b, i) => i >= first && /^tren day (la|la ke hoach)\b/.test(foldWords(b.text)));
  const bodyEnd = closingIdx >= 0 ? closingIdx : blocks.length;
  return {
    titleFound,
    header: lines.slice(0, titleAt),
    title,
    preamble: blocks.slice(0, first),
    body: blocks.slice(first, bodyEnd),
    closingStatement: blocks.slice(bodyEnd).map((b) => b.text).join(' '),
    closing: closingAt >= 0 ? lines.slice(closingAt) : [],
  };
}
