/**
 * A backup file is a tar of two entries: the data (a PGlite data directory as .tar.gz, or a
 * pg_dump custom-format archive) and, last, manifest.json saying what the data holds and its
 * sha256. Restore reads and checks all of it before it touches the target.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { DatabaseKind } from '../db/database.ts';
import { migrationNames } from '../db/migrate.ts';
import type { Fingerprints } from './fingerprint.ts';
import { readTar } from './tar.ts';

export const MANIFEST_NAME = 'manifest.json';
export const PAYLOAD_NAME: Record<DatabaseKind, string> = { pglite: 'pgdata.tar.gz', postgresql: 'ytcs.pgdump' };

export interface Manifest {
  format: 'ytcs-backup';
  formatVersion: 1;
  engine: DatabaseKind;
  createdAt: string;
  appVersion: string;
  /** The last migration applied to the database backed up. */
  schemaVersion: string;
  payload: { name: string; bytes: number; sha256: string };
  tables: Fingerprints;
  /** PostgreSQL only: server and pg_dump versions, since pg_restore must be at least as new. */
  postgres?: { serverVersion: string; pgDumpMajor: number };
  /** Seconds the backup took, for planning. */
  seconds: number;
}

/** An error an operator can act on: printed as is, without a stack. */
export class OpsError extends Error {}

export interface ReadBackup {
  manifest: Manifest;
  /** Where the data entry was copied, checked against the manifest's sha256. */
  payloadFile: string;
}

/**
 * Reads a backup file, copies its data entry to payloadFile and checks it against the manifest:
 * format, engine, size, sha256 and a schema version this code knows. Touches nothing else.
 */
export async function readBackup(file: string, payloadFile: string, engine: DatabaseKind): Promise<ReadBackup> {
  if (!fs.existsSync(file)) throw new OpsError(`Không có tệp ${file} / no such file: ${file}`);
  let manifestText: string | null = null;
  let payload: { name: string; bytes: number; sha256: string } | null = null;
  try {
    await readTar(fs.createReadStream(file), async (entry, body) => {
      if (entry.name === MANIFEST_NAME) {
        const chunks: Buffer[] = [];
        for await (const c of body) chunks.push(c);
        manifestText = Buffer.concat(chunks).toString('utf8');
      } else if (entry.type === 'file' && payload === null) {
        const hash = createHash('sha256');
        const out = fs.createWriteStream(payloadFile);
        let bytes = 0;
        for await (const c of body) {
          hash.update(c);
          bytes += c.length;
          if (!out.write(c)) await new Promise<void>((r) => out.once('drain', () => r()));
        }
        await new Promise<void>((resolve, reject) => {
          out.on('error', reject);
          out.end(() => resolve());
        });
        payload = { name: entry.name, bytes, sha256: hash.digest('hex') };
      }
    });
  } catch (error) {
    throw new OpsError(`Tệp sao lưu hỏng / the backup file is damaged: ${(error as Error).message}`);
  }
  if (manifestText === null || payload === null) throw new OpsError('Tệp không phải bản sao lưu ytcs hoặc bị cắt ngắn / not a ytcs backup, or cut short (no manifest.json or no data)');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestText) as Manifest;
  } catch {
    throw new OpsError('manifest.json hỏng / manifest.json is damaged');
  }
  checkManifest(manifest, payload, engine);
  return { manifest, payloadFile };
}

export function checkManifest(manifest: Manifest, payload: { name: string; bytes: number; sha256: string }, engine: DatabaseKind) {
  if (manifest.format !== 'ytcs-backup' || manifest.formatVersion !== 1) {
    throw new OpsError(`Định dạng sao lưu không hỗ trợ / unsupported backup format: ${manifest.format} ${manifest.formatVersion}`);
  }
  if (manifest.engine !== engine) {
    const where = (k: DatabaseKind) => (k === 'pglite' ? 'PGlite (DATA_DIR)' : 'PostgreSQL (DATABASE_URL)');
    throw new OpsError(`Bản sao lưu của ${where(manifest.engine)}, đích là ${where(engine)} / the backup is of ${where(manifest.engine)} but the target is ${where(engine)}`);
  }
  if (payload.name !== manifest.payload?.name || payload.bytes !== manifest.payload.bytes || payload.sha256 !== manifest.payload.sha256) {
    throw new OpsError('Dữ liệu trong tệp không khớp sha256 của manifest (tệp hỏng hoặc bị sửa) / the data does not match the manifest sha256 (damaged or altered file)');
  }
  const known = migrationNames();
  if (!known.includes(manifest.schemaVersion)) {
    throw new OpsError(
      `Bản sao lưu có phiên bản lược đồ ${manifest.schemaVersion}, phần mềm này không biết; hãy cập nhật ytcs trước / ` +
        `the backup's schema version ${manifest.schemaVersion} is unknown to this ytcs (latest ${known.at(-1)}); upgrade ytcs first`,
    );
  }
  if (!manifest.tables || typeof manifest.tables !== 'object' || Object.keys(manifest.tables).length === 0) {
    throw new OpsError('manifest.json không liệt kê bảng nào / manifest.json lists no tables');
  }
}
