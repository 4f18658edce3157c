/**
 * SQL for imports: the job and its staged rows, the look-ups a preview needs (villages, ethnic
 * groups, IDs already registered), and the commit — set-based statements over the staged rows,
 * never one round trip per person.
 */
import { type Generated, type Kysely, type Transaction, sql } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { orgUnitInScope } from '../../db/scope.ts';
import { homeUnitInScope } from '../../db/scope.ts';
import { RESIDENT_COLUMN_DEFINITIONS, RESIDENT_COLUMN_LIST, insertRegisteredEvents } from '../registry/index.ts';
import type { StagedResident, StagedRow } from './imports.rows.ts';

/** The tables of migration 2026_11_25_0003_imports, as Kysely sees them. */
export type ImportTables = {
  import_job: {
    id: Generated<number>;
    unit_id: number;
    commune_id: number;
    format: string;
    file_name: string | null;
    columns: unknown;
    status: Generated<string>;
    total_rows: Generated<number>;
    valid_rows: Generated<number>;
    invalid_rows: Generated<number>;
    existing_rows: Generated<number>;
    warnings: Generated<unknown>;
    inserted: number | null;
    households: number | null;
    skipped: number | null;
    committed_group: Generated<number>;
    done_rows: Generated<number>;
    upload_token: string | null;
    registry_ceiling: string | number | null;
    created_by: number | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    committed_at: Date | null;
  };
  import_row: {
    job_id: number;
    row_no: number;
    cells: unknown | null;
    resident: unknown | null;
    household_key: string | null;
    group_no: number | null;
    errors: unknown | null;
    warnings: unknown;
  };
};

export type JobStatus = 'parsing' | 'previewed' | 'committing' | 'committed' | 'failed';

type Db = Kysely<DB> | Transaction<DB>;
const withImports = (db: Db) => db.withTables<ImportTables>();

export interface JobColumn {
  header: string;
  field: string | null;
  letter: string;
}

export interface Finding {
  row: number;
  column: string | null;
  letter: string | null;
  field: string;
  /** The message's key and parameters; null on findings stored before the catalogue. */
  key?: string | null;
  params?: Record<string, string | number> | null;
  message: string;
  messageEn: string;
}

