/**
 * Every message the server and the shared rules send comes from the catalogue
 * (common/src/messages, `say(key, params)`): checked on the source, so that no Vietnamese/English
 * pair written inline comes back. Tests and the catalogue itself are not looked at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(SERVER, '..', '..');
const COMMON = path.join(ROOT, 'common', 'src');
const CATALOGUE = path.join(COMMON, 'messages');

/**
 * Texts that are not messages of the API, kept as they are: what the server prints on the
 * operator's console and the backup tools say (one line, both languages), never sent to a client.
 */
const CONSOLE = ['server/src/main.ts', 'server/src/config.ts', 'server/src/db/lock.ts', 'server/src/ops/'];

/**
 * Texts in both languages that are not messages, kept as they are: the errors file's column (a
 * file format: an import reads it back), the personal-data document's headings, the API's title.
 */
const NOT_MESSAGES = ['Lỗi / Errors', 'Dòng gốc / Row', 'Trường / Field', 'Giá trị / Value', 'Hệ thống thông tin y tế cơ sở / Grassroots health information system'];

const VI = 'àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ';
/** A text with Vietnamese letters, or words with none (English), in matching quotes. */
const vietnamese = (q: string) => `${q}[^\\n${q}]*[${VI}][^\\n${q}]*${q}`;
const english = (q: string) => `${q}[A-Za-z][^\\n${q}${VI}]* [^\\n${q}${VI}]*${q}`;
const QUOTES = ["'", '"', '`'];
const anyOf = (text: (q: string) => string) => `(?:${QUOTES.map(text).join('|')})`;
const VI_TEXT = anyOf(vietnamese);
const EN_TEXT = anyOf(english);
const Q = `[${QUOTES.join('')}]`;

/** The shapes an inline message takes, each with what it is. */
const INLINE: [RegExp, string][] = [
  [new RegExp(`\\bmessage(En|Vi)?\\s*:\\s*${Q}`), 'a message written as text'],
  [new RegExp(`\\b(vi|en)\\s*:\\s*${Q}`), 'a { vi, en } pair'],
  [new RegExp(`new AppError\\(\\s*\\d+\\s*,[^,]+,\\s*${Q}`), 'an AppError with its sentence inline'],
  [new RegExp(`\\w\\([^()[\\]]*?${VI_TEXT}\\s*,\\s*${EN_TEXT}`, 'i'), 'a Vietnamese and an English sentence passed to a function'],
  [new RegExp(`\\[\\s*${VI_TEXT}\\s*,\\s*${EN_TEXT}\\s*\\]`, 'i'), 'a [Vietnamese, English] pair'],
  [new RegExp(`${anyOf((q) => `${q}[^\\n${q}]*[${VI}][^\\n${q}]* / [A-Za-z][^\\n${q}]*${q}`)}`, 'i'), 'one text in both languages ("… / …")'],
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full === CATALOGUE ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The inline messages of a source, as "line: what" (a call may span lines). Comments are not looked at. */
export function inlineMessages(source: string): string[] {
  const code = source
    .split('\n')
    .map((line) => (/^\s*(\/\/|\/?\*)/.test(line) ? '' : NOT_MESSAGES.reduce((text, allowed) => text.replaceAll(allowed, ''), line)))
    .join('\n');
  const lineAt = (index: number) => code.slice(0, index).split('\n').length;
  return [...new Set(INLINE.flatMap(([pattern, what]) => [...code.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))].map((m) => `${lineAt(m.index)}: ${what}`)))];
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

describe('messages', () => {
  it('finds a message written inline (the check can fail)', () => {
    expect(inlineMessages("errors.push({ field: 'x', message: 'Bắt buộc', messageEn: 'Required' });")).toEqual(['1: a message written as text']);
    expect(inlineMessages("  numberMissing: () => w('Không tìm thấy số văn bản.', 'The document number was not found.'),")).toEqual([
      '1: a Vietnamese and an English sentence passed to a function',
    ]);
    expect(inlineMessages("const t = { vi: 'Tên', en: 'Name' };")).toEqual(['1: a { vi, en } pair']);
    expect(inlineMessages("new AppError(404, 'not_found', 'Không tìm thấy', 'Not found')")[0]).toBe('1: an AppError with its sentence inline');
    expect(inlineMessages("x;\nthrow new AppError(\n  403,\n  'cross_origin',\n  'Yêu cầu bị từ chối',\n  'Refused: another site',\n);")).toEqual([
      '2: an AppError with its sentence inline',
      '2: a Vietnamese and an English sentence passed to a function',
    ]);
    expect(inlineMessages("else if (yearCell) error('birthYear', 'Năm sinh không hợp lệ', 'Invalid birth year');")).toEqual(['1: a Vietnamese and an English sentence passed to a function']);
    expect(inlineMessages("  checkup: ['Khám sức khỏe', 'Health check'],")).toEqual(['1: a [Vietnamese, English] pair']);
    expect(inlineMessages("value: `Thiếu tử số / Numerator missing`")).toEqual(['1: one text in both languages ("… / …")']);
    expect(inlineMessages("errors.push({ field: 'x', ...say('common.required') });\n// message: 'Bắt buộc'")).toEqual([]);
    // Vietnamese texts that are not a pair: two names, two template literals of a report's sentence.
    const report = ['coordinating: [\'Công an phường\', \'Các tổ dân phố\']', 'who: [`chủ trì: $', '{t.lead}`, `phối hợp: $', "{t.more.join(', ')}`]"].join('');
    expect(inlineMessages(report)).toEqual([]);
  });

  it('come from the catalogue in every server and common source', () => {
    const files = [...sourceFiles(SERVER), ...sourceFiles(COMMON)].filter((f) => !CONSOLE.some((c) => rel(f).startsWith(c)));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => inlineMessages(fs.readFileSync(f, 'utf8')).map((hit) => `${rel(f)}:${hit}`));
    expect(found).toEqual([]);
  });
});
