/**
 * Who is calling and what they may do where. A user holds roles at org units; a role grants
 * permissions (both are data). The scope of a permission is the union of the subtrees of the
 * org units where the user holds a role granting it, plus the areas those units serve (a health
 * centre's catchment communes). This is the one evaluator every route goes through.
 */
import type { Permission } from '@ytcs/common';
import { isBelow, isWithin, unitOfPath } from './paths.ts';

export interface Grant {
  permission: string;
  path: string;
}

export interface Principal {
  userId: number;
  username: string;
  sessionHash: string;
  grants: Grant[];
  /** Set by an administrator's reset: until changed, only me, logout and the change are served. */
  mustChangePassword?: boolean;
}

/** ltree paths of the subtrees the caller may reach with this permission; empty = none. */
export interface Scope {
  paths: string[];
}

export function scopeOf(principal: Principal, permission: Permission): Scope {
  const paths = [...new Set(principal.grants.filter((g) => g.permission === permission).map((g) => g.path))];
  // A path inside another adds nothing; dropping it keeps the SQL predicate short.
  const minimal = paths.filter((p) => !paths.some((q) => q !== p && isBelow(p, q)));
  return { paths: minimal.sort() };
}

/** Whether a unit (by path) lies inside a scope. */
export function covers(scope: Scope, path: string): boolean {
  return scope.paths.some((p) => isWithin(path, p));
}

/** The units at the top of a scope (a path's last label is its unit). */
export const scopeTops = (scope: Scope): number[] => scope.paths.map(unitOfPath);

export function permissionsOf(principal: Principal): string[] {
  return [...new Set(principal.grants.map((g) => g.permission))].sort();
}

