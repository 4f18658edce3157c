/**
 * The indicator engine over a generated population: dashboard reads (a unit's figures for the
 * year and quarter, and its child units ranked) through HTTP against the same statements replayed
 * on the database; a full recompute of the current periods against the bare aggregation it does
 * (one grouped count over residents, records and check-ups, without writing); and freshness, the
 * time from a write (a record opened) until the figure read through HTTP has moved.
 */
import { periodOf, todayIso } from '@ytcs/common';
import { type Kysely, sql } from 'kysely';
import { scopeOf } from '../server/src/access/principal.ts';
import { insuredOn } from '../server/src/db/rules.ts';
import type { DB } from '../server/src/db/schema.ts';
import { sessionService } from '../server/src/modules/auth/auth.session.ts';
import { indicatorService } from '../server/src/modules/indicators/indicators.service.ts';
import { currentPeriods, recomputeAll } from '../server/src/modules/indicators/refresher.ts';
import { captureStatements, type Statement } from './lib/capture.ts';
import type { BenchDatabase, Exec } from './lib/database.ts';
import { config, type Loader, request } from './lib/http.ts';
import type { BenchPopulation } from './lib/population.ts';
import { type BenchResult, result } from './lib/results.ts';
import { loop, summarize } from './lib/stats.ts';

const HTTP_SECONDS = 6;
const RAW_SECONDS = 3;
const FRESHNESS_SAMPLES = 8;

export interface IndicatorContext {
  bench: BenchDatabase;
  base: string;
  loader: Loader;
  concurrency: number;
  tokens: Map<string, string>;
  population: BenchPopulation;
}

export const indicatorScenarios = () => [
  { name: 'indicators-dashboard-commune', username: 'tram.ducxuan' },
  { name: 'indicators-dashboard-province', username: 'soyte.thainguyen' },
  // The same commune read by its committee: every figure goes through the small-cell rule
  // (tram.ducxuan reads it without, so the two compare the rule's cost).
  { name: 'indicators-dashboard-committee', username: 'ubnd.ducxuan' },
];

const replay = (exec: Exec, statements: Statement[]) => async () => {
  for (const s of statements) await exec(s.sql, s.parameters);
};

async function principalOf(ctx: IndicatorContext, username: string) {
  const token = ctx.tokens.get(username);
  if (!token) throw new Error(`${username} is not signed in`);
  const principal = await sessionService(ctx.bench.database.db, config).resolve(token);
  if (!principal) throw new Error(`${username}: session not found`);
  return { token, principal };
}

/** A dashboard's two reads: every indicator for the year and the quarter, then one indicator's child units. */
export async function benchIndicatorDashboard(ctx: IndicatorContext, s: { name: string; username: string }): Promise<BenchResult> {
  const { token, principal } = await principalOf(ctx, s.username);
  const scope = scopeOf(principal, 'aggregate.read');
  const today = todayIso();
  const period = `${periodOf('year', today)},${periodOf('quarter', today)}`;
  const service = indicatorService(ctx.bench.database.db, config);
  const unit = await service.unitFor(scope, undefined);
  const capture = (fn: (svc: ReturnType<typeof indicatorService>) => Promise<unknown>) => captureStatements((db) => fn(indicatorService(db, config)), ctx.bench.raw);
  const valuesSql = await capture((svc) => svc.values(principal, scope, { orgUnit: unit.id, period: period.split(',') }));
  const childrenSql = await capture((svc) => svc.children(principal, scope, { indicator: 'HSSK_QL', orgUnit: unit.id, period: periodOf('year', today) }));
  const statements = [...valuesSql, ...childrenSql];

  const headers = { cookie: `ytcs_session=${token}` };
  const paths = [
    { path: `/api/indicator-values?orgUnit=${unit.id}&period=${period}`, tag: 'values' },
    { path: `/api/indicator-values/children?indicator=HSSK_QL&orgUnit=${unit.id}&period=${periodOf('year', today)}`, tag: 'children' },
  ];
  for (const p of paths) {
    const res = await request(`${ctx.base}${p.path}`, { headers });
    if (res.status !== 200) throw new Error(`${s.name}: ${p.path} → ${res.status} ${res.body}`);
  }
  const job = { url: `${ctx.base}${paths[0]?.path}`, method: 'GET' as const, headers, connections: ctx.concurrency, maxRequests: 1_000_000, paths };
  await ctx.loader.run({ ...job, seconds: 1 });
  const measured = await ctx.loader.run({ ...job, seconds: HTTP_SECONDS });

  // One HTTP request is one of the two reads; the replay runs one read's statements per call too.
  const reads = [valuesSql, childrenSql];
  let turn = 0;
  const oneRead = (exec: Exec) => () => replay(exec, reads[turn++ % 2] as Statement[])();
  await loop(oneRead(ctx.bench.raw), { seconds: 0.3 });
  const sequential = await loop(oneRead(ctx.bench.raw), { seconds: RAW_SECONDS });
  const pool = ctx.bench.rawPool;
  const concurrent = pool ? await loop(oneRead(pool), { seconds: RAW_SECONDS, concurrency: ctx.concurrency }) : null;
  return result({
    name: s.name,
    database: ctx.bench.kind,
    workload: { requests: paths.map((p) => p.path), user: s.username, unit: unit.id, residents: ctx.population.totalResidents, statements: statements.length, concurrency: ctx.concurrency },
    measured,
    baseline: { what: "each read's statements replayed straight on the database (no session lookup, no JSON)", sequential, concurrent },
    detail: { goalP95Ms: 50 },
  });
}