export async function insertJob(db: Db, job: { unitId: number; communeId: number; format: string; fileName: string | null; createdBy: number | null; uploadToken: string | null }) {
  const row = await withImports(db)
    .insertInto('import_job')
    .values({ unit_id: job.unitId, commune_id: job.communeId, format: job.format, file_name: job.fileName, created_by: job.createdBy, upload_token: job.uploadToken, columns: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateJob(db: Db, id: number, values: Partial<{ status: string; columns: string; total_rows: number; valid_rows: number; invalid_rows: number; existing_rows: number; warnings: string; inserted: number; households: number; skipped: number }>) {
  await withImports(db).updateTable('import_job').set({ ...values, updated_at: sql`now()` }).where('id', '=', id).execute();
}

/**
 * Marks a job as being committed unless it was committed meanwhile; false if it was. The first
 * claim notes the registry's largest id: who was registered before the commit began.
 */
export async function claimForCommit(db: Db, id: number): Promise<boolean> {
  const claimed = await withImports(db)
    .updateTable('import_job')
    .set({ status: 'committing', updated_at: sql`now()`, registry_ceiling: sql`coalesce(registry_ceiling, (select coalesce(max(id), 0) from resident))` })
    .where('id', '=', id)
    .where('status', 'in', ['previewed', 'failed', 'committing'])
    .returning('id')
    .executeTakeFirst();
  return !!claimed;
}

export async function deleteJob(db: Db, id: number) {
  await withImports(db).deleteFrom('import_job').where('id', '=', id).execute();
}

/** The job the caller is uploading with this token (the page follows its preview by it). */
export async function jobOfUpload(db: Db, userId: number, token: string) {
  const row = await withImports(db).selectFrom('import_job').where('created_by', '=', userId).where('upload_token', '=', token).orderBy('id', 'desc').select('id').executeTakeFirst();
  return row?.id ?? null;
}

/** A job whose target unit lies in the caller's scope. */
export function findJob(db: Db, scope: Scope, id: number, lock = false) {
  let q = withImports(db)
    .selectFrom('import_job as j')
    .innerJoin('org_unit as o', 'o.id', 'j.unit_id')
    .where('j.id', '=', id)
    .where(orgUnitInScope('o', scope))
    .select([
      'j.id',
      'j.unit_id as unitId',
      'j.commune_id as communeId',
      'j.format',
      'j.file_name as fileName',
      sql<JobColumn[]>`j.columns`.as('columns'),
      sql<JobStatus>`j.status`.as('status'),
      'j.total_rows as rows',
      'j.valid_rows as valid',
      'j.invalid_rows as invalid',
      'j.existing_rows as existing',
      sql<Finding[]>`j.warnings`.as('warnings'),
      'j.inserted',
      'j.households',
      'j.skipped',
      'j.committed_group as committedGroup',
      'j.done_rows as doneRows',
      'j.created_at as createdAt',
      'j.committed_at as committedAt',
    ]);
  if (lock) q = q.forUpdate('j');
  return q.executeTakeFirst();
}

/** Jobs are working copies of personal data: after `days` they go, whatever their state. */
export async function deleteOldJobs(db: Db, days: number) {
  await sql`delete from import_job where created_at < now() - make_interval(days => ${days})`.execute(db);
}

/** Stages checked rows; `groupOf` gives each its commit group (its household's first row, else its own). */
export async function stageRows(db: Db, jobId: number, rows: StagedRow[], groupOf: (row: StagedRow) => number) {
  if (!rows.length) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      row_no: r.rowNo,
      // The cells are kept for the errors file only: a valid row's values are in `resident`.
      cells: r.resident ? null : r.cells,
      resident: r.resident,
      household_key: r.householdKey,
      group_no: groupOf(r),
      errors: r.errors.length ? r.errors.map(({ row: _row, ...f }) => f) : null,
      warnings: r.warnings.map(({ row: _row, ...f }) => f),
    })),
  );
  await sql`
    insert into import_row (job_id, row_no, cells, resident, household_key, group_no, errors, warnings)
    select ${jobId}, t.row_no, t.cells, t.resident, t.household_key, t.group_no, t.errors, t.warnings
    from json_to_recordset(${json}::json) as t(row_no int, cells jsonb, resident jsonb, household_key text, group_no int, errors jsonb, warnings jsonb)
  `.execute(db);
}

/** The first `limit` errors or warnings of a job, by row (through the partial indexes of the rows that have them: migration 0015). */
export async function findings(db: Db, jobId: number, kind: 'errors' | 'warnings', limit = 200): Promise<Finding[]> {
  const column = sql.ref(`r.${kind}`);
  const has = kind === 'errors' ? sql`r.errors is not null` : sql`r.warnings <> '[]'::jsonb`;
  const { rows } = await sql<Finding>`
    select r.row_no as row, f->>'column' as column, f->>'letter' as letter, f->>'field' as field, f->>'key' as key, f->'params' as params, f->>'message' as message, f->>'messageEn' as "messageEn"
    from import_row r cross join lateral jsonb_array_elements(${column}) with ordinality as e(f, n)
    where r.job_id = ${jobId} and ${has}
    order by r.row_no, e.n
    limit ${limit}
  `.execute(db);
  return rows;
}

/**
 * The valid rows of households that have a row with errors, with the numbers of those rows: the
 * household is held back whole (imports.households.ts).
 */
export async function rowsOfBrokenHouseholds(db: Db, jobId: number) {
  const { rows } = await sql<{ rowNo: number; resident: StagedResident; rows: number[] }>`
    select r.row_no as "rowNo", r.resident, bad.rows
    from (
      -- a household's rows share its group (its first row): the invalid rows by their index, then their households' valid rows by theirs
      select group_no, array_agg(row_no order by row_no) as rows
      from import_row where job_id = ${jobId} and resident is null and household_key is not null
      group by group_no
    ) bad join import_row r on r.job_id = ${jobId} and r.group_no = bad.group_no and r.resident is not null
    order by r.row_no
  `.execute(db);
  return rows;
}

