/**
 * `npm run bench [-- name…]`: org-unit listings, sign-in, resident search and bulk import through
 * the real HTTP server, each against its raw baseline, on PGlite (default) or on PostgreSQL when
 * DATABASE_URL is set. Names filter the benchmarks (substring match), e.g. `npm run bench -- login`.
 * BENCH_FRESH=1 skips the VACUUM ANALYZE after bootstrap, to measure a just-installed database.
 * The registry benchmarks first load BENCH_RESIDENTS generated people (default 1,000,000 on
 * PostgreSQL, 200,000 on PGlite); the import reads a file of BENCH_IMPORT_ROWS (default 100,000).
 * The indicator benchmarks (dashboard reads, full recompute, freshness after a write) and the
 * immunisation due lists (a commune, the province) use the same population.
 * BENCH_SCALE_COPIES=n then copies the generated people n times within their villages (province
 * scale in minutes: 1M generated + 9 copies = 10M), PostgreSQL only.
 */
import os from 'node:os';
import { DEMO_PASSWORD, DEMO_PROVINCE_CODE } from '../server/src/demo/demo-data.ts';
import { openBenchDatabase } from './lib/database.ts';
import { type Loader, signIn, startLoader, startServer } from './lib/http.ts';
import { type BenchResult, LOAD_AT_START, printTable, writeResult } from './lib/results.ts';
import { benchAudit } from './audit.bench.ts';
import { benchLogin } from './login.bench.ts';
import { benchOrgUnits, scenarios } from './org-units.bench.ts';
import { loadBenchPopulation } from './lib/population.ts';
import { scaleUp } from './lib/scale-up.ts';
import { benchRegistryImport } from './registry-import.bench.ts';
import { benchRegistrySearch, searchScenarios } from './registry-search.bench.ts';
import { benchImmunisationDue, immunisationScenarios } from './immunisation.bench.ts';
import { benchIndicatorDashboard, benchIndicatorFreshness, benchIndicatorRecompute, indicatorScenarios } from './indicators.bench.ts';

// autocannon connections = pg Pool size for the raw baseline = parallel argon2 verifies.
const CONCURRENCY = 4;

