import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiFileName, evidenceHeaders, safeContentType } from './evidence.ts';

describe('an evidence file as a download', () => {
  it('keeps a type only when the bytes prove it', () => {
    expect(safeContentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(safeContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(safeContentType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('application/octet-stream');
    expect(safeContentType(Buffer.from('%PD'))).toBe('application/octet-stream');
    expect(safeContentType(Buffer.alloc(0))).toBe('application/octet-stream');
  });

  it('names the file in plain ASCII for old browsers', () => {
    expect(asciiFileName('Biên bản Đức Xuân.pdf')).toBe('Bien ban Duc Xuan.pdf');
    expect(asciiFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(asciiFileName('..')).toBe('minh-chung');
    expect(asciiFileName('文件')).toBe('minh-chung');
    expect(asciiFileName('文件.pdf')).toBe('__.pdf');
  });

  it('never lets a name break out of its header, whatever it holds', () => {
    fc.assert(
      // Any grapheme, plus what breaks headers and encoders: quotes, CR/LF, lone surrogates, bidi.
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('"', "'", '\r', '\n', ';', '\\', '%', '*', '\ud800', '\udfff', '\u202e', 'đ'), fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 200 }), (name) => {
        const disposition = evidenceHeaders(name, Buffer.from('x'))['content-disposition'] ?? '';
        return /^attachment; filename="[A-Za-z0-9 ._-]+"; filename\*=UTF-8''[A-Za-z0-9%!._~-]*$/.test(disposition);
      }),
      { numRuns: 1000 },
    );
  });
});
