/**
 * The personal health record: reading it whole (audited: every read of a person's record is),
 * completing the history, and adding encounters and immunisations. The record opens with its
 * first entry; the share of residents with an opened record is the registry's coverage figure.
 */
import { bmiOf } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { invalid } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { type ReadEvent, personReads, residentToWrite } from '../registry/index.ts';
import * as repo from './records.repository.ts';

const ENCOUNTER_TITLES: Record<string, [string, string]> = {
  checkup: ['Khám sức khỏe', 'Health check'],
  illness: ['Khám bệnh', 'Illness visit'],
  chronic_followup: ['Theo dõi bệnh mạn tính', 'Chronic disease follow-up'],
  screening: ['Sàng lọc', 'Screening'],
  antenatal: ['Khám thai', 'Antenatal visit'],
  home_visit: ['Thăm hộ gia đình', 'Home visit'],
  other: ['Lần khám khác', 'Other encounter'],
};

const LIFE_TITLES: Record<string, [string, string]> = {
  registered: ['Đăng ký vào sổ quản lý', 'Registered'],
  move_in: ['Chuyển đến', 'Moved in'],
  move_out: ['Chuyển đi', 'Moved out'],
  death: ['Tử vong', 'Died'],
  merged: ['Gộp hồ sơ trùng', 'Duplicate record merged'],
};


export function recordService(db: Kysely<DB>) {
  const reads = personReads(db);
  const resident = (ctx: RequestContext, id: number) => residentToWrite(db, ctx, id);

  return {
    /** The whole record, audited as `record.read` (and any further events, e.g. the personal-data export's). */
    async read(ctx: RequestContext, id: number, also: ReadEvent[] = []) {
      const { person, lifeEvents: events, parts: read } = await reads.record(ctx, id, ['record.read', ...also], (trx, p) =>
        Promise.all([repo.readParts(trx, id), p.householdId ? repo.householdOf(trx, ctx.scope, p.householdId) : null]),
      );
      const [parts, household] = read;
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
        ...events.map((e) => ({ date: e.date, kind: `life.${e.kind}`, title: LIFE_TITLES[e.kind]?.[0] ?? e.kind, titleEn: LIFE_TITLES[e.kind]?.[1] ?? e.kind })),
        ...encounters.map((e) => ({
          date: e.date,
          kind: `encounter.${e.type}`,
          title: [ENCOUNTER_TITLES[e.type]?.[0], e.diagnoses[0] ? `${e.diagnoses[0].code} ${e.diagnoses[0].nameVi}` : null].filter(Boolean).join(': '),
          titleEn: [ENCOUNTER_TITLES[e.type]?.[1], e.diagnoses[0]?.code].filter(Boolean).join(': '),
        })),
        ...parts.immunizations.map((i) => ({ date: i.date, kind: 'immunization', title: `Tiêm ${i.vaccineName} (mũi ${i.dose})`, titleEn: `Vaccination ${i.vaccineCode} (dose ${i.dose})` })),
      ].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
      return {
        resident: person,
        household: household ?? null,
        opened: !!parts.record,
        history: (parts.record?.history ?? {}) as object,
        immunizations: parts.immunizations,
        encounters,
        timeline,
        updatedAt: parts.record?.updated_at ?? null,
      };
    },

    async saveHistory(ctx: RequestContext, id: number, history: { personalHistory?: { conditions: string[] }; familyHistory?: { icd10Code?: string | null }[] }) {
      const person = await resident(ctx, id);
      const codes = [...(history.personalHistory?.conditions ?? []), ...(history.familyHistory ?? []).map((f) => f.icd10Code).filter((c): c is string => !!c)];
      const known = await repo.knownCodes(db, codes);
      const unknown = codes.filter((c) => !known.has(c));
      if (unknown.length) throw invalid([{ field: 'personalHistory.conditions', message: `Mã ICD-10 không có trong danh mục: ${unknown.join(', ')}`, messageEn: `ICD-10 codes not in the list: ${unknown.join(', ')}` }]);
      await db.transaction().execute(async (trx) => {
        await repo.saveHistory(trx, id, person.communeId, history);
        await recordAudit(trx, ctx.actor, { action: 'record.history', entityType: 'resident', entityId: id, orgUnitId: person.communeId });
      });
    },

    async addEncounter(ctx: RequestContext, id: number, input: { date: string; type: string; facilityId?: number; practitioner?: string; reason?: string; notes?: string; diagnoses?: string[]; observations?: Record<string, number | undefined>; prescriptions?: { drug: string; dose?: string; quantity?: string; days?: number }[] }) {
      const person = await resident(ctx, id);
      const errors = [];
      if (input.date > new Date().toISOString().slice(0, 10)) errors.push({ field: 'date', message: 'Ngày khám ở tương lai', messageEn: 'The encounter date is in the future' });
      const diagnoses = [...new Set(input.diagnoses ?? [])];
      const known = await repo.knownCodes(db, diagnoses);
      diagnoses.forEach((c, i) => {
        if (!known.has(c)) errors.push({ field: `diagnoses.${i}`, message: `Mã ICD-10 ${c} không có trong danh mục`, messageEn: `ICD-10 code ${c} is not in the list` });
      });
      if (input.facilityId && !(await repo.facilityExists(db, input.facilityId))) errors.push({ field: 'facilityId', message: 'Cơ sở y tế không tồn tại', messageEn: 'Unknown facility' });
      const obs = input.observations ?? {};
      if (obs.systolic_bp !== undefined && obs.diastolic_bp !== undefined && obs.diastolic_bp >= obs.systolic_bp) {
        errors.push({ field: 'observations.diastolic_bp', message: 'Huyết áp tâm trương phải thấp hơn tâm thu', messageEn: 'Diastolic pressure must be below systolic' });
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
          facilityId: input.facilityId ?? null,
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
      const errors = [];
      if (!(await repo.vaccineExists(db, input.vaccineCode))) errors.push({ field: 'vaccineCode', message: 'Vắc xin không có trong danh mục', messageEn: 'Unknown vaccine' });
      if (input.date > new Date().toISOString().slice(0, 10)) errors.push({ field: 'date', message: 'Ngày tiêm ở tương lai', messageEn: 'The vaccination date is in the future' });
      if (person.birthDate && input.date < person.birthDate) errors.push({ field: 'date', message: 'Ngày tiêm trước ngày sinh', messageEn: 'The vaccination date is before birth' });
      if (input.facilityId && !(await repo.facilityExists(db, input.facilityId))) errors.push({ field: 'facilityId', message: 'Cơ sở y tế không tồn tại', messageEn: 'Unknown facility' });
      if (errors.length) throw invalid(errors);
      const immunizationId = await db.transaction().execute(async (trx) => {
        await repo.openRecord(trx, id, person.communeId);
        const iid = await repo.insertImmunization(trx, { residentId: id, communeId: person.communeId, vaccineCode: input.vaccineCode, dose: input.dose, date: input.date, facilityId: input.facilityId ?? null, lot: input.lot ?? null, note: input.note ?? null, recordedBy: ctx.actor.userId });
        await repo.touchRecord(trx, id);
        await recordAudit(trx, ctx.actor, { action: 'record.immunization', entityType: 'immunization', entityId: iid, orgUnitId: person.communeId, details: { resident: id } });
        return iid;
      });
      return { id: immunizationId };
    },
  };
}
