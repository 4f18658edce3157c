/**
 * `npm run restore -- FILE`: puts a backup back, all of it or nothing, and proves it equal to the
 * database it was taken from (every table's row count and checksum, from the manifest).
 *
 * Order: read the whole file and check it (sha256, engine, schema version) → refuse a target that
 * holds data unless --force → restore beside the target and check → swap.
 * - PGlite: the data directory is unpacked into DATA_DIR/restore-staging, opened and checked,
 *   then moved into place; the data it replaces is kept as pgdata.before-restore-<time>.
 * - PostgreSQL: pg_restore's script runs through psql in one transaction that first empties the
 *   public schema (with --force) and ends with the check; a failed check rolls everything back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { spawn } from 'node:child_process';
import { openPGlite, openPostgres } from '../db/database.ts';
import { lockForOps, pgdataOf, type Target } from './backup.ts';
import { TEXT_SETTINGS, compareFingerprints, fingerprintDatabase, fingerprintQuery, publicTables } from './fingerprint.ts';
import { type Manifest, OpsError, readBackup } from './manifest.ts';
import { connectionFor, findPgBin, pgBinCandidates, runTool, toolMajor } from './pg-tools.ts';
import { readTar } from './tar.ts';

export interface RestoreOptions {
  force?: boolean;
}

export interface RestoreResult {
  manifest: Manifest;
  /** PGlite: where the replaced data directory was kept. */
  replaced: string | null;
  seconds: number;
}

function safeName(name: string): string {
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..') || name.startsWith('/')) throw new OpsError(`Đường dẫn không hợp lệ trong bản sao lưu / unsafe path in the backup: ${name}`);
  return parts.join('/');
}

async function unpackPGlite(payloadFile: string, into: string) {
  fs.mkdirSync(into, { recursive: true, mode: 0o700 });
  const gunzip = fs.createReadStream(payloadFile).pipe(createGunzip());
  await readTar(gunzip, async (entry, body) => {
    const name = safeName(entry.name);
    if (!name) return;
    const full = path.join(into, name);
    if (entry.type === 'dir') fs.mkdirSync(full, { recursive: true, mode: 0o700 });
    else if (entry.type === 'file') {
      fs.mkdirSync(path.dirname(full), { recursive: true, mode: 0o700 });
      await pipeline(body, fs.createWriteStream(full, { mode: 0o600 }));
    }
  });
}

async function restorePGlite(dataDir: string, manifest: Manifest, payloadFile: string, options: RestoreOptions) {
  const release = lockForOps(dataDir);
  const staging = path.join(dataDir, 'restore-staging');
  try {
    const pgdata = pgdataOf(dataDir);
    const occupied = fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0;
    if (occupied && !options.force) {
      throw new OpsError(`${dataDir} đã có cơ sở dữ liệu; thêm --force để thay (bản cũ được giữ lại bên cạnh) / already holds a database; add --force to replace it (the old one is kept beside it)`);
    }
    fs.rmSync(staging, { recursive: true, force: true });
    await unpackPGlite(payloadFile, pgdataOf(staging));
    const opened = await openPGlite(staging);
    try {
      const problems = compareFingerprints(manifest.tables, await fingerprintDatabase(opened.database.db as never));
      if (problems.length) throw new OpsError(`Dữ liệu khôi phục không khớp manifest / the restored data differs from the manifest: ${problems.join('; ')}`);
    } finally {
      await opened.database.close();
    }
    let replaced: string | null = null;
    if (fs.existsSync(pgdata)) {
      replaced = `${pgdata}.before-restore-${new Date().toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '')}`;
      fs.renameSync(pgdata, replaced);
    }
    fs.renameSync(pgdataOf(staging), pgdata);
    return replaced;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    release();
  }
}

