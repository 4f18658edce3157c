/**
 * Org-unit listings through HTTP against the same SQL replayed on the database. Each scenario
 * signs in as a demo user; the scope, asOf default and search folding come from the server's own
 * code (session → scope → service), so the replayed statements are the ones the request runs.
 */
import { scopeOf } from '../server/src/access/principal.ts';
import { sessionService } from '../server/src/modules/auth/auth.session.ts';
import { orgUnitService } from '../server/src/modules/org-units/index.ts';
import { captureStatements, type Statement } from './lib/capture.ts';
import type { BenchDatabase, Exec } from './lib/database.ts';
import { config, type Loader } from './lib/http.ts';
import { type BenchResult, result } from './lib/results.ts';
import { loop } from './lib/stats.ts';

const WARMUP_SECONDS = 1;
const HTTP_SECONDS = 5;
const RAW_SECONDS = 2.5;

export interface OrgUnitContext {
  bench: BenchDatabase;
  base: string;
  loader: Loader;
  concurrency: number;
  /** Session token per username, from POST /api/auth/login. */
  tokens: Map<string, string>;
  thaiNguyenId: number;
}

interface Scenario {
  name: string;
  username: string;
  params: { parent?: number; level?: string; asOf?: string; q?: string; limit?: number };
}

export function scenarios(thaiNguyenId: number): Scenario[] {
  return [
    { name: 'org-units-children', username: 'soyte.thainguyen', params: { parent: thaiNguyenId, limit: 50 } },
    { name: 'org-units-search', username: 'soyte.thainguyen', params: { level: 'commune', asOf: '2025-06-30', q: 'xuan' } },
    { name: 'org-units-station', username: 'tram.ducxuan', params: { asOf: '2026-01-01' } },
  ];
}

/** One listing = the statements of one request (page, then total), one after the other. */
const replay = (exec: Exec, statements: Statement[]) => async () => {
  for (const s of statements) await exec(s.sql, s.parameters);
};

export async function benchOrgUnits(ctx: OrgUnitContext, s: Scenario): Promise<BenchResult> {
  const token = ctx.tokens.get(s.username);
  if (!token) throw new Error(`${s.username} is not signed in`);
  const principal = await sessionService(ctx.bench.database.db, config).resolve(token);
  if (!principal) throw new Error(`${s.username}: session not found`);
  const scope = scopeOf(principal, 'org_unit.read');
  const statements = await captureStatements((db) => orgUnitService(db).list({ scope }, { limit: 50, offset: 0, ...s.params }));

  const query = new URLSearchParams(Object.entries(s.params).map(([k, v]) => [k, String(v)]));
  const url = `${ctx.base}/api/org-units?${query}`;
  const headers = { cookie: `ytcs_session=${token}` };

  // Same answer both ways, or the comparison means nothing.
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`${s.name}: GET ${url} → ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { items: unknown[]; total: number };
  const page = await ctx.bench.raw(statements[0]?.sql ?? '', statements[0]?.parameters ?? []);
  if (statements.length !== 2 || page.rows.length !== body.items.length || body.items.length === 0) {
    throw new Error(`${s.name}: replayed SQL gives ${page.rows.length} rows, HTTP ${body.items.length} (${statements.length} statements)`);
  }

  const job = { url, method: 'GET' as const, headers, connections: ctx.concurrency, maxRequests: 1_000_000 };
  await ctx.loader.run({ ...job, seconds: WARMUP_SECONDS });
  const measured = await ctx.loader.run({ ...job, seconds: HTTP_SECONDS });

  await loop(replay(ctx.bench.raw, statements), { seconds: 0.3 }); // warm the plan and buffer caches
  const sequential = await loop(replay(ctx.bench.raw, statements), { seconds: RAW_SECONDS });
  const pool = ctx.bench.rawPool;
  const concurrent = pool ? await loop(replay(pool, statements), { seconds: RAW_SECONDS, concurrency: ctx.concurrency }) : null;

  return result({
    name: s.name,
    database: ctx.bench.kind,
    workload: { request: `GET /api/org-units?${query}`, user: s.username, concurrency: ctx.concurrency, vacuumed: ctx.bench.vacuumed, items: body.items.length, total: body.total },
    measured,
    baseline: { what: 'page and total statements of one request, replayed in sequence straight on the database (no session lookup)', sequential, concurrent },
  });
}
