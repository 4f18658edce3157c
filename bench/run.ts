/**
 * `npm run bench [-- name…]`: org-unit listings and sign-in through the real HTTP server, each
 * against its raw baseline, on PGlite (default) or on PostgreSQL when DATABASE_URL is set.
 * Names filter the benchmarks (substring match), e.g. `npm run bench -- login`. BENCH_FRESH=1
 * skips the VACUUM ANALYZE after bootstrap, to measure a just-installed database.
 */
import os from 'node:os';
import { DEMO_PASSWORD, DEMO_PROVINCE_CODE } from '../server/src/demo/demo-data.ts';
import { openBenchDatabase } from './lib/database.ts';
import { type Loader, signIn, startLoader, startServer } from './lib/http.ts';
import { type BenchResult, LOAD_AT_START, printTable, writeResult } from './lib/results.ts';
import { benchLogin } from './login.bench.ts';
import { benchOrgUnits, scenarios } from './org-units.bench.ts';

// autocannon connections = pg Pool size for the raw baseline = parallel argon2 verifies.
const CONCURRENCY = 4;

const wanted = process.argv.slice(2);
const selected = (name: string) => wanted.length === 0 || wanted.some((w) => name.includes(w));
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

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
      console.log(`${name}: ${r.measured.perSecond} req/s (raw ${r.baseline.sequential.perSecond}/s) in ${seconds(t)} → ${writeResult(r)}`);
      if (r.measured.non2xx > 0 || r.measured.errors > 0) console.warn(`  ${name}: ${r.measured.non2xx} non-2xx responses, ${r.measured.errors} errors`);
    };
    for (const s of scenarios(province.id)) await run(s.name, () => benchOrgUnits(ctx, s));
    await run('login', () => benchLogin(ctx));
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
