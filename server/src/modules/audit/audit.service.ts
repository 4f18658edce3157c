/**
 * Reading the audit log within the caller's audit.read scope; a country-wide scope also sees the
 * events that concern no unit (a failed sign-in for an unknown name).
 */
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { type AuditFilter, isCountryWide, listAudit } from './audit.repository.ts';

export function auditService(db: Kysely<DB>) {
  return {
    /** A page of events, with the names the reader may see (audit.names.ts). */
    list: (ctx: Pick<RequestContext, 'scope' | 'scopeFor'>, filter: AuditFilter) =>
      listAudit(db, ctx.scope, isCountryWide(ctx.scope), filter, { users: ctx.scopeFor('user.read').paths.length > 0, plans: ctx.scopeFor('plan.read') }),
  };
}
