/**
 * Databases for the backup and crash tests, on the engine of this run: a PGlite data directory on
 * disk (as the server keeps it), or a PostgreSQL database; seeded from the migrated template, or
 * empty (a fresh instance to restore into).
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPGlite, openPostgres } from '../src/db/database.ts';
import { TEMPLATE_DB, TEMPLATE_FILE, withDatabase } from './template.ts';

export interface Target {
  target: { dataDir: string; databaseUrl: string | null };
  /** The environment a server started on this database needs. */
  env: Record<string, string>;
  open(): Promise<Database>;
  isEmpty(): Promise<boolean>;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function postgresTarget(name: string, dataDir: string): Target {
  const url = withDatabase(process.env.DATABASE_URL as string, name);
  return {
    target: { dataDir, databaseUrl: url },
    env: { DATABASE_URL: url },
    open: async () => openPostgres(url, 2),
    isEmpty: () => admin(async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const r = await c.query("select count(*)::int as n from pg_tables where schemaname = 'public'");
        return r.rows[0].n === 0;
      } finally {
        await c.end();
      }
    }),
    drop: () => admin(async (c) => void (await c.query(`drop database if exists ${name} with (force)`))),
  };
}

function pgliteTarget(dataDir: string): Target {
  return {
    target: { dataDir, databaseUrl: null },
    env: { DATA_DIR: dataDir },
    open: async () => (await openPGlite(dataDir)).database,
    isEmpty: async () => !fs.existsSync(`${dataDir}/pgdata`),
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A migrated database holding the official units (from the test template). */
export async function seededTarget(dataDir: string): Promise<Target> {
  if (process.env.DATABASE_URL) {
    const name = `ytcs_ops_${randomBytes(5).toString('hex')}`;
    await admin((c) => c.query(`create database ${name} template ${TEMPLATE_DB}`));
    return postgresTarget(name, dataDir);
  }
  const { database } = await openPGlite(dataDir, new Blob([fs.readFileSync(TEMPLATE_FILE)]));
  await database.close();
  return pgliteTarget(dataDir);
}

/** An empty instance: a new PostgreSQL database, or a data directory not yet made. */
export async function freshTarget(dataDir: string): Promise<Target> {
  if (process.env.DATABASE_URL) {
    const name = `ytcs_ops_${randomBytes(5).toString('hex')}`;
    await admin((c) => c.query(`create database ${name}`));
    return postgresTarget(name, dataDir);
  }
  return pgliteTarget(dataDir);
}
