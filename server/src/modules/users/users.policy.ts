/**
 * Who may manage whose account (issue 9, holes 2 and 3). Roles are ranked by their sort order
 * (admin = 1, highest); an oversight role (the data-protection auditor) ranks with the top role,
 * because the administrators it checks must not control its accounts.
 *
 * - Edit, reset, deactivate or replace the roles of a user: the caller's user.write scope covers
 *   the unit of EVERY role the target holds, and the caller's rank is at least each of them.
 * - Grant a role at a unit (or reset a password, which hands over the target's roles): the
 *   caller holds every permission the role carries over that unit, not just a high enough rank.
 */
import type { Permission } from '@ytcs/common';
import { type Principal, covers, scopeOf } from '../../access/principal.ts';

export interface RankedRole {
  code: string;
  rank: number;
  oversight: boolean;
  permissions: string[];
}

/** A role held, or to be held, at a unit (by ltree path). */
export interface RoleAtUnit {
  role: RankedRole;
  path: string;
}

/** The rank a role is managed at: an oversight role ranks with the top role. */
export function managedRank(role: RankedRole, topRank: number): number {
  return role.oversight ? topRank : role.rank;
}

/** Whether the caller (of this rank) may manage an account holding these roles. */
export function mayManage(principal: Principal, callerRank: number, held: RoleAtUnit[], topRank: number): boolean {
  const scope = scopeOf(principal, 'user.write');
  return held.every((h) => covers(scope, h.path) && managedRank(h.role, topRank) >= callerRank);
}

/** The role's permissions the caller does not hold over the unit. */
export function missingPermissions(principal: Principal, held: RoleAtUnit): string[] {
  return held.role.permissions.filter((p) => !covers(scopeOf(principal, p as Permission), held.path));
}
