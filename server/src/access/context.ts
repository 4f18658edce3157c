/**
 * What a service method needs to know about the request, in one value instead of positional
 * (principal, scope, actor) arguments: who calls, what the route's permission lets them reach,
 * how to ask for another permission's scope, and who to write in the audit log.
 */
import type { Permission } from '@ytcs/common';
import type { Actor } from '../http/app-types.ts';
import { type Principal, type Scope, scopeOf } from './principal.ts';

export interface RequestContext {
  /** Null only on public routes. */
  principal: Principal | null;
  /** The scope of the permission the route declares (empty for signed-in and public routes). */
  scope: Scope;
  actor: Actor;
  /** The scope of another permission (a record read that also shows aggregates, a grant check). */
  scopeFor(permission: Permission): Scope;
}

export function contextOf(req: { principal: Principal | null; scope: Scope; actor: Actor }): RequestContext {
  const { principal, scope, actor } = req;
  return { principal, scope, actor, scopeFor: (permission) => (principal ? scopeOf(principal, permission) : { paths: [] }) };
}

/** The context of a route that required sign-in: the principal is there. */
export type SignedIn = RequestContext & { principal: Principal };

/** The context of a route that required sign-in (the access hook has already refused others). */
export function signedInContext(req: { principal: Principal | null; scope: Scope; actor: Actor }): SignedIn {
  const ctx = contextOf(req);
  if (!ctx.principal) throw new Error('route reached without a principal');
  return ctx as SignedIn;
}
