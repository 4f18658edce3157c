/**
 * Backup and restore on the engine of this run (PGlite, or PostgreSQL when DATABASE_URL is set):
 * a database with people, households, audit events and a staged import is backed up, restored
 * into a fresh instance and compared table by table (row count and an md5 of the rows ordered by
 * primary key, computed here, not by the code under test).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createUser, signIn, unitId } from '../../test/harness.ts';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { backup } from './backup.ts';
import { OpsError } from './manifest.ts';
import { restore } from './restore.ts';
import { type TarEntry, readTar, tarStream } from './tar.ts';
import { type Target, freshTarget, seededTarget } from '../../test/ops-targets.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-backup-test-'));
let source: Target;
let backupFile: string;
let sourceContents: Awaited<ReturnType<typeof contents>>;
const cleanups: (() => Promise<void>)[] = [];

async function open(target: Target): Promise<Database> {
  return target.open();
}

/** Row count and md5 of every public table's rows in primary-key order. */
async function contents(db: Kysely<unknown>): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await sql<{ name: string; pk: string | null }>`
    select c.relname as name,
      (select string_agg(quote_ident(a.attname), ', ' order by k.ord) from pg_index i
        cross join unnest(i.indkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary) as pk
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' order by c.relname`.execute(db);
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const t of tables.rows) {
    const order = t.pk ? t.pk.split(', ').map((c) => `t.${c}`).join(', ') : 't::text';
    const r = await sql.raw<{ n: number | string; sum: string }>(`select count(*) as n, md5(coalesce(string_agg(t::text, E'\\n' order by ${order}), '')) as sum from public."${t.name}" t`).execute(db);
    out[t.name] = { rows: Number(r.rows[0]?.n), md5: r.rows[0]?.sum as string };
  }
  return out;
}

async function contentsOf(target: Target) {
  const database = await open(target);
  try {
    return await contents(database.db as unknown as Kysely<unknown>);
  } finally {
    await database.close();
  }
}

const DIGIT_WORDS = ['Không', 'Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín'];
/** Names may not hold digits: 12 → "Một Hai". */
const spelled = (n: number) => [...String(n)].map((d) => DIGIT_WORDS[Number(d)]).join(' ');

