/**
 * The audit log as people read it: names instead of numbers where the reader may see them, and
 * refused reads of a resident (404: out of scope or no such person) logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
const cookies: Record<string, string> = {};
let residentId: number;
let planId: number;
let taskId: number;

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie: cookies[who] ?? '' }, payload });
type Event = { action: string; entityType: string | null; entityId: string | null; entityName: string | null; orgUnitName: string | null; details?: unknown };
const events = async (who: string, action: string): Promise<Event[]> => {
  const res = await call('GET', `/api/audit?action=${action}&limit=100`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

beforeAll(async () => {
  ctx = await createTestContext();
  const thaiNguyen = await unitId(ctx, 'province', '19');
  const ducXuan = await unitId(ctx, 'commune', '01840');
  await createUser(ctx, 'soyte', [{ role: 'province', orgUnitId: thaiNguyen }]);
  await createUser(ctx, 'kiemsoat', [{ role: 'auditor', orgUnitId: thaiNguyen }]);
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'tramkhac', [{ role: 'station', orgUnitId: await unitId(ctx, 'commune', '01843') }]);
  for (const u of ['soyte', 'kiemsoat', 'tram', 'tramkhac']) cookies[u] = await signIn(ctx, u);

  const village = await createVillage(ctx, ducXuan, 'Tổ dân phố 2');
  const resident = await call('POST', '/api/residents', 'tram', { unitId: village, fullName: 'Lục Thị Mai', sex: 'female', birthYear: 1990 });
  expect(resident.statusCode, resident.body).toBe(201);
  residentId = resident.json().id;
  const plan = await call('POST', '/api/plans', 'soyte', {
    orgUnitId: ducXuan,
    number: '45/KH-UBND',
    issuedOn: '2026-02-10',
    title: 'Củng cố y tế cơ sở trên địa bàn phường',
    implements: [],
    parentRef: null,
    legalBasis: [],
    fromYear: 2026,
    toYear: 2030,
    recipients: [],
    signer: null,
    targets: [],
    tasks: [{ section: 'IV.1', text: 'Rà soát hộ chưa tham gia bảo hiểm y tế', lead: null, coordinating: [], deadline: null }],
  });
  expect(plan.statusCode, plan.body).toBe(201);
  planId = plan.json().id;
  taskId = (await call('GET', `/api/plans/${planId}`, 'soyte')).json().taskList[0].id;
  const update = await call('POST', `/api/tasks/${taskId}/updates`, 'soyte', { status: 'in_progress', progress: 40 });
  expect(update.statusCode, update.body).toBe(201);
});
afterAll(() => ctx.close());

describe('names in the audit log', () => {
  it('names plans, tasks, users and units for a reader who may see them', async () => {
    const [created] = await events('soyte', 'plan.create');
    expect(created).toMatchObject({ entityType: 'plan', entityId: String(planId), entityName: '45/KH-UBND — Củng cố y tế cơ sở trên địa bàn phường', orgUnitName: 'Phường Đức Xuân' });
    const [task] = await events('soyte', 'task.update');
    expect(task).toMatchObject({ entityType: 'plan_task', entityName: 'IV.1. Rà soát hộ chưa tham gia bảo hiểm y tế' });
  });

  it('gives an auditor without plan.read the numbers only, and never names a resident', async () => {
    const [created] = await events('kiemsoat', 'plan.create');
    expect(created).toMatchObject({ entityId: String(planId), entityName: null, orgUnitName: 'Phường Đức Xuân' });
    const [registered] = await events('soyte', 'resident.create');
    expect(registered).toMatchObject({ entityType: 'resident', entityId: String(residentId), entityName: null });
    expect(JSON.stringify(await events('soyte', 'resident.create'))).not.toContain('Lục Thị Mai');
  });
});

describe('refused reads', () => {
  it('logs a resident or record asked for out of scope, under the person’s commune, the answer still 404', async () => {
    expect((await call('GET', `/api/residents/${residentId}`, 'tramkhac')).statusCode).toBe(404);
    expect((await call('GET', `/api/residents/${residentId}/record`, 'tramkhac')).statusCode).toBe(404);
    const refused = await events('kiemsoat', 'resident.read_refused');
    expect(refused.map((e) => [e.entityId, e.orgUnitName])).toEqual([
      [String(residentId), 'Phường Đức Xuân'],
      [String(residentId), 'Phường Đức Xuân'],
    ]);
  });

  it('logs one for no such person too, filed under the caller’s units', async () => {
    expect((await call('GET', '/api/residents/987654321/record', 'tramkhac')).statusCode).toBe(404);
    const rows = await ctx.database.db.selectFrom('audit_event').where('action', '=', 'resident.read_refused').where('entity_id', '=', '987654321').select(['details', 'org_unit_ids']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.details).toMatchObject({ read: 'record', exists: false });
    expect(rows[0]?.org_unit_ids.map(Number)).toContain(await unitId(ctx, 'commune', '01843'));
  });
});
