/**
 * Which encoding a CSV or a plan's text file is in. Stations' files come from Excel (UTF-8 with a BOM, or UTF-16 for
 * "Unicode text"), and from old Vietnamese software in legacy encodings: Windows-1258 (letters
 * with the tone as a separate combining byte) and TCVN3/ABC (the .Vn fonts' one byte per letter),
 * both converted here, and VNI (a letter written as its vowel plus a mark byte), which is refused by
 * name. A file is taken as a legacy encoding only when decoding it that way gives Vietnamese
 * letters and nothing else; otherwise it is refused, never stored as mojibake.
 */
import iconv from 'iconv-lite';
import { looksLikeVni, vietnameseShare } from '@ytcs/common';

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows1258' | 'tcvn3';

export type Detected = { encoding: TextEncoding } | { refused: 'vni' | 'unknown' };

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
export const ENCODING_LABEL = { utf8: 'UTF-8', utf16le: 'UTF-16', utf16be: 'UTF-16', windows1258: 'Windows-1258', tcvn3: 'TCVN3 (ABC)' } as const satisfies Record<TextEncoding, string>;
