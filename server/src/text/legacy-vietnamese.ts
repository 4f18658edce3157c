/**
 * Vietnamese typed in the .Vn fonts (TCVN3/ABC) before Unicode. Word, pdftotext and the clipboard
 * give such text as the Windows-1252/Latin-1 characters of its bytes ("KÕ ho¹ch", "Ch­¬ng
 * tr×nh"); read as TCVN3 it is Vietnamese again. A text is converted only when nearly every word
 * it then gives is a Vietnamese syllable and clearly more than before — the CSV importer's test —
 * so modern Unicode is never touched. VNI (another old font family) is recognised but not
 * converted: its text is left as it is and said to be unreadable, never stored as mojibake.
 */
import iconv from 'iconv-lite';
import { looksLikeVni, vietnameseShare } from '@ytcs/common';

/** How the encodings are named to the reviewer. */
export const TCVN3 = 'TCVN3 (ABC)';
export const VNI = 'VNI';

export interface LegacyReading {
  text: string;
  /** The legacy encoding the text was converted from, or null. */
  converted: typeof TCVN3 | 'Windows-1258' | null;
  /** A legacy encoding seen but left as it is (it could not be read), or null. */
  unreadable: typeof TCVN3 | typeof VNI | null;
}

/** Windows-1252's characters for bytes 0x80–0x9F (€ ‚ ƒ … – “ ”), back to their bytes. */
const CP1252_BYTES = new Map<string, number>();
for (let b = 0x80; b <= 0x9f; b++) {
  const ch = iconv.decode(Buffer.from([b]), 'windows1252');
  if (ch !== '\ufffd') CP1252_BYTES.set(ch, b);
}

/**
 * TCVN3's letters for bytes 0xA1–0xFF. Only these: the .Vn fonts use the VN3 set, which keeps
 * Windows' punctuation at 0x80–0x9F and has no letters below 0x20 (iconv's table, the full
 * TCVN 5712, puts capitals with tones there).
 */
const TCVN3_LETTERS = new Map<string, string>();
for (let b = 0xa1; b <= 0xff; b++) TCVN3_LETTERS.set(String.fromCharCode(b), iconv.decode(Buffer.from([b]), 'tcvn'));

/** The bytes behind a text read as Windows-1252 or Latin-1, or null when a character is neither. */
export function legacyBytes(text: string): Uint8Array | null {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const b = code <= 0xff ? code : CP1252_BYTES.get(ch);
    if (b === undefined) return null;
    bytes.push(b);
  }
  return Uint8Array.from(bytes);
}

/** Text of the .Vn fonts in Unicode: each Latin-1 letter read as its TCVN3 byte; the rest stays. */
export function fromTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_LETTERS.get(ch) ?? ch;
  return out.normalize('NFC');
}

/** Whether a TCVN3 reading is right: nearly every word a syllable, and clearly more than as it was. */
export function tcvn3ReadsBetter(before: string, after: string): boolean {
  const was = vietnameseShare(before);
  const now = vietnameseShare(after);
  return now.words >= 3 && now.share >= 0.9 && now.share - was.share >= 0.2;
}

/** A whole text (pasted, or from a file without font names): converted when it is TCVN3. */
export function readLegacyVietnamese(text: string): LegacyReading {
  const unchanged: LegacyReading = { text, converted: null, unreadable: null };
  if (!/[\u00a1-\u00ff]/.test(text)) return unchanged;
  // A character beyond Windows-1252 (ạ, ư, đ…) means the text is Unicode already.
  const bytes = legacyBytes(text);
  if (!bytes) return unchanged;
  const converted = fromTcvn3(text);
  if (tcvn3ReadsBetter(text, converted)) return { text: converted, converted: TCVN3, unreadable: null };
  return { text, converted: null, unreadable: looksLikeVni(bytes) ? VNI : null };
}
