/**
 * Crash safety: the real server (server/src/main.ts as a child process, on its own PGlite data
 * directory or PostgreSQL database) is killed with SIGKILL during a burst of concurrent writes and
 * during an import commit, restarted, and checked: every write answered 2xx is there, and nothing
 * is half written (a household with all its members, head, life events and audit event, or not at
 * all). An import is committed in batches: one killed part way is finished by committing it again
 * (or, when the crash emptied its staged rows, by sending the file again), and then has each of
 * its people exactly once. On PGlite a SIGKILL of the server is a crash of
 * the database itself, since PGlite runs inside the server process.
 * YTCS_CRASH_KILLS sets the kills per scenario (default 3).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, TEST_PASSWORD, createUser, unitId } from '../../test/harness.ts';
import { type Target, seededTarget } from '../../test/ops-targets.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const KILLS = Number(process.env.YTCS_CRASH_KILLS ?? 3);
const IMPORT_ROWS = 2000;
const WORKERS = 8;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-crash-'));
let target: Target;
let commune: number;

const DIGIT_WORDS = ['Không', 'Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín'];
/** Names may not hold digits: 12 → "Một Hai". */
const spelled = (n: number) => [...String(n)].map((d) => DIGIT_WORDS[Number(d)]).join(' ');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

interface Server {
  child: ChildProcess;
  base: string;
  exited: Promise<void>;
  startSeconds: number;
}

/** Servers still running, ended whatever happens to the test. */
const live = new Set<ChildProcess>();

