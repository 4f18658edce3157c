/**
 * Pregnancies at the station: registering one (dated by the last period or the expected date),
 * recording how it ended — a live birth registers the newborn into the mother's household with
 * its birth weight as the first measurement of its growth — and the antenatal list. Reads of
 * women go through the registry's gateway and are audited; every write is audited in its
 * transaction.
 */
import { addDaysIso, type AntenatalPage, type NewPregnancy, type Pregnancy, type PregnancyListQuery, type PregnancyOutcomeBody, eddFromLmp, lmpOf, say, todayIso } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, type FieldError, invalid, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { unitInScope } from '../org-units/index.ts';
import { insertEncounter, openRecord, stationServing } from '../records/index.ts';
import { readPersonal, registerPeople, residentToWrite } from '../registry/index.ts';
import * as repo from './maternal.repository.ts';

export function maternalService(db: Kysely<DB>) {
  return {
    async register(ctx: RequestContext, residentId: number, input: NewPregnancy): Promise<Pregnancy> {
      const woman = await residentToWrite(db, ctx, residentId);
      const errors: FieldError[] = [];
      if (woman.sex !== 'female') throw invalid([{ field: 'residentId', ...say('maternal.notFemale') }]);
      const edd = input.edd ?? (input.lmp ? eddFromLmp(input.lmp) : null);
      if (!edd) throw invalid([{ field: 'lmp', ...say('maternal.needDate') }]);
      // A pregnancy is followed from its start to a few weeks past term: an expected date far
      // outside that is a typing error (a wrong year), not a pregnancy.
      const today = todayIso();
      if (edd > addDaysIso(today, 44 * 7) || edd < addDaysIso(today, -4 * 7)) errors.push({ field: input.edd ? 'edd' : 'lmp', ...say('maternal.dateOutOfRange') });
      if (errors.length) throw invalid(errors);
      if (await repo.hasOngoing(db, residentId)) throw conflict(say('maternal.alreadyOngoing'), 'residentId');
      const id = await db.transaction().execute(async (trx) => {
        const newId = await repo.insertPregnancy(trx, {
          residentId,
          communeId: woman.communeId,
          lmp: input.lmp ?? null,
          edd,
          gravida: input.gravida ?? null,
          para: input.para ?? null,
          risks: input.risks ?? [],
          note: input.note?.trim() || null,
          recordedBy: ctx.actor.userId,
        });
        await recordAudit(trx, ctx.actor, { action: 'pregnancy.register', entityType: 'pregnancy', entityId: newId, orgUnitId: woman.communeId, details: { resident: residentId } });
        return newId;
      });
      return (await repo.findPregnancy(db, id)) as Pregnancy;
    },

    async recordOutcome(ctx: RequestContext, pregnancyId: number, input: PregnancyOutcomeBody): Promise<Pregnancy> {
      const pregnancy = await repo.findPregnancy(db, pregnancyId);
      if (!pregnancy) throw notFound();
      // The woman must be in the caller's reach (404 otherwise, as for her record).
      const woman = await residentToWrite(db, ctx, pregnancy.residentId);
      if (pregnancy.status !== 'ongoing') throw conflict(say('maternal.notOngoing'), 'status');
      const errors: FieldError[] = [];
      if (input.date > todayIso()) errors.push({ field: 'date', ...say('maternal.outcomeFuture') });
      if (input.date < (pregnancy.lmp ?? lmpOf(pregnancy.edd))) errors.push({ field: 'date', ...say('maternal.outcomeBeforeStart') });
      if (input.newborn && input.outcome !== 'live_birth') errors.push({ field: 'newborn', ...say('maternal.newbornOnlyLiveBirth') });
      if (errors.length) throw invalid(errors);
      await db.transaction().execute(async (trx) => {
        let newbornId: number | null = null;
        if (input.newborn) {
          const place = { communeId: woman.communeId, villageId: woman.villageId };
          const [id] = await registerPeople(trx, ctx, place, [{ fields: { fullName: input.newborn.fullName, sex: input.newborn.sex, birthDate: input.date }, relationship: input.newborn.relationship ?? null, prefix: 'newborn.' }], {
            confirmWarnings: true,
            home: async () => woman.householdId,
          });
          newbornId = id as number;
          await recordAudit(trx, ctx.actor, { action: 'resident.create', entityType: 'resident', entityId: newbornId, orgUnitId: woman.communeId, details: { bornOf: pregnancyId } });
          if (input.newborn.birthWeightKg) {
            await openRecord(trx, newbornId, woman.communeId);
            await insertEncounter(trx, {
              residentId: newbornId,
              communeId: woman.communeId,
              date: input.date,
              type: 'checkup',
              facilityId: await stationServing(trx, woman.communeId),
              practitioner: null,
              reason: null,
              notes: null,
              diagnoses: [],
              observations: { weight: input.newborn.birthWeightKg },
              prescriptions: [],
              recordedBy: ctx.actor.userId,
            });
          }
        }
        await repo.endPregnancy(trx, pregnancyId, { outcome: input.outcome, date: input.date, place: input.place ?? null, attendant: input.attendant ?? null, newbornId });
        await recordAudit(trx, ctx.actor, { action: 'pregnancy.outcome', entityType: 'pregnancy', entityId: pregnancyId, orgUnitId: woman.communeId, details: { outcome: input.outcome, newborn: newbornId } });
      });
      return (await repo.findPregnancy(db, pregnancyId)) as Pregnancy;
    },

    /** A woman's pregnancies, newest first, in the caller's reach; audited as a read of her record. */
    async ofResident(ctx: RequestContext, residentId: number): Promise<{ items: Pregnancy[]; total: number }> {
      const found = await readPersonal(
        db,
        ctx,
        async (trx) => {
          const woman = await residentToWrite(trx, ctx, residentId);
          return { communeId: woman.communeId, items: await repo.pregnanciesOf(trx, residentId) };
        },
        (f) => [{ action: 'record.read', entityType: 'resident', entityId: residentId, orgUnitId: f.communeId, details: { part: 'pregnancies' } }],
      );
      return { items: found.items, total: found.items.length };
    },

    /** The station's antenatal list, audited with whom it returned. */
    async list(ctx: RequestContext, q: PregnancyListQuery): Promise<AntenatalPage> {
      const unit = q.orgUnit ? await unitInScope(db, ctx.scope, q.orgUnit) : undefined;
      if (q.orgUnit && !unit) throw notFound();
      return readPersonal(
        db,
        ctx,
        (trx) => repo.antenatalList(trx, ctx.scope, { unitPath: unit?.path, standing: q.standing, on: todayIso(), limit: q.limit ?? 50, offset: q.offset ?? 0 }),
        (page) => [{ action: 'pregnancy.list', entityType: 'pregnancy', orgUnitId: unit?.id ?? null, details: { standing: q.standing ?? null, residents: page.items.map((r) => r.residentId) } }],
      );
    },
  };
}
