/**
 * Opens the database: embedded PGlite under DATA_DIR by default, PostgreSQL when DATABASE_URL is
 * set. Both speak the same SQL; both return bigint as number (ids stay below 2^53) and dates as
 * 'YYYY-MM-DD' strings so the API never shifts a date by a time zone.
 */
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;

export async function openPGlite(dataDir: string | null, loadDataDir?: Blob): Promise<{ pg: PGlite; database: Database }> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const pgl = await PGlite.create(dataDir ? `${dataDir}/pgdata` : undefined, {
      extensions: { btree_gin, ltree, pg_trgm, unaccent },
      parsers: { [INT8]: Number, [DATE]: (value: string) => value },
      loadDataDir,
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pgl) });
    const close = async () => {
      await db.destroy();
      release();
    };
    return { pg: pgl, database: { db, kind: 'pglite', close } };
  } catch (error) {
    release();
    throw error;
  }
}

export function openPostgres(url: string, max = 10): Database {
  pg.types.setTypeParser(INT8, Number);
  pg.types.setTypeParser(DATE, (value: string) => value);
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server ends (restart, failover, a dropped database) is an 'error'
  // event on the pool; unheard, it would crash the process. The pool opens a new one when needed.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL idle connection lost: ${error.message}`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgresql', close: () => db.destroy() };
}

export async function openDatabase(config: { dataDir: string; databaseUrl: string | null }): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return (await openPGlite(config.dataDir)).database;
}
