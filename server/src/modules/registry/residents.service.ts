/**
 * Residents: registering, finding, correcting, merging duplicates, life events. Every read of a
 * person goes through the person-reads gateway, which audits it; every write is audited in its
 * transaction. A personal ID that disagrees with sex or birth year, or a look-alike already
 * registered, is a warning the caller must confirm (`confirmWarnings`); the confirmed warnings
 * stay on the record until resolved.
 */
import { type ResidentFields, type ResidentQuery, foldVietnamese, todayIso, say } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { personReads } from './person-reads.ts';
import { findHouseholdIn, placeIn } from './registry.scope.ts';
import { needsConfirmation, prepareResident, registerPeople } from './registration.ts';
import { afterIdentifierRace, guardIdentifiers } from './residents.identity.ts';
import * as history from './life-events.repository.ts';
import * as repo from './residents.repository.ts';
import { toColumns } from './resident-columns.ts';

const unknownPlace = (field: string) => invalid([{ field, ...say('registry.unknownPlace') }]);
const mergedAway = () => conflict(say('registry.mergedAway'));


export function residentService(db: Kysely<DB>) {
  const reads = personReads(db);
  const read = (ctx: RequestContext, id: number) => reads.resident(ctx, id);

  return {
    read,

    async search(ctx: RequestContext, query: ResidentQuery) {
      const { q, kind } = classify(query.q ?? '');
      const unit = query.orgUnit ? await repo.findUnit(db, query.orgUnit) : undefined;
      if (query.orgUnit && !unit) throw notFound();
      const { orgUnit: _, ...search } = query;
      return reads.search(ctx, { ...search, q, kind }, unit);
    },

    async create(ctx: RequestContext, input: ResidentFields & { unitId: number; householdId?: number | null; confirmWarnings?: boolean }) {
      const place = await placeIn(db, ctx.scope, input.unitId);
      if (!place) throw unknownPlace('unitId');
      await guardIdentifiers(db, ctx, input);
      const id = await db
        .transaction()
        .execute(async (trx) => {
          const [newId] = await registerPeople(trx, ctx, place, [{ fields: input, relationship: input.relationship ?? null, prefix: '' }], {
            confirmWarnings: input.confirmWarnings,
            // A household out of the caller's scope is answered as one that does not exist.
            home: async () => {
              if (input.householdId && !(await findHouseholdIn(trx, ctx.scope, input.householdId, place.communeId))) {
                throw invalid([{ field: 'householdId', ...say('registry.unknownHousehold') }]);
              }
              return input.householdId ?? null;
            },
          });
          await recordAudit(trx, ctx.actor, { action: 'resident.create', entityType: 'resident', entityId: newId, orgUnitId: place.communeId });
          return newId as number;
        })
        .catch(afterIdentifierRace(() => guardIdentifiers(db, ctx, input)));
      return read(ctx, id);
    },

    async update(ctx: RequestContext, id: number, patch: Partial<ResidentFields> & { unitId?: number; confirmWarnings?: boolean }) {
      const current = await repo.findResident(db, ctx.scope, id);
      if (!current) throw notFound();
      if (current.status === 'merged') throw mergedAway();
      const place = patch.unitId ? await placeIn(db, ctx.scope, patch.unitId) : { communeId: current.communeId, villageId: current.villageId };
      if (!place) throw unknownPlace('unitId');
      const merged: ResidentFields = { ...(current as unknown as ResidentFields), sex: current.sex as 'male' | 'female', residenceStatus: current.residenceStatus as ResidentFields['residenceStatus'], ...patch };
      // A new date of birth replaces the old year and the other way round.
      if (patch.birthDate !== undefined && patch.birthYear === undefined) merged.birthYear = null;
      if (patch.birthYear !== undefined && patch.birthDate === undefined) merged.birthDate = null;
      // Only identifiers being changed are looked up: the record's own were checked when set.
      const changing = (['citizenId', 'insuranceCode'] as const).filter((f) => patch[f] !== undefined);
      if (changing.length) await guardIdentifiers(db, ctx, merged, { exceptId: id, fields: changing });
      await db
        .transaction()
        .execute(async (trx) => {
          const { row, warnings } = await prepareResident(trx, ctx.scope, merged, place.communeId, '', id);
          if (warnings.length && !patch.confirmWarnings) throw needsConfirmation(warnings);
          await repo.updateResident(trx, id, { ...toColumns(row), commune_id: place.communeId, village_id: place.villageId, relationship: merged.relationship ?? null, warnings: JSON.stringify(warnings) });
          await recordAudit(trx, ctx.actor, { action: 'resident.update', entityType: 'resident', entityId: id, orgUnitId: place.communeId, details: { fields: Object.keys(patch).filter((k) => k !== 'confirmWarnings') } });
        })
        .catch(afterIdentifierRace(() => guardIdentifiers(db, ctx, merged, { exceptId: id, fields: changing })));
      return read(ctx, id);
    },

    async merge(ctx: RequestContext, id: number, intoId: number) {
      if (id === intoId) throw invalid([{ field: 'intoId', ...say('registry.mergeIntoItself') }]);
      const [from, into] = await Promise.all([repo.findResident(db, ctx.scope, id), repo.findResident(db, ctx.scope, intoId)]);
      if (!from || !into) throw notFound();
      if (from.status === 'merged' || into.status === 'merged') throw conflict(say('registry.alreadyMerged'));
      await db.transaction().execute(async (trx) => {
        await history.moveHistory(trx, id, intoId);
        await repo.updateResident(trx, id, { status: 'merged', merged_into: intoId });
        // The note is stored: both sentences, as the record's history has always kept it.
        const note = say('registry.mergedNote', { residentId: id });
        await history.insertLifeEvent(trx, { residentId: intoId, communeId: into.communeId, kind: 'merged', date: todayIso(), note: `${note.message} / ${note.messageEn}`, recordedBy: ctx.actor.userId });
        await recordAudit(trx, ctx.actor, { action: 'resident.merge', entityType: 'resident', entityId: intoId, orgUnitId: into.communeId, details: { merged: id } });
      });
      return read(ctx, intoId);
    },

    async lifeEvent(ctx: RequestContext, id: number, event: { kind: 'move_out' | 'move_in' | 'death'; date: string; toUnitId?: number; note?: string }) {
      const current = await repo.findResident(db, ctx.scope, id);
      if (!current) throw notFound();
      if (current.status === 'merged') throw mergedAway();
      const fromUnit = current.villageId ?? current.communeId;
      await db.transaction().execute(async (trx) => {
        if (event.kind === 'death') {
          await repo.updateResident(trx, id, { status: 'deceased', death_date: event.date });
        } else if (event.kind === 'move_in') {
          // Back in the commune, or moved within the caller's area: place and reactivate.
          const place = event.toUnitId ? await placeIn(trx, ctx.scope, event.toUnitId) : { communeId: current.communeId, villageId: current.villageId };
          if (!place) throw invalid([{ field: 'toUnitId', ...say('registry.destinationOutOfScope') }]);
          await repo.updateResident(trx, id, { status: 'active', commune_id: place.communeId, village_id: place.villageId });
        } else {
          const place = event.toUnitId ? await placeIn(trx, ctx.scope, event.toUnitId) : null;
          // Out of the caller's area: any unit of the country may be the destination, but a real one.
          if (event.toUnitId && !place && !(await repo.findUnit(trx, event.toUnitId))) {
            throw invalid([{ field: 'toUnitId', ...say('registry.destinationUnknown') }]);
          }
          if (place) await repo.updateResident(trx, id, { commune_id: place.communeId, village_id: place.villageId, household_id: null, relationship: null });
          else await repo.updateResident(trx, id, { status: 'moved_out' });
        }
        await history.insertLifeEvent(trx, { residentId: id, communeId: current.communeId, kind: event.kind, date: event.date, fromUnitId: fromUnit, toUnitId: event.toUnitId ?? null, note: event.note ?? null, recordedBy: ctx.actor.userId });
        await recordAudit(trx, ctx.actor, { action: `resident.${event.kind}`, entityType: 'resident', entityId: id, orgUnitId: current.communeId });
      });
      return read(ctx, id);
    },
  };
}

/** What a search text is: an ID number, a phone, an insurance number or code, a household number, or a name. */
export function classify(raw: string): { q: string; kind: repo.ResidentSearch['kind'] } {
  const compact = raw.replace(/[\s.-]/g, '');
  if (/^\d{12}$/.test(compact)) return { q: compact, kind: 'citizen_id' };
  // Ten digits from 0 may be a phone or a social-insurance number: look for both.
  if (/^0\d{9}$/.test(compact)) return { q: compact, kind: 'phone_or_social' };
  if (/^\+?84\d{9}$/.test(compact)) return { q: `0${compact.slice(-9)}`, kind: 'phone' };
  if (/^\d{10}$/.test(compact)) return { q: compact, kind: 'social_insurance' };
  if (/^[A-Za-z]{2}[1-5]\d{12}$/.test(compact)) return { q: compact.toUpperCase(), kind: 'insurance_code' };
  // Names hold no digits; a household number as stations number them does ("TDP5-902", "H12").
  if (/\d/.test(raw)) return { q: foldVietnamese(raw), kind: 'household_code' };
  return { q: foldVietnamese(raw), kind: 'name' };
}
