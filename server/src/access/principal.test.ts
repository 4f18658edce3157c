import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Principal, scopeOf } from './principal.ts';

const principal = (grants: [string, string][]): Principal => ({
  userId: 1,
  username: 'u',
  sessionHash: 'h',
  grants: grants.map(([permission, path]) => ({ permission, path })),
});

describe('scopeOf', () => {
  it('keeps the paths of the roles granting the permission, without nested ones', () => {
    const p = principal([
      ['person.read', '1.20.300'],
      ['person.read', '1.20.300.4000'],
      ['person.read', '1.21'],
      ['audit.read', '1'],
    ]);
    expect(scopeOf(p, 'person.read').paths).toEqual(['1.20.300', '1.21']);
    expect(scopeOf(p, 'user.write').paths).toEqual([]);
  });

  it('does not take a sibling whose id starts the same for an ancestor', () => {
    expect(scopeOf(principal([['org_unit.read', '1.2'], ['org_unit.read', '1.23']]), 'org_unit.read').paths).toEqual(['1.2', '1.23']);
  });

  it('covers every granted path by some scope path (property)', () => {
    const path = fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 }).map((a) => a.join('.'));
    fc.assert(
      fc.property(fc.array(path, { maxLength: 10 }), (paths) => {
        const scope = scopeOf(principal(paths.map((p) => ['org_unit.read', p])), 'org_unit.read');
        for (const p of paths) expect(scope.paths.some((s) => p === s || p.startsWith(`${s}.`))).toBe(true);
        for (const s of scope.paths) expect(scope.paths.filter((t) => s.startsWith(`${t}.`))).toEqual([]);
      }),
    );
  });
});
