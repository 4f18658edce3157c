/**
 * Demo data for a first start: Thái Nguyên province (which absorbed Bắc Kạn on 1/7/2025; the
 * Bắc Kạn city plan is about its communes). The administrative units are the official ones; the
 * health units follow the real pattern (a department, regional health centres along the old
 * district lines, a station in every commune) and the villages, school and clinic are made up.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import * as orgUnits from '../modules/org-units/org-units.repository.ts';
import * as users from '../modules/users/users.repository.ts';

export const DEMO_PASSWORD = 'ytcs-demo-2026';
export const DEMO_PROVINCE_CODE = '19'; // Tỉnh Thái Nguyên
const OLD_PROVINCES = ['19', '06']; // Thái Nguyên and Bắc Kạn before 1/7/2025
export const DEMO_COMMUNE_CODES = ['01840', '01843', '01849']; // Đức Xuân, Bắc Kạn, Phong Quang (old Bắc Kạn city)
/**
 * The units carrying the other two seed plans, so their figures have people behind them: Phường
 * Thượng Hồng (Hưng Yên), which took in xã Hòa Phong (001), and xã Quảng Yên (Thanh Hóa, 004).
 */
export const DEMO_PLAN_COMMUNE_CODES = ['12127', '16480'];
const DEMO_DATE = '2025-07-01';

export interface DemoAccount {
  username: string;
  role: string;
  unit: string;
}

const VILLAGE_NAMES = ['Nà Cưởm', 'Khuổi Cuồng', 'Bản Áng', 'Phiêng Luông', 'Nà Pài', 'Khau Cưởm', 'Bản Cạu', 'Nà Làng', 'Pác Châm', 'Bản Đồn'];

function villagesOf(kind: string, seed: number): string[] {
  const n = 6 + (seed % 5);
  return Array.from({ length: n }, (_, i) => (kind === 'ward' ? `Tổ dân phố ${i + 1}` : `Thôn ${VILLAGE_NAMES[(i + seed) % VILLAGE_NAMES.length]}`));
}

const shortName = (name: string) => name.replace(/^(Huyện|Thành [pP]hố|Thị [xX]ã|Quận)\s+/, "");

