/**
 * Baselines: the figures a plan states about today in its situation section ("I. ĐÁNH GIÁ THỰC
 * TRẠNG", "Kết quả đạt được"), given to the targets on the same indicator. A baseline is taken
 * only when it is unambiguous: an exact figure ("đạt 82%", not "khoảng 66%" or "trên 70%"), the
 * one figure the section gives for that indicator and unit, a share for a share target and a
 * count for a count target. Its year is the sentence's, else the section heading's, else none.
 */
import { indicatorOf } from './indicators.ts';
import { foldWords } from './normalise.ts';
import { isPlausible } from './plausible.ts';
import type { Placed } from './sections.ts';
import { sentences } from './targets.ts';
import type { IssuerLevel, TargetDraft } from './types.ts';

interface Figure {
  indicator: string;
  unit: TargetDraft['unit'];
  value: number;
  year: number | null;
}

interface Mention {
  start: number;
  end: number;
  value: number;
  unit: TargetDraft['unit'];
}

const PERCENT = /(?<![\p{L}\d,.])(\d{1,3}(?:[.,]\d{1,2})?)\s*%/gu;
// "98/108 trạm": the numerator is the count; "35 trạm": a plain count before a word.
const COUNT = /(?<![\d/.,:-])(\d{1,5})(?:\s*\/\s*\d{1,5})?(?![\d%/.,:-])(?=\s+\p{L})/gu;
// A bound, an estimate or a change is not today's figure; a number after these words is no count.
const NOT_A_LEVEL = /^(tren|duoi|hon|khoang|gan|xi|tang|giam|them|vuot|toi|nam|ngay|thang|so|hinh|khoa|lan)$/;
const YEAR = /(?<!so voi (?:cung ky )?)\bnam (\d{4})\b|\b\d{1,2} \d{1,2} (\d{4})\b/g;

function mentionsIn(clause: string): Mention[] {
  const out: Mention[] = [];
  const take = (start: number, end: number, value: number, unit: Mention['unit']) => {
    const before = foldWords(clause.slice(Math.max(0, start - 15), start)).split(' ').at(-1) ?? '';
    if (!NOT_A_LEVEL.test(before)) out.push({ start, end, value, unit });
  };
  for (const m of clause.matchAll(PERCENT)) take(m.index ?? 0, (m.index ?? 0) + m[0].length, Number((m[1] ?? '').replace(',', '.')), 'percent');
  for (const m of clause.matchAll(COUNT)) take(m.index ?? 0, (m.index ?? 0) + m[0].length, Number(m[1]), 'count');
  return out.sort((a, b) => a.start - b.start);
}

function yearsIn(text: string): number[] {
  return [...new Set([...foldWords(text).matchAll(YEAR)].map((m) => Number(m[1] ?? m[2])))].filter((y) => y >= 1990 && y <= 2100);
}

function figuresIn(sentence: string, fallbackYear: number | null): Figure[] {
  const years = yearsIn(sentence);
  const year = years.length === 1 ? (years[0] ?? null) : years.length === 0 ? fallbackYear : null;
  const out: Figure[] = [];
  for (const clause of sentence.split(/;\s*/)) {
    const mentions = mentionsIn(clause);
    let last: string | null = null;
    mentions.forEach((m, i) => {
      const after = clause.slice(m.end, mentions[i + 1]?.start ?? clause.length);
      const before = clause.slice(mentions[i - 1]?.end ?? 0, m.start);
      const indicator = indicatorOf(after) ?? indicatorOf(before) ?? last;
      last = indicator;
      if (indicator) out.push({ indicator, unit: m.unit, value: m.value, year });
    });
  }
  return out;
}

/** The single year a situation heading names ("Kết quả đạt được năm 2023"); a span names none. */
function headingYear(placed: Placed): number | null {
  for (const h of [...placed.headings].reverse()) {
    const years = yearsIn(h.text);
    if (/giai doan/.test(foldWords(h.text))) return null;
    if (years.length === 1) return years[0] ?? null;
  }
  return null;
}

export function withBaselines<T extends TargetDraft>(placed: Placed[], targets: T[], level: IssuerLevel | null): T[] {
  const figures = placed
    .filter((p) => p.kind === 'situation')
    .flatMap((p) => sentences(p.block.text).flatMap((s) => figuresIn(s, headingYear(p))))
    .filter((f) => isPlausible(f.value, f.unit, f.unit === 'percent' ? null : f.indicator, level));
  return targets.map((t) => {
    const same = figures.filter((f) => f.indicator === t.indicatorCode && f.unit === t.unit);
    const values = new Set(same.map((f) => f.value));
    if (values.size !== 1) return t;
    const years = new Set(same.map((f) => f.year));
    return { ...t, baseline: same[0]?.value ?? null, baselineYear: years.size === 1 ? (same[0]?.year ?? null) : null };
  });
}
