/**
 * Loads a generated population into a province's current communes:
 *
 *   npx tsx scripts/population/cli.ts --residents 100000 --seed 1 [--province 19] [--as-of 2026-11-25] [--batch 5000]
 *
 * into DATABASE_URL (PostgreSQL) or the PGlite under DATA_DIR (default ./data), migrated first.
 * Communes without villages get "Thôn 1…" (or "Tổ dân phố 1…" in wards), about one per
 * thousand residents. Prints progress and rows per second.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { prepareDatabase } from '../../server/src/bootstrap.ts';
import { readConfig } from '../../server/src/config.ts';
import { openDatabase } from '../../server/src/db/database.ts';
import { insertOrgUnits, type NewOrgUnit } from '../../server/src/modules/org-units/org-units.repository.ts';
import { type CommuneInput, communeQuotas } from './generate.ts';
import { loadPopulation } from './load.ts';
import { provinceCommunes, villagesAndFacilities } from './province.ts';

async function main() {
  const { values } = parseArgs({
    options: {
      residents: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      province: { type: 'string', default: '19' },
      'as-of': { type: 'string', default: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10) },
      batch: { type: 'string', default: '5000' },
    },
  });
  const total = Number(values.residents);
  const seed = Number(values.seed);
  if (!Number.isInteger(total) || total < 1 || !Number.isInteger(seed)) throw new Error('--residents and --seed must be integers');
  const provinceCode = String(values.province).padStart(2, '0');

  const config = readConfig(process.env);
  const database = await openDatabase(config);
  try {
    const db = database.db;
    console.log(`Database: ${database.kind === 'postgresql' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`}`);
    await prepareDatabase(db);
    const communes = await provinceCommunes(db, provinceCode);
    const quotas = communeQuotas({ communes: communes.map(() => ({}) as CommuneInput), totalResidents: total });

    // Villages for communes that have none, in one statement.
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
      console.log(`Created ${newVillages.length} villages in ${communes.length - withVillages.size} communes`);
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
    console.log(`Loading ${total.toLocaleString('en')} residents (seed ${seed}, as of ${values['as-of']}) into ${communes.length} communes of province ${provinceCode}…`);
    let lastPrint = 0;
    const result = await loadPopulation(db, {
      seed,
      asOf: String(values['as-of']),
      totalResidents: total,
      batchSize: Number(values.batch),
      insuranceProvinceCode: provinceCode,
      communes: inputs,
      onBatch: (p) => {
        if (p.elapsedMs - lastPrint < 5000) return;
        lastPrint = p.elapsedMs;
        console.log(`  ${p.counts.resident.toLocaleString('en')} residents, ${p.rows.toLocaleString('en')} rows, ${Math.round(p.rows / (p.elapsedMs / 1000)).toLocaleString('en')} rows/s`);
      },
    });
    const analyzeStarted = performance.now();
    await sql`analyze household, resident, health_record, immunization, encounter, diagnosis, observation, life_event`.execute(db);
    console.log(JSON.stringify(result.counts));
    console.log(`Time per step (ms): ${JSON.stringify(result.msByStep)}; analyze ${Math.round(performance.now() - analyzeStarted)} ms`);
    console.log(
      `Loaded ${result.counts.resident.toLocaleString('en')} residents, ${result.rows.toLocaleString('en')} rows in ${(result.elapsedMs / 1000).toFixed(1)} s: ` +
        `${result.rowsPerSecond.toLocaleString('en')} rows/s, ${result.residentsPerSecond.toLocaleString('en')} residents/s`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