/** plpgsql that raises (and so rolls the restore back) unless every table matches the manifest. */
export function verificationSql(manifest: Manifest): string {
  const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const checks = Object.entries(manifest.tables).map(([table, want]) => {
    return `  if to_regclass(${lit(`public."${table.replaceAll('"', '""')}"`)}) is null then problems := problems || ${lit(`${table}: missing; `)};
  else
    execute ${lit(fingerprintQuery(table))} into r;
    if r.rows <> ${Number(want.rows)} or r.md5 <> ${lit(want.md5)} then problems := problems || ${lit(`${table}: `)} || r.rows || ${lit(` rows, expected ${Number(want.rows)} or contents differ; `)}; end if;
  end if;`;
  });
  const names = Object.keys(manifest.tables).map(lit).join(', ');
  return `${TEXT_SETTINGS.join(';\n')};
do $ytcs_verify$
declare r record; problems text := ''; extra text;
begin
${checks.join('\n')}
  select string_agg(c.relname, ', ') into extra from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname not in (${names});
  if extra is not null then problems := problems || 'tables not in the backup: ' || extra; end if;
  if problems <> '' then raise exception 'ytcs restore check failed: %', problems; end if;
end
$ytcs_verify$;
`;
}

/** The schema emptied as PostgreSQL 15 creates it (owned by the database owner, usable by all). */
const EMPTY_PUBLIC = `drop schema if exists public cascade;
create schema public;
do $ytcs_owner$ begin alter schema public owner to pg_database_owner; exception when others then null; end $ytcs_owner$;
grant usage on schema public to public;
`;

async function restorePostgres(databaseUrl: string, manifest: Manifest, payloadFile: string, options: RestoreOptions) {
  const bin = findPgBin(pgBinCandidates(process.env));
  const restoreMajor = await toolMajor(bin, 'pg_restore');
  if (manifest.postgres && restoreMajor < manifest.postgres.pgDumpMajor) {
    throw new OpsError(`pg_restore ${restoreMajor} cũ hơn pg_dump đã tạo bản sao lưu (${manifest.postgres.pgDumpMajor}) / pg_restore ${restoreMajor} is older than the pg_dump that made the backup (${manifest.postgres.pgDumpMajor})`);
  }
  const database = openPostgres(databaseUrl, 1);
  try {
    const tables = await publicTables(database.db as never);
    if (tables.length > 0 && !options.force) {
      throw new OpsError(`Cơ sở dữ liệu đích đã có ${tables.length} bảng; thêm --force để thay toàn bộ / the target database already holds ${tables.length} tables; add --force to replace it all`);
    }
  } finally {
    await database.close();
  }
  const conn = connectionFor(databaseUrl);
  const dump = spawn(path.join(bin, 'pg_restore'), ['--no-owner', '--no-acl', '--file=-', payloadFile], { env: { ...process.env, ...conn.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let dumpErr = '';
  dump.stderr.on('data', (d) => {
    dumpErr += d;
  });
  const dumpExit = new Promise<number>((resolve) => dump.on('close', (code) => resolve(code ?? 1)));
  async function* script() {
    // Explicit BEGIN/COMMIT: if the script is cut short, psql leaves without COMMIT and
    // PostgreSQL rolls everything back.
    yield 'begin;\n';
    if (options.force) yield EMPTY_PUBLIC;
    for await (const chunk of dump.stdout) yield chunk as Buffer;
    if ((await dumpExit) !== 0) throw new OpsError(`pg_restore: ${dumpErr.trim().slice(-2000)}`);
    yield `\n${verificationSql(manifest)}\ncommit;\n`;
  }
  try {
    await runTool(bin, 'psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', `--dbname=${conn.url}`, '-f', '-'], conn.env, { stdin: script() });
  } catch (error) {
    if (error instanceof OpsError) throw error;
    throw new OpsError(`Khôi phục thất bại, cơ sở dữ liệu đích không đổi / restore failed, the target is unchanged: ${(error as Error).message}`);
  } finally {
    dump.kill();
  }
}

export async function restore(target: Target, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const started = Date.now();
  const engine = target.databaseUrl ? 'postgresql' : 'pglite';
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-restore-'));
  try {
    const { manifest, payloadFile } = await readBackup(file, path.join(work, 'payload'), engine);
    let replaced: string | null = null;
    if (target.databaseUrl) await restorePostgres(target.databaseUrl, manifest, payloadFile, options);
    else replaced = await restorePGlite(target.dataDir, manifest, payloadFile, options);
    return { manifest, replaced, seconds: (Date.now() - started) / 1000 };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
