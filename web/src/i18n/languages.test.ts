import { describe, expect, it } from 'vitest';
import { LANGUAGES, LANGUAGE_CODES, languageOf, pairLanguage, serverText } from './languages';

/** Every key path of a catalogue, 'plans.list.empty' style. */
function keysOf(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, v]) => (typeof v === 'string' ? [`${prefix}${key}`] : keysOf(v as object, `${prefix}${key}.`)));
}

describe('the catalogues', () => {
  it('list Vietnamese first, then the others in the order of LANGUAGES', () => {
    expect(LANGUAGE_CODES).toEqual(['vi', 'en']);
  });

  // The types catch a missing key at compile time; this catches a part spread in twice or an empty text.
  it('have exactly the keys of the Vietnamese catalogue, none empty', () => {
    const source = keysOf(LANGUAGES.vi.messages).sort();
    for (const code of LANGUAGE_CODES) {
      const messages = LANGUAGES[code].messages;
      expect(keysOf(messages).sort(), code).toEqual(source);
      expect(
        keysOf(messages).filter((path) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages) === ''),
        code,
      ).toEqual([]);
    }
  });
});

describe('languageOf', () => {
  it('keeps a known language and falls back to Vietnamese otherwise', () => {
    expect(languageOf('en')).toBe('en');
    expect(languageOf('vi')).toBe('vi');
    expect(languageOf('fr')).toBe('vi');
    expect(languageOf('en-US')).toBe('vi');
    expect(languageOf(null)).toBe('vi');
    expect(languageOf('toString')).toBe('vi');
  });
});

describe('serverText', () => {
  const body = { message: 'Số CCCD đã có', messageEn: 'The ID is already registered' };

  it('shows the server’s sentence in the half of the pair the language reads', () => {
    expect(serverText(body, 'vi')).toBe('Số CCCD đã có');
    expect(serverText(body, 'en')).toBe('The ID is already registered');
    expect(pairLanguage('en')).toBe('en');
  });

  it('falls back to the Vietnamese sentence when there is no English one or the language is unknown', () => {
    expect(serverText({ message: 'Lỗi' }, 'en')).toBe('Lỗi');
    expect(serverText({ message: 'Lỗi', messageEn: null }, 'en')).toBe('Lỗi');
    expect(serverText(body, 'xx')).toBe('Số CCCD đã có');
  });
});
