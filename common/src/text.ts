import { type Said, say } from './messages/index.ts';

/**
 * Vietnamese text folding for search: staff type "nguyen thi hong" for "Nguyễn Thị Hồng",
 * and "dang" must find "Đặng" (đ is a letter of its own, not an accented d, so NFD alone
 * leaves it). The database folds with the same rules (function ytcs_fold); a test checks both agree.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    // Central Highlands names write the apostrophe either way (M’Drắk, M'Drắk).
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Characters no text a person types may carry: control characters (NUL breaks PostgreSQL text),
 * lone surrogates (not Unicode; PostgreSQL refuses them), and invisible format characters —
 * bidirectional overrides and isolates ("Trojan Source": a name that displays differently from
 * what is stored) and zero-width characters (two names that look the same but are not, so a
 * duplicate slips past detection). Tab, line feed and carriage return stay allowed.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const FORBIDDEN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface TextProblem extends Said {
  code: 'control' | 'invisible' | 'surrogate';
}

/** Why this text cannot be stored, or null when it can. */
export function textProblem(text: string): TextProblem | null {
  const m = FORBIDDEN_TEXT.exec(text);
  if (!m) return null;
  const c = m[0].charCodeAt(0);
  if (c >= 0xd800 && c <= 0xdfff) return { code: 'surrogate', ...say('text.surrogate') };
  if (c <= 0x9f) return { code: 'control', ...say('text.control') };
  return { code: 'invisible', ...say('text.invisible') };
}

/**
 * A person's or place's name as stored: NFC (one code point per Vietnamese letter, so "Hồng"
 * typed on two keyboards compares equal), single spaces, trimmed.
 */
export function cleanName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
