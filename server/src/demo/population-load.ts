/**
 * Writes a generated population with set-based SQL: per batch one transaction, one query that
 * reserves ids from the identity sequences, then one `insert … select … from
 * json_to_recordset($1::json)` per table (households and residents together, in one statement,
 * because each refers to the other and the foreign keys are checked at the end of a statement).
 * Rows carry keys; keys become ids by subscripting the reserved id arrays in SQL, so ids never
 * travel through JavaScript. Works the same on PGlite and PostgreSQL, through Kysely.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { generatePopulation, type PopulationBatch, type PopulationOptions } from '@ytcs/population';
import type { DB } from '../db/schema.ts';
import { RESIDENT_COLUMN_DEFINITIONS, RESIDENT_COLUMN_LIST, type ResidentColumns } from '../modules/registry/index.ts';

// The generator's residents carry every column of the registry's resident (a compile error otherwise).
const residentColumns = (row: PopulationBatch['residents'][number]): ResidentColumns => row;
void residentColumns;
const RESIDENT_COLUMNS = sql.raw(RESIDENT_COLUMN_LIST);
const RESIDENT_DEFINITIONS = sql.raw(RESIDENT_COLUMN_DEFINITIONS);

type Db = Kysely<DB> | Transaction<DB>;

export type LoadOptions = Omit<PopulationOptions, 'sequenceStart' | 'citizenIdsIssued' | 'householdNumbersTaken'> & {
  /** Called after each committed batch. */
  onBatch?: (progress: LoadProgress) => void;
};

export interface LoadCounts {
  household: number;
  resident: number;
  health_record: number;
  immunization: number;
  encounter: number;
  diagnosis: number;
  observation: number;
  life_event: number;
}

export interface LoadProgress {
  counts: LoadCounts;
  rows: number;
  elapsedMs: number;
}

export interface LoadResult extends LoadProgress {
  rowsPerSecond: number;
  residentsPerSecond: number;
  /** Milliseconds spent generating, reserving ids and inserting into each table (resident includes household). */
  msByStep: Partial<Record<keyof LoadCounts | 'ids' | 'generate', number>>;
}

/** What is already in the database, so that a second load continues instead of colliding. */
async function priorState(db: Db, communeIds: number[]) {
  const last = await sql<{ id: number }>`select coalesce(max(id), 0)::bigint as id from resident`.execute(db);
  const sequenceStart = Number(last.rows[0]?.id ?? 0);
  const citizenIdsIssued = new Map<string, number>();
  const householdNumbersTaken = new Map<number, number>();
  if (sequenceStart > 0) {
    const serials = await sql<{ prefix: string; n: number }>`
      select left(citizen_id, 6) as prefix, count(*)::int as n
      from resident where citizen_id is not null group by 1
    `.execute(db);
    for (const r of serials.rows) citizenIdsIssued.set(r.prefix, Number(r.n));
  }
  if (communeIds.length > 0) {
    const numbers = await sql<{ commune_id: number; top: number }>`
      select commune_id, max(substring(code from '\\.([0-9]+)$')::int) as top
      from household
      where commune_id = any(${`{${communeIds.join(',')}}`}::bigint[]) and code ~ '^[0-9]+\\.[0-9]+$'
      group by 1
    `.execute(db);
    for (const r of numbers.rows) householdNumbersTaken.set(Number(r.commune_id), Number(r.top));
  }
  return { sequenceStart, citizenIdsIssued, householdNumbersTaken };
}

interface Sequences {
  household: string;
  resident: string;
  encounter: string;
}

/** The identity sequences' names, looked up once (per-row lookups cost more than nextval itself). */
async function sequences(db: Db): Promise<Sequences> {
  const result = await sql<Sequences>`
    select pg_get_serial_sequence('household', 'id') as household, pg_get_serial_sequence('resident', 'id') as resident,
      pg_get_serial_sequence('encounter', 'id') as encounter
  `.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('population: identity sequences not found');
  return row;
}

