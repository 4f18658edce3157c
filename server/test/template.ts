/**
 * A migrated database with the official units, made once per test run and copied for each test
 * file: a PGlite data-directory dump, or a PostgreSQL template database.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { prepareDatabase } from '../src/bootstrap.ts';
import { openPGlite, openPostgres } from '../src/db/database.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';

export const TEMPLATE_FILE = path.resolve(import.meta.dirname, '../../.tmp/test-template.tar.gz');
export const TEMPLATE_DB = 'ytcs_test_template';

async function prepare(db: Kysely<DB>) {
  await prepareDatabase(db);
}

export async function buildPGliteTemplate(): Promise<void> {
  const { pg: pgl, database } = await openPGlite(null);
  await prepare(database.db);
  const dump = await pgl.dumpDataDir('gzip');
  fs.mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  fs.writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

export async function buildPostgresTemplate(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${TEMPLATE_DB}`);
    await admin.query(`create database ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const database = openPostgres(withDatabase(url, TEMPLATE_DB), 2);
  await prepare(database.db);
  await database.close();
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
