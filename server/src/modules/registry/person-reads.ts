/**
 * The one gateway for reads of personal data: a resident, a page of residents, a household, the
 * household list, a health record, the register export. Each read runs in one transaction with
 * its audit events, and the events are built from what the read returned (the people of the
 * page, the members shown), so no read reaches the caller without its audit row and a new
 * capability that reads people cannot forget it. A resident or record asked for and not found
 * (out of scope or no such person: 404 either way) is logged as a refused read.
 */
import type { AuditAction } from '@ytcs/common';
import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import { scopeTops } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { type AuditEntry, recordAudit } from '../audit/index.ts';
import * as households from './households.repository.ts';
import * as history from './life-events.repository.ts';
import { scopeUnitOf } from './registry.scope.ts';
import * as residents from './residents.repository.ts';

type Trx = Transaction<DB>;
export type Resident = NonNullable<residents.Resident>;
/** An event written with a resident's read: its action, and details of its own if any. */
export type ReadEvent = AuditAction | { action: AuditAction; details?: Record<string, unknown> };
/** The unit a list was asked for, when one was (else the event is filed under the caller's scope). */
type AskedUnit = { id: number; path: string } | undefined;

/**
 * Runs `read` and writes the events `audit` makes of its answer, in one transaction. When it finds
 * nothing (no such person, or out of the caller's scope: 404 either way), `refused` may say what
 * to log instead, after the read's transaction.
 */
export async function readPersonal<T>(
  db: Kysely<DB>,
  ctx: RequestContext,
  read: (trx: Trx) => Promise<T | null | undefined>,
  audit: (found: T) => AuditEntry[],
  refused?: () => Promise<AuditEntry>,
): Promise<T> {
  const missing = notFound();
  try {
    return await db.transaction().execute(async (trx) => {
      const found = await read(trx);
      if (found === null || found === undefined) throw missing;
      for (const event of audit(found)) await recordAudit(trx, ctx.actor, event);
      return found;
    });
  } catch (error) {
    // Written after the read's transaction rolled back: the refusal is kept, the read was not.
    if (error === missing && refused) await recordAudit(db, ctx.actor, await refused());
    throw error;
  }
}

/**
 * A resident asked for and not answered: out of the caller's scope, or no such person. Filed
 * under the person's commune (its auditors see who tried), or the caller's units when there is no
 * such person; the caller learns nothing either way (the same 404).
 */
const refusedRead = (db: Kysely<DB>, id: number, read: 'resident' | 'record') => async (): Promise<AuditEntry> => {
  const communeId = await residents.communeOfResident(db, id);
  return { action: 'resident.read_refused', entityType: 'resident', entityId: id, orgUnitId: communeId, details: { read, exists: communeId !== null } };
};

/** Where an event about a list is filed: the unit asked for, or the caller's whole scope. */
const filedUnder = (ctx: RequestContext, unit: AskedUnit) => ({ orgUnitId: unit?.id ?? scopeUnitOf(ctx.scope), scopeDetails: unit ? {} : { scope: scopeTops(ctx.scope) } });

const residentEvents = (person: Resident, events: ReadEvent[]): AuditEntry[] =>
  events.map((e) => {
    const { action, details } = typeof e === 'string' ? { action: e, details: undefined } : e;
    return { action, entityType: 'resident', entityId: person.id, orgUnitId: person.communeId, ...(details ? { details } : {}) };
  });

/**
 * The resident a write is about (a new encounter, an immunisation), reduced to what the write
 * needs: no name, no identifiers, nothing of it answered. Not a read, so not audited as one; the
 * write that follows is audited in its own transaction.
 */
export async function residentToWrite(db: Kysely<DB>, ctx: RequestContext, id: number) {
  const found = await residents.findResidentToWrite(db, ctx.scope, id);
  if (!found) throw notFound();
  return found;
}

export function personReads(db: Kysely<DB>) {
  return {
    /** One resident, as the resident page shows them. */
    resident(ctx: RequestContext, id: number, action: AuditAction = 'resident.read'): Promise<Resident> {
      return readPersonal(db, ctx, (trx) => residents.findResident(trx, ctx.scope, id), (person) => residentEvents(person, [action]), refusedRead(db, id, 'resident'));
    },

    /** A resident with their life events and what `parts` reads of their record, in the same transaction. */
    async record<T>(ctx: RequestContext, id: number, events: ReadEvent[], parts: (trx: Trx, person: Resident) => Promise<T>) {
      return readPersonal(
        db,
        ctx,
        async (trx) => {
          const person = await residents.findResident(trx, ctx.scope, id);
          if (!person) return null;
          const [lifeEvents, more] = await Promise.all([history.lifeEvents(trx, id), parts(trx, person)]);
          return { person, lifeEvents, parts: more };
        },
        (found) => residentEvents(found.person, events),
        refusedRead(db, id, 'record'),
      );
    },

    /**
     * A page of residents. Audited without the search text, which may be a name or an ID number,
     * but with whom it returned: the ids of the page (at most 500 integers, a few kB in the one row).
     */
    search(ctx: RequestContext, search: Omit<residents.ResidentSearch, 'orgUnitPath'>, unit: AskedUnit) {
      return readPersonal(
        db,
        ctx,
        (trx) => residents.searchResidents(trx, ctx.scope, { ...search, orgUnitPath: unit?.path }),
        (page) => {
          const { orgUnitId, scopeDetails } = filedUnder(ctx, unit);
          const kind = search.q ? search.kind : 'list';
          return [{ action: 'resident.search', entityType: 'resident', orgUnitId, details: { kind, missing: search.missing ?? null, results: page.items.length, residents: page.items.map((r) => r.id), ...scopeDetails } }];
        },
      );
    },

    /** A household and the members the caller reaches. */
    household(ctx: RequestContext, id: number) {
      return readPersonal(
        db,
        ctx,
        async (trx) => {
          const household = await households.findHousehold(trx, ctx.scope, id);
          if (!household) return null;
          const members = await residents.searchResidents(trx, ctx.scope, { householdId: id, limit: 50, offset: 0 });
          return { ...household, members: members.items };
        },
        (h) => [{ action: 'household.read', entityType: 'household', entityId: id, orgUnitId: h.communeId, details: { residents: h.members.map((m) => m.id) } }],
      );
    },

    /** A page of households: audited like a search of residents, since it names each household's head. */
    households(ctx: RequestContext, { searched, ...query }: { q?: string; searched: boolean; limit: number; offset: number }, unit: AskedUnit) {
      return readPersonal(
        db,
        ctx,
        (trx) => households.listHouseholds(trx, ctx.scope, { ...query, orgUnitPath: unit?.path }),
        (page) => {
          const { orgUnitId, scopeDetails } = filedUnder(ctx, unit);
          const details = {
            searched,
            results: page.items.length,
            households: page.items.map((h) => h.id),
            residents: page.items.flatMap((h) => (h.headId ? [h.headId] : [])),
            ...scopeDetails,
          };
          return [{ action: 'household.list', entityType: 'household', orgUnitId, details }];
        },
      );
    },
  };
}