export async function loadDemoData(db: Kysely<DB>): Promise<DemoAccount[]> {
  const communes = await db
    .selectFrom('org_unit as c')
    .innerJoin('org_unit as p', 'p.id', 'c.parent_id')
    .where('p.level', '=', 'province')
    .where('p.code', '=', DEMO_PROVINCE_CODE)
    .where('p.valid_to', 'is', null)
    .where('c.valid_to', 'is', null)
    .select(['c.id', 'c.code', 'c.name', 'c.kind', 'c.path', 'p.id as province_id', 'p.path as province_path', 'p.name as province_name'])
    .orderBy('c.code')
    .execute();
  const province = communes[0];
  if (!province) throw new Error('demo: Thái Nguyên is not in the org-unit table');

  // Regional health centres along the abolished districts: each serves the new communes that
  // received that district's communes.
  const lineage = await sql<{ district_code: string; district_name: string; commune_id: number }>`
    select distinct d.code as district_code, d.name as district_name, s.successor_id as commune_id
    from org_unit oc
    join org_unit d on d.id = oc.parent_id and d.level = 'district'
    join org_unit op on op.id = d.parent_id
    join org_unit_succession s on s.predecessor_id = oc.id
    where oc.level = 'commune' and op.level = 'province' and op.valid_to is not null and op.code in (${sql.join(OLD_PROVINCES)})
    order by d.code
  `.execute(db);
  const centreOf = new Map<number, string>();
  const districts = new Map<string, string>();
  for (const row of lineage.rows) {
    districts.set(row.district_code, row.district_name);
    if (!centreOf.has(row.commune_id)) centreOf.set(row.commune_id, row.district_code);
  }

  const elsewhere = await db
    .selectFrom('org_unit')
    .where('level', '=', 'commune')
    .where('valid_to', 'is', null)
    .where('code', 'in', DEMO_PLAN_COMMUNE_CODES)
    .select(['id', 'code', 'name', 'kind', 'path'])
    .orderBy('code')
    .execute();
  if (elsewhere.length !== DEMO_PLAN_COMMUNE_CODES.length) throw new Error('demo: a seed plan commune is not in the org-unit table');

  const existing = new Map<string, { id: number; path: string }>([[`province`, { id: province.province_id, path: province.province_path }]]);
  for (const c of [...communes, ...elsewhere]) existing.set(`commune:${c.code}`, { id: c.id, path: c.path });

  const unit = (key: string, parentKey: string, code: string, name: string, level: string, kind: string) => ({ key, parentKey, code, name, level, kind, validFrom: DEMO_DATE, validTo: null });
  const newUnits = [
    unit('department', 'province', `SYT-${DEMO_PROVINCE_CODE}`, `Sở Y tế ${province.province_name}`, 'facility', 'health_department'),
    ...[...districts].map(([code, name]) => unit(`centre:${code}`, 'province', `TTYT-${code}`, `Trung tâm Y tế khu vực ${shortName(name)}`, 'facility', 'health_centre')),
    ...communes.map((c) => unit(`station:${c.code}`, `commune:${c.code}`, `TYT-${c.code}`, `Trạm Y tế ${c.name}`, 'facility', 'health_station')),
    ...communes
      .filter((c) => DEMO_COMMUNE_CODES.includes(c.code))
      .flatMap((c, i) => villagesOf(c.kind, Number(c.code) + i).map((name, j) => unit(`village:${c.code}:${j + 1}`, `commune:${c.code}`, `${c.code}-${String(j + 1).padStart(2, '0')}`, name, 'village', 'village'))),
    // The seed plans' communes elsewhere: a station and numbered villages (their names are not known here).
    ...elsewhere.flatMap((c) => [
      unit(`station:${c.code}`, `commune:${c.code}`, `TYT-${c.code}`, `Trạm Y tế ${c.name}`, 'facility', 'health_station'),
      ...Array.from({ length: 6 }, (_, j) =>
        unit(`village:${c.code}:${j + 1}`, `commune:${c.code}`, `${c.code}-${String(j + 1).padStart(2, '0')}`, `${c.kind === 'ward' ? 'Tổ dân phố' : 'Thôn'} ${j + 1}`, 'village', 'village'),
      ),
    ]),
    unit('school', `commune:${DEMO_COMMUNE_CODES[0]}`, `TH-${DEMO_COMMUNE_CODES[0]}-01`, 'Trường Tiểu học Đức Xuân', 'facility', 'school'),
    unit('clinic', `commune:${DEMO_COMMUNE_CODES[0]}`, `PK-${DEMO_COMMUNE_CODES[0]}-01`, 'Phòng khám đa khoa tư nhân Minh Khai', 'facility', 'private_clinic'),
  ];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const firstCentre = centreOf.get(communes.find((c) => c.code === DEMO_COMMUNE_CODES[0])?.id ?? 0) ?? '';
  const accounts: (DemoAccount & { fullName: string; key: string })[] = [
    { username: 'soyte.thainguyen', fullName: 'Lê Văn Hùng', role: 'province', key: 'province', unit: province.province_name },
    { username: 'ttyt.backan', fullName: 'Hoàng Thị Mai', role: 'health_centre', key: `centre:${firstCentre}`, unit: `Trung tâm Y tế khu vực ${shortName(districts.get(firstCentre) ?? '')}` },
    { username: 'tram.ducxuan', fullName: 'Nông Thị Hạnh', role: 'station', key: `station:${DEMO_COMMUNE_CODES[0]}`, unit: 'Trạm Y tế Phường Đức Xuân' },
    { username: 'ytthon.ducxuan', fullName: 'Triệu Văn Sơn', role: 'village_worker', key: `village:${DEMO_COMMUNE_CODES[0]}:1`, unit: 'Tổ dân phố 1, Phường Đức Xuân' },
    { username: 'ytth.ducxuan', fullName: 'Ma Thị Lan', role: 'school_health', key: 'school', unit: 'Trường Tiểu học Đức Xuân' },
    { username: 'ubnd.ducxuan', fullName: 'Đặng Văn Bình', role: 'committee', key: `commune:${DEMO_COMMUNE_CODES[0]}`, unit: 'UBND Phường Đức Xuân' },
    { username: 'kiemsoat.thainguyen', fullName: 'Phạm Thị Thu', role: 'auditor', key: 'province', unit: province.province_name },
  ];

  await db.transaction().execute(async (trx) => {
    const placed = await orgUnits.insertOrgUnits(trx, newUnits, existing);
    const id = (key: string) => {
      const found = placed.get(key);
      if (!found) throw new Error(`demo: unit ${key} missing`);
      return found.id;
    };
    await orgUnits.insertCatchments(trx, [
      { facilityId: id('department'), areaId: province.province_id },
      ...[...communes, ...elsewhere].map((c) => ({ facilityId: id(`station:${c.code}`), areaId: c.id })),
      ...communes.filter((c) => centreOf.has(c.id)).map((c) => ({ facilityId: id(`centre:${centreOf.get(c.id)}`), areaId: c.id })),
    ]);
    for (const a of accounts) {
      const userId = await users.insertUser(trx, { username: a.username, fullName: a.fullName, passwordHash, mustChangePassword: false });
      await trx.insertInto('user_role').values({ user_id: userId, role: a.role, org_unit_id: id(a.key) }).execute();
    }
  });
  return accounts.map(({ username, role, unit }) => ({ username, role, unit }));
}
