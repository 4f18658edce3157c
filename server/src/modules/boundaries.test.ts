/**
 * The module boundaries, checked on the source: a module uses another only through that module's
 * front door (`index.ts`), and a service holds rules, not SQL (that is the repository's job).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULES = path.dirname(fileURLToPath(import.meta.url));

/**
 * Known exceptions, each to be removed as its module is given a front door (then this test fails
 * on the stale entry, so that the list only shrinks). Empty both lists once every module is done.
 * Imports are `importing file -> imported file`, paths relative to server/src/modules.
 */
const ALLOWED_IMPORTS = new Set<string>([
  // Route schemas move to the contracts in @ytcs/common.
  'privacy/privacy.routes.ts -> records/records.schemas.ts',
  'records/records.schemas.ts -> registry/registry.schemas.ts',
  // Reports, plans and users reach into modules that have no front door for them yet.
  'reports/reports.routes.ts -> plans/plans.service.ts',
  'reports/reports.service.ts -> indicators/indicators.repository.ts',
  'reports/reports.service.ts -> plans/plans.service.ts',
  'reports/reports.service.ts -> plans/plans.repository.ts',
  'users/users.service.ts -> auth/auth.session.ts',
  'users/users.service.ts -> auth/passwords.ts',
]);
/** Services that still hold SQL, to be moved into their repositories. */
const ALLOWED_SQL_IN_SERVICES = new Set<string>(['plans/plans.service.ts', 'plans/tasks.service.ts']);

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
    expect(found.filter((i) => !ALLOWED_IMPORTS.has(i))).toEqual([]);
    expect([...ALLOWED_IMPORTS].filter((i) => !found.includes(i)), 'stale allow-list entries').toEqual([]);
  });

  it('keeps SQL out of services', () => {
    const found = files.filter((f) => f.endsWith('.service.ts') && sqlIn(fs.readFileSync(f, 'utf8')).length > 0).map(rel);
    expect(found.filter((f) => !ALLOWED_SQL_IN_SERVICES.has(f))).toEqual([]);
    expect([...ALLOWED_SQL_IN_SERVICES].filter((f) => !found.includes(f)), 'stale allow-list entries').toEqual([]);
  });
});
