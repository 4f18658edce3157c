/**
 * Sign-in through HTTP against bare argon2id verification of the same hash. Argon2id (19 MiB,
 * 2 passes) is meant to dominate a login, so the ratio shows what the rest costs: the user
 * lookup, the transaction with its audit and session rows, the profile, the cookie.
 */
import { verify } from '@node-rs/argon2';
import { DEMO_PASSWORD } from '../server/src/demo/demo-data.ts';
import type { BenchDatabase } from './lib/database.ts';
import type { Loader } from './lib/http.ts';
import { type BenchResult, result } from './lib/results.ts';
import { loop } from './lib/stats.ts';

const HTTP_SECONDS = 10;
const MAX_LOGINS = 3000; // a bound on rows written should the machine be far faster than expected
const RAW_SECONDS = 1.5;
const USERNAME = 'ttyt.backan'; // not used by the org-unit scenarios: its sessions stay apart

export async function benchLogin(ctx: { bench: BenchDatabase; base: string; loader: Loader; concurrency: number }): Promise<BenchResult> {
  const body = JSON.stringify({ username: USERNAME, password: DEMO_PASSWORD });
  const job = { url: `${ctx.base}/api/auth/login`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body, connections: ctx.concurrency };
  await ctx.loader.run({ ...job, seconds: 1, maxRequests: 2 * ctx.concurrency }); // warm-up: a couple of rounds
  const measured = await ctx.loader.run({ ...job, seconds: HTTP_SECONDS, maxRequests: MAX_LOGINS });

  const row = (await ctx.bench.raw('select password_hash from app_user where username = $1', [USERNAME])).rows[0] as { password_hash: string } | undefined;
  if (!row) throw new Error(`${USERNAME} not found`);
  const check = async () => {
    if (!(await verify(row.password_hash, DEMO_PASSWORD))) throw new Error('argon2 verify failed');
  };
  const sequential = await loop(check, { seconds: RAW_SECONDS });
  // verify() runs on libuv's thread pool: at the HTTP concurrency it uses every core, as logins do.
  const concurrent = await loop(check, { seconds: RAW_SECONDS, concurrency: ctx.concurrency });

  return result({
    name: 'login',
    database: ctx.bench.kind,
    workload: { request: 'POST /api/auth/login (right password)', user: USERNAME, concurrency: ctx.concurrency, vacuumed: ctx.bench.vacuumed, maxRequests: MAX_LOGINS, argon2: 'argon2id m=19456 t=2 p=1' },
    measured,
    baseline: { what: 'argon2id verify of the same stored hash, in-process', sequential, concurrent },
  });
}