/** Turns valid rows into rows with errors: their values go, their cells (for the errors file) and findings come. */
export async function holdRows(db: Db, jobId: number, held: { rowNo: number; cells: string[]; errors: Omit<Finding, 'row'>[] }[]) {
  if (!held.length) return;
  const json = JSON.stringify(held.map((h) => ({ row_no: h.rowNo, cells: h.cells, errors: h.errors })));
  await sql`
    update import_row r set resident = null, cells = t.cells, errors = t.errors
    from json_to_recordset(${json}::json) as t(row_no int, cells jsonb, errors jsonb)
    where r.job_id = ${jobId} and r.row_no = t.row_no
  `.execute(db);
}

/** A page of the rows with errors after `afterRow`, for the errors file. */
export async function invalidRows(db: Db, jobId: number, afterRow: number, limit: number) {
  return withImports(db)
    .selectFrom('import_row')
    .where('job_id', '=', jobId)
    .where('errors', 'is not', null)
    .where('row_no', '>', afterRow)
    .orderBy('row_no')
    .limit(limit)
    .select(['row_no as rowNo', sql<string[]>`cells`.as('cells'), sql<Omit<Finding, 'row'>[]>`errors`.as('errors')])
    .execute();
}

/** Current villages of a commune the caller may write in. */
export function villagesOf(db: Db, scope: Scope, communeId: number) {
  return db
    .selectFrom('org_unit as o')
    .where('o.parent_id', '=', communeId)
    .where('o.level', '=', 'village')
    .where('o.valid_to', 'is', null)
    .where(orgUnitInScope('o', scope))
    .select(['o.id', 'o.name'])
    .execute();
}

export function ethnicGroups(db: Db) {
  return db.selectFrom('ethnic_group').select(['code', 'name', 'other_names']).execute();
}

/**
 * Who holds these personal IDs already (any commune: one person, one record), and whether the
 * caller may see them. Of a holder outside the scope the caller learns only that they exist.
 */
export async function registeredIds(db: Db, scope: Scope, ids: string[]) {
  if (!ids.length) return [];
  const { rows } = await sql<{ id: number; communeId: number; citizenId: string; nameFolded: string; birthYear: number; inScope: boolean }>`
    select id, commune_id as "communeId", citizen_id as "citizenId", name_folded as "nameFolded", birth_year as "birthYear",
      ${homeUnitInScope(db, 'home_unit_id', scope)} as "inScope"
    from resident where citizen_id = any(${ids}::text[]) and status <> 'merged'
  `.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), communeId: Number(r.communeId) }));
}

/** Which of these people without a personal ID are registered already, in the caller's scope: same name, birth and village. */
export async function registeredLookalikes(db: Db, scope: Scope, communeId: number, people: { rowNo: number; fullName: string; birthYear: number; birthDate: string | null; villageId: number | null }[]) {
  if (!people.length) return new Set<number>();
  const { rows } = await sql<{ rowNo: number }>`
    select t.row_no as "rowNo"
    from json_to_recordset(${JSON.stringify(people.map((p) => ({ row_no: p.rowNo, full_name: p.fullName, birth_year: p.birthYear, birth_date: p.birthDate, village_id: p.villageId })))}::json)
      as t(row_no int, full_name text, birth_year int, birth_date date, village_id bigint)
    where exists (
      select 1 from resident e
      where e.commune_id = ${communeId} and e.name_folded = ytcs_fold(t.full_name) and e.birth_year = t.birth_year
        and e.birth_date is not distinct from t.birth_date and e.village_id is not distinct from t.village_id and e.status <> 'merged'
        and ${homeUnitInScope(db, 'e.home_unit_id', scope)}
    )
  `.execute(db);
  return new Set(rows.map((r) => r.rowNo));
}

