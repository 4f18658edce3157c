// Where each role starts its work after signing in: the one rule, here only (the server needs no
// copy of it). A role's page is taken only if the user holds that page's permission — roles are
// data and may change — and a user holding several roles lands on the work of the highest ranked.
import type { Me, Permission } from '@ytcs/common';

/** The main pages and the permission each needs (the routes in App.tsx declare the same). */
export const PAGE_PERMISSION = {
  '/dashboard': 'aggregate.read',
  '/plans': 'plan.read',
  '/residents': 'person.read',
  '/households': 'person.read',
  '/users': 'user.read',
  '/audit': 'audit.read',
  '/org-units': 'org_unit.read',
} as const satisfies Record<string, Permission>;
export type MainPage = keyof typeof PAGE_PERMISSION;

/**
 * Ranked as the roles' sort order (admin first). The station, the province and the health centre
 * follow their targets on the dashboard; the village worker and school health keep their people's
 * records; the committee follows its plans and tasks; the auditor reads the audit log.
 */
export const ROLE_LANDING: ReadonlyArray<readonly [role: string, page: MainPage]> = [
  ['admin', '/users'],
  ['auditor', '/audit'],
  ['province', '/dashboard'],
  ['health_centre', '/dashboard'],
  ['station', '/dashboard'],
  ['village_worker', '/residents'],
  ['school_health', '/residents'],
  ['committee', '/plans'],
];

/** For a role this list does not know: the first page the user may open. */
const FALLBACK: MainPage[] = ['/dashboard', '/plans', '/residents', '/users', '/audit', '/org-units'];

export function landingPath(me: Pick<Me, 'roles' | 'permissions'>): MainPage {
  const may = (page: MainPage) => me.permissions.includes(PAGE_PERMISSION[page]);
  const held = new Set(me.roles.map((r) => r.role));
  for (const [role, page] of ROLE_LANDING) {
    if (held.has(role) && may(page)) return page;
  }
  return FALLBACK.find(may) ?? '/org-units';
}
