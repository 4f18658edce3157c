/**
 * `npm run backup`: one file holding the whole database and a manifest to check it by.
 *
 * PGlite lives inside the server process, and another process reading its files while it writes
 * would copy a torn database; so a PGlite backup refuses while the server runs (stop it, back up,
 * start it: seconds for a commune's data, see docs/operations.md). The backup opens the data
 * directory itself, counts and checksums every table, shuts PGlite down cleanly (so even the
 * unlogged staging table is kept) and tars the directory while holding the server's lock.
 *
 * PostgreSQL is backed up online: one repeatable-read transaction exports its snapshot, the
 * manifest's counts and checksums are taken in it, and pg_dump dumps that same snapshot.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { openPGlite, openPostgres } from '../db/database.ts';
import { DataDirLockedError, lockDataDir } from '../db/lock.ts';
import { VERSION } from '../version.ts';
import { type Fingerprints, TEXT_SETTINGS, fingerprints, schemaVersion } from './fingerprint.ts';
import { MANIFEST_NAME, type Manifest, OpsError, PAYLOAD_NAME } from './manifest.ts';
import { connectionFor, findPgBin, pgBinCandidates, runTool, toolMajor } from './pg-tools.ts';
import { type TarEntry, tarStream } from './tar.ts';

export interface Target {
  dataDir: string;
  databaseUrl: string | null;
}

export const pgdataOf = (dataDir: string) => path.join(dataDir, 'pgdata');

export function serverRunningMessage(dataDir: string, error: Error): string {
  return (
    `Máy chủ ytcs đang chạy trên ${dataDir}: PGlite chỉ cho một tiến trình; hãy dừng máy chủ, sao lưu/khôi phục rồi khởi động lại. / ` +
    `The ytcs server is running on ${dataDir}: PGlite allows one process; stop the server, back up or restore, then start it again. ` +
    `For backups without stopping, use PostgreSQL. (${error.message})`
  );
}

/** Takes the data directory's lock, or says clearly that the server holds it. */
export function lockForOps(dataDir: string): () => void {
  try {
    return lockDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new OpsError(serverRunningMessage(dataDir, error));
    throw error;
  }
}

export function defaultBackupName(now = new Date()): string {
  return `backups/ytcs-${now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '')}.backup.tar`;
}

