/**
 * How a task's evidence file goes back to a browser. The uploader chose its name and claimed its
 * type, so neither is trusted: the file is always a download (never rendered in the app's
 * origin, where an HTML or SVG "report" would run as the reader), its type is one of a few kept
 * only when the bytes say so, and it is not cached.
 */

/** The types a browser may be told, each with the bytes the file must start with. */
const KNOWN_TYPES: { type: string; magic: number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/** The type the file's bytes prove, or application/octet-stream. */
export function safeContentType(content: Uint8Array): string {
  const known = KNOWN_TYPES.find((k) => k.magic.every((b, i) => content[i] === b));
  return known?.type ?? 'application/octet-stream';
}

/** A plain-ASCII name for browsers that ignore filename*: letters without marks, the rest '_'. */
export function asciiFileName(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 ._-]/g, '_')
    .trim()
    .slice(0, 150);
  return plain.replace(/^[._]+$/, '') || 'minh-chung';
}

/**
 * RFC 5987 ext-value: UTF-8, percent-encoding everything outside attr-char (encodeURIComponent
 * leaves '()* in). A lone surrogate, which encodeURIComponent throws on, becomes U+FFFD.
 */
const rfc5987 = (name: string) =>
  encodeURIComponent(name.replace(/\p{Cs}/gu, '\uFFFD')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function evidenceHeaders(fileName: string, content: Uint8Array): Record<string, string> {
  return {
    'content-type': safeContentType(content),
    'content-disposition': `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${rfc5987(fileName)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}
