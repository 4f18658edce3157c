/** SQL for the health record's parts 2–4 and its timeline. */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { homeUnitInScope } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function readParts(db: Db, residentId: number) {
  const [record, immunizations, encounters, diagnoses, observations, prescriptions] = await Promise.all([
    db.selectFrom('health_record').where('resident_id', '=', residentId).select(['history', 'updated_at']).executeTakeFirst(),
    db
      .selectFrom('immunization as i')
      .innerJoin('vaccine as v', 'v.code', 'i.vaccine_code')
      .leftJoin('org_unit as f', 'f.id', 'i.facility_id')
      .where('i.resident_id', '=', residentId)
      .select(['i.id', 'i.vaccine_code as vaccineCode', 'v.name_vi as vaccineName', 'i.dose', 'i.date', 'f.name as facilityName', 'i.lot', 'i.note'])
      .orderBy('i.date')
      .orderBy('v.sort')
      .execute(),
    db
      .selectFrom('encounter as e')
      .leftJoin('org_unit as f', 'f.id', 'e.facility_id')
      .where('e.resident_id', '=', residentId)
      .select(['e.id', 'e.date', 'e.type', 'f.name as facilityName', 'e.practitioner', 'e.reason', 'e.notes'])
      .orderBy('e.date', 'desc')
      .orderBy('e.id', 'desc')
      .execute(),
    db
      .selectFrom('diagnosis as d')
      .innerJoin('icd10 as c', 'c.code', 'd.icd10_code')
      .where('d.resident_id', '=', residentId)
      .select(['d.encounter_id', 'd.icd10_code as code', 'c.name_vi as nameVi', 'd.is_primary as isPrimary'])
      .orderBy('d.is_primary', 'desc')
      .execute(),
    db.selectFrom('observation').where('resident_id', '=', residentId).select(['encounter_id', 'code', 'value']).execute(),
    db.selectFrom('prescription').where('resident_id', '=', residentId).select(['encounter_id', 'drug', 'dose', 'quantity', 'days']).orderBy('id').execute(),
  ]);
  return { record, immunizations, encounters, diagnoses, observations, prescriptions };
}

/** The resident's household, if it lies in the caller's scope, and its head if the head does. */
export function householdOf(db: Db, scope: Scope, householdId: number) {
  return db
    .selectFrom('household as h')
    .leftJoin('resident as head', (join) => join.onRef('head.id', '=', 'h.head_id').on(homeUnitInScope(db, 'head.home_unit_id', scope)))
    .where('h.id', '=', householdId)
    .where(homeUnitInScope(db, 'h.home_unit_id', scope))
    .select(['h.id', 'h.code', 'h.address', 'head.full_name as headName'])
    .executeTakeFirst();
}

/** The record is opened by its first entry (history, encounter or immunisation). */
export async function openRecord(db: Db, residentId: number, communeId: number) {
  await db.insertInto('health_record').values({ resident_id: residentId, commune_id: communeId }).onConflict((oc) => oc.column('resident_id').doNothing()).execute();
}

export async function saveHistory(db: Db, residentId: number, communeId: number, history: object) {
  await db
    .insertInto('health_record')
    .values({ resident_id: residentId, commune_id: communeId, history: JSON.stringify(history) })
    .onConflict((oc) => oc.column('resident_id').doUpdateSet({ history: JSON.stringify(history), updated_at: sql`now()` }))
    .execute();
}

export async function touchRecord(db: Db, residentId: number) {
  await db.updateTable('health_record').set({ updated_at: sql`now()` }).where('resident_id', '=', residentId).execute();
}

export interface EncounterInput {
  residentId: number;
  communeId: number;
  date: string;
  type: string;
  facilityId: number | null;
  practitioner: string | null;
  reason: string | null;
  notes: string | null;
  diagnoses: string[];
  observations: Record<string, number>;
  prescriptions: { drug: string; dose?: string; quantity?: string; days?: number }[];
  recordedBy: number | null;
}

export async function insertEncounter(db: Db, e: EncounterInput): Promise<number> {
  const { id } = await db
    .insertInto('encounter')
    .values({ resident_id: e.residentId, commune_id: e.communeId, date: e.date, type: e.type, facility_id: e.facilityId, practitioner: e.practitioner, reason: e.reason, notes: e.notes, recorded_by: e.recordedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (e.diagnoses.length) {
    await db.insertInto('diagnosis').values(e.diagnoses.map((code, i) => ({ encounter_id: id, resident_id: e.residentId, icd10_code: code, is_primary: i === 0 }))).execute();
  }
  const obs = Object.entries(e.observations);
  if (obs.length) await db.insertInto('observation').values(obs.map(([code, value]) => ({ encounter_id: id, resident_id: e.residentId, code, value }))).execute();
  if (e.prescriptions.length) {
    await db.insertInto('prescription').values(e.prescriptions.map((p) => ({ encounter_id: id, resident_id: e.residentId, drug: p.drug, dose: p.dose ?? null, quantity: p.quantity ?? null, days: p.days ?? null }))).execute();
  }
  return id;
}

export async function insertImmunization(db: Db, i: { residentId: number; communeId: number; vaccineCode: string; dose: number; date: string; facilityId: number | null; lot: string | null; note: string | null; recordedBy: number | null }) {
  const { id } = await db
    .insertInto('immunization')
    .values({ resident_id: i.residentId, commune_id: i.communeId, vaccine_code: i.vaccineCode, dose: i.dose, date: i.date, facility_id: i.facilityId, lot: i.lot, note: i.note, recorded_by: i.recordedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function knownCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return new Set<string>();
  const rows = await db.selectFrom('icd10').where('code', 'in', codes).select('code').execute();
  return new Set(rows.map((r) => r.code));
}

export async function vaccineExists(db: Db, code: string) {
  return !!(await db.selectFrom('vaccine').where('code', '=', code).select('code').executeTakeFirst());
}

export async function facilityExists(db: Db, id: number) {
  return !!(await db.selectFrom('org_unit').where('id', '=', id).where('level', '=', 'facility').select('id').executeTakeFirst());
}

/**
 * The health station serving a commune (its catchment), where an examination or a vaccination
 * recorded without a facility took place: the station's staff record them through the form.
 */
export async function stationServing(db: Db, communeId: number): Promise<number | null> {
  const row = await db
    .selectFrom('org_unit_catchment as c')
    .innerJoin('org_unit as f', 'f.id', 'c.facility_id')
    .where('c.area_id', '=', communeId)
    .where('f.kind', '=', 'health_station')
    .where('f.valid_to', 'is', null)
    .select('f.id')
    .orderBy('f.id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}
