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
    list: (ctx: Pick<RequestContext, 'scope'>, filter: AuditFilter) => listAudit(db, ctx.scope, isCountryWide(ctx.scope), filter),
  };
}
