import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { interpolate, isMessageKey, keysOf, placeholdersOf, say, sayIn, textAt } from './index.ts';
import { vi } from './vi.ts';

const DIR = path.dirname(fileURLToPath(import.meta.url));

/** Every catalogue beside this file (vi.ts, en.ts, and any language added later), by code. */
async function catalogues(): Promise<[string, object][]> {
  const files = fs.readdirSync(DIR).filter((f) => /^[a-z]{2,3}(-[A-Za-z]+)?\.ts$/.test(f));
  return Promise.all(
    files.map(async (f) => {
      const code = f.replace(/\.ts$/, '');
      const module = (await import(/* @vite-ignore */ pathToFileURL(path.join(DIR, f)).href)) as Record<string, object>;
      const catalogue = module[code.replace(/-/g, '')];
      if (!catalogue) throw new Error(`${f} must export its catalogue as \`${code.replace(/-/g, '')}\``);
      return [code, catalogue] as [string, object];
    }),
  );
}

/** i18next reads these names from t()'s options; a placeholder so named would not be a plain value. */
const I18NEXT_OPTIONS = ['lng', 'lngs', 'ns', 'context', 'count', 'ordinal', 'defaultValue', 'replace', 'returnObjects', 'returnDetails', 'joinArrays', 'postProcess', 'interpolation', 'keyPrefix'];

describe('the server’s catalogues', () => {
  it('include Vietnamese and English', async () => {
    expect((await catalogues()).map(([code]) => code)).toEqual(expect.arrayContaining(['vi', 'en']));
  });

  // The types catch a missing or extra key at compile time; this catches an empty text or a
  // placeholder a translation dropped, misspelt or invented.
  it('have, in every language, the keys of the Vietnamese catalogue, a text for each and its placeholders', async () => {
    const source = keysOf(vi).sort();
    expect(source.length).toBeGreaterThan(100);
    for (const [code, catalogue] of await catalogues()) {
      expect(keysOf(catalogue).sort(), code).toEqual(source);
      for (const key of source) {
        const text = textAt(catalogue, key);
        expect(text?.trim(), `${code} ${key}`).toBeTruthy();
        expect(placeholdersOf(text as string).sort(), `${code} ${key}`).toEqual(placeholdersOf(textAt(vi, key) as string).sort());
      }
    }
  });

  it('write placeholders only as {{name}} or {{name, number}}, never with a name i18next reads as an option', async () => {
    for (const [code, catalogue] of await catalogues()) {
      for (const key of keysOf(catalogue)) {
        const text = textAt(catalogue, key) as string;
        // Any {{…}} that is not one of the two forms, and any lone brace pair left over.
        const stripped = text.replace(/\{\{\s*[A-Za-z][A-Za-z0-9]*\s*(,\s*number\s*)?\}\}/g, '');
        expect(stripped, `${code} ${key}`).not.toMatch(/\{\{|\}\}|\$t\(/);
        for (const name of placeholdersOf(text)) expect(I18NEXT_OPTIONS, `${code} ${key}`).not.toContain(name);
      }
    }
  });

  it('keep their keys free of the separators and suffixes i18next gives a meaning', () => {
    for (const key of keysOf(vi)) {
      expect(key).toMatch(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/);
      expect(key).not.toMatch(/_(zero|one|two|few|many|other)$/);
    }
  });
});

describe('say', () => {
  it('gives the key, its parameters and the sentence in Vietnamese and English', () => {
    expect(say('registry.householdCodeTaken', { code: 'H12' })).toEqual({
      key: 'registry.householdCodeTaken',
      params: { code: 'H12' },
      message: 'Số hộ H12 đã có trong xã',
      messageEn: 'Household number H12 already exists in this commune',
    });
  });

  it('leaves the parameters out when the sentence has none', () => {
    expect(say('common.notFound')).toEqual({ key: 'common.notFound', message: 'Không tìm thấy hoặc không có quyền truy cập', messageEn: 'Not found or no access' });
  });

  it('writes numbers as each language does when the placeholder asks for it', () => {
    const said = say('imports.tooManyRows', { max: 200_000 });
    expect(said.message).toBe('Tệp có quá 200.000 dòng; hãy tách theo xã hoặc thôn');
    expect(said.messageEn).toBe('The file has more than 200,000 rows; split it by commune or village');
    expect(sayIn('en', 'http.maxLength', { limit: 1000 })).toBe('At most 1000 characters');
  });

  it('refuses a missing parameter and an unknown key rather than send a sentence with a hole', () => {
    expect(() => say('registry.householdCodeTaken', {} as { code: string })).toThrow(/code/);
    expect(() => (say as (key: string) => unknown)('no.suchKey')).toThrow(/no\.suchKey/);
    expect(() => interpolate('Dòng {{row}}', {}, 'vi')).toThrow(/row/);
    expect(() => interpolate('{{row, date}}', { row: 1 }, 'vi')).toThrow(/date/);
  });

  it('replaces every occurrence and nothing else', () => {
    expect(interpolate('{{a}} và {{ a }}, {b}', { a: 'x' }, 'vi')).toBe('x và x, {b}');
    expect(interpolate('$& {{a}}', { a: '$1' }, 'vi')).toBe('$& $1');
  });
});

describe('the keys', () => {
  it('are known by path', () => {
    expect(isMessageKey('common.forbidden')).toBe(true);
    expect(isMessageKey('common')).toBe(false);
    expect(isMessageKey('common.toString')).toBe(false);
    expect(isMessageKey('__proto__.x')).toBe(false);
  });

  it('find the same texts in English', () => {
    expect(textAt(en, 'common.forbidden')).toBe('Your account may not do this');
  });
});
