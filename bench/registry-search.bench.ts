/**
 * Resident search (`GET /api/residents?q=…`) over a generated population, through HTTP against
 * the same statements replayed on the database. The queries are a mix taken from the loaded
 * people in the user's scope: full names without diacritics, family + given name, a given name
 * alone, a personal ID (CCCD), a phone number. The statements come from the server's own service
 * (session → scope → classify → repository) on the capturing driver, so the replay is what the
 * request runs, whatever its shape: the search statement(s) — a page and a separate count, or one
 * statement carrying the count — and the audit row.
 */
import os from 'node:os';
import { sql } from 'kysely';
import { type Principal, scopeOf } from '../server/src/access/principal.ts';
import { contextOf } from '../server/src/access/context.ts';
import { sessionService } from '../server/src/modules/auth/auth.session.ts';
import { homeUnitInScope } from '../server/src/db/scope.ts';
import { residentService } from '../server/src/modules/registry/residents.service.ts';
import { captureStatements, type Statement } from './lib/capture.ts';
import type { BenchDatabase, Exec } from './lib/database.ts';
import { config, type Loader, request } from './lib/http.ts';
import type { BenchPopulation } from './lib/population.ts';
import { type BenchResult, result } from './lib/results.ts';
import { loopMix, type Summary, summarize } from './lib/stats.ts';

const WARMUP_SECONDS = 2;
const HTTP_SECONDS = 8;
const RAW_SECONDS = 4;
/** Rows per page, as the web's resident list asks for. */
const PAGE = 20;
/** One round of the mix; the run uses ROUNDS rounds of different people. */
const ROUND: [Kind, number][] = [
  ['name-full', 6],
  ['name-family-given', 4],
  ['name-given', 2],
  ['citizen-id', 5],
  ['phone', 3],
];
const ROUNDS = 5;

export type Kind = 'name-full' | 'name-family-given' | 'name-given' | 'citizen-id' | 'phone';

export interface RegistryContext {
  bench: BenchDatabase;
  base: string;
  loader: Loader;
  concurrency: number;
  tokens: Map<string, string>;
  population: BenchPopulation;
}

export interface SearchScenario {
  name: string;
  username: string;
  /** The standing goal for this scope (stated for 10 million residents). */
  goalP95Ms: number;
}

export const searchScenarios = (): SearchScenario[] => [
  { name: 'registry-search-commune', username: 'tram.ducxuan', goalP95Ms: 5 },
  { name: 'registry-search-province', username: 'soyte.thainguyen', goalP95Ms: 20 },
];

interface Query {
  tag: Kind;
  q: string;
  /** The search statements in the order the service sends them (page first), then the audit row. */
  statements: { search: Statement[]; audit: Statement };
}

/** A small deterministic shuffle (same mix order on every run). */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** People of the scope in a fixed pseudo-random order, and the search texts a user would type for them. */
async function searchTexts(ctx: RegistryContext, scope: ReturnType<typeof scopeOf>): Promise<{ tag: Kind; q: string }[]> {
  const db = ctx.bench.database.db;
  const people = await db
    .selectFrom('resident as r')
    .where(homeUnitInScope(db, 'r.home_unit_id', scope))
    .where('r.status', '=', 'active')
    .select(['r.name_folded as name', 'r.citizen_id as citizenId', 'r.phone'])
    .orderBy(sql`md5(r.id::text)`)
    .limit(ROUNDS * 40)
    .execute();
  const withId = people.filter((p) => p.citizenId);
  const withPhone = people.filter((p) => p.phone);
  const texts: { tag: Kind; q: string }[] = [];
  let n = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [tag, count] of ROUND) {
      for (let i = 0; i < count; i++, n++) {
        const p = tag === 'citizen-id' ? withId[n % withId.length] : tag === 'phone' ? withPhone[n % withPhone.length] : people[n % people.length];
        if (!p) throw new Error(`no resident in scope for a ${tag} query`);
        const words = (p.name ?? '').split(' ');
        const q =
          tag === 'name-full' ? (p.name ?? '') : tag === 'name-family-given' ? `${words[0]} ${words[words.length - 1]}` : tag === 'name-given' ? (words[words.length - 1] ?? '') : tag === 'citizen-id' ? (p.citizenId ?? '') : (p.phone ?? '');
        texts.push({ tag, q });
      }
    }
  }
  return shuffle(texts, 20_261_125);
}