function multipart(file: Buffer, fields: Record<string, string>) {
  const boundary = '----ytcs-backup-test';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const body = Buffer.concat([Buffer.from(parts.join('')), Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** People, households, audit events, sessions and a staged (unlogged) import, through the API. */
async function fill(target: Target) {
  const database = await open(target);
  const app = await buildApp(readConfig({ LOG_LEVEL: 'silent', YTCS_WEB_DIST: '' }), database);
  await app.ready();
  const ctx: TestContext = { app, database, close: async () => {} };
  try {
    const commune = await unitId(ctx, 'commune', '01840');
    await createUser(ctx, 'tram.backup', [{ role: 'station', orgUnitId: commune }]);
    const cookie = await signIn(ctx, 'tram.backup');
    for (let i = 1; i <= 3; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/households',
        headers: { cookie },
        payload: {
          unitId: commune,
          code: `SL-${i}`,
          address: `Số ${i}, đường Sao Lưu`,
          confirmWarnings: true,
          members: [
            { fullName: `Chủ Hộ ${spelled(i)}`, sex: 'male', birthYear: 1970 + i, relationship: 'head', citizenId: `00107000${String(i).padStart(4, '0')}` },
            { fullName: `Vợ Chủ Hộ ${spelled(i)}`, sex: 'female', birthDate: `198${i}-02-0${i}`, relationship: 'spouse' },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const csv = Buffer.from(`Họ và tên,Giới tính,Năm sinh\n${Array.from({ length: 40 }, (_, i) => `Người Chờ ${spelled(i)},Nữ,${1950 + i}`).join('\n')}\n`);
    const staged = await app.inject({ method: 'POST', url: '/api/imports', headers: { cookie, ...multipart(csv, {}).headers }, payload: multipart(csv, { unitId: String(commune) }).payload });
    expect(staged.statusCode, staged.body).toBe(201);
  } finally {
    await app.close();
    await database.close();
  }
}

beforeAll(async () => {
  source = await seededTarget(path.join(work, 'source'));
  cleanups.push(() => source.drop());
  await fill(source);
  backupFile = path.join(work, 'ytcs.backup.tar');
}, 180_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  fs.rmSync(work, { recursive: true, force: true });
});

async function fresh(name: string): Promise<Target> {
  const t = await freshTarget(path.join(work, name));
  cleanups.push(() => t.drop());
  return t;
}

describe('npm run backup / npm run restore', () => {
  it('restores into a fresh instance every table with the same rows and contents', async () => {
    const { manifest } = await backup(source.target, backupFile);
    expect(manifest.schemaVersion).toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_/);
    expect(manifest.tables.resident?.rows).toBeGreaterThanOrEqual(6);
    expect(manifest.tables.import_row?.rows).toBe(40);
    expect(manifest.tables.audit_event?.rows).toBeGreaterThan(0);

    const target = await fresh('fresh');
    await restore(target.target, backupFile);
    sourceContents = await contentsOf(source);
    const after = await contentsOf(target);
    expect(Object.keys(after)).toEqual(Object.keys(sourceContents));
    expect(after).toEqual(sourceContents);
    expect(after.household?.rows).toBeGreaterThanOrEqual(3);
  }, 180_000);

  it('refuses a target holding data unless told --force, and then replaces it', async () => {
    // The source itself, changed since the backup, is the occupied target (the audit log only
    // grows, so the change is one more event).
    const db = await open(source);
    await db.db.insertInto('audit_event').values({ action: 'test.after_backup' }).execute();
    await db.close();
    await expect(restore(source.target, backupFile)).rejects.toThrow(/--force/);
    expect((await contentsOf(source)).audit_event?.rows).toBe((sourceContents.audit_event?.rows ?? 0) + 1);
    const result = await restore(source.target, backupFile, { force: true });
    expect(await contentsOf(source)).toEqual(sourceContents);
    if (!source.target.databaseUrl) expect(fs.existsSync(result.replaced as string)).toBe(true);
  }, 180_000);

  it('refuses a damaged backup before touching the target', async () => {
    const damaged = path.join(work, 'damaged.tar');
    const bytes = fs.readFileSync(backupFile);
    const at = Math.floor(bytes.length / 3);
    bytes.writeUInt8((bytes[at] as number) ^ 0x01, at);
    fs.writeFileSync(damaged, bytes);
    const target = await fresh('untouched');
    await expect(restore(target.target, damaged)).rejects.toThrow(OpsError);
    await expect(restore(target.target, damaged)).rejects.toThrow(/sha256|damaged/);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restore(target.target, damaged)).rejects.toThrow(/cut short|damaged/);
    expect(await target.isEmpty()).toBe(true);
  });

  it('refuses a backup whose schema is newer than this code, and one of the other engine', async () => {
    const altered = path.join(work, 'newer.tar');
    const entries: TarEntry[] = [];
    await readTar(fs.createReadStream(backupFile), async (entry, body) => {
      const parts: Buffer[] = [];
      for await (const c of body) parts.push(c);
      let data = Buffer.concat(parts);
      if (entry.name === 'manifest.json') data = Buffer.from(JSON.stringify({ ...JSON.parse(data.toString()), schemaVersion: '2999_01_01_0001_future' }));
      entries.push({ name: entry.name, type: 'file', size: data.length, open: () => Readable.from([data]) });
    });
    await pipeline(Readable.from(tarStream(entries)), fs.createWriteStream(altered));
    const target = await fresh('future');
    await expect(restore(target.target, altered)).rejects.toThrow(/2999_01_01_0001_future.*upgrade ytcs first/);
    const other = target.target.databaseUrl ? { dataDir: path.join(work, 'other'), databaseUrl: null } : { dataDir: work, databaseUrl: 'postgres://nobody@127.0.0.1:1/none' };
    await expect(restore(other, backupFile)).rejects.toThrow(/the backup is of/);
    expect(await target.isEmpty()).toBe(true);
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))('refuses a PGlite backup while the server holds the data directory', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(source.target.dataDir, 'ytcs.lock'), String(holder.pid));
      await expect(backup(source.target, path.join(work, 'while-running.tar'))).rejects.toThrow(/server is running.*stop the server/s);
      expect(fs.existsSync(path.join(work, 'while-running.tar'))).toBe(false);
    } finally {
      holder.kill();
      fs.rmSync(path.join(source.target.dataDir, 'ytcs.lock'), { force: true });
    }
  });
});
