import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from './text.ts';

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
