/** SQL for a resident's history: life events (the "registered" one set-based too) and merging two records' histories. */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function insertLifeEvent(db: Db, e: { residentId: number; communeId: number; kind: string; date: string; fromUnitId?: number | null; toUnitId?: number | null; note?: string | null; recordedBy: number | null }) {
  await db
    .insertInto('life_event')
    .values({ resident_id: e.residentId, commune_id: e.communeId, kind: e.kind, date: e.date, from_unit_id: e.fromUnitId ?? null, to_unit_id: e.toUnitId ?? null, note: e.note ?? null, recorded_by: e.recordedBy })
    .execute();
}

/**
 * The "registered" life event of everyone a statement has just inserted (`inserted` names a CTE
 * returning their id and village_id): the set-based twin of registeredEvent (registration.ts),
 * for the import. Same kind, date, destination (village, else commune) and author.
 */
export function insertRegisteredEvents(inserted: string, e: { communeId: number; date: string; recordedBy: number | null }) {
  return sql`insert into life_event (resident_id, commune_id, kind, date, to_unit_id, recorded_by)
    select id, ${e.communeId}, ${REGISTERED}, ${e.date}::date, coalesce(village_id, ${e.communeId}), ${e.recordedBy}::bigint from ${sql.table(inserted)}`;
}

/** The kind of the life event that opens every registered person's history. */
export const REGISTERED = 'registered';

export function lifeEvents(db: Db, residentId: number) {
  return db
    .selectFrom('life_event as l')
    .leftJoin('org_unit as f', 'f.id', 'l.from_unit_id')
    .leftJoin('org_unit as t', 't.id', 'l.to_unit_id')
    .where('l.resident_id', '=', residentId)
    .select(['l.id', 'l.kind', 'l.date', 'l.note', 'f.name as fromUnit', 't.name as toUnit', 'l.recorded_at as recordedAt'])
    .orderBy('l.date')
    .orderBy('l.id')
    .execute();
}

/**
 * Moves everything recorded about `fromId` onto `intoId`; the merged record stays, marked and
 * pointing to the survivor, so both histories remain readable.
 */
export async function moveHistory(db: Db, fromId: number, intoId: number) {
  for (const table of ['encounter', 'immunization', 'diagnosis', 'observation', 'prescription', 'life_event', 'pregnancy'] as const) {
    await db.updateTable(table).set({ resident_id: intoId }).where('resident_id', '=', fromId).execute();
  }
  const [fromRecord, intoRecord] = await Promise.all([
    db.selectFrom('health_record').where('resident_id', '=', fromId).select('history').executeTakeFirst(),
    db.selectFrom('health_record').where('resident_id', '=', intoId).select('history').executeTakeFirst(),
  ]);
  if (fromRecord && !intoRecord) {
    await db.updateTable('health_record').set({ resident_id: intoId }).where('resident_id', '=', fromId).execute();
  } else if (fromRecord && intoRecord) {
    // Keep the survivor's record and file the other's history beside it rather than lose it.
    const merged = { ...(fromRecord.history as object), ...(intoRecord.history as object), mergedHistory: fromRecord.history };
    await db.updateTable('health_record').set({ history: JSON.stringify(merged), updated_at: sql`now()` }).where('resident_id', '=', intoId).execute();
    await db.deleteFrom('health_record').where('resident_id', '=', fromId).execute();
  }
}
