/**
 * Citations of other documents ("Kế hoạch số 133/KH-UBND ngày 03/5/2024 của Ủy ban nhân dân thị
 * xã Mỹ Hào"). A plan implements a directive named in its title and follows the higher plan named
 * in its preamble; every citation goes into the legal basis once, keyed by its number.
 */
import { foldVietnamese } from '../text.ts';
import { accentFree } from './normalise.ts';
import type { DocumentRef } from './types.ts';

const KINDS = [
  'Chỉ thị',
  'Kế hoạch',
  'Quyết định',
  'Nghị quyết',
  'Nghị định',
  'Thông tư',
  'Công văn',
  'Công điện',
  'Kết luận',
  'Hướng dẫn',
  'Thông báo',
  'Quy định',
  'Đề án',
  'Chương trình',
  'Luật',
];
const KIND_RE = KINDS.map((k) => k.replace(' ', String.raw`\s+`)).join('|');
// A document number has at least one letter after a slash or dash: "25-CT/TW", "133/KH-UBND".
const NUMBER_RE = String.raw`\d+[\p{L}\d]*(?:\s?[/\-–]\s?[\p{L}\d]+)+`;
const REF = accentFree(new RegExp(String.raw`(?<![\p{L}])(${KIND_RE})\s+(?:số\s*)?(${NUMBER_RE})`, 'giu'));
const DATE_NUMERIC = accentFree(/^\s*,?\s*ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu);
const DATE_WORDS = accentFree(/^\s*,?\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu);
const ISSUER = accentFree(new RegExp(
  String.raw`^\s*,?\s*(?:của|do)\s+(.{2,120}?)(?=\s*[,;:(]|\.(?:\s|$)|\s+(?:về|V\/v|v\/v|ban hành|quy định|hướng dẫn|triển khai|thực hiện|trên địa bàn|như sau|và\s+(?:${KIND_RE}))(?=\s|$)|$)`,
  'u',
));

export interface FoundRef extends DocumentRef {
  at: number;
}

/** The kind as the list writes it, whether the text had its diacritics or not. */
function canonicalKind(written: string): string {
  const folded = foldVietnamese(written);
  return KINDS.find((k) => foldVietnamese(k) === folded) ?? written;
}

export function numberKey(number: string): string {
  return number.replace(/\s+/g, '').replace(/–/g, '-').toUpperCase().replace(/Đ/g, 'D');
}

function isoDate(d: string, m: string, y: string): string | null {
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export function findRefs(text: string): FoundRef[] {
  const out: FoundRef[] = [];
  for (const m of text.matchAll(REF)) {
    const number = (m[2] ?? '').replace(/\s+/g, '').replace(/–/g, '-');
    if (!/[/-]\p{L}/u.test(number)) continue;
    let end = (m.index ?? 0) + m[0].length;
    let issuedOn: string | null = null;
    const date = DATE_NUMERIC.exec(text.slice(end)) ?? DATE_WORDS.exec(text.slice(end));
    if (date) {
      issuedOn = isoDate(date[1] ?? '', date[2] ?? '', date[3] ?? '');
      end += date[0].length;
    }
    let issuer: string | null = null;
    const by = ISSUER.exec(text.slice(end));
    if (by?.[1]) {
      issuer = by[1].trim();
      end += by[0].length;
    }
    out.push({
      kind: canonicalKind(m[1] ?? ''),
      number,
      issuedOn,
      issuer,
      text: text.slice(m.index, end).trim(),
      at: m.index ?? 0,
    });
  }
  return out;
}

/** One entry per number; later mentions fill in a date or issuer the first one left out. */
export function dedupeRefs(refs: DocumentRef[]): DocumentRef[] {
  const byKey = new Map<string, DocumentRef>();
  for (const ref of refs) {
    const key = numberKey(ref.number);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { kind: ref.kind, number: ref.number, issuedOn: ref.issuedOn, issuer: ref.issuer, text: ref.text });
      continue;
    }
    // Keep the first phrase unless it lacks what a later one gives: the reviewer should see date
    // and issuer together, and the first full citation is the most careful one.
    if ((!seen.issuedOn || !seen.issuer) && ref.issuedOn && ref.issuer) seen.text = ref.text;
    if (!seen.issuedOn && ref.issuedOn) seen.issuedOn = ref.issuedOn;
    if (!seen.issuer && ref.issuer) seen.issuer = ref.issuer;
  }
  return [...byKey.values()];
}
