/**
 * The server's messages (errors, warnings, the shared rules' findings) as one catalogue per
 * language: vi.ts defines the keys, every other language is typed `ServerMessages`. A message is
 * raised by key with its variable parts as named parameters, `say('registry.householdCodeTaken',
 * { code })`, and goes on the wire as `{ key, params, message, messageEn }`: the web shows the key
 * in its own language (the catalogues are its i18next namespace `server`), an older client the pair.
 * Texts use i18next's syntax: `{{name}}`, or `{{name, number}}` for a number written as the
 * language writes it (200.000 / 200,000). No TypeBox here: the web bundle imports this.
 * See docs/translating.md.
 */
import { en } from './en.ts';
import { type ServerMessages, vi } from './vi.ts';

export type { ServerMessages };

type Source = typeof vi;

/** 'area.name' for every text of the Vietnamese catalogue. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Source>;

type TextOf<K extends string, T = Source> = K extends `${infer Head}.${infer Rest}` ? (Head extends keyof T ? TextOf<Rest, T[Head]> : never) : K extends keyof T ? T[K] : never;

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
type NameOf<P extends string> = P extends `${infer Name},${string}` ? Trim<Name> : Trim<P>;
type Placeholders<S> = S extends `${string}{{${infer P}}}${infer Rest}` ? NameOf<P> | Placeholders<Rest> : never;

/** The parameters a message's text names, each a string or a number. */
export type MessageParams<K extends MessageKey> = { [Name in Placeholders<TextOf<K>>]: string | number };

/** The parameters of `say`: none for a text without placeholders, else all of them. */
export type SayArgs<K extends MessageKey> = [Placeholders<TextOf<K>>] extends [never] ? [] : [params: MessageParams<K>];

/** The values of a message's placeholders, by name. */
export type SaidParams = Record<string, string | number>;

/** A message as it goes on the wire: its key and parameters, and the sentence in Vietnamese and English. */
export interface Said {
  key: MessageKey;
  params?: SaidParams;
  /** Vietnamese. */
  message: string;
  messageEn: string;
}

/** The languages the server writes its sentences in (message, messageEn). */
export type SaidLanguage = 'vi' | 'en';
const CATALOGUES: Record<SaidLanguage, ServerMessages> = { vi, en };

/** The text at 'area.name' in a catalogue, or undefined (own properties only: no 'x.toString'). */
export function textAt(catalogue: object, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export const isMessageKey = (key: unknown): key is MessageKey => typeof key === 'string' && textAt(vi, key) !== undefined;

/** Every key of a catalogue, 'area.name' style. */
export function keysOf(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`)));
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** The names of a text's placeholders, each once. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => (m[1] as string).split(',')[0]?.trim() ?? ''))];
}

/**
 * A text with its placeholders filled, as i18next fills them: `{{name}}` by the value as text,
 * `{{name, number}}` by the number in the locale. A missing value or another format throws: a
 * sentence with a hole must not reach anyone.
 */
export function interpolate(text: string, params: SaidParams | undefined, locale: string): string {
  return text.replace(PLACEHOLDER, (_, inner: string) => {
    const [name = '', format, ...rest] = inner.split(',').map((s) => s.trim());
    if (rest.length > 0 || (format !== undefined && format !== 'number')) throw new Error(`Unsupported placeholder {{${inner}}} in "${text}"`);
    const value = params && Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) throw new Error(`No value for {{${name}}} in "${text}"`);
    return format === 'number' ? new Intl.NumberFormat(locale).format(Number(value)) : String(value);
  });
}

/** One language's sentence for a message: for texts built from several parts (a record's timeline). */
export function sayIn<K extends MessageKey>(language: SaidLanguage, key: K, ...args: SayArgs<K>): string {
  const text = textAt(CATALOGUES[language], key);
  if (text === undefined) throw new Error(`Unknown message key ${key}`);
  return interpolate(text, args[0] as SaidParams | undefined, language);
}

/** A message by key: what every error, warning and finding carries (`{ field, ...say(key, params) }`). */
export function say<K extends MessageKey>(key: K, ...args: SayArgs<K>): Said {
  const params = args[0] as SaidParams | undefined;
  const message = sayIn('vi', key, ...args);
  const messageEn = sayIn('en', key, ...args);
  return params && Object.keys(params).length > 0 ? { key, params, message, messageEn } : { key, message, messageEn };
}
