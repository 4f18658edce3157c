/** SQL for residents: search, read, write, duplicates, merge, life events. */
import type { FieldFinding, ResidentOrder } from '@ytcs/common';
import { type Kysely, type Transaction, sql } from 'kysely';
import { unitOfPath } from '../../access/paths.ts';
import { type Scope, scopeTops } from '../../access/principal.ts';
import { givenNameFirst, insuredOn } from '../../db/rules.ts';
import type { DB } from '../../db/schema.ts';
import { homeUnitInScope, homeUnitsOf } from '../../db/scope.ts';
import { RESIDENT_SELECTION, type ResidentColumns } from './resident-columns.ts';

type Db = Kysely<DB> | Transaction<DB>;

function selectResident(db: Db) {
  return db
    .selectFrom('resident as r')
    .innerJoin('org_unit as c', 'c.id', 'r.commune_id')
    .leftJoin('org_unit as v', 'v.id', 'r.village_id')
    .leftJoin('ethnic_group as e', 'e.code', 'r.ethnicity_code')
    .select([
      'r.id',
      ...RESIDENT_SELECTION,
      'e.name as ethnicityName',
      'r.status',
      'r.death_date as deathDate',
      'r.merged_into as mergedInto',
      'r.household_id as householdId',
      'r.relationship',
      sql<FieldFinding[]>`r.warnings`.as('warnings'),
      'r.commune_id as communeId',
      'c.name as communeName',
      'r.village_id as villageId',
      'v.name as villageName',
      insuredOn('r', sql`current_date`).as('insured'),
      sql<boolean>`exists (select 1 from health_record h where h.resident_id = r.id)`.as('hasRecord'),
      'r.created_at as createdAt',
      'r.updated_at as updatedAt',
    ]);
}

export type Resident = Awaited<ReturnType<typeof findResident>>;

export function findResident(db: Db, scope: Scope, id: number) {
  return selectResident(db).where('r.id', '=', id).where(homeUnitInScope(db, 'r.home_unit_id', scope)).executeTakeFirst();
}

/** What a write about a resident needs of them: where they live, their household, status, sex and birth date. */
export function findResidentToWrite(db: Db, scope: Scope, id: number) {
  return db
    .selectFrom('resident as r')
    .where('r.id', '=', id)
    .where(homeUnitInScope(db, 'r.home_unit_id', scope))
    .select(['r.id', 'r.commune_id as communeId', 'r.village_id as villageId', 'r.status', 'r.birth_date as birthDate', 'r.sex', 'r.household_id as householdId'])
    .executeTakeFirst();
}

/**
 * Where a resident lives, whatever the caller's scope: only to file a refused read under the
 * commune whose auditors should see it. Returns no name or identifier.
 */
export async function communeOfResident(db: Db, id: number): Promise<number | null> {
  const row = await db.selectFrom('resident').where('id', '=', id).select('commune_id').executeTakeFirst();
  return row ? Number(row.commune_id) : null;
}

export interface ResidentSearch {
  q?: string;
  kind?: 'citizen_id' | 'phone' | 'phone_or_social' | 'social_insurance' | 'insurance_code' | 'household_code' | 'name';
  orgUnitPath?: string;
  householdId?: number;
  includeInactive?: boolean;
  /** The people behind a coverage gap: no health record, or no card valid today. */
  missing?: 'record' | 'insurance';
  order?: ResidentOrder;
  limit: number;
  offset: number;
}

/** A broad name search ranks and counts at most this many matches, then says "more than". */
export const SEARCH_CAP = 1000;
/** Up to this many communes, a search names them (the commune-keyed index); more is broad. */
const FEW_COMMUNES = 8;

/**
 * The communes holding every home unit under these units (a village's commune is its parent) and
 * at least one resident, or null when they are more than a few or the units are above a commune.
 * Residents carry commune_id, so naming these communes lets the search read one commune's index
 * entries. Communes closed by a reorganisation are under today's unit too (their successor);
 * those with nobody left are left out, so a commune scope is usually one commune.
 */
export async function communesUnder(db: Db, tops: number[]): Promise<number[] | null> {
  if (!tops.length) return null;
  const { rows } = await sql<{ id: number }>`
    select distinct case when u.level = 'village' then u.parent_id else u.id end as id
    from org_unit u
    where u.scope_ids && ${sql.val(tops)}::bigint[] and u.level in ('commune', 'village')
      -- evaluated once: under a province or a district, the scope is broad
      and not exists (select 1 from org_unit t where t.id = any(${sql.val(tops)}::bigint[]) and t.level in ('country', 'province', 'district'))
      and exists (select 1 from resident x where x.commune_id = case when u.level = 'village' then u.parent_id else u.id end)
    limit ${FEW_COMMUNES + 1}
  `.execute(db);
  const ids = rows.map((r) => Number(r.id));
  return ids.length === 0 || ids.length > FEW_COMMUNES ? null : ids.sort((a, b) => a - b);
}