async function startServer(): Promise<Server> {
  const started = Date.now();
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env, ...target.env, PORT: String(port), HOST: '127.0.0.1', YTCS_DEMO: '0', YTCS_ADMIN_PASSWORD: 'crash-test-admin-1', LOG_LEVEL: 'warn', YTCS_WEB_DIST: '' };
  if (!target.target.databaseUrl) delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => live.delete(child));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 180 s:\n${output}`)), 180_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) while starting:\n${output}`));
    });
    child.stdout?.on('data', () => {
      if (output.includes('is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { child, base: `http://127.0.0.1:${port}`, exited, startSeconds: (Date.now() - started) / 1000 };
}

async function kill(server: Server) {
  server.child.kill('SIGKILL');
  await server.exited;
}

async function stop(server: Server) {
  server.child.kill('SIGTERM');
  await server.exited;
}

async function call(server: Server, method: string, url: string, cookie: string | null, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.base}${url}`, {
    method,
    headers: { origin: server.base, ...(cookie ? { cookie } : {}), ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> | null, headers: res.headers };
}

async function signIn(server: Server): Promise<string> {
  const res = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.base }, body: JSON.stringify({ username: 'tram.crash', password: TEST_PASSWORD }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ytcs_session='));
  return (cookie as string).split(';')[0] as string;
}

/** Acknowledged households: code → id. */
const acknowledged = new Map<string, number>();
/** Imports: job id, the surname its people carry, whether the commit was answered 200. */
const imports: { id: number; surname: string; committed: boolean; killedAfterMs: number | null; finishedBy?: number }[] = [];
let commitMs = 2000;
const report = { kills: 0, startSeconds: [] as number[], inFlightAtKill: 0 };

function household(round: number, worker: number, n: number) {
  const tag = `${spelled(round)} ${spelled(worker)} ${spelled(n)}`;
  return {
    unitId: commune,
    code: `K${round}-${worker}-${n}`,
    address: `Số ${n}, ngõ ${worker}, vòng ${round}`,
    confirmWarnings: true,
    members: [
      { fullName: `Thử Chủ ${tag}`, sex: 'male', birthYear: 1960 + (n % 40), relationship: 'head' },
      { fullName: `Thử Vợ ${tag}`, sex: 'female', birthYear: 1962 + (n % 40), relationship: 'spouse' },
    ],
  };
}

/** Writers create households until stopped; resolves with how many requests were in flight. */
function burst(server: Server, cookie: string, round: number) {
  let stopped = false;
  let inFlight = 0;
  const workers = Array.from({ length: WORKERS }, async (_, worker) => {
    for (let n = 0; !stopped; n++) {
      const body = household(round, worker, n);
      inFlight++;
      try {
        const res = await call(server, 'POST', '/api/households', cookie, body);
        if (res.status === 201) acknowledged.set(body.code, Number(res.json?.id));
        else if (!stopped) throw new Error(`household write answered ${res.status}: ${JSON.stringify(res.json)}`);
      } catch (error) {
        if (!stopped) throw error;
      } finally {
        inFlight--;
      }
    }
  });
  return {
    count: () => acknowledged.size,
    stop: () => {
      stopped = true;
      return inFlight;
    },
    done: Promise.allSettled(workers),
  };
}

async function upload(server: Server, cookie: string, surname: string, fresh = true): Promise<number> {
  const lines = Array.from({ length: IMPORT_ROWS }, (_, i) => `${surname} ${spelled(i)},${i % 2 ? 'Nữ' : 'Nam'},${1940 + (i % 80)}`);
  const form = new FormData();
  form.append('unitId', String(commune));
  form.append('file', new Blob([`Họ và tên,Giới tính,Năm sinh\n${lines.join('\n')}\n`], { type: 'text/csv' }), 'crash.csv');
  const res = await call(server, 'POST', '/api/imports', cookie, form);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  // Sent again after a crash, the people written before it are recognised as registered.
  if (fresh) expect(res.json?.valid).toBe(IMPORT_ROWS);
  return Number(res.json?.id);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  target = await seededTarget(path.join(work, 'data'));
  const database = await target.open();
  const ctx = { database } as TestContext;
  commune = await unitId(ctx, 'commune', '01840');
  await createUser(ctx, 'tram.crash', [{ role: 'station', orgUnitId: commune }]);
  await database.close();
}, 300_000);

afterAll(async () => {
  for (const child of live) child.kill('SIGKILL');
  await target?.drop().catch(() => {});
  fs.rmSync(work, { recursive: true, force: true });
  process.stdout.write(`crash safety: ${report.kills} kills survived; ${acknowledged.size} acknowledged households, ${imports.length} imports; server start ${report.startSeconds.map((s) => s.toFixed(1)).join('/')} s\n`);
});

it(`keeps every acknowledged write and nothing half written across ${KILLS * 2} kill -9s`, async () => {
  for (let round = 1; round <= KILLS; round++) {
    // A burst of household writes, killed once some have been acknowledged.
    let server = await startServer();
    report.startSeconds.push(server.startSeconds);
    let cookie = await signIn(server);
    if (round === 1) {
      // One import committed without a kill: it must survive, and it times a commit.
      const surname = 'Nhập Trọn';
      const id = await upload(server, cookie, surname);
      const t0 = Date.now();
      const res = await call(server, 'POST', `/api/imports/${id}/commit`, cookie);
      expect(res.status).toBe(200);
      commitMs = Date.now() - t0;
      imports.push({ id, surname, committed: true, killedAfterMs: null });
    }
    const writers = burst(server, cookie, round);
    const target = acknowledged.size + 10 + round * 5;
    while (writers.count() < target) await sleep(10);
    await kill(server);
    report.inFlightAtKill += writers.stop();
    report.kills++;
    await writers.done;

    // An import whose commit is killed part way (at 15 % … 90 % of a measured commit).
    server = await startServer();
    report.startSeconds.push(server.startSeconds);
    cookie = await signIn(server);
    const surname = `Nhập Vòng ${spelled(round)}`;
    const id = await upload(server, cookie, surname);
    const entry = { id, surname, committed: false, killedAfterMs: Math.round(commitMs * (0.15 + (0.75 * (round - 1)) / Math.max(1, KILLS - 1))) };
    imports.push(entry);
    const commit = call(server, 'POST', `/api/imports/${id}/commit`, cookie).then(
      (res) => {
        entry.committed = res.status === 200;
      },
      () => {},
    );
    await sleep(entry.killedAfterMs as number);
    await kill(server);
    report.kills++;
    await commit;
  }

  // Restart after the last kill: the server comes up and serves what it acknowledged.
  const server = await startServer();
  report.startSeconds.push(server.startSeconds);
  const cookie = await signIn(server);
  const sample = [...acknowledged.values()].slice(-5);
  for (const id of sample) {
    const res = await call(server, 'GET', `/api/households/${id}`, cookie);
    expect(res.status).toBe(200);
    expect(res.json?.members).toHaveLength(2);
  }
  // Every import killed part way is finished: committed again where it stopped, or sent again.
  for (const imp of imports.filter((i) => !i.committed)) {
    let res = await call(server, 'POST', `/api/imports/${imp.id}/commit`, cookie);
    imp.finishedBy = imp.id;
    if (res.status === 409 && res.json?.key === 'imports.rowsGone') {
      imp.finishedBy = await upload(server, cookie, imp.surname, false);
      res = await call(server, 'POST', `/api/imports/${imp.finishedBy}/commit`, cookie);
    }
    expect(res.status, JSON.stringify(res.json)).toBe(200);
  }
  await stop(server);

  const database = await target.open();
  const db = database.db;
  try {
    // Every acknowledged household, whole.
    const rows = await db
      .selectFrom('household as h')
      .where('h.code', 'like', 'K%')
      .where('h.commune_id', '=', commune)
      .select((eb) => [
        'h.id',
        'h.code',
        'h.head_id',
        eb.selectFrom('resident as r').whereRef('r.household_id', '=', 'h.id').select((e) => e.fn.countAll<number>().as('n')).as('members'),
        eb.selectFrom('audit_event as a').where('a.action', '=', 'household.create').whereRef('a.entity_id', '=', eb.cast('h.id', 'text')).select((e) => e.fn.countAll<number>().as('n')).as('audits'),
        eb
          .selectFrom('life_event as l')
          .innerJoin('resident as r', 'r.id', 'l.resident_id')
          .whereRef('r.household_id', '=', 'h.id')
          .where('l.kind', '=', 'registered')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('events'),
      ])
      .execute();
    const byCode = new Map(rows.map((r) => [r.code as string, r]));
    const lost = [...acknowledged].filter(([code, id]) => byCode.get(code)?.id !== id);
    expect(lost, 'acknowledged households missing after a kill').toEqual([]);
    const partial = rows.filter((r) => r.head_id === null || Number(r.members) !== 2 || Number(r.audits) !== 1 || Number(r.events) !== 2);
    expect(partial, 'households written in part').toEqual([]);
    const orphans = await db.selectFrom('resident').where('full_name', 'like', 'Thử %').where('household_id', 'is', null).select('id').execute();
    expect(orphans, 'residents without their household').toEqual([]);

    // Every import: each of its people exactly once, its job (or the one that finished it) committed and audited once.
    for (const imp of imports) {
      const people = Number((await db.selectFrom('resident').where('full_name', 'like', `${imp.surname} %`).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const job = imp.finishedBy ?? imp.id;
      const status = ((await sql<{ status: string }>`select status from import_job where id = ${job}`.execute(db)).rows[0] as { status: string }).status;
      const audits = Number((await db.selectFrom('audit_event').where('action', '=', 'import.commit').where('entity_id', '=', String(job)).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const state = { surname: imp.surname, people, status, audits };
      expect(state).toEqual({ ...state, people: IMPORT_ROWS, status: 'committed', audits: 1 });
    }
  } finally {
    await database.close();
  }
  expect(report.kills).toBe(KILLS * 2);
}, 1_800_000);
