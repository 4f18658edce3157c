/**
 * The personal health record: reading it whole (audited: every read of a person's record is),
 * completing the history, and adding encounters and immunisations. The record opens with its
 * first entry; the share of residents with an opened record is the registry's coverage figure.
 */
import { GROWTH_MEASURES, type Growth, LAST_DAY_0_5, type MessageKey, ageInDaysOn, bmiOf, isPlausible, nutritionFindings, say, sayIn, todayIso } from '@ytcs/common';
import { growthCurves, growthPoints } from './growth.repository.ts';
import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { type FieldError, invalid } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { type ReadEvent, personReads, residentToWrite } from '../registry/index.ts';
import * as repo from './records.repository.ts';

type TitleKey = Exclude<Extract<MessageKey, `records.timeline.${string}`>, 'records.timeline.immunization'>;

/** The timeline's titles, by encounter type and life event (texts of the catalogue's records.timeline). */
const ENCOUNTER_TITLES: Record<string, TitleKey> = {
  checkup: 'records.timeline.checkup',
  illness: 'records.timeline.illness',
  chronic_followup: 'records.timeline.chronicFollowup',
  screening: 'records.timeline.screening',
  antenatal: 'records.timeline.antenatal',
  home_visit: 'records.timeline.homeVisit',
  other: 'records.timeline.otherEncounter',
};

const LIFE_TITLES: Record<string, TitleKey> = {
  registered: 'records.timeline.registered',
  move_in: 'records.timeline.moveIn',
  move_out: 'records.timeline.moveOut',
  death: 'records.timeline.death',
  merged: 'records.timeline.merged',
};

/** The title of a kind in one of the tables above, in Vietnamese and English; null for a kind they do not know. */
const titleOf = (table: Record<string, TitleKey>, kind: string) => {
  const key = Object.hasOwn(table, kind) ? table[kind] : undefined;
  return key ? say(key) : null;
};


/** The growth section of a child's record: its points with their findings, and the chart's curves. */
async function growthOf(db: Kysely<DB> | Transaction<DB>, person: { id: number; sex: string; birthDate: string | null }): Promise<Growth | null> {
  if (!person.birthDate) return null;
  const rows = await growthPoints(db, person.id);
  const young = ageInDaysOn(person.birthDate, todayIso()) <= LAST_DAY_0_5;
  if (!rows.length && !young) return null;
  const points = rows.map((r) => ({
    ...r,
    implausible: GROWTH_MEASURES.filter((m) => r.z[m] !== null && !isPlausible(m, r.z[m] as number)),
    // Findings are judged to five years, as the nutrition indicators are.
    findings: r.ageDays <= LAST_DAY_0_5 ? nutritionFindings(r.z) : {},
  }));
  return { points, curves: await growthCurves(db, person.sex) };
}

