/**
 * The plan's own period (from year – to year). Plans cite documents that carry periods of their
 * own ("Chiến lược ... giai đoạn 2021 - 2030", "Nghị quyết số 20-NQ/TW ... năm 2017"); those must
 * not become the plan's. The title is read first, then the plan's own sentences; a span inside a
 * citation, or one that cannot hold for a plan issued when this one was, is left out, and when
 * that leaves doubt the reviewer is told.
 */
import { foldKeep } from './normalise.ts';

export interface Period {
  from: number | null;
  to: number | null;
  /** A span was seen but left out as another document's, and the title gave none of its own. */
  doubtful: boolean;
}

interface Span {
  from: number;
  to: number;
  at: number;
  single: boolean;
}

const SPAN = /giai doan\s+(\d{4})\s*(?:[-–]|den)?\s*(?:nam\s+)?(\d{4})/g;
const TITLE_YEAR = /\bnam\s+(\d{4})[\s.;:)]*$/;
// A document cited by kind and number, or a programme, whose name carries its own period.
const REFERENCE = /\b(?:(?:chi thi|nghi quyet|quyet dinh|ke hoach|thong tu|nghi dinh|ket luan|cong van|thong bao|huong dan)\s+(?:so\s+)?\d|chien luoc|chuong trinh|de an|quy hoach)/g;
const PROGRAMME = /\b(?:chien luoc|chuong trinh|de an|quy hoach)\b/;
// Where a citation's words end: a clause break, or the plan's own area ("trên địa bàn xã ...").
const CLAUSE_END = /[;.:]|\btren (?:dia ban|toan)\b/g;

function spansOf(folded: string, title: boolean): Span[] {
  const out = [...folded.matchAll(SPAN)].map((m) => ({ from: Number(m[1]), to: Number(m[2]), at: m.index ?? 0, single: false }));
  const year = title ? TITLE_YEAR.exec(folded) : null;
  if (year) out.push({ from: Number(year[1]), to: Number(year[1]), at: year.index, single: true });
  return out.filter((s) => s.from <= s.to && s.from >= 1990 && s.to <= 2100);
}

/** The words of the citation the index sits in (from its reference on), or null outside any. */
function citationAt(folded: string, at: number): string | null {
  const before = folded.slice(0, at);
  const lastEnd = Math.max(-1, ...[...before.matchAll(CLAUSE_END)].map((m) => m.index ?? -1));
  const refs = [...before.matchAll(REFERENCE)].filter((m) => (m.index ?? 0) > lastEnd);
  return refs.length ? before.slice(refs[0]?.index ?? 0) : null;
}

/** A plan is issued in its first year, or the one before or after it, and never after its last. */
function fits(span: Span, issuedYear: number | null): boolean {
  return issuedYear === null || (span.from >= issuedYear - 1 && span.from <= issuedYear + 1 && span.to >= issuedYear);
}

export function readPeriod(title: string, text: string, issuedYear: number | null, targetYears: number[]): Period {
  const foldedTitle = foldKeep(title);
  const folded = foldKeep(text);
  const titleSpans = spansOf(foldedTitle, true);
  const textSpans = spansOf(folded, false);
  // The title's own period stands at its end: a span after a directive or plan it carries out is
  // the plan's; a year, or a programme's span, inside a citation is the cited document's.
  const own =
    titleSpans.filter((s) => {
      const cited = citationAt(foldedTitle, s.at);
      return fits(s, issuedYear) && (cited === null || (!s.single && !PROGRAMME.test(cited)));
    }).at(-1) ?? textSpans.find((s) => citationAt(folded, s.at) === null && fits(s, issuedYear));
  if (own) return { from: own.from, to: own.to, doubtful: false };
  // Without a period of its own: from the issue date, to the last target's year (never a guess).
  const to = targetYears.length ? Math.max(...targetYears) : null;
  return { from: issuedYear, to, doubtful: titleSpans.length + textSpans.length > 0 };
}
