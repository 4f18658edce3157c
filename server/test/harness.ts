/**
 * A real app on a fresh real database for one test file: PGlite loaded from the template dump,
 * or a PostgreSQL database created from the template. Plus small factories and a sign-in helper.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';
import { type Database, openPGlite, openPostgres } from '../src/db/database.ts';
import type { App } from '../src/http/app-types.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { insertOrgUnits } from '../src/modules/org-units/org-units.repository.ts';
import { TEMPLATE_DB, TEMPLATE_FILE, withDatabase } from './template.ts';

export interface TestContext {
  app: App;
  database: Database;
  close(): Promise<void>;
}

async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const blob = new Blob([fs.readFileSync(TEMPLATE_FILE)]);
    const { database } = await openPGlite(null, blob);
    return { database, drop: async () => {} };
  }
  const name = `ytcs_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  await admin.end();
  return {
    database: openPostgres(withDatabase(url, name), 4),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const { database, drop } = await freshDatabase();
  const config = readConfig({ LOG_LEVEL: 'silent', YTCS_WEB_DIST: '', ...env });
  const app = await buildApp(config, database);
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

/** The current unit with this level and code (official codes are reused across eras). */
export async function unitId(ctx: TestContext, level: string, code: string, current = true): Promise<number> {
  const row = await ctx.database.db
    .selectFrom('org_unit')
    .where('level', '=', level)
    .where('code', '=', code)
    .where('valid_to', current ? 'is' : 'is not', null)
    .select('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

let cardSeq = 0;
/** A valid insurance card of Thái Nguyên (province 19) whose social-insurance number no one else holds. */
export function insuranceCard(): { insuranceCode: string; insuranceValidTo: string } {
  cardSeq += 1;
  return { insuranceCode: `GD419${String(9_000_000_000 + cardSeq)}`, insuranceValidTo: '2099-12-31' };
}

let cachedHash: Promise<string> | null = null;
export const TEST_PASSWORD = 'test-password-1';

export async function createUser(ctx: TestContext, username: string, roles: { role: string; orgUnitId: number }[]): Promise<number> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const user = await ctx.database.db
    .insertInto('app_user')
    .values({ username, full_name: `Người dùng ${username}`, password_hash: await cachedHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (roles.length) await ctx.database.db.insertInto('user_role').values(roles.map((r) => ({ user_id: user.id, role: r.role, org_unit_id: r.orgUnitId }))).execute();
  return user.id;
}

/** Signs in and returns the Cookie header value for app.inject. */
export async function signIn(ctx: TestContext, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ytcs_session');
  if (!cookie) throw new Error('no session cookie');
  return `ytcs_session=${cookie.value}`;
}

/** A village under a commune, as a commune would add it. */
export async function createVillage(ctx: TestContext, communeId: number, name: string): Promise<number> {
  const commune = await ctx.database.db.selectFrom('org_unit').where('id', '=', communeId).select(['id', 'path']).executeTakeFirstOrThrow();
  const placed = await insertOrgUnits(ctx.database.db, [{ key: 'v', parentKey: 'c', code: `${communeId}-${name}`, name, level: 'village', kind: 'village', validFrom: '2025-07-01', validTo: null }], new Map([['c', { id: commune.id, path: commune.path }]]));
  return placed.get('v')?.id as number;
}

/** A multipart body with optional fields before the file, as a browser form sends it. */
export function multipart(file: Buffer | string, fileName: string, fields: Record<string, string> = {}) {
  const boundary = '----ytcs-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(Buffer.from(file), Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
