/**
 * `npm run restore -- FILE [--force]`: checks the backup (sha256, engine, schema version), refuses
 * a target holding data unless --force, restores all or nothing and proves every table equal to
 * the manifest. Stop the server first. See docs/operations.md#backup-and-restore.
 */
import { OpsError } from '../server/src/ops/manifest.ts';
import { restore } from '../server/src/ops/restore.ts';
import { fromCaller, run, target } from './ops-cli.ts';

run(async () => {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  if (files.length !== 1 || files[0]?.startsWith('--')) throw new OpsError('Cách dùng / usage: npm run restore -- FILE [--force]');
  const file = fromCaller(files[0] as string);
  const result = await restore(target(), file, { force });
  const m = result.manifest;
  const rows = Object.values(m.tables).reduce((n, t) => n + t.rows, 0);
  process.stdout.write(
    `Đã khôi phục / restored ${file}\n  ${m.engine}, schema ${m.schemaVersion}, taken ${m.createdAt}; ` +
      `${Object.keys(m.tables).length} tables, ${rows} rows, all equal to the manifest; ${result.seconds.toFixed(1)} s\n` +
      (result.replaced ? `  Dữ liệu cũ được giữ tại / the replaced data is kept at ${result.replaced} (xóa khi không cần / delete it when no longer needed)\n` : ''),
  );
});
