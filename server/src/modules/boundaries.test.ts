/**
 * The module boundaries, checked on the source: a module uses another only through that module's
 * front door (`index.ts`), and a service holds rules, not SQL (that is the repository's job).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULES = path.dirname(fileURLToPath(import.meta.url));

const SQL_CALLS = ['sql`', '.selectFrom(', '.insertInto(', '.updateTable(', '.deleteFrom('];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

const rel = (file: string) => path.relative(MODULES, file).split(path.sep).join('/');
const moduleOf = (relative: string) => relative.split('/')[0];

/** The files of other modules a file imports, other than their front doors. */
export function crossModuleImports(file: string, source: string): string[] {
  const from = rel(file);
  const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1] as string);
  return specifiers
    .map((s) => rel(path.resolve(path.dirname(file), s)))
    .filter((to) => !to.startsWith('..') && to.includes('/') && moduleOf(to) !== moduleOf(from))
    .filter((to) => to !== `${moduleOf(to)}/index.ts`)
    .map((to) => `${from} -> ${to}`);
}

/** The SQL a service file holds (by the calls that write it). */
export const sqlIn = (source: string) => SQL_CALLS.filter((call) => source.includes(call));

const files = sourceFiles(MODULES).filter((f) => f !== fileURLToPath(import.meta.url));

describe('module boundaries', () => {
  it('finds a reach into another module and SQL in a service (the checks can fail)', () => {
    const file = path.join(MODULES, 'records', 'x.ts');
    expect(crossModuleImports(file, "import { a } from '../registry/residents.repository.ts';")).toEqual(['records/x.ts -> registry/residents.repository.ts']);
    expect(crossModuleImports(file, "import { a } from '../registry/index.ts';\nimport { b } from './records.repository.ts';")).toEqual([]);
    expect(sqlIn('await db.selectFrom("resident")')).toEqual(['.selectFrom(']);
  });

  it('lets a module use another only through its index.ts', () => {
    const found = [...new Set(files.flatMap((f) => crossModuleImports(f, fs.readFileSync(f, 'utf8'))))];
    expect(found).toEqual([]);
  });

  it('keeps SQL out of services', () => {
    const found = files.filter((f) => f.endsWith('.service.ts') && sqlIn(fs.readFileSync(f, 'utf8')).length > 0).map(rel);
    expect(found).toEqual([]);
  });
});
