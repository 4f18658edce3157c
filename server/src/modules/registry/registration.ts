/**
 * Registering a person, the one way for the resident form, each member of the household form and
 * (set-based, in life-events.repository.ts's insertRegisteredEvents) the import: check the person
 * (errors refuse, warnings are kept on the record), insert the resident, and write the
 * "registered" life event that opens their history.
 */
import { type FieldFinding, type ResidentFields, checkResident, foldVietnamese, todayIso, say } from '@ytcs/common';
import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, type FieldError, invalid } from '../../errors.ts';
import { REGISTERED, insertLifeEvent } from './life-events.repository.ts';
import { storedResident, toColumns } from './resident-columns.ts';
import * as repo from './residents.repository.ts';

/** Where a person is registered: their commune, and their village when known. */
export interface Place {
  communeId: number;
  villageId: number | null;
}

const asFieldErrors = (findings: FieldFinding[], prefix = ''): FieldError[] => findings.map(({ field, code: _code, ...said }) => ({ field: `${prefix}${field}`, ...said }));

export const needsConfirmation = (warnings: FieldFinding[]) => new AppError(422, 'needs_confirmation', say('common.needsConfirmation'), undefined, { warnings });

/**
 * Validates one resident; throws on errors; returns the row values and the warnings found.
 * Personal ID and insurance number are checked before, by guardIdentifiers (outside the write's
 * transaction, so that the audit of the lookup stays when the write is refused).
 */
export async function prepareResident(db: Kysely<DB> | Transaction<DB>, scope: Scope, input: ResidentFields, communeId: number, prefix = '', exceptId?: number) {
  const check = checkResident(input);
  if (check.errors.length) throw invalid(asFieldErrors(check.errors, prefix));
  const v = check.value;
  if (input.ethnicityCode && !(await repo.ethnicityKnown(db, input.ethnicityCode))) {
    throw invalid([{ field: `${prefix}ethnicityCode`, ...say('registry.unknownEthnicity') }]);
  }
  // Warnings are the resident's own (stored on the record); callers prefix them for their answer.
  const warnings = [...check.warnings];
  const lookalikes = await repo.findLookalikes(db, scope, communeId, foldVietnamese(v.fullName), v.birthYear, v.birthDate, exceptId);
  const named = lookalikes.filter((l) => l.inScope).map((l) => l.id);
  if (named.length) {
    warnings.push({ field: 'fullName', code: 'duplicate.possible', ...say('registry.possibleDuplicate', { ids: named.join(', ') }) });
  } else if (lookalikes.length) {
    // Out of the caller's reach (another village of the commune): a warning, but no record named.
    warnings.push({ field: 'fullName', code: 'duplicate.possible', ...say('registry.possibleDuplicateElsewhere') });
  }
  const row = storedResident(input, v);

  return { row, warnings };
}

export type Registration = Awaited<ReturnType<typeof prepareResident>>;

/** The life event that opens a registered person's history (insertRegisteredEvents is its set-based twin). */
export const registeredEvent = (residentId: number, place: Place, recordedBy: number | null, date = todayIso()) => ({
  residentId,
  communeId: place.communeId,
  kind: REGISTERED,
  date,
  toUnitId: place.villageId ?? place.communeId,
  recordedBy,
});

/** Writes a checked person: the resident row and their "registered" life event. Returns the new id. */
async function writeRegistration(trx: Transaction<DB>, ctx: RequestContext, place: Place, person: Registration, home: { householdId: number | null; relationship: string | null }) {
  const id = await repo.insertResident(trx, {
    ...toColumns(person.row),
    commune_id: place.communeId,
    village_id: place.villageId,
    household_id: home.householdId,
    relationship: home.relationship,
    warnings: JSON.stringify(person.warnings),
  });
  await insertLifeEvent(trx, registeredEvent(id, place, ctx.actor.userId));
  return id;
}

/** One person to register: their fields, their place in the household, and the prefix of their fields in the answer. */
export interface NewPerson {
  fields: ResidentFields;
  relationship: string | null;
  prefix: string;
}

/**
 * Registers people at a place, in the caller's transaction: checks every one (an error refuses;
 * warnings, of all of them together, must be confirmed), asks `home` for their household once
 * they are all valid, then writes each with their "registered" event. Returns the new ids in order.
 * Identifiers are guarded before, outside the transaction (guardIdentifiers).
 */
export async function registerPeople(trx: Transaction<DB>, ctx: RequestContext, place: Place, people: NewPerson[], opts: { confirmWarnings?: boolean; home: () => Promise<number | null> }) {
  const prepared: Registration[] = [];
  const warnings: FieldFinding[] = [];
  const seenIds = new Set<string>();
  for (const person of people) {
    const p = await prepareResident(trx, ctx.scope, person.fields, place.communeId, person.prefix);
    if (p.row.citizenId) {
      if (seenIds.has(p.row.citizenId)) throw invalid([{ field: `${person.prefix}citizenId`, ...say('registry.citizenIdRepeatedInHousehold') }]);
      seenIds.add(p.row.citizenId);
    }
    prepared.push(p);
    warnings.push(...p.warnings.map((w) => ({ ...w, field: `${person.prefix}${w.field}` })));
  }
  if (warnings.length && !opts.confirmWarnings) throw needsConfirmation(warnings);
  const householdId = await opts.home();
  const ids: number[] = [];
  for (const [i, p] of prepared.entries()) ids.push(await writeRegistration(trx, ctx, place, p, { householdId, relationship: people[i]?.relationship ?? null }));
  return ids;
}