/** Every file and folder under root, parents first, as tar entries with names relative to root. */
function* directoryEntries(root: string, relative = ''): Generator<TarEntry> {
  for (const dirent of fs.readdirSync(path.join(root, relative), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const name = relative ? `${relative}/${dirent.name}` : dirent.name;
    const full = path.join(root, name);
    const stat = fs.statSync(full);
    if (dirent.isDirectory()) {
      yield { name, type: 'dir', size: 0, mode: stat.mode & 0o777, mtime: stat.mtime };
      yield* directoryEntries(root, name);
    } else if (dirent.isFile()) {
      yield { name, type: 'file', size: stat.size, mode: stat.mode & 0o777, mtime: stat.mtime, open: () => fs.createReadStream(full) };
    }
  }
}

async function fingerprintIn(trx: Kysely<unknown>): Promise<{ version: string; tables: Fingerprints }> {
  for (const s of TEXT_SETTINGS) await sql.raw(s).execute(trx);
  const version = await schemaVersion(trx);
  if (!version) throw new OpsError('Cơ sở dữ liệu chưa có lược đồ ytcs (chưa từng chạy máy chủ?) / the database has no ytcs schema (was the server ever started on it?)');
  return { version, tables: await fingerprints(trx) };
}

async function backupPGlite(dataDir: string, payloadFile: string) {
  const pgdata = pgdataOf(dataDir);
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) throw new OpsError(`Không có cơ sở dữ liệu PGlite trong ${dataDir} / no PGlite database in ${dataDir}`);
  let opened: Awaited<ReturnType<typeof openPGlite>>;
  try {
    opened = await openPGlite(dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new OpsError(serverRunningMessage(dataDir, error));
    throw error;
  }
  let facts: { version: string; tables: Fingerprints };
  try {
    facts = await opened.database.db.transaction().execute((trx) => fingerprintIn(trx as unknown as Kysely<unknown>));
  } finally {
    // A clean shutdown: the files on disk are then the whole database, unlogged tables included.
    await opened.database.close();
  }
  // Take the lock again for the copy; a server that started in between is refused or refuses us.
  const release = lockForOps(dataDir);
  try {
    await pipeline(Readable.from(tarStream(directoryEntries(pgdata))), createGzip({ level: 6 }), fs.createWriteStream(payloadFile));
  } finally {
    release();
  }
  return { ...facts, postgres: undefined };
}

async function backupPostgres(databaseUrl: string, payloadFile: string) {
  const bin = findPgBin(pgBinCandidates(process.env));
  const conn = connectionFor(databaseUrl);
  const pgDumpMajor = await toolMajor(bin, 'pg_dump');
  const database = openPostgres(databaseUrl, 1);
  try {
    return await database.db.transaction().execute(async (trx) => {
      await sql`set transaction isolation level repeatable read, read only`.execute(trx);
      const server = (await sql<{ v: string; n: number }>`select current_setting('server_version') as v, current_setting('server_version_num')::int as n`.execute(trx)).rows[0] as { v: string; n: number };
      const serverMajor = Math.floor(Number(server.n) / 10000);
      if (pgDumpMajor < serverMajor) {
        throw new OpsError(`pg_dump ${pgDumpMajor} cũ hơn máy chủ PostgreSQL ${serverMajor}; cài postgresql-client-${serverMajor} / pg_dump ${pgDumpMajor} is older than the server (${serverMajor}); install postgresql-client-${serverMajor} or set YTCS_PG_BIN`);
      }
      const snapshot = (await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx)).rows[0]?.id as string;
      const facts = await fingerprintIn(trx as unknown as Kysely<unknown>);
      // The dump reads the snapshot the counts were taken in, while this transaction holds it.
      await runTool(bin, 'pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--file=${payloadFile}`, `--dbname=${conn.url}`], conn.env);
      return { ...facts, postgres: { serverVersion: server.v, pgDumpMajor } };
    });
  } finally {
    await database.close();
  }
}

export interface BackupResult {
  file: string;
  manifest: Manifest;
}

/** Writes the backup to outFile (through outFile.partial, renamed at the end). */
export async function backup(target: Target, outFile: string): Promise<BackupResult> {
  const started = Date.now();
  const engine = target.databaseUrl ? 'postgresql' : 'pglite';
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  if (fs.existsSync(outFile)) throw new OpsError(`${outFile} đã có; chọn tên khác / already exists; choose another name`);
  const payloadFile = `${outFile}.data.partial`;
  const partial = `${outFile}.partial`;
  try {
    const facts = target.databaseUrl ? await backupPostgres(target.databaseUrl, payloadFile) : await backupPGlite(target.dataDir, payloadFile);
    const bytes = fs.statSync(payloadFile).size;
    const hash = createHash('sha256');
    const hashing = new Transform({
      transform(chunk, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const name = PAYLOAD_NAME[engine];
    let manifest: Manifest | null = null;
    const entries = async function* (): AsyncGenerator<TarEntry> {
      yield { name, type: 'file', size: bytes, open: () => fs.createReadStream(payloadFile).pipe(hashing) };
      // Last, so its sha256 covers the data exactly as written into this file.
      manifest = {
        format: 'ytcs-backup',
        formatVersion: 1,
        engine,
        createdAt: new Date(started).toISOString(),
        appVersion: VERSION,
        schemaVersion: facts.version,
        payload: { name, bytes, sha256: hash.digest('hex') },
        tables: facts.tables,
        ...(facts.postgres ? { postgres: facts.postgres } : {}),
        seconds: Math.round((Date.now() - started) / 100) / 10,
      };
      const text = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
      yield { name: MANIFEST_NAME, type: 'file', size: text.length, open: () => Readable.from([text]) };
    };
    await pipeline(Readable.from(tarStream(entries())), fs.createWriteStream(partial));
    fs.renameSync(partial, outFile);
    return { file: outFile, manifest: manifest as unknown as Manifest };
  } finally {
    fs.rmSync(payloadFile, { force: true });
    fs.rmSync(partial, { force: true });
  }
}