/** The bare aggregation a recompute does, as one read-only grouped count (insured by the server's rule). */
function rawAggregation(db: Kysely<DB>, asOf: string, yearStart: string): string {
  const insured = insuredOn('r', sql`${sql.lit(asOf)}::date`).compile(db).sql;
  return `
    select r.home_unit_id, count(*) as residents, count(h.resident_id) as with_record,
      count(*) filter (where ${insured}) as insured,
      count(c.resident_id) as checked
    from resident r
    left join health_record h on h.resident_id = r.id
    left join (select distinct resident_id from encounter where type in ('checkup','screening') and date between '${yearStart}' and '${asOf}') c on c.resident_id = r.id
    where r.status = 'active'
    group by r.home_unit_id`;
}

/** Recomputes every commune's current periods (year, half, quarter, month) from scratch. */
export async function benchIndicatorRecompute(ctx: IndicatorContext): Promise<BenchResult> {
  const today = todayIso();
  const codes = currentPeriods(today).map((p) => p.code);
  const runs = ctx.bench.kind === 'postgresql' ? 3 : 2;
  const ours: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await recomputeAll(ctx.bench.database.db, codes, today);
    ours.push(performance.now() - t);
  }
  const rawSql = rawAggregation(ctx.bench.database.db, today, `${today.slice(0, 4)}-01-01`);
  const raw: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await ctx.bench.raw(rawSql, []);
    raw.push(performance.now() - t);
  }
  const stored = (await ctx.bench.raw('select count(*)::int as n from indicator_value where period = any($1)', [codes])).rows[0] as { n: number };
  const asRate = (ms: number[]) => summarize(ms, ms.reduce((a, b) => a + b, 0) / 1000);
  return result({
    name: 'indicators-recompute',
    database: ctx.bench.kind,
    workload: { residents: ctx.population.totalResidents, periods: codes, runs, storedValues: stored.n },
    measured: { ...asRate(ours), non2xx: 0, errors: 0 },
    baseline: { what: 'the same counts as one read-only grouped query (no periods, no writes)', sequential: asRate(raw), concurrent: null },
    detail: { recomputeMs: ours.map(Math.round), rawAggregationMs: raw.map(Math.round) },
  });
}

/** From a record opened through HTTP to the moved figure read through HTTP. */
export async function benchIndicatorFreshness(ctx: IndicatorContext): Promise<BenchResult> {
  const { token } = await principalOf(ctx, 'tram.ducxuan');
  const headers = { cookie: `ytcs_session=${token}`, 'content-type': 'application/json' };
  const quarter = periodOf('quarter', todayIso());
  const station = await principalOf(ctx, 'tram.ducxuan');
  const unit = await indicatorService(ctx.bench.database.db, config).unitFor(scopeOf(station.principal, 'aggregate.read'), undefined);
  const people = (await ctx.bench.raw(
    `select r.id from resident r join org_unit u on u.id = r.home_unit_id where u.scope_ids && array[$1]::bigint[] and r.status = 'active'
       and not exists (select 1 from health_record h where h.resident_id = r.id) order by r.id limit $2`,
    [unit.id, FRESHNESS_SAMPLES],
  )).rows as { id: number }[];
  const read = async () => {
    const res = await request(`${ctx.base}/api/indicator-values?indicator=HSSK_QL&orgUnit=${unit.id}&period=${quarter}`, { headers });
    return (JSON.parse(res.body) as { items: { numerator: number }[] }).items[0]?.numerator ?? 0;
  };
  const waits: number[] = [];
  for (const p of people) {
    const before = await read();
    const t = performance.now();
    const res = await fetch(`${ctx.base}/api/residents/${p.id}/record/history`, { method: 'PUT', headers, body: '{}' });
    if (res.status !== 204) throw new Error(`freshness: opening a record → ${res.status} ${await res.text()}`);
    while ((await read()) === before) {
      if (performance.now() - t > 30_000) throw new Error('freshness: the figure did not move within 30 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    waits.push(performance.now() - t);
  }
  const commune = (await ctx.bench.raw("select id from org_unit where id = $1", [unit.id])).rows as { id: number }[];
  const recompute: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await ctx.bench.raw(rawAggregation(ctx.bench.database.db, todayIso(), `${todayIso().slice(0, 4)}-01-01`).replace("where r.status = 'active'", `where r.status = 'active' and r.commune_id = ${Number(commune[0]?.id)}`), []);
    recompute.push(performance.now() - t);
  }
  return result({
    name: 'indicators-freshness',
    database: ctx.bench.kind,
    workload: { samples: waits.length, unit: unit.id, refreshIntervalMs: config.indicatorRefreshMs },
    measured: { ...summarize(waits, waits.reduce((a, b) => a + b, 0) / 1000), non2xx: 0, errors: 0 },
    baseline: { what: "the commune's bare aggregation, read-only", sequential: summarize(recompute, recompute.reduce((a, b) => a + b, 0) / 1000), concurrent: null },
    detail: { goalMs: 5000, waitsMs: waits.map(Math.round) },
  });
}
