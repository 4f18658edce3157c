/**
 * The immunisation due list (`GET /api/immunisation/due`) of a commune and of the province over a
 * generated population, through HTTP against the same statements replayed on the database (the
 * service's own, captured: the set-based due query and the audit row). The generated doses follow
 * the schedule with realistic drop-outs (packages/population), so the lists are not empty.
 */
import { todayIso } from '@ytcs/common';
import { contextOf } from '../server/src/access/context.ts';
import { scopeOf } from '../server/src/access/principal.ts';
import { sessionService } from '../server/src/modules/auth/auth.session.ts';
import { immunisationService } from '../server/src/modules/immunisation/immunisation.service.ts';
import { captureStatements, type Statement } from './lib/capture.ts';
import type { BenchDatabase, Exec } from './lib/database.ts';
import { config, type Loader, request } from './lib/http.ts';
import type { BenchPopulation } from './lib/population.ts';
import { type BenchResult, result } from './lib/results.ts';
import { loop } from './lib/stats.ts';

const HTTP_SECONDS = 6;
const RAW_SECONDS = 3;
/** Rows per page, as the web's due list asks for. */
const PAGE = 50;

export interface ImmunisationContext {
  bench: BenchDatabase;
  base: string;
  loader: Loader;
  concurrency: number;
  tokens: Map<string, string>;
  population: BenchPopulation;
}

export const immunisationScenarios = () => [
  { name: 'immunisation-due-commune', username: 'tram.ducxuan' },
  { name: 'immunisation-due-province', username: 'soyte.thainguyen' },
];

export async function benchImmunisationDue(ctx: ImmunisationContext, s: { name: string; username: string }): Promise<BenchResult> {
  const token = ctx.tokens.get(s.username);
  if (!token) throw new Error(`${s.username} is not signed in`);
  const principal = await sessionService(ctx.bench.database.db, config).resolve(token);
  if (!principal) throw new Error(`${s.username}: session not found`);
  const scope = scopeOf(principal, 'person.read');
  const reader = contextOf({ principal, scope, actor: { userId: principal.userId, ip: null, requestId: null } });
  const top = scope.paths[0];
  if (!top) throw new Error(`${s.username}: no scope`);
  const unitId = Number(top.slice(top.lastIndexOf('.') + 1));
  const day = todayIso();
  // The statements one request runs, from the service itself: the unit, the due query (with its count), the audit row.
  const statements: Statement[] = await captureStatements((db) => immunisationService(db).dueList(reader, { orgUnit: unitId, day, limit: PAGE, offset: 0 }), ctx.bench.raw);

  const headers = { cookie: `ytcs_session=${token}` };
  const path = `/api/immunisation/due?orgUnit=${unitId}&day=${day}&limit=${PAGE}`;
  const first = await request(`${ctx.base}${path}`, { headers });
  if (first.status !== 200) throw new Error(`${s.name}: ${path} → ${first.status} ${first.body}`);
  const job = { url: `${ctx.base}${path}`, method: 'GET' as const, headers, connections: ctx.concurrency, maxRequests: 1_000_000 };
  await ctx.loader.run({ ...job, seconds: 1 });
  const measured = await ctx.loader.run({ ...job, seconds: HTTP_SECONDS });

  const replay = (exec: Exec) => async () => {
    for (const st of statements) await exec(st.sql, st.parameters);
  };
  await loop(replay(ctx.bench.raw), { seconds: 0.3 });
  const sequential = await loop(replay(ctx.bench.raw), { seconds: RAW_SECONDS });
  const pool = ctx.bench.rawPool;
  const concurrent = pool ? await loop(replay(pool), { seconds: RAW_SECONDS, concurrency: ctx.concurrency }) : null;
  return result({
    name: s.name,
    database: ctx.bench.kind,
    workload: { request: path, user: s.username, unit: unitId, residents: ctx.population.totalResidents, listed: JSON.parse(first.body).total, statements: statements.length, concurrency: ctx.concurrency },
    measured,
    baseline: { what: 'the due query and the audit row replayed straight on the database (no session lookup, no JSON)', sequential, concurrent },
    detail: {},
  });
}