async function capture(exec: Exec, principal: Principal, q: string): Promise<Query['statements']> {
  const ctx = contextOf({ principal, scope: scopeOf(principal, 'person.read'), actor: { userId: principal.userId, ip: '127.0.0.1', requestId: 'bench' } });
  const statements = await captureStatements((db) => residentService(db).search(ctx, { q, limit: PAGE, offset: 0 }), exec);
  const audit = statements.find((s) => /^insert into "audit_event"/i.test(s.sql));
  const search = statements.filter((s) => s !== audit);
  if (!audit || search.length === 0) throw new Error(`search "${q}": expected search statements and an audit row, got ${statements.length} statements`);
  return { search, audit };
}

/** The look-up of the scope's communes (org_unit), before the search proper. */
const isScopeLookup = (s: Statement) => /^\s*select distinct .*? from "?org_unit"? /is.test(s.sql);

/** A separate total statement (`select count(*) … as "total"`, one row), as opposed to a page. */
const isCount = (s: Statement) => /^select count\(\*\)/i.test(s.sql);

/** The page and the total a replay gives: the count statement's, else the page's own `total` column. */
async function replayAnswer(exec: Exec, search: Statement[]): Promise<{ rows: number; total: number | null }> {
  let rows = 0;
  let total: number | null = null;
  for (const st of search) {
    const result = (await exec(st.sql, st.parameters)).rows as Record<string, unknown>[];
    if (isCount(st)) total = Number(Object.values(result[0] ?? {})[0]);
    else {
      rows = result.length;
      if (total === null && result[0] && 'total' in result[0]) total = Number(result[0].total);
    }
  }
  return { rows, total };
}

