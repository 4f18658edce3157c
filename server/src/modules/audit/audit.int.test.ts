import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let auditorTn: string;
let admin: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const country = await unitId(ctx, 'country', 'VN');
  const thaiNguyen = await unitId(ctx, 'province', '19');
  const hanoi = await unitId(ctx, 'province', '01');
  await createUser(ctx, 'root', [{ role: 'admin', orgUnitId: country }]);
  await createUser(ctx, 'dpo', [{ role: 'auditor', orgUnitId: thaiNguyen }]);
  await createUser(ctx, 'station', [{ role: 'station', orgUnitId: await unitId(ctx, 'commune', '01840') }]);
  admin = await signIn(ctx, 'root');
  auditorTn = await signIn(ctx, 'dpo');
  // One write inside Thái Nguyên and one in Hà Nội, both audited.
  for (const [username, unit] of [['tn.new', thaiNguyen], ['hn.new', hanoi]] as const) {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin }, payload: { username, fullName: 'Tên', password: 'long-enough-1', roles: [{ role: 'province', orgUnitId: unit }] } });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => ctx.close());

const list = (cookie: string | undefined, query = '') => ctx.app.inject({ method: 'GET', url: `/api/audit${query}`, headers: cookie ? { cookie } : {} });

describe('GET /api/audit', () => {
  it('shows an administrator every event, newest first, with who, what, where from', async () => {
    const res = await list(admin, '?action=user.create');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ action: 'user.create', entityType: 'user', username: 'root', ip: '127.0.0.1' });
    expect(items[0].requestId).toBeTruthy();
    expect(new Date(items[0].at).getTime()).toBeGreaterThanOrEqual(new Date(items[1].at).getTime());
  });

  it('limits an auditor to events in their province', async () => {
    const res = await list(auditorTn, '?action=user.create');
    expect(res.json().items.map((e: { entityId: string }) => e.entityId)).toHaveLength(1);
  });

  it('filters by date', async () => {
    expect((await list(admin, '?from=2000-01-01&to=2000-01-02')).json().total).toBe(0);
  });

  it('is closed to roles without audit.read and to anonymous callers', async () => {
    expect((await list(await signIn(ctx, 'station'))).statusCode).toBe(403);
    expect((await list(undefined)).statusCode).toBe(401);
  });
});

describe('audit days', () => {
  it('cuts days at midnight in Vietnam (UTC+7)', async () => {
    // 23:30 UTC on 1 Jan is 06:30 on 2 Jan in Vietnam.
    await ctx.database.db.insertInto('audit_event').values({ at: new Date('2026-01-01T23:30:00Z'), user_id: null, action: 'test.tz', entity_type: null, entity_id: null, org_unit_id: null, ip: null, request_id: null, details: null }).execute();
    expect((await list(admin, '?action=test.tz&from=2026-01-02&to=2026-01-02')).json().total).toBe(1);
    expect((await list(admin, '?action=test.tz&from=2026-01-01&to=2026-01-01')).json().total).toBe(0);
  });
});