/**
 * Reserves n ids from each sequence as PostgreSQL array literals ('{7,8,9}'). nextval per id, not
 * a setval'd range, so a concurrent insert elsewhere can never take an id of the range.
 */
async function reserveIds(db: Db, seq: Sequences, households: number, residents: number, encounters: number) {
  const result = await sql<{ h: string; r: string; e: string }>`
    select
      array(select nextval(${seq.household}::regclass) from generate_series(1, ${households}::int))::text as h,
      array(select nextval(${seq.resident}::regclass) from generate_series(1, ${residents}::int))::text as r,
      array(select nextval(${seq.encounter}::regclass) from generate_series(1, ${encounters}::int))::text as e
  `.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('population: could not reserve ids');
  return row;
}

type Timings = Partial<Record<keyof LoadCounts | 'ids' | 'generate', number>>;

async function insertBatch(trx: Transaction<DB>, seq: Sequences, b: PopulationBatch, ms: Timings): Promise<LoadCounts> {
  const counts: LoadCounts = { household: 0, resident: 0, health_record: 0, immunization: 0, encounter: 0, diagnosis: 0, observation: 0, life_event: 0 };
  const timed = async (label: keyof Timings, run: () => Promise<unknown>) => {
    const t = performance.now();
    await run();
    ms[label] = (ms[label] ?? 0) + performance.now() - t;
  };
  /** One statement for one table: skipped when there is nothing to insert. */
  const insert = async (table: keyof LoadCounts, rows: unknown[], statement: (json: string) => RawBuilder<unknown>) => {
    if (rows.length === 0) return;
    await timed(table, () => statement(JSON.stringify(rows)).execute(trx));
    counts[table] = rows.length;
  };

  let reserved = { h: '{}', r: '{}', e: '{}' };
  await timed('ids', async () => {
    reserved = await reserveIds(trx, seq, b.households.length, b.residents.length, b.encounters.length);
  });
  // The reserved arrays and key offsets, joined once per statement as "ids".
  const ids = sql`(select ${reserved.h}::bigint[] as h, ${reserved.r}::bigint[] as r, ${reserved.e}::bigint[] as e,
    ${b.householdKeyStart}::int - 1 as h0, ${b.residentKeyStart}::int - 1 as r0, ${b.encounterKeyStart}::int - 1 as e0) ids`;
  const hid = (col: string) => sql`ids.h[t.${sql.raw(col)} - ids.h0]`;
  const rid = (col: string) => sql`ids.r[t.${sql.raw(col)} - ids.r0]`;
  const eid = (col: string) => sql`ids.e[t.${sql.raw(col)} - ids.e0]`;

  // Households and residents in one statement: household.head_id and resident.household_id
  // point at each other and neither key is deferrable; both are checked when the statement ends.
  await insert('resident', b.residents, (json) => sql`
    with h as (
      insert into household (id, commune_id, village_id, code, address, head_id)
      select ${hid('key')}, t.commune_id, t.village_id, t.code, t.address, ${rid('head_key')}
      from json_to_recordset(${JSON.stringify(b.households)}::json)
        as t(key int, commune_id bigint, village_id bigint, code text, address text, head_key int), ${ids}
    )
    insert into resident (id, household_id, commune_id, village_id, relationship, ${RESIDENT_COLUMNS})
    select ${rid('key')}, ${hid('household_key')}, t.commune_id, t.village_id, t.relationship, ${RESIDENT_COLUMNS}
    from json_to_recordset(${json}::json)
      as t(key int, household_key int, commune_id bigint, village_id bigint, relationship text, ${RESIDENT_DEFINITIONS}), ${ids}
  `);
  counts.household = b.households.length;

  await insert('health_record', b.healthRecords, (json) => sql`
    insert into health_record (resident_id, commune_id, history, created_at, updated_at)
    select ${rid('resident_key')}, t.commune_id, t.history, t.created_at, t.created_at
    from json_to_recordset(${json}::json) as t(resident_key int, commune_id bigint, history jsonb, created_at timestamptz), ${ids}
  `);
  await insert('immunization', b.immunizations, (json) => sql`
    insert into immunization (resident_id, commune_id, vaccine_code, dose, date, facility_id, recorded_at)
    select ${rid('resident_key')}, t.commune_id, t.vaccine_code, t.dose, t.date, t.facility_id, t.recorded_at
    from json_to_recordset(${json}::json)
      as t(resident_key int, commune_id bigint, vaccine_code text, dose int, date date, facility_id bigint, recorded_at timestamptz), ${ids}
  `);
  await insert('encounter', b.encounters.map(({ diagnoses: _d, observations: _o, ...e }) => e), (json) => sql`
    insert into encounter (id, resident_id, commune_id, date, facility_id, practitioner, type, reason, notes, recorded_at)
    select ${eid('key')}, ${rid('resident_key')}, t.commune_id, t.date, t.facility_id, t.practitioner, t.type, t.reason, t.notes, t.recorded_at
    from json_to_recordset(${json}::json)
      as t(key int, resident_key int, commune_id bigint, date date, facility_id bigint, practitioner text, type text, reason text, notes text, recorded_at timestamptz), ${ids}
  `);
  const diagnoses = b.encounters.flatMap((e) => e.diagnoses.map((d) => ({ encounter_key: e.key, resident_key: e.resident_key, code: d.code, is_primary: d.primary })));
  await insert('diagnosis', diagnoses, (json) => sql`
    insert into diagnosis (encounter_id, resident_id, icd10_code, is_primary)
    select ${eid('encounter_key')}, ${rid('resident_key')}, t.code, t.is_primary
    from json_to_recordset(${json}::json) as t(encounter_key int, resident_key int, code text, is_primary boolean), ${ids}
  `);
  const observations = b.encounters.flatMap((e) => e.observations.map((o) => ({ encounter_key: e.key, resident_key: e.resident_key, code: o.code, value: o.value })));
  await insert('observation', observations, (json) => sql`
    insert into observation (encounter_id, resident_id, code, value)
    select ${eid('encounter_key')}, ${rid('resident_key')}, t.code, t.value
    from json_to_recordset(${json}::json) as t(encounter_key int, resident_key int, code text, value numeric), ${ids}
  `);
  await insert('life_event', b.lifeEvents, (json) => sql`
    insert into life_event (resident_id, commune_id, kind, date, note, recorded_at)
    select ${rid('resident_key')}, t.commune_id, t.kind, t.date, t.note, t.date::timestamptz
    from json_to_recordset(${json}::json) as t(resident_key int, commune_id bigint, kind text, date date, note text), ${ids}
  `);
  return counts;
}

