/** All SQL about org units: the effective-dated tree, successions, catchments. */
import { type Kysely, type Transaction, sql } from 'kysely';
import { childPath } from '../../access/paths.ts';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { orgUnitInScope } from '../../db/scope.ts';
import type { OfficialSuccession, } from './official-units.ts';
import { containing } from '../../db/like.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface OrgUnitFilter {
  level?: string;
  kind?: string;
  parentId?: number;
  /** Only the tops of the caller's visible tree: units whose parent is not visible to them. */
  roots?: boolean;
  asOf: string;
  q?: string;
  limit: number;
  offset: number;
}

const unitColumns = ['o.id', 'o.code', 'o.name', 'o.level', 'o.kind', 'o.parent_id', 'o.valid_from', 'o.valid_to'] as const;

function validOn(asOf: string, alias = 'o') {
  const t = sql.ref(alias);
  return sql<boolean>`(${t}.valid_from is null or ${t}.valid_from <= ${asOf}::date) and (${t}.valid_to is null or ${t}.valid_to >= ${asOf}::date)`;
}

export async function listOrgUnits(db: Db, scope: Scope, f: OrgUnitFilter) {
  let query = db
    .selectFrom('org_unit as o')
    .where(orgUnitInScope('o', scope))
    .where(validOn(f.asOf));
  if (f.level) query = query.where('o.level', '=', f.level);
  if (f.kind) query = query.where('o.kind', '=', f.kind);
  if (f.parentId !== undefined) query = query.where('o.parent_id', '=', f.parentId);
  if (f.roots) {
    query = query.where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('org_unit as p').whereRef('p.id', '=', 'o.parent_id').where(orgUnitInScope('p', scope)).where(validOn(f.asOf, 'p')).select('p.id'))),
    );
  }
  if (f.q) {
    const like = containing(f.q);
    query = query.where((eb) => eb.or([eb('o.name_folded', 'like', like), eb('o.code', '=', f.q as string)]));
  }
  let page = query.select([
    ...unitColumns,
    sql<number>`(select count(*) from org_unit c where c.parent_id = o.id and ${validOn(f.asOf, 'c')})::int`.as('child_count'),
  ]);
  // Best match first when searching; otherwise the official code order.
  if (f.q) page = page.orderBy(sql`similarity(o.name_folded, ${f.q})`, 'desc');
  const [rows, count] = await Promise.all([
    page
      .orderBy('o.code')
      .orderBy('o.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/** The unit with the number of its children valid on asOf. */
export async function findOrgUnit(db: Db, scope: Scope, id: number, asOf: string) {
  return db
    .selectFrom('org_unit as o')
    .where('o.id', '=', id)
    .where(orgUnitInScope('o', scope))
    .select([...unitColumns, 'o.path', sql<number>`(select count(*) from org_unit c where c.parent_id = o.id and ${validOn(asOf, 'c')})::int`.as('child_count')])
    .executeTakeFirst();
}

const refColumns = ['o.id', 'o.code', 'o.name', 'o.level', 'o.kind'] as const;

/** Ancestors are named, not opened: knowing one's province is not access to it. */
export async function ancestorsOf(db: Db, path: string) {
  return db
    .selectFrom('org_unit as o')
    .where(sql<boolean>`o.path @> ${path}::ltree and o.path <> ${path}::ltree`)
    .select(refColumns)
    .orderBy(sql`nlevel(o.path)`)
    .execute();
}

export async function successionsOf(db: Db, id: number) {
  const [predecessors, successors] = await Promise.all([
    db
      .selectFrom('org_unit_succession as s')
      .innerJoin('org_unit as o', 'o.id', 's.predecessor_id')
      .where('s.successor_id', '=', id)
      .select([...refColumns, 's.note'])
      .orderBy('o.code')
      .execute(),
    db
      .selectFrom('org_unit_succession as s')
      .innerJoin('org_unit as o', 'o.id', 's.successor_id')
      .where('s.predecessor_id', '=', id)
      .select([...refColumns, 's.note'])
      .orderBy('o.code')
      .execute(),
  ]);
  return { predecessors, successors };
}

export async function catchmentOf(db: Db, id: number) {
  const [serves, servedBy] = await Promise.all([
    db.selectFrom('org_unit_catchment as c').innerJoin('org_unit as o', 'o.id', 'c.area_id').where('c.facility_id', '=', id).select(refColumns).orderBy('o.name').execute(),
    db.selectFrom('org_unit_catchment as c').innerJoin('org_unit as o', 'o.id', 'c.facility_id').where('c.area_id', '=', id).select(refColumns).orderBy('o.name').execute(),
  ]);
  return { serves, servedBy };
}

export async function countOrgUnits(db: Db): Promise<number> {
  const row = await db.selectFrom('org_unit').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export interface NewOrgUnit {
  key: string;
  parentKey: string | null;
  code: string;
  name: string;
  level: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Inserts a batch of units (parents before children, or already in the table) in one statement:
 * ids and paths are assigned here so the whole tree goes in with one round trip.
 */
export async function insertOrgUnits(db: Db, units: NewOrgUnit[], existing: Map<string, { id: number; path: string }>) {
  const start = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('org_unit', 'id'))::bigint as id`.execute(db);
  let next = Number(start.rows[0]?.id);
  const placed = new Map(existing);
  const rows = units.map((u) => {
    const id = next++;
    const parent = u.parentKey ? placed.get(u.parentKey) : undefined;
    if (u.parentKey && !parent) throw new Error(`org unit ${u.key}: parent ${u.parentKey} not placed`);
    const path = childPath(parent?.path, id);
    placed.set(u.key, { id, path });
    return { id, code: u.code, name: u.name, level: u.level, kind: u.kind, parent_id: parent?.id ?? null, path, valid_from: u.validFrom, valid_to: u.validTo };
  });
  if (rows.length > 0) {
    await sql`
      insert into org_unit (id, code, name, level, kind, parent_id, path, valid_from, valid_to)
      select id, code, name, level, kind, parent_id, path::ltree, valid_from, valid_to
      from json_to_recordset(${JSON.stringify(rows)}::json)
        as t(id bigint, code text, name text, level text, kind text, parent_id bigint, path text, valid_from date, valid_to date)
    `.execute(db);
    await sql`select setval(pg_get_serial_sequence('org_unit', 'id'), ${next - 1})`.execute(db);
  }
  return placed;
}

export async function insertSuccessions(db: Db, successions: OfficialSuccession[], placed: Map<string, { id: number }>, effective: string) {
  const rows = successions.map((s) => ({
    predecessor_id: placed.get(s.predecessorKey)?.id,
    successor_id: placed.get(s.successorKey)?.id,
    note: s.note,
  }));
  await sql`
    insert into org_unit_succession (predecessor_id, successor_id, effective, note)
    select predecessor_id, successor_id, ${effective}::date, note
    from json_to_recordset(${JSON.stringify(rows)}::json) as t(predecessor_id bigint, successor_id bigint, note text)
  `.execute(db);
  await refreshSuccessorPaths(db);
}

/**
 * successor_paths = the paths of the current units at the end of each chain of successions
 * (a unit merged twice points to today's unit), recomputed in one statement.
 */
export async function refreshSuccessorPaths(db: Db) {
  await sql`
    with recursive chain(origin, unit) as (
      select predecessor_id, successor_id from org_unit_succession
      union
      select c.origin, s.successor_id from chain c join org_unit_succession s on s.predecessor_id = c.unit
    ), heirs as (
      select c.origin, array_agg(distinct o.path) as paths
      from chain c join org_unit o on o.id = c.unit
      where o.valid_to is null
      group by c.origin
    )
    update org_unit u set successor_paths = h.paths from heirs h where u.id = h.origin
  `.execute(db);
}

export async function insertCatchments(db: Db, pairs: { facilityId: number; areaId: number }[]) {
  if (pairs.length === 0) return;
  await sql`
    insert into org_unit_catchment (facility_id, area_id)
    select facility_id, area_id from json_to_recordset(${JSON.stringify(pairs.map((p) => ({ facility_id: p.facilityId, area_id: p.areaId })))}::json)
      as t(facility_id bigint, area_id bigint)
    on conflict do nothing
  `.execute(db);
}

export async function unitsByKey(db: Db, level: string, codes: string[], current: boolean) {
  return db
    .selectFrom('org_unit as o')
    .where('o.level', '=', level)
    .where('o.code', 'in', codes)
    .where(current ? sql<boolean>`o.valid_to is null` : sql<boolean>`o.valid_to is not null`)
    .select(['o.id', 'o.code', 'o.path', 'o.name'])
    .execute();
}

/**
 * The unit asked for, or without an id the top of the caller's scope, if the caller may see it:
 * how a module that works "at a unit" (plans, coverage, indicators) checks the unit it is given.
 */
export async function unitInScope(db: Db, scope: Scope, id: number | undefined) {
  let query = db.selectFrom('org_unit as o').where(orgUnitInScope('o', scope)).select(['o.id', sql<string>`o.path::text`.as('path')]);
  query = id ? query.where('o.id', '=', id) : query.orderBy(sql`nlevel(o.path)`).limit(1);
  return query.executeTakeFirst();
}

/** Units by id with their paths, in id order (what the indicator engine sums over). */
export async function unitsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('org_unit').where('id', 'in', ids).select(['id', sql<string>`path::text`.as('path'), 'name', 'level', 'kind']).orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * The unit and its ancestors (below the country) that are closed or not yet valid on a date, each
 * with the units that carry its history on that date (the end of its chains of successions),
 * the unit itself first: who a report drawn on that date comes from and names.
 */
export async function closedLineOn(db: Db, id: number, date: string) {
  const result = await sql<{ id: string; name: string; level: string; successor_id: string; successor_name: string; successor_level: string }>`
    with recursive line as (
      select o.id, o.name, o.level, nlevel(o.path) as depth
      from org_unit o
      where o.path @> (select path from org_unit where id = ${id}) and o.level <> 'country' and not (${validOn(date)})
    ), chain(origin, unit) as (
      select s.predecessor_id, s.successor_id from org_unit_succession s where s.predecessor_id in (select id from line)
      union
      select c.origin, s.successor_id from chain c join org_unit_succession s on s.predecessor_id = c.unit
    )
    select l.id, l.name, l.level, h.id as successor_id, h.name as successor_name, h.level as successor_level
    from line l
    join chain c on c.origin = l.id
    join org_unit h on h.id = c.unit and ${validOn(date, 'h')}
    order by l.depth desc, h.code, h.id
  `.execute(db);
  const line = new Map<number, { id: number; name: string; level: string; successors: { id: number; name: string; level: string }[] }>();
  for (const r of result.rows) {
    const unit = line.get(Number(r.id)) ?? { id: Number(r.id), name: r.name, level: r.level, successors: [] };
    unit.successors.push({ id: Number(r.successor_id), name: r.successor_name, level: r.successor_level });
    line.set(unit.id, unit);
  }
  return [...line.values()];
}
