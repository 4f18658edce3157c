import { ORG_UNIT_KINDS, ORG_UNIT_LEVELS, interpolate, keysOf, placeholdersOf, say, textAt } from '@ytcs/common';
import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, LANGUAGE_CODES, SOURCE_LANGUAGE, i18nResources, languageOf, pairLanguage, serverText } from './languages';

// As the app starts it (index.ts), without the browser parts.
beforeAll(async () => {
  await i18n.init({ resources: i18nResources(), ns: ['translation', 'server'], lng: SOURCE_LANGUAGE, fallbackLng: SOURCE_LANGUAGE, initAsync: false, interpolation: { escapeValue: false } });
});


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

describe('the labels of common’s code lists', () => {
  it('name every kind and level of unit (a kind added to common needs its label)', () => {
    const { kinds, levels } = LANGUAGES.vi.messages.orgUnit;
    expect(Object.keys(kinds).sort()).toEqual([...ORG_UNIT_KINDS].sort());
    expect(Object.keys(levels).sort()).toEqual([...ORG_UNIT_LEVELS].sort());
  });
});

describe('the server’s catalogues', () => {
  it('are there for every language, with the keys and placeholders of the Vietnamese one', () => {
    const source = keysOf(LANGUAGES.vi.serverMessages).sort();
    for (const code of LANGUAGE_CODES) {
      const messages = LANGUAGES[code].serverMessages;
      expect(keysOf(messages).sort(), code).toEqual(source);
      for (const key of source) {
        const text = textAt(messages, key) as string;
        expect(text.trim(), `${code} ${key}`).not.toBe('');
        expect(placeholdersOf(text).sort(), `${code} ${key}`).toEqual(placeholdersOf(textAt(LANGUAGES.vi.serverMessages, key) as string).sort());
      }
    }
  });

  // The server writes message/messageEn with say(), the web the key with i18next: the same sentence.
  it('read by i18next give the sentence the server writes', () => {
    for (const code of LANGUAGE_CODES) {
      const messages = LANGUAGES[code].serverMessages;
      for (const key of keysOf(messages)) {
        const text = textAt(messages, key) as string;
        const params = Object.fromEntries(placeholdersOf(text).map((name, n) => [name, n % 2 ? 12345 : `<${name} & $1>`]));
        expect(i18n.t(`server:${key}`, { lng: code, replace: params }), `${code} ${key}`).toBe(interpolate(text, params, code));
      }
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

  it('shows a message by its key in the language, from the server’s catalogue', () => {
    const said = say('registry.householdCodeTaken', { code: 'H12' });
    // The pair is left out of the catalogue's reach: what shows comes from the key.
    const keyed = { key: said.key, params: said.params, message: 'x', messageEn: 'y' };
    expect(serverText(keyed, 'en')).toBe('Household number H12 already exists in this commune');
    expect(serverText(keyed, 'vi')).toBe('Số hộ H12 đã có trong xã');
    expect(serverText(said, 'en')).toBe(said.messageEn);
    expect(serverText(say('imports.tooManyRows', { max: 200_000 }), 'en')).toBe('The file has more than 200,000 rows; split it by commune or village');
  });

  it('falls back to the pair for a text without a key (stored before the catalogue) or with a key it does not know', () => {
    expect(serverText(body, 'en')).toBe('The ID is already registered');
    expect(serverText({ ...body, key: 'registry.somethingNewer', params: { n: 1 } }, 'en')).toBe('The ID is already registered');
    expect(serverText({ ...body, key: 'registry', params: {} }, 'vi')).toBe('Số CCCD đã có');
    expect(serverText({ ...body, key: null }, 'vi')).toBe('Số CCCD đã có');
  });

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