export async function loadPopulation(db: Kysely<DB>, options: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const prior = await priorState(
    db,
    options.communes.map((c) => c.communeId),
  );
  const seq = await sequences(db);
  const counts: LoadCounts = { household: 0, resident: 0, health_record: 0, immunization: 0, encounter: 0, diagnosis: 0, observation: 0, life_event: 0 };
  const ms: Timings = {};
  const { onBatch, ...generatorOptions } = options;
  const progress = () => {
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    return { counts: { ...counts }, rows, elapsedMs: performance.now() - started };
  };
  const batches = generatePopulation({ ...generatorOptions, ...prior });
  for (;;) {
    const t = performance.now();
    const next = batches.next();
    ms.generate = (ms.generate ?? 0) + performance.now() - t;
    if (next.done) break;
    const batch = next.value;
    const added = await db.transaction().execute((trx) => insertBatch(trx, seq, batch, ms));
    for (const [table, n] of Object.entries(added) as [keyof LoadCounts, number][]) counts[table] += n;
    onBatch?.(progress());
  }
  const done = progress();
  const seconds = Math.max(done.elapsedMs, 1) / 1000;
  const msByStep = Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v)])) as Timings;
  return { ...done, rowsPerSecond: Math.round(done.rows / seconds), residentsPerSecond: Math.round(counts.resident / seconds), msByStep };
}