/** A staged row: the resident's own fields, then where the person lives and what the file said of the household. */
const STAGED_COLUMNS = sql.raw(
  `${RESIDENT_COLUMN_DEFINITIONS}, relationship text, village_id bigint, household_code text, address text, warnings jsonb`,
);
const INSERTED_COLUMNS = sql.raw(RESIDENT_COLUMN_LIST);

/** Whether valid rows are still to commit after group `after` (a stopped commit resumes there). */
export async function rowsLeft(db: Db, jobId: number, after: number): Promise<boolean> {
  const { rows } = await sql<{ left: boolean }>`select exists (select 1 from import_row where job_id = ${jobId} and resident is not null and group_no > ${after}) as left`.execute(db);
  return rows[0]?.left ?? false;
}

/** The last group of the next batch: the group of the `limit`-th valid row after `after` (its household comes whole); null when none is left. */
export async function batchEnd(db: Db, jobId: number, after: number, limit: number) {
  const { rows } = await sql<{ end: number | null }>`
    select max(group_no) as end from (
      select group_no from import_row where job_id = ${jobId} and resident is not null and group_no > ${after} order by group_no limit ${limit}
    ) t
  `.execute(db);
  return rows[0]?.end ?? null;
}

/**
 * The valid rows of groups (after, end], typed, into a temporary table of this transaction, with
 * `skip` set for people registered already in the caller's scope (same personal ID; without one,
 * same name, birth and village) and `elsewhere` for a personal ID registered outside the scope
 * since the preview. Returns the rows of groups that have such a person: they are held back.
 */
export async function stageBatch(trx: Transaction<DB>, scope: Scope, jobId: number, communeId: number, after: number, end: number) {
  await sql`
    create temp table import_commit (row_no int primary key, group_no int not null, household_key text, skip boolean not null, elsewhere boolean not null, household_id bigint, ${STAGED_COLUMNS}) on commit drop
  `.execute(trx);
  await sql`
    insert into import_commit
    select r.row_no, r.group_no, r.household_key,
      case when v.citizen_id is not null
        then exists (select 1 from resident e where e.citizen_id = v.citizen_id and e.status <> 'merged' and ${homeUnitInScope(trx, 'e.home_unit_id', scope)})
        else exists (select 1 from resident e where e.commune_id = ${communeId} and e.name_folded = ytcs_fold(v.full_name) and e.birth_year = v.birth_year
          and e.birth_date is not distinct from v.birth_date and e.village_id is not distinct from v.village_id and e.status <> 'merged'
          and e.id <= j.registry_ceiling and ${homeUnitInScope(trx, 'e.home_unit_id', scope)})
      end,
      v.citizen_id is not null and exists (select 1 from resident e where e.citizen_id = v.citizen_id and e.status <> 'merged' and not ${homeUnitInScope(trx, 'e.home_unit_id', scope)}),
      null, v.*
    from import_job j join import_row r on r.job_id = j.id cross join lateral jsonb_to_record(r.resident) as v(${STAGED_COLUMNS})
    where j.id = ${jobId} and r.resident is not null and r.group_no > ${after} and r.group_no <= ${end}
  `.execute(trx);
  const { rows } = await sql<{ rowNo: number; elsewhere: boolean; resident: StagedResident }>`
    select c.row_no as "rowNo", c.elsewhere, r.resident
    from import_commit c join import_row r on r.job_id = ${jobId} and r.row_no = c.row_no
    where c.group_no in (select group_no from import_commit where elsewhere)
    order by c.row_no
  `.execute(trx);
  if (rows.length) await sql`delete from import_commit where group_no in (select group_no from import_commit where elsewhere)`.execute(trx);
  return rows;
}

/**
 * Writes the staged batch: the households of its rows (one the file named earlier in this import,
 * else one registered by number or by address in the same village, else a new one), the people
 * not registered yet with their "registered" life events, and the heads of households that have
 * none; then drops the batch's staged copies. Returns the counts.
 */
