/**
 * Targets (chỉ tiêu): a value, a comparator and a year, tied to a national indicator when the
 * wording makes it clear. They live in the "MỤC TIÊU" section, but plans also set them inside a
 * solution ("Phấn đấu đến năm 2030, mỗi trạm y tế có ít nhất một bác sĩ"), so those sentences are
 * read too. A statement with no number ("Xã đạt Tiêu chí quốc gia về y tế") in a target list
 * means every unit: 100%, flagged for the reviewer.
 */
import { indicatorOf } from './indicators.ts';
import { accentFree, foldWords } from './normalise.ts';
import type { Placed } from './sections.ts';
import type { Comparator, TargetDraft } from './types.ts';

export interface FoundTarget extends TargetDraft {
  /** The value was not written: 100% implied by "mỗi", "Xã đạt ...". */
  implied: boolean;
}

interface Mention {
  start: number;
  end: number;
  /** Null when the number cannot be read (OCR garbled it). */
  value: number | null;
  unit: 'percent' | 'count';
}

const YEAR = /(?:nam|giai doan)\s+(\d{4})(?:\s+(?:den\s+)?(\d{4}))?/g;
const HEADING_YEAR = /\b(?:den|vao|nam|giai doan)\s+(?:nam\s+)?(\d{4})(?:\s+(\d{4}))?/;
const STRONG_TRIGGER = /phan dau|chi tieu|\d\s*%/;
// Matched on the written text: folded, "mỗi" (each) and "mới" (new) are the same word.
const QUANTIFIER = accentFree(/(?<!\p{L})(mỗi|mọi|tất cả|toàn bộ|ít nhất|100\s?%)(?!\p{L})/iu);
/** A percentage, its number as written: digits, or digits with the letters OCR confuses with them. */
const PERCENT = /(?<![\p{L}\d])((?=[OoSlI]*\d)[\dOoSlI]+(?:[.,][\dOoSlI]+)?)\s*%/gu;
const NOT_COUNTED = /^(lan|nam|thang|ngay|tuoi|gio|phut|tuan|quy|luot|buoi|dot|km|m|kg|g|ty|trieu|nghin|dong)$/;

function lastYear(folded: string): number | null {
  let year: number | null = null;
  for (const m of folded.matchAll(YEAR)) year = Number(m[2] ?? m[1]);
  return year && year >= 2000 && year <= 2100 ? year : null;
}

function firstYear(folded: string): number | null {
  for (const m of folded.matchAll(YEAR)) {
    const year = Number(m[2] ?? m[1]);
    if (year >= 2000 && year <= 2100) return year;
  }
  return null;
}

export function headingYear(text: string): number | null {
  const m = HEADING_YEAR.exec(foldWords(text));
  return m ? Number(m[2] ?? m[1]) : null;
}

function comparatorOf(before: string, after: string): Comparator | null {
  const tail = foldWords(before).split(' ').slice(-3).join(' ');
  if (/^tro len/.test(foldWords(after))) return 'ge';
  if (/(tren|hon|vuot)$/.test(tail) && !/(thap hon|nho hon|khong vuot|khong qua)$/.test(tail)) return 'gt';
  if (/(toi thieu|it nhat|khong duoi|khong thap hon|tu)$/.test(tail)) return 'ge';
  if (/(duoi|thap hon|nho hon)$/.test(tail)) return 'lt';
  if (/(toi da|khong qua|khong vuot qua|khong vuot)$/.test(tail)) return 'le';
  if (/(bang|dung|on dinh o muc)$/.test(tail)) return 'eq';
  return null;
}

/** Percentages whose number OCR garbled ("9S%"), as written: no target is read from them. */
export function unreadablePercents(text: string): string[] {
  return [...text.matchAll(PERCENT)].filter((m) => !/^\d+(?:[.,]\d+)?$/.test(m[1] ?? '')).map((m) => m[0]);
}