export function recordService(db: Kysely<DB>) {
  const reads = personReads(db);
  const resident = (ctx: RequestContext, id: number) => residentToWrite(db, ctx, id);

  return {
    /** The whole record, audited as `record.read` (and any further events, e.g. the personal-data export's). */
    async read(ctx: RequestContext, id: number, also: ReadEvent[] = []) {
      const { person, lifeEvents: events, parts: read } = await reads.record(ctx, id, ['record.read', ...also], (trx, p) =>
        Promise.all([repo.readParts(trx, id), p.householdId ? repo.householdOf(trx, ctx.scope, p.householdId) : null, growthOf(trx, p)]),
      );
      const [parts, household, growth] = read;
      const encounters = parts.encounters.map((e) => {
        const observations = Object.fromEntries(parts.observations.filter((o) => o.encounter_id === e.id).map((o) => [o.code, Number(o.value)]));
        return {
          ...e,
          diagnoses: parts.diagnoses.filter((d) => d.encounter_id === e.id).map(({ code, nameVi, isPrimary }) => ({ code, nameVi, isPrimary })),
          observations,
          bmi: bmiOf(observations.weight, observations.height),
          prescriptions: parts.prescriptions.filter((p) => p.encounter_id === e.id).map(({ drug, dose, quantity, days }) => ({ drug, dose, quantity, days })),
        };
      });
      const timeline = [
        ...events.map((e) => {
          const title = titleOf(LIFE_TITLES, e.kind);
          return { date: e.date, kind: `life.${e.kind}`, title: title?.message ?? e.kind, titleEn: title?.messageEn ?? e.kind };
        }),
        ...encounters.map((e) => {
          const title = titleOf(ENCOUNTER_TITLES, e.type);
          return {
            date: e.date,
            kind: `encounter.${e.type}`,
            title: [title?.message, e.diagnoses[0] ? `${e.diagnoses[0].code} ${e.diagnoses[0].nameVi}` : null].filter(Boolean).join(': '),
            titleEn: [title?.messageEn, e.diagnoses[0]?.code].filter(Boolean).join(': '),
          };
        }),
        // The vaccine's name is in Vietnamese only: the English title names its code.
        ...parts.immunizations.map((i) => ({
          date: i.date,
          kind: 'immunization',
          title: sayIn('vi', 'records.timeline.immunization', { vaccine: i.vaccineName, dose: i.dose }),
          titleEn: sayIn('en', 'records.timeline.immunization', { vaccine: i.vaccineCode, dose: i.dose }),
        })),
      ].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
      return {
        resident: person,
        household: household ?? null,
        opened: !!parts.record,
        history: (parts.record?.history ?? {}) as object,
        immunizations: parts.immunizations,
        encounters,
        timeline,
        growth,
        updatedAt: parts.record?.updated_at ?? null,
      };
    },

    async saveHistory(ctx: RequestContext, id: number, history: { personalHistory?: { conditions: string[] }; familyHistory?: { icd10Code?: string | null }[] }) {
      const person = await resident(ctx, id);
      const codes = [...(history.personalHistory?.conditions ?? []), ...(history.familyHistory ?? []).map((f) => f.icd10Code).filter((c): c is string => !!c)];
      const known = await repo.knownCodes(db, codes);
      const unknown = codes.filter((c) => !known.has(c));
      if (unknown.length) throw invalid([{ field: 'personalHistory.conditions', ...say('records.icd10NotListed', { codes: unknown.join(', ') }) }]);
      await db.transaction().execute(async (trx) => {
        await repo.saveHistory(trx, id, person.communeId, history);
        await recordAudit(trx, ctx.actor, { action: 'record.history', entityType: 'resident', entityId: id, orgUnitId: person.communeId });
      });
    },

    async addEncounter(ctx: RequestContext, id: number, input: { date: string; type: string; facilityId?: number; practitioner?: string; reason?: string; notes?: string; diagnoses?: string[]; observations?: Record<string, number | undefined>; prescriptions?: { drug: string; dose?: string; quantity?: string; days?: number }[] }) {
      const person = await resident(ctx, id);
      const errors: FieldError[] = [];
      if (input.date > new Date().toISOString().slice(0, 10)) errors.push({ field: 'date', ...say('records.encounterFuture') });
      const diagnoses = [...new Set(input.diagnoses ?? [])];
      const known = await repo.knownCodes(db, diagnoses);
      diagnoses.forEach((c, i) => {
        if (!known.has(c)) errors.push({ field: `diagnoses.${i}`, ...say('records.icd10CodeNotListed', { code: c }) });
      });
      if (input.facilityId && !(await repo.facilityExists(db, input.facilityId))) errors.push({ field: 'facilityId', ...say('records.unknownFacility') });
      const obs = input.observations ?? {};
      if (obs.systolic_bp !== undefined && obs.diastolic_bp !== undefined && obs.diastolic_bp >= obs.systolic_bp) {
        errors.push({ field: 'observations.diastolic_bp', ...say('records.diastolicAboveSystolic') });
      }
      if (errors.length) throw invalid(errors);
      const observations = Object.fromEntries(Object.entries(obs).filter((e): e is [string, number] => e[1] !== undefined));
      const encounterId = await db.transaction().execute(async (trx) => {
        await repo.openRecord(trx, id, person.communeId);
        const eid = await repo.insertEncounter(trx, {
          residentId: id,
          communeId: person.communeId,
          date: input.date,
          type: input.type,
          facilityId: input.facilityId ?? (await repo.stationServing(trx, person.communeId)),
          practitioner: input.practitioner?.trim() || null,
          reason: input.reason?.trim() || null,
          notes: input.notes?.trim() || null,
          diagnoses,
          observations,
          prescriptions: input.prescriptions ?? [],
          recordedBy: ctx.actor.userId,
        });
        await repo.touchRecord(trx, id);
        await recordAudit(trx, ctx.actor, { action: 'record.encounter', entityType: 'encounter', entityId: eid, orgUnitId: person.communeId, details: { resident: id } });
        return eid;
      });
      return { id: encounterId };
    },

    async addImmunization(ctx: RequestContext, id: number, input: { vaccineCode: string; dose: number; date: string; facilityId?: number; lot?: string; note?: string }) {
      const person = await resident(ctx, id);
      const errors: FieldError[] = [];
      if (!(await repo.vaccineExists(db, input.vaccineCode))) errors.push({ field: 'vaccineCode', ...say('records.unknownVaccine') });
      if (input.date > new Date().toISOString().slice(0, 10)) errors.push({ field: 'date', ...say('records.vaccinationFuture') });
      if (person.birthDate && input.date < person.birthDate) errors.push({ field: 'date', ...say('records.vaccinationBeforeBirth') });
      if (input.facilityId && !(await repo.facilityExists(db, input.facilityId))) errors.push({ field: 'facilityId', ...say('records.unknownFacility') });
      if (errors.length) throw invalid(errors);
      const immunizationId = await db.transaction().execute(async (trx) => {
        await repo.openRecord(trx, id, person.communeId);
        const facilityId = input.facilityId ?? (await repo.stationServing(trx, person.communeId));
        const iid = await repo.insertImmunization(trx, { residentId: id, communeId: person.communeId, vaccineCode: input.vaccineCode, dose: input.dose, date: input.date, facilityId, lot: input.lot ?? null, note: input.note ?? null, recordedBy: ctx.actor.userId });
        await repo.touchRecord(trx, id);
        await recordAudit(trx, ctx.actor, { action: 'record.immunization', entityType: 'immunization', entityId: iid, orgUnitId: person.communeId, details: { resident: id } });
        return iid;
      });
      return { id: immunizationId };
    },
  };
}
