/**
 * Reads the official administrative units shipped in server/data/admin-units (national
 * statistics office codes, see SOURCE.md there) into rows for the org-unit tree: the 2025-07
 * structure (34 provinces → 3,321 communes) and the one before it (63 → ~700 districts →
 * 10,056 communes), with old → new successions from the conversion table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const REORGANISATION_DATE = '2025-07-01';
export const LAST_DAY_BEFORE = '2025-06-30';

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/admin-units');

export interface OfficialUnit {
  key: string; // era + level + code: codes are reused across the two eras
  parentKey: string | null;
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  kind: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface OfficialSuccession {
  predecessorKey: string;
  successorKey: string;
  note: string | null;
}

const islandKey = (districtCode: string) => `old:island:${districtCode.trim()}`;
const pad = (code: string | number, width: number) => String(code).trim().padStart(width, '0');

/** The kind words as the official list writes them: a capital on the first word only. */
const KIND_WORDS = ['Thành phố', 'Thị xã', 'Thị trấn', 'Đặc khu', 'Tỉnh', 'Quận', 'Huyện', 'Phường', 'Xã'];
const KIND_WORD = new RegExp(`^(${KIND_WORDS.join('|')})(?= )`, 'iu');

/**
 * The name as the official list writes it. The sources spell some kind words otherwise
 * ("Thành Phố Bắc Kạn", "Thị Xã …", "xã Bắc Sơn"); the place name itself is left as written.
 */
export function officialName(name: string): string {
  const tidy = name.replace(/\s+/g, ' ').trim();
  return tidy.replace(KIND_WORD, (word) => KIND_WORDS.find((k) => k.toLocaleLowerCase('vi') === word.toLocaleLowerCase('vi')) ?? word);
}

function kindFromName(written: string): string {
  const name = officialName(written);
  const first = name.split(' ')[0];
  if (name.startsWith('Thành phố')) return 'city';
  if (name.startsWith('Thị xã')) return 'town';
  // A thị trấn is a commune-level township, not a thị xã (a district-level town).
  if (name.startsWith('Thị trấn')) return 'township';
  if (name.startsWith('Đặc khu')) return 'special_zone';
  if (first === 'Tỉnh') return 'province';
  if (first === 'Quận' || first === 'Huyện') return 'district';
  if (first === 'Phường') return 'ward';
  return 'commune';
}

interface NewProvince {
  name: string;
  code: number;
  wards: { name: string; code: number; division_type: string }[];
}

export function readOfficialUnits(dir = DATA_DIR): { units: OfficialUnit[]; successions: OfficialSuccession[] } {
  const units: OfficialUnit[] = [];
  const successions: OfficialSuccession[] = [];
  const seen = new Set<string>();
  const add = (raw: OfficialUnit) => {
    if (seen.has(raw.key)) return;
    const unit = { ...raw, name: officialName(raw.name) };
    seen.add(unit.key);
    units.push(unit);
  };

  const newProvinces = JSON.parse(fs.readFileSync(path.join(dir, 'units-2025-07.json'), 'utf8')) as NewProvince[];
  const newProvinceOfCommune = new Map<string, string>();
  for (const p of newProvinces) {
    const pKey = `new:province:${pad(p.code, 2)}`;
    add({ key: pKey, parentKey: null, code: pad(p.code, 2), name: p.name, level: 'province', kind: kindFromName(p.name), validFrom: REORGANISATION_DATE, validTo: null });
    for (const w of p.wards) {
      const key = `new:commune:${pad(w.code, 5)}`;
      newProvinceOfCommune.set(key, pKey);
      add({ key, parentKey: pKey, code: pad(w.code, 5), name: w.name, level: 'commune', kind: kindFromName(w.name), validFrom: REORGANISATION_DATE, validTo: null });
    }
  }

  const before = parse(fs.readFileSync(path.join(dir, 'communes-before-2025-07.csv')), { columns: false, from_line: 2, relax_column_count: true }) as string[][];
  const oldCommuneParent = new Map<string, { district: string; province: string }>();
  for (const [province, pCode, district, dCode, commune, cCode] of before) {
    if (!province || !pCode || !district || !dCode) continue;
    const pKey = `old:province:${pad(pCode, 2)}`;
    add({ key: pKey, parentKey: null, code: pad(pCode, 2), name: province, level: 'province', kind: kindFromName(province), validFrom: null, validTo: LAST_DAY_BEFORE });
    if (!commune || !cCode) {
      // An island district without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo): the
      // statistics office lists it among the communes because it is the only local tier there.
      const key = islandKey(dCode);
      add({ key, parentKey: pKey, code: pad(dCode, 3), name: district, level: 'commune', kind: 'district', validFrom: null, validTo: LAST_DAY_BEFORE });
      oldCommuneParent.set(key, { district: key, province: pKey });
      continue;
    }
    const dKey = `old:district:${pad(dCode, 3)}`;
    const cKey = `old:commune:${pad(cCode, 5)}`;
    add({ key: dKey, parentKey: pKey, code: pad(dCode, 3), name: district, level: 'district', kind: kindFromName(district), validFrom: null, validTo: LAST_DAY_BEFORE });
    add({ key: cKey, parentKey: dKey, code: pad(cCode, 5), name: commune, level: 'commune', kind: kindFromName(commune), validFrom: null, validTo: LAST_DAY_BEFORE });
    oldCommuneParent.set(cKey, { district: dKey, province: pKey });
  }

  // Old commune → new commune(s); districts and old provinces pass to the new province(s) that
  // received their communes (districts were abolished, so no commune inherits a whole district).
  const conversion = parse(fs.readFileSync(path.join(dir, 'conversion-2025-07.csv')), { from_line: 3, relax_column_count: true, relax_quotes: true }) as string[][];
  const pairs = new Set<string>();
  const link = (predecessorKey: string, successorKey: string, note: string | null) => {
    const id = `${predecessorKey}>${successorKey}`;
    if (pairs.has(id) || !seen.has(predecessorKey) || !seen.has(successorKey)) return;
    pairs.add(id);
    successions.push({ predecessorKey, successorKey, note });
  };
  for (const row of conversion) {
    const newCode = row[2]?.trim();
    const oldCode = row[4]?.trim();
    const island = /\((\d{3})\)/.exec(row[6] ?? '')?.[1];
    if (!newCode || !(oldCode || island)) continue;
    const newKey = `new:commune:${pad(newCode, 5)}`;
    const oldKey = oldCode ? `old:commune:${pad(oldCode, 5)}` : islandKey(island as string);
    const note = row[5]?.replace(/\s+/g, ' ').trim() || null;
    link(oldKey, newKey, note);
    const parents = oldCommuneParent.get(oldKey);
    const newProvince = newProvinceOfCommune.get(newKey);
    if (parents && newProvince) {
      link(parents.district, newProvince, null);
      link(parents.province, newProvince, null);
    }
  }
  return { units, successions };
}
