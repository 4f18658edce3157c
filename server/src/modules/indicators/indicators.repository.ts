/**
 * Indicator values as stored (per commune for computed ones, per unit for entered ones) and
 * rolled up: a unit's figure is its own stored value when it has one (a figure entered for the
 * unit as a whole), else the sum of the numerators and denominators stored below it. "Below"
 * is scope_ids, so history stored under a unit closed by a merger counts under its successor.
 */
import type { Indicator } from '@ytcs/common';
import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** An indicator as stored, with its row id. */
export type IndicatorRow = Indicator & { id: number };

export async function listIndicators(db: Db): Promise<IndicatorRow[]> {
  return db
    .selectFrom('indicator')
    .select([
      'id',
      'code',
      'name_vi as nameVi',
      'name_en as nameEn',
      'unit',
      'numerator_vi as numeratorVi',
      'denominator_vi as denominatorVi',
      'numerator_en as numeratorEn',
      'denominator_en as denominatorEn',
      'source',
      'counts_people as countsPeople',
    ])
    .orderBy('sort')
    .execute();
}

export interface RolledUpValue {
  unitId: number;
  indicatorId: number;
  period: string;
  numerator: number;
  denominator: number | null;
  updatedAt: Date;
}

/** The figure of each unit for each indicator and period that has any value. */
export async function rolledUp(db: Db, units: number[], indicatorIds: number[], periods: string[]): Promise<RolledUpValue[]> {
  if (units.length === 0 || indicatorIds.length === 0 || periods.length === 0) return [];
  const result = await sql<{ unit_id: string; indicator_id: string; period: string; own: boolean; numerator: string; denominator: string | null; updated_at: Date }>`
    select a.id as unit_id, v.indicator_id, v.period, bool_or(v.org_unit_id = a.id) as own,
      coalesce(sum(v.numerator) filter (where v.org_unit_id = a.id), sum(v.numerator)) as numerator,
      case when bool_or(v.org_unit_id = a.id) then sum(v.denominator) filter (where v.org_unit_id = a.id) else sum(v.denominator) end as denominator,
      max(v.updated_at) as updated_at
    from org_unit o
    cross join lateral unnest(o.scope_ids) as a(id)
    join indicator_value v on v.org_unit_id = o.id
    -- Units under the topmost units asked for (a province and its communes: the province alone):
    -- one small overlap the GIN index answers, not a 93-element overlap tested on every unit.
    where o.scope_ids && (select array_agg(t.id) from org_unit t where t.id = any(${sql.val(units)}::bigint[])
        and not exists (select 1 from org_unit t2 where t2.id = any(${sql.val(units)}::bigint[]) and t2.id <> t.id and t.path <@ t2.path))
      and a.id = any(${sql.val(units)}::bigint[])
      and v.indicator_id = any(${sql.val(indicatorIds)}::bigint[]) and v.period = any(${sql.val(periods)}::text[])
    group by a.id, v.indicator_id, v.period
  `.execute(db);
  return result.rows.map((r) => ({
    unitId: Number(r.unit_id),
    indicatorId: Number(r.indicator_id),
    period: r.period,
    numerator: Number(r.numerator),
    denominator: r.denominator === null ? null : Number(r.denominator),
    updatedAt: r.updated_at,
  }));
}

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  level: string;
  path: string;
}

/**
 * The unit and its child areas (villages, communes…; facilities are not areas) on `asOf`, or,
 * for a unit that did not exist that day, on the nearest day it did: a ward formed on 1/7/2025
 * asked for Q2/2025 lists the villages it began with, a province closed then its districts.
 */
