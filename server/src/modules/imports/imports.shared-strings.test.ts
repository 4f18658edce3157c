import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedStrings } from './imports.shared-strings.ts';

describe('the shared strings of a workbook', () => {
  it('gives back every string, Vietnamese letters and empty ones included, across chunk boundaries', () => {
    const strings = new SharedStrings(20);
    const texts = ['Đỗ Thị Thủy', '', 'Tổ dân phố 5', 'ạ', 'Nguyễn', '0123456789abcdef', '', 'ỹỹỹỹỹ', 'Ư'];
    for (const t of texts) strings.push(t);
    expect(texts.map((_, i) => strings.at(i))).toEqual(texts);
    expect(strings.length).toBe(texts.length);
    expect([strings.at(-1), strings.at(texts.length), strings.at(1.5)]).toEqual([undefined, undefined, undefined]);
  });

  it('reads back whatever is pushed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 128, max: 512 }), fc.array(fc.string({ unit: 'grapheme', maxLength: 4 })), (chunk, texts) => {
        const strings = new SharedStrings(chunk);
        for (const t of texts) strings.push(t);
        return texts.every((t, i) => strings.at(i) === t);
      }),
    );
  });

  it('refuses a string longer than a chunk rather than cutting it', () => {
    expect(() => new SharedStrings(4).push('Thủy')).toThrow(RangeError);
  });

  it('holds a million-row register in about a third of what an array of strings takes', () => {
    const strings = new SharedStrings();
    for (let i = 0; i < 1_000_000; i++) strings.push(`Nguyễn Thị Hồng ${i}`);
    expect(strings.at(999_999)).toBe('Nguyễn Thị Hồng 999999');
    // ~25 UTF-8 bytes and 4 of index a string, in 8 MiB chunks; an array of strings takes ~70.
    expect(strings.bytes).toBeLessThan(1_000_000 * 40);
  });
});
