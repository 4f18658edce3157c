/**
 * The tamper-evident audit log's cost. (1) Reads of a person (GET /api/residents/:id, each one
 * audited) with the hash chain sealing in the background, then with the sealer stopped: the chain's
 * cost on reads. (2) The audit write itself: recordAudit (which also derives the event's units)
 * against the best hand-written SQL, a plain INSERT of the same row. (3) Sealing and verification
 * speed over every event the run wrote (events/s).
 */
import { sealAudit, verifyAudit } from '../server/src/modules/audit/audit.chain.ts';
import { recordAudit } from '../server/src/modules/audit/audit.repository.ts';
import type { App } from '../server/src/http/app-types.ts';
import type { BenchDatabase } from './lib/database.ts';
import { type Loader, request } from './lib/http.ts';
import { type BenchResult, result } from './lib/results.ts';
import { loop } from './lib/stats.ts';

const HTTP_SECONDS = 8;
const RAW_SECONDS = 3;
const USERNAME = 'tram.ducxuan';

export async function benchAudit(ctx: { bench: BenchDatabase; base: string; loader: Loader; concurrency: number; tokens: Map<string, string>; app: App }): Promise<BenchResult> {
  const token = ctx.tokens.get(USERNAME);
  if (!token) throw new Error(`${USERNAME} not signed in`);
  const person = (await ctx.bench.raw(`select r.id, r.commune_id from resident r join org_unit o on o.id = r.commune_id where o.code = '01840' and o.valid_to is null order by r.id limit 1`, [])).rows[0] as { id: number; commune_id: number } | undefined;
  if (!person) throw new Error('no demo resident in Phường Đức Xuân');
  const user = (await ctx.bench.raw('select id from app_user where username = $1', [USERNAME])).rows[0] as { id: number };
  const headers = { cookie: `ytcs_session=${token}` };
  const url = `${ctx.base}/api/residents/${person.id}`;
  const check = await request(url, { headers });
  if (check.status !== 200) throw new Error(`GET ${url} → ${check.status}`);
  const job = { url, method: 'GET' as const, headers, connections: ctx.concurrency, maxRequests: 1_000_000 };

  const eventsBefore = await countEvents(ctx.bench);
  await ctx.loader.run({ ...job, seconds: 1 });
  const withChain = await ctx.loader.run({ ...job, seconds: HTTP_SECONDS });
  await ctx.app.auditSealer.stop();
  const withoutChain = await ctx.loader.run({ ...job, seconds: HTTP_SECONDS });

  // The audit write alone: what recordAudit sends, against a plain INSERT of the same row.
  const actor = { userId: user.id, ip: '127.0.0.1', requestId: 'bench' };
  const db = ctx.bench.database.db;
  const viaRecordAudit = await loop(() => recordAudit(db, actor, { action: 'resident.read', entityType: 'resident', entityId: person.id, orgUnitId: person.commune_id }), { seconds: RAW_SECONDS });
  const plain = `insert into audit_event (user_id, action, entity_type, entity_id, org_unit_id, ip, request_id, details, org_unit_ids) values ($1, 'resident.read', 'resident', $2, $3, '127.0.0.1', 'bench', null, array[$3]::bigint[])`;
  const args = [user.id, String(person.id), person.commune_id];
  const sequential = await loop(() => ctx.bench.raw(plain, args), { seconds: RAW_SECONDS });
  const pool = ctx.bench.rawPool;
  const concurrent = pool ? await loop(() => pool(plain, args), { seconds: RAW_SECONDS, concurrency: ctx.concurrency }) : null;

  // Seal everything the run wrote, then verify the whole chain.
  const unsealed = await countUnsealed(ctx.bench);
  const t0 = performance.now();
  let sealed = 0;
  for (let n = await sealAudit(db, { scan: 'sweep' }); n > 0; n = await sealAudit(db)) sealed += n;
  const sealSeconds = (performance.now() - t0) / 1000;
  const report = await verifyAudit(db);
  if (report.broken || report.unsealed > 0) throw new Error(`audit chain after the run: ${JSON.stringify(report.broken)}, ${report.unsealed} unsealed`);
  const eventsAfter = await countEvents(ctx.bench);

  const r = result({
    name: 'audit',
    database: ctx.bench.kind,
    workload: { request: 'GET /api/residents/:id (audited read), the chain sealing every 500 ms', user: USERNAME, concurrency: ctx.concurrency, vacuumed: ctx.bench.vacuumed },
    measured: withChain,
    baseline: { what: 'a plain INSERT of the same audit row (hand-written SQL)', sequential, concurrent },
    detail: {
      readsWithoutChain: withoutChain,
      chainCostOnReads: Number((1 - withChain.perSecond / withoutChain.perSecond).toFixed(3)),
      recordAudit: viaRecordAudit,
      recordAuditVsPlainInsert: Number((viaRecordAudit.perSecond / sequential.perSecond).toFixed(3)),
      sealing: { events: sealed, unsealedBefore: unsealed, seconds: Number(sealSeconds.toFixed(3)), eventsPerSecond: Math.round(sealed / sealSeconds) },
      verification: { events: report.sealed, seconds: report.seconds, eventsPerSecond: report.eventsPerSecond },
      eventsWritten: eventsAfter - eventsBefore,
    },
  });
  return r;
}

async function countEvents(bench: BenchDatabase): Promise<number> {
  return Number(((await bench.raw('select count(*)::int as n from audit_event', [])).rows[0] as { n: number }).n);
}

async function countUnsealed(bench: BenchDatabase): Promise<number> {
  return Number(((await bench.raw('select count(*)::int as n from audit_event e where not exists (select 1 from audit_seal s where s.event_id = e.id)', [])).rows[0] as { n: number }).n);
}
