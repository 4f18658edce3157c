import iconv from 'iconv-lite';

/** Text as Windows software writes Windows-1258: â ê ô ă ơ ư đ as letters, the tone as a combining byte after them. */
export function windows1258(text: string): Buffer {
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const written = [...text.normalize('NFC')]
    .map((ch) => {
      const d = ch.normalize('NFD');
      return d.replace(tones, '').normalize('NFC') + (d.match(tones) ?? []).join('');
    })
    .join('');
  return iconv.encode(written, 'windows1258');
}
