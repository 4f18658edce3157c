import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanName, foldVietnamese, textProblem } from './text.ts';

describe('foldVietnamese', () => {
  it('folds names the way staff type them', () => {
    expect(foldVietnamese('Nguyễn Thị Hồng')).toBe('nguyen thi hong');
    expect(foldVietnamese('Đặng Văn Đức')).toBe('dang van duc');
    expect(foldVietnamese('  Phường   Đức Xuân ')).toBe('phuong duc xuan');
  });

  it('is idempotent and leaves only lower-case ASCII for Vietnamese letters', () => {
    const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ '];
    const name = fc.array(fc.constantFrom(...letters), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(name, (s) => {
        const folded = foldVietnamese(s);
        expect(foldVietnamese(folded)).toBe(folded);
        expect(folded).toMatch(/^[a-z ]*$/);
      }),
    );
  });

  it('ignores case and Unicode normal form', () => {
    const letters = [...'aăâdđeêioôơuưyàáảãạằắẳẵặầấẩẫậềếểễệờớởỡợừứửữựỳ '];
    const name = fc.array(fc.constantFrom(...letters), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(name, (s) => {
        expect(foldVietnamese(s.toUpperCase())).toBe(foldVietnamese(s));
        expect(foldVietnamese(s.normalize('NFD'))).toBe(foldVietnamese(s.normalize('NFC')));
      }),
    );
  });
});

describe('textProblem and cleanName (names that look alike must be alike)', () => {
  it('refuses bidi overrides, zero-width characters, controls and lone surrogates', () => {
    for (const bad of ['Nguyễn\u202EVăn', 'Ng\u200Buyễn', 'An\u200D', '\uFEFFHồng', 'A\u0000B', 'A\u001bB', 'A\u2066B\u2069', 'A\uD800B', 'A\uDC00']) {
      expect(textProblem(bad), JSON.stringify(bad)).not.toBeNull();
    }
    expect(textProblem('A\u0000')?.code).toBe('control');
    expect(textProblem('A\u202E')?.code).toBe('invisible');
    expect(textProblem('\uD83D')?.code).toBe('surrogate');
  });

  it('accepts Vietnamese, line breaks and emoji (a surrogate pair is not a lone surrogate)', () => {
    for (const ok of ['Nguyễn Thị Hồng', 'M’Drắk', 'dòng 1\ndòng 2\r\n\tthụt', 'Ổn 👍', 'Ê Đê']) expect(textProblem(ok), ok).toBeNull();
  });

  it('normalises to NFC so the two ways of typing a Vietnamese letter compare equal', () => {
    const decomposed = 'Nguye\u0302\u0303n  Thi\u0323 '; // e + circumflex + tilde, as some keyboards send
    expect(cleanName(decomposed)).toBe('Nguyễn Thị');
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => cleanName(s) === cleanName(cleanName(s)) && cleanName(s) === cleanName(s).normalize('NFC')));
  });
});
