/**
 * National identifiers (personal ID = CCCD, social-insurance number): one person, one record
 * nationwide, so registering a number already on a record is refused. What the refusal says
 * depends on where that record is:
 *
 * - in the caller's scope: which record (the caller may open it anyway);
 * - outside it: only that the person is registered elsewhere, so the station can ask for a
 *   transfer — no id, no unit, no name. Otherwise the form is an oracle telling anyone who may
 *   register people whether a number belongs to someone in the country.
 *
 * Every lookup that finds someone is audited with the found resident and that resident's commune
 * (so the owning unit's auditor sees who asked), never with the number. "Registered elsewhere"
 * answers are limited per user (ID_LOOKUP_LIMIT an hour); over the limit, every number not found
 * in scope gets the same 429, registered or not, so the limit is no oracle either.
 *
 * Why not @fastify/rate-limit: it counts requests to a route, and registering people is a
 * station's daily work (hundreds a day), while the answer to limit is one kind of outcome known
 * only after the lookup. The audit events are the counter: shared by every server process,
 * surviving restarts, read through the (user_id, at) index, and counted under a per-user advisory
 * lock so that concurrent probes cannot all slip under the limit.
 */
import { type ResidentInput, checkResident, say } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, type FieldError, invalid } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { findByIdentifier, lockedLookupUsage } from './residents.repository.ts';

/** "Registered elsewhere" answers a user may get in an hour. */
export const ID_LOOKUP_LIMIT = 20;
const WINDOW_SECONDS = 3600;
/** First key of the advisory lock serialising one user's lookups (the second is the user id). */
const LOCK_CLASS = 9005;

const IDENTIFIERS = [
  { column: 'citizen_id', value: 'citizenId', field: 'citizenId', duplicateCode: 'duplicate_citizen_id', taken: 'registry.citizenIdTaken', takenField: 'registry.citizenIdTakenField' },
  { column: 'social_insurance_no', value: 'socialInsuranceNo', field: 'insuranceCode', duplicateCode: 'duplicate_insurance_no', taken: 'registry.insuranceNoTaken', takenField: 'registry.insuranceNoTakenField' },
] as const;

export type IdentifierField = 'citizenId' | 'insuranceCode';

export const registeredElsewhere = (field: string) => new AppError(409, 'registered_elsewhere', say('registry.registeredElsewhere'), [{ field, ...say('registry.registeredElsewhereField') }]);

const lookupsLimited = (seconds: number) => new AppError(429, 'rate_limited', say('registry.lookupsLimited', { seconds }), undefined, { retryAfterSeconds: seconds });

/**
 * Refuses a resident whose personal ID or insurance number is already on another record.
 * Run with the root connection, outside the write's transaction: the audit of the lookup must
 * stay when the write is refused. `fields` limits the check to identifiers being changed.
 */
export async function guardIdentifiers(db: Kysely<DB>, ctx: RequestContext, input: ResidentInput, opts: { prefix?: string; exceptId?: number; fields?: IdentifierField[] } = {}) {
  const check = checkResident(input);
  if (check.errors.length) throw invalid(check.errors.map(({ field, code: _code, ...said }): FieldError => ({ field: `${opts.prefix ?? ''}${field}`, ...said })));
  for (const id of IDENTIFIERS) {
    const value = check.value[id.value];
    if (!value || (opts.fields && !opts.fields.includes(id.field))) continue;
    const field = `${opts.prefix ?? ''}${id.field}`;
    const found = await findByIdentifier(db, ctx.scope, id.column, value, opts.exceptId);
    const audit = (on: Kysely<DB>, answer: string) => recordAudit(on, ctx.actor, { action: 'person.id_lookup', entityType: 'resident', entityId: found?.id, orgUnitId: found?.communeId, details: { answer, field: id.field } });
    if (found?.inScope) {
      await audit(db, 'in_scope');
      throw new AppError(409, id.duplicateCode, say(id.taken, { residentId: found.id }), [{ field, ...say(id.takenField) }], { residentId: found.id });
    }
    // Not in scope (registered elsewhere, or nowhere): the per-user limit applies to both alike.
    const refusal = await db.transaction().execute(async (trx) => {
      const used = await lockedLookupUsage(trx, ctx.actor.userId, LOCK_CLASS, WINDOW_SECONDS);
      if (used.n >= ID_LOOKUP_LIMIT) {
        if (found) await audit(trx, 'limited');
        return lookupsLimited(Math.max(1, used.wait ?? WINDOW_SECONDS));
      }
      if (found) {
        await audit(trx, 'elsewhere');
        return registeredElsewhere(field);
      }
      return null;
    });
    if (refusal) throw refusal;
  }
}

/**
 * The same hourly budget for a batch (an import preview): of the holders found outside the
 * caller's scope, those still within the budget may be answered "registered elsewhere" (each
 * audited as a lookup, so it counts); `exhausted` says the rest may not — and then no number of
 * the batch that was not found in scope may be answered either way, or the difference would tell.
 */
export async function spendElsewhere(db: Kysely<DB>, ctx: RequestContext, holders: { id: number; communeId: number }[]): Promise<{ granted: Set<number>; exhausted: boolean }> {
  return db.transaction().execute(async (trx) => {
    const used = await lockedLookupUsage(trx, ctx.actor.userId, LOCK_CLASS, WINDOW_SECONDS);
    const left = Math.max(0, ID_LOOKUP_LIMIT - used.n);
    const granted = holders.slice(0, left);
    for (const h of granted) {
      await recordAudit(trx, ctx.actor, { action: 'person.id_lookup', entityType: 'resident', entityId: h.id, orgUnitId: h.communeId, details: { answer: 'elsewhere', field: 'citizenId', via: 'import' } });
    }
    return { granted: new Set(granted.map((h) => h.id)), exhausted: used.n >= ID_LOOKUP_LIMIT || granted.length < holders.length };
  });
}

/**
 * Two registrations of the same new number at once both pass the lookup; the unique index stops
 * the second. Its answer is then the lookup's, run again (it now finds the first), not a 500.
 */
export const afterIdentifierRace =
  (lookAgain: () => Promise<void>) =>
  async (error: unknown): Promise<never> => {
    const e = error as { code?: string; constraint?: string } | null;
    if (e?.code === '23505' && e.constraint === 'resident_citizen_id') await lookAgain();
    throw error;
  };
