/**
 * The SQL side of scope: a unit is inside the caller's scope when its path lies under one of the
 * scope's paths, or when it was merged into a unit that does (successor_paths), so the history of
 * a unit closed by a reorganisation is found under its successor.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Scope } from '../access/principal.ts';

export function orgUnitInScope(alias: string, scope: Scope): Expression<SqlBool> {
  if (scope.paths.length === 0) return sql<SqlBool>`false`;
  const ref = sql.ref(alias);
  const parts = scope.paths.map(
    (p) => sql<SqlBool>`(${ref}.path <@ ${p}::ltree or ${ref}.successor_paths <@ ${p}::ltree)`,
  );
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}
