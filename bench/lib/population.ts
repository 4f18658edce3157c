
import { type LoadResult, loadPopulation } from '../../server/src/demo/population-load.ts';
import { communeInputs } from '../../server/src/demo/population-province.ts';
import type { BenchDatabase } from './database.ts';

export const POPULATION_SEED = 1;
/** Fixed, so ages, card validity and household make-up do not drift from one run to the next. */
export const POPULATION_AS_OF = '2026-11-25';

export interface BenchPopulation {
  residents: number;
  communes: number;
  /** Rows of all tables (households, residents, records, encounters…) and the time they took. */
  load: Pick<LoadResult, 'counts' | 'rows' | 'rowsPerSecond' | 'msByStep'> & { seconds: number };
  vacuumSeconds: number;
  /** Residents in the table afterwards (the demo's 20,000 included). */
  totalResidents: number;
}

export async function loadBenchPopulation(bench: BenchDatabase, opts: { residents: number; provinceCode: string }): Promise<BenchPopulation> {
  const db = bench.database.db;
  const { communes, inputs } = await communeInputs(db, opts.provinceCode, opts.residents);

  let lastPrint = 0;
  const empty = { counts: { household: 0, resident: 0, health_record: 0, immunization: 0, encounter: 0, diagnosis: 0, observation: 0, life_event: 0 }, rows: 0, rowsPerSecond: 0, msByStep: {}, elapsedMs: 0 };
  const result = opts.residents === 0 ? empty : await loadPopulation(db, {
    seed: POPULATION_SEED,
    asOf: POPULATION_AS_OF,
    totalResidents: opts.residents,
    insuranceProvinceCode: opts.provinceCode,
    communes: inputs,
    onBatch: (p) => {
      if (p.elapsedMs - lastPrint < 15_000) return;
      lastPrint = p.elapsedMs;
      console.log(`  population: ${p.counts.resident.toLocaleString('en')} residents, ${Math.round(p.rows / (p.elapsedMs / 1000)).toLocaleString('en')} rows/s`);
    },
  });
  const t = performance.now();
  await bench.raw('vacuum analyze', []);
  const vacuumSeconds = (performance.now() - t) / 1000;
  const total = (await bench.raw('select count(*)::int as n from resident', [])).rows[0] as { n: number };
  return {
    residents: opts.residents,
    communes: communes.length,
    load: { counts: result.counts, rows: result.rows, rowsPerSecond: result.rowsPerSecond, msByStep: result.msByStep, seconds: Number((result.elapsedMs / 1000).toFixed(1)) },
    vacuumSeconds: Number(vacuumSeconds.toFixed(1)),
    totalResidents: total.n,
  };
}
