/**
 * Official unit names as the official list writes them. The source data spells some kind words
 * with capitals ("Thành Phố Bắc Kạn", "Thị Xã …", "Thị Trấn …") or none ("xã Bắc Sơn"), and the
 * kind was read from the name, so the former Bắc Kạn city was stored as a commune. New databases
 * load the names normalised (official-units.ts, officialName); this puts existing ones right,
 * and gives a thị trấn (commune-level township) its own kind instead of a thị xã's.
 * Villages and health units are named by people and left alone.
 */
import { type Kysely, sql } from 'kysely';

const FIXES: { written: string; official: string; kind: string | null }[] = [
  { written: 'Thành Phố ', official: 'Thành phố ', kind: 'city' },
  { written: 'Thị Xã ', official: 'Thị xã ', kind: 'town' },
  { written: 'Thị Trấn ', official: 'Thị trấn ', kind: 'township' },
  // Township (thị trấn) was stored as a town (thị xã) whatever its spelling.
  { written: 'Thị trấn ', official: 'Thị trấn ', kind: 'township' },
  { written: 'Đặc Khu ', official: 'Đặc khu ', kind: 'special_zone' },
  { written: 'xã ', official: 'Xã ', kind: null },
  { written: 'phường ', official: 'Phường ', kind: null },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const fix of FIXES) {
    await sql`
      update org_unit
         set name = ${fix.official} || substr(name, ${fix.written.length + 1}),
             kind = coalesce(${fix.kind}::text, kind)
       where level in ('province', 'district', 'commune')
         and starts_with(name, ${fix.written})
    `.execute(db);
  }
}

export async function down(): Promise<void> {}