const wanted = process.argv.slice(2);
const selected = (name: string) => wanted.length === 0 || wanted.some((w) => name.includes(w));
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const count = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw ? Number(raw.replace(/[_,]/g, '')) : fallback;
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number`);
  return n;
};

async function main() {
  const started = performance.now();
  if (LOAD_AT_START > os.cpus().length / 2) console.warn(`load average ${LOAD_AT_START} on ${os.cpus().length} cores: other work will skew the figures`);
  const url = process.env.DATABASE_URL || undefined;
  const bench = await openBenchDatabase(url, CONCURRENCY, process.env.BENCH_FRESH !== '1');
  const version = (await bench.raw('select version() as v', [])).rows[0] as { v: string };
  console.log(`database: ${bench.kind} (${version.v.split(' on ')[0]}), bootstrapped${bench.vacuumed ? ' and vacuumed' : ''} in ${seconds(started)}`);

  let loader: Loader | null = null;
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  const results: BenchResult[] = [];
  try {
    server = await startServer(bench.database);
    const serverApp = server.app;
    loader = startLoader();
    const province = (await bench.raw(`select id from org_unit where level = 'province' and code = $1 and valid_to is null`, [DEMO_PROVINCE_CODE])).rows[0] as { id: number };
    const tokens = new Map<string, string>();
    for (const username of ['soyte.thainguyen', 'tram.ducxuan']) tokens.set(username, (await signIn(server.base, username, DEMO_PASSWORD)).token);
    const ctx = { bench, base: server.base, loader, concurrency: CONCURRENCY, tokens, thaiNguyenId: province.id };

    const run = async (name: string, fn: () => Promise<BenchResult>) => {
      if (!selected(name)) return;
      const t = performance.now();
      const r = await fn();
      results.push(r);
      const unit = name === 'registry-import' ? 'rows/s' : name === 'indicators-recompute' || name === 'indicators-freshness' ? 'runs/s' : 'req/s';
      console.log(`${name}: ${r.measured.perSecond} ${unit} (raw ${r.baseline.sequential.perSecond}/s) in ${seconds(t)} → ${writeResult(r)}`);
      if (r.measured.non2xx > 0 || r.measured.errors > 0) console.warn(`  ${name}: ${r.measured.non2xx} non-2xx responses, ${r.measured.errors} errors`);
    };
    for (const s of scenarios(province.id)) await run(s.name, () => benchOrgUnits(ctx, s));
    await run('login', () => benchLogin(ctx));
    // Stops the server's audit sealer to measure reads without the chain: keep it after the others.
    await run('audit', () => benchAudit({ ...ctx, app: serverApp }));

    // The registry benchmarks share one generated population, loaded after the others have run
    // (they measure the bootstrapped database) and only when one of them is selected.
    const indicators = [...indicatorScenarios().map((s) => s.name), 'indicators-recompute', 'indicators-freshness'];
    const registry = [...searchScenarios().map((s) => s.name), 'registry-import', ...indicators, ...immunisationScenarios().map((s) => s.name)].filter(selected);
    if (registry.length > 0) {
      const residents = count('BENCH_RESIDENTS', bench.kind === 'postgresql' ? 1_000_000 : 200_000);
      const t = performance.now();
      console.log(`population: loading ${residents.toLocaleString('en')} residents into the communes of province ${DEMO_PROVINCE_CODE}…`);
      const population = await loadBenchPopulation(bench, { residents, provinceCode: DEMO_PROVINCE_CODE });
      console.log(`population: ${population.load.rows.toLocaleString('en')} rows in ${population.load.seconds} s (${population.load.rowsPerSecond.toLocaleString('en')} rows/s), vacuum analyze ${population.vacuumSeconds} s, ${population.totalResidents.toLocaleString('en')} residents in ${seconds(t)}`);
      const copies = count('BENCH_SCALE_COPIES', 0);
      if (copies > 0) {
        const ts = performance.now();
        population.totalResidents = await scaleUp(bench, copies, (k, ms) => console.log(`  scale-up: copy ${k}/${copies} in ${(ms / 1000).toFixed(1)} s`));
        console.log(`scale-up: ${population.totalResidents.toLocaleString('en')} residents in ${seconds(ts)}`);
      }
      // Fresh sessions: the load may have taken longer than a session stays idle.
      const registryTokens = new Map<string, string>();
      for (const username of ['soyte.thainguyen', 'tram.ducxuan', 'ubnd.ducxuan']) registryTokens.set(username, (await signIn(server.base, username, DEMO_PASSWORD)).token);
      const rctx = { ...ctx, tokens: registryTokens, population };
      // The load queued every commune for the indicator refresher: let it finish before measuring.
      const drain = performance.now();
      await server.app.refresher.drain();
      console.log(`indicators: first refresh of every commune in ${seconds(drain)}`);
      for (const s of searchScenarios()) await run(s.name, () => benchRegistrySearch(rctx, s));
      for (const s of indicatorScenarios()) await run(s.name, () => benchIndicatorDashboard(rctx, s));
      await run('indicators-recompute', () => benchIndicatorRecompute(rctx));
      await run('indicators-freshness', () => benchIndicatorFreshness(rctx));
      for (const s of immunisationScenarios()) await run(s.name, () => benchImmunisationDue(rctx, s));
      // Last: it adds its people to the station's commune.
      await run('registry-import', () => benchRegistryImport(rctx, count('BENCH_IMPORT_ROWS', 100_000)));
    }
  } finally {
    loader?.close();
    await server?.app.close();
    await bench.close();
  }
  printTable(results);
  console.log(`\ntotal ${seconds(started)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
