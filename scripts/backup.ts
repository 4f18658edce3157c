/**
 * `npm run backup [-- --out FILE]`: the whole database (PGlite under DATA_DIR, or DATABASE_URL)
 * in one file with a manifest (schema version, rows and checksum per table, sha256).
 * See docs/operations.md#backup-and-restore.
 */
import path from 'node:path';
import { backup, defaultBackupName } from '../server/src/ops/backup.ts';
import { OpsError } from '../server/src/ops/manifest.ts';
import { fromCaller, mb, root, run, target } from './ops-cli.ts';

run(async () => {
  const args = process.argv.slice(2);
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out' && args[i + 1]) out = fromCaller(args[++i] as string);
    else if (args[i]?.startsWith('--out=')) out = fromCaller(args[i]?.slice(6) as string);
    else throw new OpsError(`Cách dùng / usage: npm run backup [-- --out FILE]  (unknown argument ${args[i]})`);
  }
  const file = out ?? path.join(root, defaultBackupName());
  const { manifest } = await backup(target(), file);
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  process.stdout.write(
    `Đã sao lưu / backed up: ${file}\n` +
      `  ${manifest.engine}, schema ${manifest.schemaVersion}, ${Object.keys(manifest.tables).length} tables, ${rows} rows, ` +
      `${mb(manifest.payload.bytes)}, ${manifest.seconds} s\n  sha256 ${manifest.payload.sha256}\n`,
  );
});
