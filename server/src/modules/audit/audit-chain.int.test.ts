import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, signIn, unitId } from '../../../test/harness.ts';
import { type Database, openPGlite, openPostgres } from '../../db/database.ts';
import { TEMPLATE_DB, TEMPLATE_FILE, withDatabase } from '../../../test/template.ts';
import { sealAudit, verifyAudit } from './audit.chain.ts';
import { runAuditVerify } from './audit-verify.ts';
import { recordAudit } from './audit.repository.ts';

let ctx: TestContext;
const actor = { userId: null, ip: '127.0.0.1', requestId: 'test' };

beforeAll(async () => {
  ctx = await createTestContext();
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: await unitId(ctx, 'commune', '01840') }]);
  for (let i = 0; i < 3; i++) await signIn(ctx, 'tram');
});
afterAll(() => ctx.close());

const events = async () => (await ctx.database.db.selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;

describe('an append-only audit log', () => {
  it('refuses to change, delete or empty audit events and their seals', async () => {
    const db = ctx.database.db;
    await ctx.app.auditSealer.flush();
    await expect(sql`update audit_event set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event cascade`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_seal set hash = '\\x00'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_seal`.execute(db)).rejects.toThrow(/append-only/);
    expect(await events()).toBeGreaterThanOrEqual(3);
  });
});

describe('the hash chain', () => {
  it('seals every committed event, each committing to the one before, and verifies', async () => {
    await ctx.app.auditSealer.flush();
    const report = await verifyAudit(ctx.database.db, 2);
    expect(report.broken).toBeNull();
    expect(report.unsealed).toBe(0);
    expect(report.sealed).toBe(await events());
    expect(report.head.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.skipIf(process.env.DATABASE_URL === undefined)('seals an event that commits after events with higher ids, without making writers wait', async () => {
    const db = ctx.database.db;
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let written: () => void = () => {};
    const wrote = new Promise<void>((r) => {
      written = r;
    });
    const slow = db.transaction().execute(async (trx) => {
      await recordAudit(trx, actor, { action: 'test.slow' });
      written();
      await held;
    });
    try {
      await wrote;
      await Promise.all(Array.from({ length: 20 }, (_, i) => db.transaction().execute((trx) => recordAudit(trx, actor, { action: 'test.fast', details: { i } }))));
      await ctx.app.auditSealer.flush();
      // The fast events are chained at once; the open transaction's event is not visible yet.
      const fast = await sql<{ n: number }>`select count(*)::int as n from audit_seal s join audit_event e on e.id = s.event_id where e.action = 'test.fast'`.execute(db);
      expect(fast.rows[0]?.n).toBe(20);
    } finally {
      release();
      await slow;
    }
    await ctx.app.auditSealer.flush();
    const report = await verifyAudit(db);
    expect(report).toMatchObject({ broken: null, unsealed: 0 });
    const [slowSeal, lastSeal] = await Promise.all([
      sql<{ seq: number; event_id: number }>`select s.seq, s.event_id from audit_seal s join audit_event e on e.id = s.event_id where e.action = 'test.slow'`.execute(db),
      sql<{ seq: number; event_id: number }>`select max(s.seq) as seq, max(s.event_id) as event_id from audit_seal s join audit_event e on e.id = s.event_id where e.action = 'test.fast'`.execute(db),
    ]);
    // The slow event has the lower id but is chained after the fast ones: the chain is in seal order.
    expect(slowSeal.rows[0]?.event_id).toBeLessThan(Number(lastSeal.rows[0]?.event_id));
    expect(slowSeal.rows[0]?.seq).toBeGreaterThan(Number(lastSeal.rows[0]?.seq));
  });

  it('finds the event changed behind the trigger’s back, at that event', async () => {
    const db = ctx.database.db;
    await ctx.app.auditSealer.flush();
    const victim = (await sql<{ seq: number; event_id: number }>`select seq, event_id from audit_seal order by seq offset 1 limit 1`.execute(db)).rows[0];
    if (!victim) throw new Error('no sealed event');
    // As the database owner would: switch the trigger off, rewrite the row, switch it on again.
    await sql`alter table audit_event disable trigger audit_event_append_only`.execute(db);
    await sql`update audit_event set ip = '10.0.0.1' where id = ${victim.event_id}`.execute(db);
    await sql`alter table audit_event enable trigger audit_event_append_only`.execute(db);
    const report = await verifyAudit(db);
    expect(report.broken).toEqual({ seq: Number(victim.seq), eventId: Number(victim.event_id), reason: expect.stringContaining('changed') });
  });
});

/** A database of its own for the command to open: a PGlite data directory, or a PostgreSQL database. */
async function separateDatabase(): Promise<{ env: Record<string, string>; open: () => Promise<Database>; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `ytcs_test_verify_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
    await admin.end();
    const own = withDatabase(url, name);
    return {
      env: { DATABASE_URL: own },
      open: async () => openPostgres(own, 2),
      drop: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-audit-'));
  const loaded = await openPGlite(dir, new Blob([fs.readFileSync(TEMPLATE_FILE)]));
  await loaded.database.close();
  return { env: { DATA_DIR: dir }, open: async () => (await openPGlite(dir)).database, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describe('npm run audit:verify', () => {
  it('prints the counts and exits 0 on an intact chain, 1 with the first broken link after tampering', { timeout: 180_000 }, async () => {
    const own = await separateDatabase();
    try {
      const database = await own.open();
      for (let i = 0; i < 5; i++) await recordAudit(database.db, actor, { action: 'test.cli', details: { i } });
      await sealAudit(database.db, { scan: 'sweep' });
      const sealed = (await verifyAudit(database.db)).sealed;
      await recordAudit(database.db, actor, { action: 'test.cli.late' });
      await database.close();

      const out: string[] = [];
      expect(await runAuditVerify(own.env, (l) => out.push(l))).toBe(0);
      expect(out.join('\n')).toMatch(new RegExp(`sealed events: ${sealed} [\\s\\S]*unsealed events: 1[\\s\\S]*chain intact`));

      const reopened = await own.open();
      await sql`alter table audit_seal disable trigger audit_seal_append_only`.execute(reopened.db);
      await sql`delete from audit_seal where seq = 3`.execute(reopened.db);
      await reopened.close();

      out.length = 0;
      expect(await runAuditVerify(own.env, (l) => out.push(l))).toBe(1);
      expect(out.join('\n')).toContain('BROKEN at seal 3');
    } finally {
      await own.drop();
    }
  });
});
