/**
 * The SQL side of scope: a unit is inside the caller's scope when its path lies under one of the
 * scope's paths, or when it was merged into a unit that does (successor_paths), so the history of
 * a unit closed by a reorganisation is found under its successor. Both are answered by the
 * generated scope_ids column (all unit ids on those paths) with one GIN-indexed overlap.
 */
import { type Expression, type Kysely, type SqlBool, type Transaction, sql } from 'kysely';
import { type Scope, scopeTops } from '../access/principal.ts';
import type { DB } from './schema.ts';

export function orgUnitInScope(alias: string, scope: Scope): Expression<SqlBool> {
  if (scope.paths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(alias)}.scope_ids && ${sql.val(scopeTops(scope))}::bigint[]`;
}

/*
 * Households and residents are reached through their home unit (village, or commune when no
 * village is known). The units are a small set (a province has a few thousand villages), so the
 * check is a hash semi-join on an indexed column.
 */
/** The ids of the units under the caller's scope, as a subquery. */
export function homeUnitsOf(db: Kysely<DB> | Transaction<DB>, scope: Scope) {
  return db.selectFrom('org_unit as su').where(orgUnitInScope('su', scope)).select('su.id');
}

export function homeUnitInScope(db: Kysely<DB> | Transaction<DB>, column: string, scope: Scope): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (${homeUnitsOf(db, scope)})`;
}

