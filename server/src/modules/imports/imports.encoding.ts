/**
 * Which encoding a CSV is in. Stations' files come from Excel (UTF-8 with a BOM, or UTF-16 for
 * "Unicode text"), and from old Vietnamese software in legacy encodings: Windows-1258 (letters
 * with the tone as a separate combining byte) and TCVN3/ABC (the .Vn fonts' one byte per letter),
 * both converted here, and VNI (a letter written as its vowel plus a mark byte), which is refused by
 * name. A file is taken as a legacy encoding only when decoding it that way gives Vietnamese
 * letters and nothing else; otherwise it is refused, never stored as mojibake.
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows1258' | 'tcvn3';

export type Detected = { encoding: TextEncoding } | { refused: 'vni' | 'unknown' };

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** The vowel groups a Vietnamese syllable may have, without tone (after "qu" and "gi" the u and i belong to the initial). */
const NUCLEI = [
  'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyê', 'uyu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'oo', 'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
];
const SYLLABLE = new RegExp(`^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?(?:${NUCLEI.join('|')})(?:ch|ng|nh|[cmnpt])?$`);

/** Whether a word is a Vietnamese syllable: consonants, one valid vowel group, at most one tone. */
function isSyllable(word: string): boolean {
  const lower = word.toLowerCase().normalize('NFD');
  const tones = lower.match(TONES)?.length ?? 0;
  return tones <= 1 && SYLLABLE.test(lower.replace(TONES, '').normalize('NFC'));
}

/**
 * How much of a decoding reads as Vietnamese: the share of words with a non-ASCII letter that are
 * syllables (ASCII-only words — codes, numbers, English — read the same in every encoding).
 */
function vietnameseShare(text: string): { words: number; share: number } {
  let words = 0;
  let good = 0;
  for (const [word] of text.matchAll(/[^\s\d\p{P}\p{S}]+/gu)) {
    if (/^[a-z]*$/i.test(word)) continue;
    words++;
    if (isSyllable(word)) good++;
  }
  return { words, share: words ? good / words : 0 };
}

/** VNI's tone bytes (ø ù û õ ï and capitals), written after the vowel they mark. */
const VNI_TONES = new Set([0xf8, 0xf9, 0xfb, 0xf5, 0xef, 0xd8, 0xd9, 0xdb, 0xd5, 0xcf]);
/** What they follow: a vowel, or VNI's â ê ô ö (ư) written as a byte after it. */
const VNI_VOWELS = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)).concat([0xe2, 0xea, 0xf4, 0xf6, 0xc2, 0xca, 0xd4, 0xd6]));

const decode = (sample: Buffer, encoding: string) => iconv.decode(sample, encoding).normalize('NFC');

/** UTF-16 without a byte-order mark: ASCII text has a zero in every other byte. */
function utf16Order(sample: Buffer): 'utf16le' | 'utf16be' | null {
  const n = Math.min(sample.length & ~1, 4096);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf16be';
  return null;
}

function isUtf8(sample: Buffer, complete: boolean): boolean {
  // A sample cut inside a character is still UTF-8: drop up to 3 trailing bytes of a sequence.
  let end = sample.length;
  if (!complete) {
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && ((sample[end - back - 1] ?? 0) & 0xc0) === 0x80) back++;
    if (end - back - 1 >= 0 && ((sample[end - back - 1] ?? 0) & 0xc0) === 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * VNI writes each marked letter as its vowel followed by mark bytes ("Nguyeãn", "Thuûy"): many of
 * its high bytes are tone bytes right after a vowel, which neither Windows-1258 nor TCVN3 writes.
 */
function looksLikeVni(sample: Buffer): boolean {
  let high = 0;
  let tones = 0;
  for (let i = 1; i < sample.length; i++) {
    const b = sample[i] ?? 0;
    if (b < 0x80) continue;
    high++;
    if (VNI_TONES.has(b) && VNI_VOWELS.has(sample[i - 1] ?? 0)) tones++;
  }
  return high >= 5 && tones / high >= 0.25;
}

/** The encoding of a CSV from its first bytes (`complete`: the sample is the whole file). */
export function detectEncoding(sample: Buffer, complete = false): Detected {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf8' };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf16le' };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf16be' };
  const utf16 = utf16Order(sample);
  if (utf16) return { encoding: utf16 };
  if (isUtf8(sample, complete)) return { encoding: 'utf8' };
  // A legacy encoding is taken only when nearly every word it gives is a Vietnamese syllable:
  // read in the wrong one, letters land in impossible places ("Phaởm", "Ph¹m").
  const readings = (['windows1258', 'tcvn3'] as const).map((encoding) => ({ encoding, ...vietnameseShare(decode(sample, ICONV_NAME[encoding])) }));
  const best = readings.sort((a, b) => b.share - a.share)[0];
  if (best && best.words >= 3 && best.share >= 0.9) return { encoding: best.encoding };
  return { refused: looksLikeVni(sample) ? 'vni' : 'unknown' };
}

/** iconv-lite's name of an encoding this module detects. */
export const ICONV_NAME: Record<TextEncoding, string> = { utf8: 'utf8', utf16le: 'utf16le', utf16be: 'utf16be', windows1258: 'windows1258', tcvn3: 'tcvn' };

/** How the encoding is called in the preview's note. */
export const ENCODING_LABEL: Record<TextEncoding, string> = { utf8: 'UTF-8', utf16le: 'UTF-16', utf16be: 'UTF-16', windows1258: 'Windows-1258', tcvn3: 'TCVN3 (ABC)' };
