/**
 * A province's current communes (with the old province most of their predecessors were in, the
 * CCCD birth-registration code) and their villages and health facilities: what the population
 * loader needs to spread residents, shared by the CLI and the benchmarks.
 */
import { type Kysely, sql } from 'kysely';
import { type CommuneInput, communeQuotas } from '@ytcs/population';
import type { DB } from '../db/schema.ts';
import { type NewOrgUnit, insertOrgUnits } from '../modules/org-units/index.ts';

interface CommuneRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  path: string;
  valid_from: string | null;
}

/** Current communes of the province, with the old province most of their predecessors were in. */
export async function provinceCommunes(db: Kysely<DB>, provinceCode: string) {
  const communes = await sql<CommuneRow>`
    select c.id, c.code, c.name, c.kind, c.path::text as path, c.valid_from
    from org_unit c join org_unit p on p.id = c.parent_id
    where p.level = 'province' and p.code = ${provinceCode} and p.valid_to is null and c.level = 'commune' and c.valid_to is null
    order by c.code
  `.execute(db);
  if (communes.rows.length === 0) throw new Error(`no current communes under province ${provinceCode}`);
  const ids = `{${communes.rows.map((c) => c.id).join(',')}}`;
  const origins = await sql<{ commune_id: number; province_code: string }>`
    select distinct on (s.successor_id) s.successor_id as commune_id, op.code as province_code
    from org_unit_succession s
    join org_unit oc on oc.id = s.predecessor_id and oc.level = 'commune'
    join org_unit op on op.level = 'province' and op.path @> oc.path
    where s.successor_id = any(${ids}::bigint[])
    group by s.successor_id, op.code
    order by s.successor_id, count(*) desc, op.code
  `.execute(db);
  const origin = new Map(origins.rows.map((r) => [Number(r.commune_id), r.province_code]));
  return communes.rows.map((c) => ({ ...c, birthCode: (origin.get(c.id) ?? provinceCode).padStart(3, '0') }));
}

export async function villagesAndFacilities(db: Kysely<DB>, communeIds: number[]) {
  const ids = sql`${`{${communeIds.join(',')}}`}::bigint[]`;
  const villages = await sql<{ parent_id: number; id: number; name: string }>`
    select parent_id, id, name from org_unit where level = 'village' and valid_to is null and parent_id = any(${ids}) order by code, id
  `.execute(db);
  const stations = await sql<{ parent_id: number; id: number; name: string }>`
    select parent_id, id, name from org_unit where kind = 'health_station' and valid_to is null and parent_id = any(${ids})
  `.execute(db);
  const centres = await sql<{ area_id: number; name: string }>`
    select k.area_id, f.name from org_unit_catchment k join org_unit f on f.id = k.facility_id
    where f.kind = 'health_centre' and k.area_id = any(${ids})
  `.execute(db);
  return { villages: villages.rows, stations: stations.rows, centres: centres.rows };
}

/**
 * The generator's input for each current commune of the province: its villages (made up, about
 * one per 1,000 residents, where the commune has none), station and health centre.
 */
export async function communeInputs(db: Kysely<DB>, provinceCode: string, totalResidents: number) {
  const communes = await provinceCommunes(db, provinceCode);
  const quotas = communeQuotas({ communes: communes.map(() => ({}) as CommuneInput), totalResidents });
  let units = await villagesAndFacilities(db, communes.map((c) => c.id));
  const withVillages = new Set(units.villages.map((v) => v.parent_id));
  const newVillages: NewOrgUnit[] = communes.flatMap((c, i) =>
    withVillages.has(c.id)
      ? []
      : Array.from({ length: Math.min(60, Math.max(3, Math.ceil((quotas[i] ?? 0) / 1000))) }, (_, j) => ({
          key: `village:${c.code}:${j + 1}`,
          parentKey: `commune:${c.code}`,
          code: `${c.code}-${String(j + 1).padStart(2, '0')}`,
          name: c.kind === 'ward' ? `Tổ dân phố ${j + 1}` : `Thôn ${j + 1}`,
          level: 'village',
          kind: 'village',
          validFrom: c.valid_from,
          validTo: null,
        })),
  );
  if (newVillages.length > 0) {
    await db.transaction().execute((trx) => insertOrgUnits(trx, newVillages, new Map(communes.map((c) => [`commune:${c.code}`, { id: c.id, path: c.path }]))));
    units = await villagesAndFacilities(db, communes.map((c) => c.id));
  }
  const inputs: CommuneInput[] = communes.map((c) => {
    const station = units.stations.find((s) => s.parent_id === c.id);
    const centre = units.centres.find((k) => k.area_id === c.id);
    return {
      communeId: c.id,
      communeCode: c.code,
      provinceBirthCode: c.birthCode,
      name: c.name,
      kind: c.kind,
      villages: units.villages.filter((v) => v.parent_id === c.id).map((v) => ({ id: v.id, name: v.name })),
      stationId: station?.id ?? null,
      facilities: [{ name: station?.name ?? `Trạm Y tế ${c.name}`, weight: 75 }, ...(centre ? [{ name: centre.name, weight: 25 }] : [])],
    };
  });
  return { communes, inputs, createdVillages: newVillages.length, communesWithoutVillages: communes.length - withVillages.size };
}