/**
 * One pass over the matches: the ids of the page, ranked cheaply (exact name, then names that
 * start so, then alphabetical), with the number of matches counted in the same scan; only the
 * page's rows are then read in full. A broad search ("hong" in a province) touches every match
 * once instead of twice, and no per-row similarity is computed.
 *
 * When the scope (or the unit asked for) lies in a few communes, the search also names them:
 * redundant with the scope check, but it lets the index keyed by commune and name answer. A
 * broad name search (no such communes) ranks and counts only the first SEARCH_CAP + 1 matches
 * it finds: the total is then SEARCH_CAP + 1 with `totalCapped`, "more than 1,000, refine".
 */
export async function searchResidents(db: Db, scope: Scope, s: ResidentSearch) {
  let communes = s.orgUnitPath ? await communesUnder(db, [unitOfPath(s.orgUnitPath)]) : null;
  communes ??= await communesUnder(db, scopeTops(scope));
  const q = s.q ?? '';
  const nameSearch = !!q && (!s.kind || s.kind === 'name');
  // A name in known communes: the commune-keyed trigram index is the way in, the scope a filter.
  // Left to itself the planner walks the home-unit index over every resident of the commune
  // (it cannot see that the name is rare there); "+ 0" keeps that index out of the plan.
  const homeUnit = communes && nameSearch ? sql`(${sql.ref('r.home_unit_id')} + 0)` : sql.ref('r.home_unit_id');
  let hits = db.selectFrom('resident as r').where(sql<boolean>`${homeUnit} in (${homeUnitsOf(db, scope)})`);
  if (communes?.length === 1) hits = hits.where('r.commune_id', '=', communes[0] as number);
  // GIN cannot take "= any(array)" as an index condition; one "or" arm per commune can.
  else if (communes) hits = hits.where((eb) => eb.or(communes.map((c) => eb('r.commune_id', '=', c))));
  if (!s.includeInactive) hits = hits.where('r.status', '=', 'active');
  if (s.orgUnitPath) {
    const units = db.selectFrom('org_unit as f').where(sql<boolean>`f.path <@ ${s.orgUnitPath}::ltree`).select('f.id');
    hits = hits.where('r.home_unit_id', 'in', units);
  }
  if (s.householdId) hits = hits.where('r.household_id', '=', s.householdId);
  if (s.missing === 'record') hits = hits.where(sql<boolean>`not exists (select 1 from health_record h where h.resident_id = r.id)`);
  // The same rule as the coverage figure: a card code valid today.
  if (s.missing === 'insurance') hits = hits.where(sql<boolean>`not ${insuredOn('r', sql`current_date`)}`);
  if (q && s.kind === 'citizen_id') hits = hits.where('r.citizen_id', '=', q);
  else if (q && s.kind === 'phone') hits = hits.where('r.phone', '=', q);
  else if (q && s.kind === 'phone_or_social') hits = hits.where((eb) => eb.or([eb('r.phone', '=', q), eb('r.social_insurance_no', '=', q)]));
  else if (q && s.kind === 'social_insurance') hits = hits.where('r.social_insurance_no', '=', q);
  else if (q && s.kind === 'insurance_code') hits = hits.where('r.insurance_code', '=', q);
  // The members of the households with that number, folded as typed ("tdp5-902" finds TDP5-902).
  else if (q && s.kind === 'household_code') hits = hits.where('r.household_id', 'in', db.selectFrom('household as hh').where(sql<string>`ytcs_fold(hh.code)`, '=', q).select('hh.id'));
  else if (q) {
    // Every word must begin a word of the name, in any order ("hong" finds Hồng, not Phong or
    // Khổng); the trigram index answers each regular expression.
    for (const word of q.split(' ')) hits = hits.where('r.name_folded', '~', `(^| )${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  }
  const capped = nameSearch && !communes && !s.householdId;
  // Capped: the first SEARCH_CAP + 1 matches found, then ranked; uncapped: every match.
  const matches = capped ? db.selectFrom(hits.select(['r.id', 'r.name_folded']).limit(SEARCH_CAP + 1).as('r')) : hits;
  // By given name the list is alphabetical only; by name the closest matches come first.
  const byGiven = s.order === 'given_name';
  const rank = nameSearch && !byGiven ? sql<number>`case when r.name_folded = ${q} then 0 when r.name_folded like ${`${q}%`} then 1 else 2 end` : sql<number>`0`;
  const sortKey = byGiven ? givenNameFirst(sql.ref('r.name_folded')) : sql<string>`${sql.ref('r.name_folded')}`;
  const page = matches
    .select(['r.id', rank.as('rank'), sortKey.as('sort_key'), sql<number>`(count(*) over ())::int`.as('total')])
    .orderBy('rank')
    .orderBy('sort_key')
    .orderBy('r.id')
    .limit(s.limit)
    .offset(s.offset);
  const items = await selectResident(db)
    .innerJoin(page.as('h'), 'h.id', 'r.id')
    .select('h.total')
    .orderBy('h.rank')
    .orderBy('h.sort_key')
    .orderBy('h.id')
    .execute();
  // Past the last page the window has no row to carry the count: count once more.
  const total = items[0]?.total ?? (s.offset > 0 ? (await matches.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n : 0);
  return { items: items.map(({ total: _, ...item }) => item), total, totalCapped: capped && total > SEARCH_CAP };
}

export async function insertResident(db: Db, values: ResidentColumns & { commune_id: number; village_id: number | null; household_id: number | null; relationship: string | null; warnings: string }) {
  const row = await db.insertInto('resident').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateResident(db: Db, id: number, values: Partial<ResidentColumns> & { warnings?: string; village_id?: number | null; commune_id?: number; household_id?: number | null; relationship?: string | null; status?: string; death_date?: string | null; merged_into?: number | null }) {
  await db.updateTable('resident').set({ ...values, updated_at: sql`now()` }).where('id', '=', id).execute();
}

/**
 * A resident anywhere holding this personal ID or social-insurance number (national numbers: one
 * person, one record), and whether the caller's scope reaches them; one in scope comes first.
 */
export async function findByIdentifier(db: Db, scope: Scope, column: 'citizen_id' | 'social_insurance_no', value: string, exceptId?: number) {
  let q = db
    .selectFrom('resident as r')
    .where(`r.${column}`, '=', value)
    .where('r.status', '<>', 'merged')
    .select(['r.id', 'r.commune_id as communeId', sql<boolean>`r.home_unit_id in (${homeUnitsOf(db, scope)})`.as('inScope')]);
  if (exceptId) q = q.where('r.id', '<>', exceptId);
  const row = await q.orderBy('inScope', 'desc').orderBy('r.id').limit(1).executeTakeFirst();
  return row && { id: row.id, communeId: row.communeId, inScope: !!row.inScope };
}

/**
 * Same folded name and birth year (and date when both are known) in the same commune, each with
 * whether the caller's scope reaches it (a village worker's neighbours are in the commune).
 */
export function findLookalikes(db: Db, scope: Scope, communeId: number, nameFolded: string, birthYear: number, birthDate: string | null, exceptId?: number) {
  let q = db
    .selectFrom('resident as r')
    .where('r.commune_id', '=', communeId)
    .where('r.name_folded', '=', nameFolded)
    .where('r.birth_year', '=', birthYear)
    .where('r.status', '=', 'active')
    .where((eb) => (birthDate ? eb.or([eb('r.birth_date', 'is', null), eb('r.birth_date', '=', birthDate)]) : sql<boolean>`true`))
    .select(['r.id', sql<boolean>`r.home_unit_id in (${homeUnitsOf(db, scope)})`.as('inScope')]);
  if (exceptId) q = q.where('r.id', '<>', exceptId);
  return q.orderBy('r.id').limit(5).execute();
}

export async function ethnicityKnown(db: Db, code: string) {
  return !!(await db.selectFrom('ethnic_group').where('code', '=', code).select('code').executeTakeFirst());
}

/** A unit by id (any level, open or closed), with its path. */
export function findUnit(db: Db, id: number) {
  return db.selectFrom('org_unit').where('id', '=', id).select(['id', 'path']).executeTakeFirst();
}

/**
 * "Registered elsewhere" answers a user had in the last window, counted under the user's advisory
 * lock (held to the end of trx) so that concurrent lookups cannot all slip under the limit.
 */
export async function lockedLookupUsage(trx: Transaction<DB>, userId: number | null, lockClass: number, windowSeconds: number): Promise<{ n: number; wait: number | null }> {
  await sql`select pg_advisory_xact_lock(${lockClass}, ${userId ?? 0})`.execute(trx);
  const { rows } = await sql<{ n: number; wait: number | null }>`
    select count(*)::int as n, ceil(extract(epoch from (min(at) + make_interval(secs => ${windowSeconds}) - now())))::int as wait
    from audit_event
    where user_id = ${userId} and action = 'person.id_lookup' and details->>'answer' = 'elsewhere'
      and at > now() - make_interval(secs => ${windowSeconds})
  `.execute(trx);
  return rows[0] ?? { n: 0, wait: null };
}
