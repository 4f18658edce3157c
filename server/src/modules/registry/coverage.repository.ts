/**
 * The registry's two coverage figures per unit: residents with an opened health record, and
 * residents insured on a date, over active residents. Child units are summed from their own
 * villages and communes (numerators and denominators, never averaged percentages).
 */
import { type Kysely, sql } from 'kysely';
import { insuredOn, sqlDate } from '../../db/rules.ts';
import type { DB } from '../../db/schema.ts';

export interface CoverageRow {
  id: number;
  code: string;
  name: string;
  level: string;
  residents: number;
  withRecord: number;
  insured: number;
}

export async function coverageByChild(db: Kysely<DB>, parentId: number, asOf: string): Promise<CoverageRow[]> {
  const result = await sql<CoverageRow>`
    with child as (
      select o.id, o.code, o.name, o.level, o.path from org_unit o
      where o.parent_id = ${parentId} and o.level <> 'facility'
        and (o.valid_from is null or o.valid_from <= ${asOf}::date) and (o.valid_to is null or o.valid_to >= ${asOf}::date)
      union all
      select o.id, o.code, o.name, o.level, o.path from org_unit o where o.id = ${parentId}
    ), counts as (
      select r.home_unit_id,
        count(*)::int as residents,
        count(*) filter (where exists (select 1 from health_record h where h.resident_id = r.id))::int as with_record,
        count(*) filter (where ${insuredOn('r', sqlDate(asOf))})::int as insured
      from resident r
      where r.status = 'active'
        and r.home_unit_id in (select u.id from org_unit u where u.path <@ (select path from org_unit where id = ${parentId}))
      group by r.home_unit_id
    )
    select c.id, c.code, c.name, c.level,
      coalesce(sum(k.residents), 0)::int as residents,
      coalesce(sum(k.with_record), 0)::int as "withRecord",
      coalesce(sum(k.insured), 0)::int as insured
    from child c
    left join org_unit u on u.path <@ c.path
    left join counts k on k.home_unit_id = u.id
    group by c.id, c.code, c.name, c.level
    order by (c.id = ${parentId}) desc, c.code
  `.execute(db);
  return result.rows;
}
