/** Shared by `npm run backup` and `npm run restore`: configuration, paths, and how errors show. */
import path from 'node:path';
import { ConfigError, readConfig } from '../server/src/config.ts';
import { OpsError } from '../server/src/ops/manifest.ts';
import { PgToolsMissingError } from '../server/src/ops/pg-tools.ts';

export const root = path.resolve(import.meta.dirname, '..');

/** The same DATA_DIR / DATABASE_URL the server would use when started from the project root. */
export function target() {
  const config = readConfig(process.env, root);
  return { dataDir: config.dataDir, databaseUrl: config.databaseUrl };
}

/** A path as the operator typed it: npm runs scripts in the project root, INIT_CWD is where they were. */
export function fromCaller(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function run(main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    (error) => {
      const known = error instanceof OpsError || error instanceof ConfigError || error instanceof PgToolsMissingError;
      process.stderr.write(`ytcs: ${known ? error.message : (error?.stack ?? error)}\n`);
      process.exit(known ? 2 : 1);
    },
  );
}
