/**
 * Text clean-up before parsing. Plans arrive as OCR output, Word exports or markdown: the same
 * letters can be NFC or NFD, spaces can be non-breaking, and a two-column header or signature
 * block survives only as a wide gap between words. We keep that gap as a tab (a column break)
 * and flatten everything else, so the later steps see one spelling of the text.
 */
import { foldVietnamese } from '../text.ts';

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

export function normaliseLines(text: string): string[] {
  const cleaned = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    // Old and new tone placement on "Ủy" both occur in official names; one spelling keeps
    // issuer names and comparisons stable.
    .replace(/Uỷ/g, 'Ủy')
    .replace(/uỷ/g, 'ủy')
    .replace(/UỶ/g, 'ỦY')
    // Markdown emphasis is presentation, not content.
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*(\S(?:[^*\n]*\S)?)\*(?=[\s.,;:)]|$)/gm, '$1$2');
  return cleaned.split('\n').map((line) =>
    line
      .replace(/^\s*#{1,6}\s+/, '')
      .replace(/ {4,}|\t+/g, '\t')
      .replace(/ {2,3}/g, ' ')
      .replace(/ *\t */g, '\t')
      .replace(/^\t+|\t+$/g, '')
      .trim(),
  );
}

/** A line without its column breaks, for readers that do not care about layout. */
export function flat(line: string): string {
  return line.replace(/\t/g, ' ');
}

/**
 * Folds diacritics and case but keeps every index where it was, so a match found in the folded
 * text can be cut out of the original. Assumes NFC input (one code unit per Vietnamese letter).
 */
export function foldKeep(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = foldVietnamese(ch);
    out += f.length === ch.length ? f : ch.length === 1 ? ' ' : ch;
  }
  return out;
}

/** Folded text with punctuation turned into spaces, for keyword matching. */
export function foldWords(text: string): string {
  return foldVietnamese(text.replace(/[^\p{L}\p{N}%]+/gu, ' '));
}

export const TERMINATOR = /(?:[.;:!?]|\.\/\.)["”)]?$/;

export function startsLower(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

export function isAllCaps(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase();
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A letter without its diacritics (đ → d), or the letter itself. */
function baseLetter(ch: string): string {
  return ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace('đ', 'd').replace('Đ', 'D');
}

/**
 * A pattern written with Vietnamese diacritics that also matches text typed without them (or with
 * some lost, as OCR loses them): each accented letter also accepts its bare letter ("chủ trì" →
 * "ch[ủu] tr[ìi]"), so groups are cut from the text as written, with no index to map back.
 */
export function accentFree(re: RegExp): RegExp {
  // Patterns written inside the readers are widened on every call: keep each once. A global or
  // sticky one carries lastIndex, so it is built anew (those are module constants anyway).
  const stateful = re.global || re.sticky;
  const key = `${re.flags}/${re.source}`;
  const known = stateful ? undefined : widened.get(key);
  if (known) return known;
  const made = widen(re);
  if (!stateful) widened.set(key, made);
  return made;
}

const widened = new Map<string, RegExp>();

function widen(re: RegExp): RegExp {
  let out = '';
  let inClass = false;
  const source = re.source;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] ?? '';
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    const base = baseLetter(ch);
    if (base === ch || !/\p{L}/u.test(ch)) out += ch;
    else out += inClass ? ch + base : `[${ch}${base}]`;
  }
  return new RegExp(out, re.flags.includes('u') ? re.flags : `${re.flags}u`);
}
