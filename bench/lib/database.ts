/**
 * The database under test: a fresh in-memory PGlite, or a fresh `ytcs_bench` database on the
 * PostgreSQL server of DATABASE_URL (dropped at the end). Either way bootstrapped the way a first
 * start with demo data is, plus raw handles that bypass the server for the baselines.
 */
import pg from 'pg';
import { bootstrap } from '../../server/src/bootstrap.ts';
import { type Database, type DatabaseKind, openPGlite, openPostgres } from '../../server/src/db/database.ts';

export type Exec = (sql: string, parameters: unknown[]) => Promise<{ rows: unknown[] }>;

export interface BenchDatabase {
  kind: DatabaseKind;
  /** What the server uses (its own pool on PostgreSQL, the single connection on PGlite). */
  database: Database;
  /** One connection, used sequentially. */
  raw: Exec;
  /** A pool of `concurrency` connections (PostgreSQL only: PGlite has one connection). */
  rawPool: Exec | null;
  /** Whether VACUUM ANALYZE ran after bootstrap (see `steady`). */
  vacuumed: boolean;
  close(): Promise<void>;
}

const BENCH_DB = 'ytcs_bench';
const SETUP = { adminPassword: 'bench-admin-pass', demo: true };

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * `steady`: VACUUM ANALYZE after bootstrap. Loading the official units leaves ~10k dead rows and
 * no planner statistics; PostgreSQL's autovacuum fixes that within a minute or so (so, without
 * this, figures depend on whether it ran mid-benchmark), PGlite never does (no autovacuum).
 */
export async function openBenchDatabase(url: string | undefined, concurrency: number, steady: boolean): Promise<BenchDatabase> {
  if (!url) {
    const { pg: pgl, database } = await openPGlite(null);
    await bootstrap(database.db, SETUP);
    if (steady) await pgl.exec('vacuum analyze');
    // Straight to PGlite, past Kysely and the dialect's mutex.
    return { kind: 'pglite', database, raw: (sql, params) => pgl.query(sql, params), rawPool: null, vacuumed: steady, close: () => database.close() };
  }
  // A leftover from an interrupted run would make `create` fail; it is ours to drop.
  await onServer(url, `drop database if exists ${BENCH_DB} with (force)`);
  await onServer(url, `create database ${BENCH_DB}`);
  const benchUrl = withDatabase(url, BENCH_DB);
  const database = openPostgres(benchUrl); // the server's own pool size
  const client = new pg.Client({ connectionString: benchUrl });
  const pool = new pg.Pool({ connectionString: benchUrl, max: concurrency });
  try {
    await bootstrap(database.db, SETUP);
    await client.connect();
    if (steady) await client.query('vacuum analyze');
    return {
      kind: 'postgresql',
      database,
      raw: (sql, params) => client.query(sql, params),
      rawPool: (sql, params) => pool.query(sql, params),
      vacuumed: steady,
      close: async () => {
        await Promise.allSettled([database.close(), client.end(), pool.end()]);
        await onServer(url, `drop database if exists ${BENCH_DB} with (force)`);
      },
    };
  } catch (error) {
    await Promise.allSettled([database.close(), client.end(), pool.end()]);
    await onServer(url, `drop database if exists ${BENCH_DB} with (force)`);
    throw error;
  }
}
