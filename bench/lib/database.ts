/**
 * The database under test: a fresh in-memory PGlite, or a fresh `ytcs_bench` database on the
 * PostgreSQL server of DATABASE_URL (dropped at the end). Either way bootstrapped the way a first
 * start with demo data is, plus raw handles that bypass the server for the baselines.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  /**
   * `COPY <target> FROM … WITH (FORMAT csv)` on the `raw` connection (so it can sit between a
   * raw BEGIN and ROLLBACK), from a file the server reads (PostgreSQL: a temporary file made
   * readable by all, so the server must run on this machine) or PGlite's /dev/blob. The file is
   * written before the clock starts; returns the milliseconds of the COPY statement alone.
   */
  copyCsv(target: string, csv: string): Promise<number>;
  close(): Promise<void>;
}

async function copyFromFile(exec: Exec, target: string, csv: string): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-bench-'));
  try {
    fs.chmodSync(dir, 0o755); // the server runs as another user (postgres)
    const file = path.join(dir, 'rows.csv');
    fs.writeFileSync(file, csv, { mode: 0o644 });
    const t = performance.now();
    await exec(`copy ${target} from '${file}' with (format csv)`, []);
    return performance.now() - t;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
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
    const copyCsv = async (target: string, csv: string) => {
      const blob = new Blob([csv]);
      const t = performance.now();
      await pgl.query(`copy ${target} from '/dev/blob' with (format csv)`, [], { blob });
      return performance.now() - t;
    };
    return { kind: 'pglite', database, raw: (sql, params) => pgl.query(sql, params), rawPool: null, vacuumed: steady, copyCsv, close: () => database.close() };
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
    const raw: Exec = (sql, params) => client.query(sql, params);
    return {
      kind: 'postgresql',
      database,
      raw,
      rawPool: (sql, params) => pool.query(sql, params),
      vacuumed: steady,
      copyCsv: (target, csv) => copyFromFile(raw, target, csv),
      close: async () => {
        await Promise.allSettled([database.close(), client.end(), pool.end()]);
        // BENCH_KEEP_DB=1 leaves it for EXPLAIN after the run (the next run drops it).
        if (process.env.BENCH_KEEP_DB !== '1') await onServer(url, `drop database if exists ${BENCH_DB} with (force)`);
      },
    };
  } catch (error) {
    await Promise.allSettled([database.close(), client.end(), pool.end()]);
    await onServer(url, `drop database if exists ${BENCH_DB} with (force)`);
    throw error;
  }
}
