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
import { loadPopulation } from '../../server/src/demo/population-load.ts';
import { communeInputs } from '../../server/src/demo/population-province.ts';

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
    const { communes, inputs, createdVillages, communesWithoutVillages } = await communeInputs(db, provinceCode, total);
    if (createdVillages > 0) console.log(`Created ${createdVillages} villages in ${communesWithoutVillages} communes`);
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