export async function unitWithChildren(db: Db, unitId: number, asOf: string): Promise<UnitRow[]> {
  const result = await sql<UnitRow & { id: string }>`
    with day as (
      select case when u.valid_from > ${asOf}::date then u.valid_from when u.valid_to < ${asOf}::date then u.valid_to else ${asOf}::date end as d
      from org_unit u where u.id = ${unitId}
    )
    select o.id, o.code, o.name, o.level, o.path::text as path from org_unit o, day
    where o.id = ${unitId} or (o.parent_id = ${unitId} and o.level <> 'facility'
      and (o.valid_from is null or o.valid_from <= day.d) and (o.valid_to is null or o.valid_to >= day.d))
    order by o.id = ${unitId} desc, o.code
  `.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export interface TreeUnit {
  id: number;
  parentId: number | null;
  path: string;
  validFrom: string | null;
  validTo: string | null;
}

/** The areas under a unit that existed at some time in the year (facilities are not areas). */
export async function areaTree(db: Kysely<DB>, rootPath: string, year: number): Promise<TreeUnit[]> {
  const result = await sql<{ id: string; parent_id: string | null; path: string; valid_from: string | null; valid_to: string | null }>`
    select o.id, o.parent_id, o.path::text as path, o.valid_from::text as valid_from, o.valid_to::text as valid_to from org_unit o
    where o.path <@ ${rootPath}::ltree and o.level <> 'facility'
      and (o.valid_from is null or o.valid_from <= ${`${year}-12-31`}::date) and (o.valid_to is null or o.valid_to >= ${`${year}-01-01`}::date)
  `.execute(db);
  return result.rows.map((r) => ({ id: Number(r.id), parentId: r.parent_id === null ? null : Number(r.parent_id), path: r.path, validFrom: r.valid_from, validTo: r.valid_to }));
}

export interface StoredValue {
  indicatorCode: string;
  unitId: number;
  period: string;
  numerator: number;
  denominator: number | null;
  origin: string;
  enteredBy: string | null;
  updatedAt: Date;
}

/** Values stored at the unit and below (not rolled up), for exchange with DHIS2. */
export async function storedValues(db: Db, unitId: number, periods: string[], indicatorIds: number[]): Promise<StoredValue[]> {
  const result = await sql<StoredValue & { unitId: string; numerator: string; denominator: string | null }>`
    select i.code as "indicatorCode", v.org_unit_id as "unitId", v.period, v.numerator, v.denominator, v.origin,
      u.username as "enteredBy", v.updated_at as "updatedAt"
    from org_unit o
    join indicator_value v on v.org_unit_id = o.id
    join indicator i on i.id = v.indicator_id
    left join app_user u on u.id = v.entered_by
    where o.scope_ids && array[${unitId}]::bigint[] and v.period = any(${sql.val(periods)}::text[])
      and v.indicator_id = any(${sql.val(indicatorIds)}::bigint[])
    order by v.period, i.sort, v.org_unit_id
  `.execute(db);
  return result.rows.map((r) => ({ ...r, unitId: Number(r.unitId), numerator: Number(r.numerator), denominator: r.denominator === null ? null : Number(r.denominator) }));
}

export interface EnteredValue {
  indicatorId: number;
  unitId: number;
  period: string;
  numerator: number;
  denominator: number | null;
}

/** Writes entered values (set-based); a computed value of the same cell is never overwritten. */
export async function upsertEntered(db: Db, values: EnteredValue[], userId: number | null): Promise<void> {
  if (values.length === 0) return;
  await sql`
    insert into indicator_value (indicator_id, org_unit_id, period, numerator, denominator, origin, entered_by, updated_at)
    select x.indicator_id, x.unit_id, x.period, x.numerator, x.denominator, 'entered', ${userId}, now()
    from unnest(${sql.val(values.map((v) => v.indicatorId))}::bigint[], ${sql.val(values.map((v) => v.unitId))}::bigint[],
      ${sql.val(values.map((v) => v.period))}::text[], ${sql.val(values.map((v) => v.numerator))}::numeric[],
      ${sql.val(values.map((v) => v.denominator))}::numeric[]) as x(indicator_id, unit_id, period, numerator, denominator)
    on conflict (indicator_id, period, org_unit_id) do update
      set numerator = excluded.numerator, denominator = excluded.denominator, entered_by = excluded.entered_by, updated_at = now()
      where indicator_value.origin = 'entered'
  `.execute(db);
}

/** The ltree path of each unit (to judge each against the caller's scopes). */
export async function unitPaths(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('org_unit').where('id', 'in', ids).select(['id', sql<string>`path::text`.as('path')]).execute();
  return new Map(rows.map((r) => [Number(r.id), r.path]));
}

/** What the registry writes of a computed indicator. */
export type ComputedDefinitionRow = Omit<Indicator, 'source'> & { sort: number };

/**
 * Writes the definitions of computed indicators (an indicator entered until now becomes computed
 * and keeps its entered values of earlier periods). `computation` names the registry entry: the code.
 */
export async function upsertComputedDefinitions(db: Db, rows: ComputedDefinitionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('indicator')
    .values(
      rows.map((r) => ({
        code: r.code,
        name_vi: r.nameVi,
        name_en: r.nameEn,
        unit: r.unit,
        numerator_vi: r.numeratorVi,
        denominator_vi: r.denominatorVi,
        numerator_en: r.numeratorEn,
        denominator_en: r.denominatorEn,
        source: 'computed' as const,
        computation: r.code,
        counts_people: r.countsPeople,
        sort: r.sort,
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name_vi: eb.ref('excluded.name_vi'),
        name_en: eb.ref('excluded.name_en'),
        unit: eb.ref('excluded.unit'),
        numerator_vi: eb.ref('excluded.numerator_vi'),
        denominator_vi: eb.ref('excluded.denominator_vi'),
        numerator_en: eb.ref('excluded.numerator_en'),
        denominator_en: eb.ref('excluded.denominator_en'),
        source: 'computed',
        computation: eb.ref('excluded.computation'),
        counts_people: eb.ref('excluded.counts_people'),
        sort: eb.ref('excluded.sort'),
      })),
    )
    .execute();
}

/** The codes of the indicators marked computed. */
export async function computedCodes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('indicator').where('source', '=', 'computed').select('code').orderBy('code').execute();
  return rows.map((r) => r.code);
}