const explain = async (exec: Exec, s: Statement) => ((await exec(`explain (analyze, buffers) ${s.sql}`, s.parameters)).rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
const ms = (s: Summary) => ({ count: s.count, p50: s.latencyMs.p50, p95: s.latencyMs.p95, p99: s.latencyMs.p99 });

export async function benchRegistrySearch(ctx: RegistryContext, s: SearchScenario): Promise<BenchResult> {
  const token = ctx.tokens.get(s.username);
  if (!token) throw new Error(`${s.username} is not signed in`);
  const principal = await sessionService(ctx.bench.database.db, config).resolve(token);
  if (!principal) throw new Error(`${s.username}: session not found`);
  const scope = scopeOf(principal, 'person.read');
  const texts = await searchTexts(ctx, scope);
  const queries: Query[] = [];
  for (const t of texts) queries.push({ ...t, statements: await capture(ctx.bench.raw, principal, t.q) });
  const kinds = [...new Set(queries.map((q) => q.tag))];
  const headers = { cookie: `ytcs_session=${token}` };
  const path = (q: string) => `/api/residents?${new URLSearchParams({ q, limit: String(PAGE) })}`;

  // Same answer both ways for one query of each kind, or the comparison means nothing.
  const checked: Record<string, { q: string; total: number }> = {};
  for (const kind of kinds) {
    const query = queries.find((q) => q.tag === kind) as Query;
    const res = await request(`${ctx.base}${path(query.q)}`, { headers });
    if (res.status !== 200) throw new Error(`${s.name}: GET ${path(query.q)} → ${res.status} ${res.body.slice(0, 500)}`);
    const body = JSON.parse(res.body) as { items: unknown[]; total: number };
    const { rows, total } = await replayAnswer(ctx.bench.raw, query.statements.search);
    if (body.total === 0 || rows !== body.items.length || total !== body.total) {
      throw new Error(`${s.name} "${query.q}": replayed SQL gives ${rows} rows of ${total}, HTTP ${body.items.length} of ${body.total}`);
    }
    checked[kind] = { q: query.q, total: body.total };
  }

  const loadBefore = os.loadavg().map((x) => Number(x.toFixed(2)));
  const job = { url: `${ctx.base}${path(queries[0]?.q ?? '')}`, method: 'GET' as const, headers, connections: ctx.concurrency, maxRequests: 1_000_000 };
  const paths = queries.map((q) => ({ path: path(q.q), tag: q.tag }));
  await ctx.loader.run({ ...job, paths, seconds: WARMUP_SECONDS });
  const measured = await ctx.loader.run({ ...job, paths, seconds: HTTP_SECONDS });

  // Sequential replay: each statement timed too (page, count when separate, audit), and each
  // query's time kept to find the slowest per kind.
  const perStatement: Record<'communes' | 'page' | 'count' | 'audit', number[]> = { communes: [], page: [], count: [], audit: [] };
  const perQuery = new Map<Query, number[]>();
  const replayTimed = async (query: Query) => {
    let t = performance.now();
    const start = t;
    for (const st of [...query.statements.search, query.statements.audit]) {
      await ctx.bench.raw(st.sql, st.parameters);
      const now = performance.now();
      perStatement[st === query.statements.audit ? 'audit' : isCount(st) ? 'count' : isScopeLookup(st) ? 'communes' : 'page'].push(now - t);
      t = now;
    }
    const list = perQuery.get(query) ?? [];
    list.push(t - start);
    perQuery.set(query, list);
  };
  const replay = (exec: Exec) => async (query: Query) => {
    for (const st of [...query.statements.search, query.statements.audit]) await exec(st.sql, st.parameters);
  };
  await loopMix(queries, replay(ctx.bench.raw), { seconds: 0.5 }); // warm the plan and buffer caches
  const sequential = await loopMix(queries, replayTimed, { seconds: RAW_SECONDS });
  const pool = ctx.bench.rawPool;
  const concurrent = pool ? await loopMix(queries, replay(pool), { seconds: RAW_SECONDS, concurrency: ctx.concurrency }) : null;

  // The slowest query of each kind (mean of its sequential replays), explained: what the time goes to.
  const plans: Record<string, { q: string; meanMs: number; statements: string[] }> = {};
  for (const kind of kinds) {
    let worst: { query: Query; mean: number } | null = null;
    for (const [query, list] of perQuery) {
      if (query.tag !== kind) continue;
      const mean = list.reduce((a, b) => a + b, 0) / list.length;
      if (!worst || mean > worst.mean) worst = { query, mean };
    }
    if (!worst) continue;
    const statements: string[] = [];
    for (const st of worst.query.statements.search) statements.push(await explain(ctx.bench.raw, st));
    plans[kind] = { q: worst.query.q, meanMs: Number(worst.mean.toFixed(3)), statements };
  }

  const byKind = Object.fromEntries(
    kinds.map((k) => [
      k,
      {
        http: measured.byTag?.[k] ? ms(measured.byTag[k]) : null,
        rawSequential: sequential.byTag[k] ? ms(sequential.byTag[k]) : null,
        rawConcurrent: concurrent?.byTag[k] ? ms(concurrent.byTag[k]) : null,
      },
    ]),
  );
  const stmt = (list: number[]) => (list.length ? ms(summarize(list, 1)) : null);
  const { byTag: _m, ...measuredAll } = measured;
  const { byTag: _s, ...sequentialAll } = sequential;
  const concurrentAll = concurrent ? (({ byTag: _c, ...rest }) => rest)(concurrent) : null;
  return result({
    name: s.name,
    database: ctx.bench.kind,
    workload: {
      request: `GET /api/residents?q=<mix>&limit=${PAGE}`,
      user: s.username,
      scopePaths: scope.paths,
      concurrency: ctx.concurrency,
      vacuumed: true,
      residentsLoaded: ctx.population.residents,
      residentsInTable: ctx.population.totalResidents,
      communes: ctx.population.communes,
      mix: Object.fromEntries(ROUND.map(([k, n]) => [k, n * ROUNDS])),
      distinctQueries: queries.length,
      sample: Object.fromEntries(kinds.map((k) => [k, queries.filter((q) => q.tag === k).slice(0, 3).map((q) => q.q)])),
      checked: Object.fromEntries(Object.entries(checked).map(([k, v]) => [k, v.total])),
      loadAverageBefore: loadBefore,
    },
    measured: measuredAll,
    baseline: {
      what: `the request's statements (${queries[0]?.statements.search.length ?? 0} search statement(s), then the audit row), replayed in sequence straight on the database (no session lookup), over the same mix`,
      sequential: sequentialAll,
      concurrent: concurrentAll,
    },
    detail: {
      goal: { p95Ms: s.goalP95Ms, statedFor: '10,000,000 residents', met: measured.latencyMs.p95 <= s.goalP95Ms },
      byKind,
      rawSequentialByStatement: { communes: stmt(perStatement.communes), page: stmt(perStatement.page), count: stmt(perStatement.count), audit: stmt(perStatement.audit) },
      plans,
    },
  });
}