function mentionsIn(clause: string, counts: boolean): Mention[] {
  const out: Mention[] = [];
  for (const m of clause.matchAll(PERCENT)) {
    const start = m.index ?? 0;
    const digits = m[1] ?? '';
    // A number OCR garbled ("9S%", "1O0%") says a percentage is there but not which: no value is
    // read from it (never a guess), and no "100%" is implied for the clause either.
    out.push({ start, end: start + m[0].length, value: /^\d+(?:[.,]\d+)?$/.test(digits) ? Number(digits.replace(',', '.')) : null, unit: 'percent' });
  }
  if (counts) {
    for (const m of clause.matchAll(/(?<![\d/.,:-])(\d{1,5})(?![\d%/.,:-])\s+(\p{L}+)/gu)) {
      const start = m.index ?? 0;
      const before = foldWords(clause.slice(Math.max(0, start - 12), start)).split(' ').at(-1) ?? '';
      if (NOT_COUNTED.test(foldWords(m[2] ?? '')) || /^(nam|so|ngay|thang|quy|doan|muc|khoan|dieu|tai)$/.test(before)) continue;
      out.push({ start, end: start + (m[1] ?? '').length, value: Number(m[1]), unit: 'count' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Split at sentence ends, but not after abbreviations such as "TP." or "TT.". */
export function sentences(text: string): string[] {
  const parts = text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  const out: string[] = [];
  for (const part of parts) {
    const prev = out.at(-1);
    if (prev && /(?:^|\s)\p{Lu}{1,3}\.$/u.test(prev)) out[out.length - 1] = `${prev} ${part}`;
    else out.push(part);
  }
  return out;
}

interface Context {
  year: number | null;
  inTargets: boolean;
  general: boolean;
}

function targetsInSentence(sentence: string, ctx: Context): FoundTarget[] {
  const foldedSentence = foldWords(sentence);
  const strong = STRONG_TRIGGER.test(foldedSentence);
  if (!ctx.inTargets && !strong && !/(bảo đảm|đảm bảo) mỗi/iu.test(sentence)) return [];
  const sentenceYear = firstYear(foldedSentence);
  const out: FoundTarget[] = [];
  let lastIndicator: string | null = null;
  for (const rawClause of sentence.split(/;\s*/)) {
    // "hướng tới ..." is an aspiration, not a target.
    const clause = rawClause.split(accentFree(/,?\s+hướng tới\s+/u))[0] ?? rawClause;
    const mentions = mentionsIn(clause, ctx.inTargets || strong);
    let prevComparator: Comparator | null = null;
    let found = 0;
    mentions.forEach((m, i) => {
      const before = clause.slice(i > 0 ? (mentions[i - 1]?.end ?? 0) : 0, m.start);
      const after = clause.slice(m.end, mentions[i + 1]?.start ?? clause.length);
      const indicator = indicatorOf(after) ?? indicatorOf(before) ?? (i === 0 ? indicatorOf(clause) : null) ?? lastIndicator;
      if ((m.unit === 'count' && !indicator) || m.value === null) return;
      const comparator = comparatorOf(before, after) ?? prevComparator ?? 'ge';
      prevComparator = comparator;
      lastIndicator = indicator;
      const year = lastYear(foldWords(after)) ?? lastYear(foldWords(before)) ?? sentenceYear ?? ctx.year;
      out.push({ text: sentence, indicatorCode: indicator, comparator, value: m.value, unit: m.unit, year, baseline: null, baselineYear: null, implied: false });
      found++;
    });
    if (found > 0 || mentions.some((m) => m.unit === 'percent')) continue;
    const folded = foldWords(clause);
    const quantified = QUANTIFIER.exec(clause);
    const allowed = ctx.inTargets ? !ctx.general : quantified && (strong || accentFree(/(bảo đảm|đảm bảo) mỗi/iu).test(clause));
    if (!allowed) continue;
    const tail = quantified ? foldWords(clause.slice(quantified.index)) : folded;
    const indicator = indicatorOf(tail) ?? indicatorOf(folded);
    if (!indicator) continue;
    lastIndicator = indicator;
    const year = lastYear(folded) ?? sentenceYear ?? ctx.year;
    out.push({ text: sentence, indicatorCode: indicator, comparator: 'ge', value: 100, unit: 'percent', year, baseline: null, baselineYear: null, implied: true });
  }
  return out;
}

export function findTargets(placed: Placed[]): FoundTarget[] {
  const out: FoundTarget[] = [];
  const yearOf = new Map<unknown, number | null>();
  let textYear: { year: number; under: unknown } | null = null;
  for (const { block, kind, headings } of placed) {
    if (kind === 'purpose' || kind === 'situation' || kind === 'other') continue;
    // A heading's year ("MỤC TIÊU ĐẾN NĂM 2030") holds for what is under it unless a deeper
    // heading or a line such as "Mục tiêu đến năm 2025" says otherwise.
    let year: number | null = null;
    for (const h of headings) {
      if (!yearOf.has(h)) yearOf.set(h, headingYear(h.text));
      year = yearOf.get(h) ?? year;
    }
    const parent = headings.at(-1);
    const folded = foldWords(block.text);
    if (block.kind === 'text' && /^(cac )?(muc tieu|chi tieu|den nam|giai doan)/.test(folded) && !/%/.test(block.text) && folded.split(' ').length <= 12) {
      const y = headingYear(block.text);
      if (y) textYear = { year: y, under: parent };
      continue;
    }
    if (textYear && textYear.under === parent) year = textYear.year;
    const general = headings.some((h) => /^muc tieu (chung|tong quat)/.test(foldWords(h.text)));
    const inTargets = kind === 'targets';
    if (inTargets && block.kind !== 'text' && block.kind !== 'bullet' && !/[.;]$/.test(block.text) && !/%/.test(block.text)) {
      continue; // a sub-heading such as "2. Mục tiêu cụ thể"
    }
    for (const s of sentences(block.text)) out.push(...targetsInSentence(s, { year, inTargets, general }));
  }
  const seen = new Set<string>();
  return out.filter((t) => {
    const key = `${t.text}|${t.indicatorCode}|${t.comparator}|${t.value}|${t.year}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