export async function writeBatch(trx: Transaction<DB>, jobId: number, communeId: number, after: number, end: number, today: string, userId: number | null) {
  await sql`
    create temp table import_household_new (key text primary key, code text, address text, village_id bigint, household_id bigint, created boolean not null default false) on commit drop
  `.execute(trx);
  await sql`
    insert into import_household_new (key, code, address, village_id, household_id)
    select c.household_key,
      (array_agg(c.household_code order by c.row_no) filter (where c.household_code is not null))[1],
      (array_agg(c.address order by c.row_no) filter (where c.address is not null))[1],
      (array_agg(c.village_id order by c.row_no))[1],
      min(g.household_id)
    from import_commit c left join import_household g on g.job_id = ${jobId} and g.key = c.household_key
    where not c.skip and c.household_key is not null
    group by c.household_key
  `.execute(trx);
  await sql`
    update import_household_new g set household_id = h.id
    from household h where h.commune_id = ${communeId} and g.household_id is null and g.code is not null and h.code = g.code
  `.execute(trx);
  await sql`
    update import_household_new g set household_id = (
      select min(h.id) from household h
      where h.commune_id = ${communeId} and ytcs_fold(h.address) = ytcs_fold(g.address) and coalesce(h.village_id, 0) = coalesce(g.village_id, 0)
    )
    where g.code is null and g.household_id is null
  `.execute(trx);
  await sql`
    update import_household_new set household_id = nextval(pg_get_serial_sequence('household', 'id')), created = true where household_id is null
  `.execute(trx);
  await sql`
    insert into household (id, commune_id, village_id, code, address)
    select g.household_id, ${communeId}, g.village_id, g.code, coalesce(g.address, v.name, c.name)
    from import_household_new g join org_unit c on c.id = ${communeId} left join org_unit v on v.id = g.village_id
    where g.created
  `.execute(trx);
  await sql`
    insert into import_household (job_id, key, household_id, created)
    select ${jobId}, key, household_id, created from import_household_new
    on conflict (job_id, key) do nothing
  `.execute(trx);
  await sql`update import_commit i set household_id = g.household_id from import_household_new g where g.key = i.household_key and not i.skip`.execute(trx);
  const { rows } = await sql<{ inserted: number; skipped: number; households: number }>`
    with ins as (
      insert into resident (commune_id, village_id, household_id, relationship, ${INSERTED_COLUMNS}, warnings)
      select ${communeId}, village_id, household_id, relationship, ${INSERTED_COLUMNS}, coalesce(warnings, '[]'::jsonb)
      from import_commit where not skip
      order by row_no
      returning id, village_id
    ), events as (${insertRegisteredEvents('ins', { communeId, date: today, recordedBy: userId })})
    select (select count(*)::int from ins) as inserted,
      (select count(*)::int from import_commit where skip) as skipped,
      (select count(*)::int from import_household_new where created) as households
  `.execute(trx);
  await sql`
    update household h set head_id = r.id, updated_at = now()
    from import_household_new g join resident r on r.household_id = g.household_id and r.relationship = 'head' and r.status = 'active'
    where h.id = g.household_id and h.head_id is null
  `.execute(trx);
  await sql`delete from import_row where job_id = ${jobId} and resident is not null and group_no > ${after} and group_no <= ${end}`.execute(trx);
  return rows[0] as { inserted: number; skipped: number; households: number };
}

/** The job's place after a batch: the last group written and the counts so far. */
export async function advanceJob(trx: Transaction<DB>, jobId: number, end: number, batch: { inserted: number; skipped: number; households: number; held: number }) {
  await sql`
    update import_job set committed_group = ${end},
      done_rows = done_rows + ${batch.inserted + batch.skipped},
      inserted = coalesce(inserted, 0) + ${batch.inserted},
      skipped = coalesce(skipped, 0) + ${batch.skipped},
      households = coalesce(households, 0) + ${batch.households},
      valid_rows = valid_rows - ${batch.held}, invalid_rows = invalid_rows + ${batch.held},
      updated_at = now()
    where id = ${jobId}
  `.execute(trx);
}

export async function markCommitted(db: Db, jobId: number) {
  await withImports(db).updateTable('import_job').set({ status: 'committed', committed_at: sql`now()`, updated_at: sql`now()` }).where('id', '=', jobId).execute();
}
