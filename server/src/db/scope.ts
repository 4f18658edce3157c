/**
 * The SQL side of scope: a unit is inside the caller's scope when its path lies under one of the
 * scope's paths, or when it was merged into a unit that does (successor_paths), so the history of
 * a unit closed by a reorganisation is found under its successor. Both are answered by the
 * generated scope_ids column (all unit ids on those paths) with one GIN-indexed overlap.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import { type Scope, scopeTops } from '../access/principal.ts';

export function orgUnitInScope(alias: string, scope: Scope): Expression<SqlBool> {
  if (scope.paths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(alias)}.scope_ids && ${sql.val(scopeTops(scope))}::bigint[]`;
}
