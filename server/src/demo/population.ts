/**
 * The demo's residents: about 20,000 made-up people in the three demo communes of the old Bắc Kạn
 * city (Đức Xuân, Bắc Kạn, Phong Quang) and, fewer, in the communes carrying the other two seed
 * plans (Thượng Hồng, Hưng Yên; Quảng Yên, Thanh Hóa), spread over the villages demo-data.ts creates, with
 * households, insurance, health records, encounters and children's vaccinations. Needs the demo
 * units (loadDemoData) first. Deterministic for a given seed and as-of date.
 */
import { type Kysely, sql } from 'kysely';
import type { CommuneInput } from '@ytcs/population';
import type { DB } from '../db/schema.ts';
import { type LoadOptions, type LoadResult, loadPopulation } from './population-load.ts';
import { DEMO_PROVINCE_CODE } from './demo-data.ts';

interface DemoCommune {
  code: string;
  weight: number;
  /** CCCD birth-province code of people born there (old Bắc Kạn: 006) and the card's province. */
  birthProvince: string;
  insuranceProvince: string;
  hospital: string;
}

const BAC_KAN = { birthProvince: '006', insuranceProvince: DEMO_PROVINCE_CODE, hospital: 'Bệnh viện Đa khoa Bắc Kạn' };

/** The demo communes (as in demo-data.ts) and their share of the residents. */
const DEMO_COMMUNES: DemoCommune[] = [
  { code: '01840', weight: 36, ...BAC_KAN }, // Phường Đức Xuân
  { code: '01843', weight: 34, ...BAC_KAN }, // Phường Bắc Kạn
  { code: '01849', weight: 30, ...BAC_KAN }, // Xã Phong Quang
  // The other seed plans' communes (DEMO_PLAN_COMMUNE_CODES), smaller.
  { code: '12127', weight: 12, birthProvince: '033', insuranceProvince: '33', hospital: 'Bệnh viện Đa khoa tỉnh Hưng Yên' }, // Phường Thượng Hồng
  { code: '16480', weight: 12, birthProvince: '038', insuranceProvince: '38', hospital: 'Bệnh viện Đa khoa tỉnh Thanh Hóa' }, // Xã Quảng Yên
];
export const DEMO_POPULATION_SIZE = 20_000;
export const DEMO_POPULATION_SEED = 20_260_701;

export interface DemoPopulationOptions {
  totalResidents?: number;
  seed?: number;
  /** Ages, card validity and last year's encounters are relative to this day; default today (Vietnam). */
  asOf?: string;
  /** Called after each committed batch (the start prints the residents loaded so far). */
  onBatch?: LoadOptions['onBatch'];
}

const todayInVietnam = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

export async function loadDemoPopulation(db: Kysely<DB>, options: DemoPopulationOptions = {}): Promise<LoadResult> {
  const codes = DEMO_COMMUNES.map((c) => c.code);
  const units = await sql<{ commune_id: number; code: string; name: string; kind: string; village_id: number | null; village_name: string | null; station_id: number | null; station_name: string | null; centre_name: string | null }>`
    select c.id as commune_id, c.code, c.name, c.kind, v.id as village_id, v.name as village_name,
      s.id as station_id, s.name as station_name,
      (select f.name from org_unit_catchment k join org_unit f on f.id = k.facility_id
        where k.area_id = c.id and f.kind = 'health_centre' order by f.id limit 1) as centre_name
    from org_unit c
    left join org_unit v on v.parent_id = c.id and v.level = 'village' and v.valid_to is null
    left join org_unit s on s.parent_id = c.id and s.kind = 'health_station' and s.valid_to is null
    where c.level = 'commune' and c.valid_to is null and c.code in (${sql.join(codes)})
    order by c.code, v.code
  `.execute(db);

  const communes: CommuneInput[] = DEMO_COMMUNES.map(({ code, weight, birthProvince, insuranceProvince, hospital }) => {
    const rows = units.rows.filter((r) => r.code === code);
    const first = rows[0];
    if (!first) throw new Error(`demo population: commune ${code} is not in the org-unit table`);
    if (!first.village_id) throw new Error(`demo population: commune ${code} has no villages (load the demo units first)`);
    const station = first.station_name ?? `Trạm Y tế ${first.name}`;
    return {
      communeId: first.commune_id,
      communeCode: code,
      provinceBirthCode: birthProvince,
      insuranceProvinceCode: insuranceProvince,
      name: first.name,
      kind: first.kind,
      villages: rows.map((r) => ({ id: r.village_id as number, name: r.village_name as string })),
      stationId: first.station_id,
      facilities: [
        { name: station, weight: 72 },
        ...(first.centre_name ? [{ name: first.centre_name, weight: 18 }] : []),
        { name: hospital, weight: 10 },
      ],
      weight,
    };
  });

  return loadPopulation(db, {
    seed: options.seed ?? DEMO_POPULATION_SEED,
    asOf: options.asOf ?? todayInVietnam(),
    totalResidents: options.totalResidents ?? DEMO_POPULATION_SIZE,
    insuranceProvinceCode: DEMO_PROVINCE_CODE,
    communes,
    onBatch: options.onBatch,
  });
}
