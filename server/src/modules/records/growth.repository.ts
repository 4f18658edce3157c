/**
 * A child's growth from the record: each visit with a weight or a height, its age in days and
 * the z-scores by WHO's tables (ytcs_growth_z, the twin of common's rule), and the curves of
 * weight- and height-for-age to 5 years for the child's sex. Without a date of birth there is no
 * age, so no point (a year of birth alone would invent one).
 */
import type { GrowthCurvePoint, GrowthMeasure } from '@ytcs/common';
import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Up to 19 years (228 months), where WHO's tables end. */
const LAST_AGE_DAYS = Math.floor(228 * 30.4375);

export interface GrowthRow {
  encounterId: number;
  date: string;
  ageDays: number;
  weight: number | null;
  height: number | null;
  z: Record<GrowthMeasure, number | null>;
}

export async function growthPoints(db: Db, residentId: number): Promise<GrowthRow[]> {
  const { rows } = await sql<{ encounterId: string; date: string; ageDays: number; weight: number | null; height: number | null; wfa: number | null; hfa: number | null; wfh: number | null; bfa: number | null }>`
    with visit as (
      select e.id, e.date, (e.date - r.birth_date) as age_days, r.sex,
        (select o.value::float8 from observation o where o.encounter_id = e.id and o.code = 'weight') as weight,
        (select o.value::float8 from observation o where o.encounter_id = e.id and o.code = 'height') as height
      from encounter e join resident r on r.id = e.resident_id
      where e.resident_id = ${residentId} and r.birth_date is not null and e.date >= r.birth_date and e.date - r.birth_date <= ${LAST_AGE_DAYS}
    )
    select v.id as "encounterId", to_char(v.date, 'YYYY-MM-DD') as date, v.age_days as "ageDays", v.weight, v.height,
      ytcs_growth_z('wfa', v.sex, v.age_days, v.height, v.weight) as wfa,
      ytcs_growth_z('hfa', v.sex, v.age_days, v.height, v.height) as hfa,
      ytcs_growth_z('wfh', v.sex, v.age_days, v.height, v.weight) as wfh,
      ytcs_growth_z('bfa', v.sex, v.age_days, v.height, v.weight / (v.height / 100) ^ 2) as bfa
    from visit v
    where v.weight is not null or v.height is not null
    order by v.date, v.id
  `.execute(db);
  const num = (v: number | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    encounterId: Number(r.encounterId),
    date: r.date,
    ageDays: Number(r.ageDays),
    weight: num(r.weight),
    height: num(r.height),
    z: { wfa: num(r.wfa), hfa: num(r.hfa), wfh: num(r.wfh), bfa: num(r.bfa) },
  }));
}

/** L, M, S of weight- and length/height-for-age at each whole month from birth to 60 months. */
export async function growthCurves(db: Db, sex: string): Promise<{ wfa: GrowthCurvePoint[]; hfa: GrowthCurvePoint[] }> {
  const { rows } = await sql<{ tbl: string; month: number; l: number; m: number; s: number }>`
    select g.tbl, mo.month, g.l, g.m, g.s
    from generate_series(0, 60) as mo(month)
    join growth_reference g on g.x = round(mo.month * 30.4375) and g.tbl in ('wfa', 'lhfa')
      and g.sex = case ${sex} when 'male' then 1 when 'female' then 2 end
    order by g.tbl, mo.month
  `.execute(db);
  const of = (tbl: string) => rows.filter((r) => r.tbl === tbl).map(({ month, l, m, s }) => ({ month: Number(month), l: Number(l), m: Number(m), s: Number(s) }));
  return { wfa: of('wfa'), hfa: of('lhfa') };
}
