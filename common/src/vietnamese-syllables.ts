/**
 * Whether text reads as Vietnamese, syllable by syllable: the test both importers (residents'
 * CSVs, plans) use to tell a legacy encoding (TCVN3, Windows-1258) read right from one read
 * wrong — read in the wrong one, letters land in impossible places ("Phaởm", "Ph¹m"). Pure, so
 * it lives here; the decoding itself (iconv-lite) stays on the server.
 */

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** The vowel groups a Vietnamese syllable may have, without tone (after "qu" and "gi" the u and i belong to the initial). */
const NUCLEI = [
  'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyê', 'uyu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'oo', 'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
];
const SYLLABLE = new RegExp(`^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?(?:${NUCLEI.join('|')})(?:ch|ng|nh|[cmnpt])?$`);

/** Whether a word is a Vietnamese syllable: consonants, one valid vowel group, at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  const lower = word.toLowerCase().normalize('NFD');
  const tones = lower.match(TONES)?.length ?? 0;
  return tones <= 1 && SYLLABLE.test(lower.replace(TONES, '').normalize('NFC'));
}

/**
 * How much of a text reads as Vietnamese: the share of words with a non-ASCII letter that are
 * syllables (ASCII-only words — codes, numbers, English — read the same in every encoding).
 */
export function vietnameseShare(text: string): { words: number; share: number } {
  let words = 0;
  let good = 0;
  for (const [word] of text.matchAll(/[^\s\d\p{P}\p{S}]+/gu)) {
    if (/^[a-z]*$/i.test(word)) continue;
    words++;
    if (isVietnameseSyllable(word)) good++;
  }
  return { words, share: words ? good / words : 0 };
}

/** VNI's tone bytes (ø ù û õ ï and capitals), written after the vowel they mark. */
const VNI_TONES = new Set([0xf8, 0xf9, 0xfb, 0xf5, 0xef, 0xd8, 0xd9, 0xdb, 0xd5, 0xcf]);
/** What they follow: a vowel, or VNI's â ê ô ö (ư) written as a byte after it. */
const VNI_VOWELS = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)).concat([0xe2, 0xea, 0xf4, 0xf6, 0xc2, 0xca, 0xd4, 0xd6]));

/**
 * VNI writes each marked letter as its vowel followed by mark bytes ("Nguyeãn", "Thuûy"): many of
 * its high bytes are tone bytes right after a vowel, which neither Windows-1258 nor TCVN3 writes.
 */
export function looksLikeVni(bytes: Uint8Array): boolean {
  let high = 0;
  let tones = 0;
  for (let i = 1; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) continue;
    high++;
    if (VNI_TONES.has(b) && VNI_VOWELS.has(bytes[i - 1] ?? 0)) tones++;
  }
  return high >= 5 && tones / high >= 0.25;
}
