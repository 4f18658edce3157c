/**
 * Who may change a plan and report on its tasks (issue 9, hole 11), how evidence files are served
 * (hole 8) and that plan and task events reach a province auditor (hole 10). The plan here is the
 * former Bắc Kạn city's, issued by a unit closed in 2025 and carried out by three wards.
 */
import { type CommuneBody, everyCommunesBody } from '@ytcs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, signIn, unitId } from '../../../test/harness.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/demo-data.ts';
import { loadDemoPlans } from '../../demo/demo-plans.ts';

let ctx: TestContext;
let province: number;
let oldCity: number;
let ducXuan: number;
let cityPlan: number;
let tasks: { id: number; lead: string }[];
const cookies: Record<string, string> = {};

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie: cookies[who] ?? '' }, payload });
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

const HEALTH_OFFICE = 'Phòng Y tế thành phố';
const HEALTH_CENTRE = 'Trung tâm Y tế thành phố';
const CULTURE_OFFICE = 'Phòng Văn hóa và Thông tin thành phố';

async function agencyAccount(username: string, agencyName: string) {
  const agency = await ctx.database.db.selectFrom('agency').where('org_unit_id', '=', oldCity).where('name', '=', agencyName).select('id').executeTakeFirstOrThrow();
  // Same role and unit as the ward's committee: only the agency differs.
  const userId = await createUser(ctx, username, [{ role: 'committee', orgUnitId: ducXuan }]);
  await ctx.database.db.updateTable('app_user').set({ agency_id: agency.id }).where('id', '=', userId).execute();
  cookies[username] = await signIn(ctx, username);
}

const flags = async (who: string) => {
  const plan = (await call('GET', `/api/plans/${cityPlan}`, who)).json();
  return { canEdit: plan.canEdit, tasks: plan.taskList.map((t: { canUpdate: boolean; partOnly: boolean }) => (t.canUpdate ? (t.partOnly ? 'part' : 'task') : 'read')) };
};

beforeAll(async () => {
  ctx = await createTestContext();
  province = await unitId(ctx, 'province', '19');
  oldCity = await unitId(ctx, 'district', '058', false);
  ducXuan = await unitId(ctx, 'commune', '01840');
  await createUser(ctx, 'soyte', [{ role: 'province', orgUnitId: province }]);
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'ubnd', [{ role: 'committee', orgUnitId: ducXuan }]);
  await createUser(ctx, 'kiemsoat', [{ role: 'auditor', orgUnitId: province }]);
  await createUser(ctx, 'tramxa', [{ role: 'station', orgUnitId: await unitId(ctx, 'commune', '16480') }]);
  for (const u of ['soyte', 'tram', 'ubnd', 'kiemsoat', 'tramxa']) cookies[u] = await signIn(ctx, u);

  const res = await call('POST', '/api/plans', 'soyte', {
    orgUnitId: oldCity,
    number: '120/KH-UBND',
    issuedOn: '2024-03-15',
    title: 'Thực hiện Chỉ thị số 25-CT/TW trên địa bàn thành phố Bắc Kạn',
    implements: [],
    parentRef: null,
    legalBasis: [],
    fromYear: 2024,
    toYear: 2030,
    recipients: [],
    signer: null,
    targets: [{ indicator: 'BHYT_BP', comparator: 'ge', value: 95, year: 2030 }],
    tasks: [
      { section: '1', text: 'Khám sàng lọc người cao tuổi', lead: HEALTH_OFFICE, coordinating: [HEALTH_CENTRE], deadline: '2099-12-31' },
      { section: '2', text: 'Lập hồ sơ sức khỏe điện tử', lead: HEALTH_CENTRE, coordinating: [], deadline: '2099-12-31' },
      { section: '3', text: 'Tuyên truyền Ngày Sức khỏe toàn dân', lead: CULTURE_OFFICE, coordinating: [], deadline: '2099-12-31' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  cityPlan = res.json().id;
  tasks = res.json().taskList;
  expect(res.json().areaIds).toContain(ducXuan);
  await agencyAccount('phongyte', HEALTH_OFFICE);
  await agencyAccount('ttyt', HEALTH_CENTRE);
});
afterAll(() => ctx.close());

describe('a plan is edited by its issuer’s editors only', () => {
  it('lets a ward’s station read the city plan but not end it (403), and shows it no edit control', async () => {
    expect(await flags('tram')).toEqual({ canEdit: false, tasks: ['read', 'read', 'read'] });
    const res = await call('PATCH', `/api/plans/${cityPlan}`, 'tram', { status: 'closed' });
    expect(res.statusCode).toBe(403);
    expect((await call('GET', `/api/plans/${cityPlan}`, 'tram')).json().status).toBe('active');
  });

  it('answers 404 to a station the plan does not concern', async () => {
    expect((await call('PATCH', `/api/plans/${cityPlan}`, 'tramxa', { status: 'closed' })).statusCode).toBe(404);
    expect((await call('POST', `/api/tasks/${tasks[0]?.id}/updates`, 'tramxa', { status: 'in_progress', progress: 10 })).statusCode).toBe(404);
  });

  it('lets the province, which took over the closed city, change its status', async () => {
    expect(await flags('soyte')).toEqual({ canEdit: true, tasks: ['task', 'task', 'task'] });
    const res = await call('PATCH', `/api/plans/${cityPlan}`, 'soyte', { status: 'draft' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'draft', canEdit: true });
    expect((await call('PATCH', `/api/plans/${cityPlan}`, 'soyte', { status: 'active' })).json().status).toBe('active');
  });
});

describe('a task is updated by its lead, and by its partners for their own part', () => {
  it('refuses the ward committee a task led by a city department', async () => {
    expect(await flags('ubnd')).toEqual({ canEdit: false, tasks: ['read', 'read', 'read'] });
    expect((await call('POST', `/api/tasks/${tasks[0]?.id}/updates`, 'ubnd', { status: 'done', progress: 100 })).statusCode).toBe(403);
    expect((await call('POST', `/api/tasks/${tasks[0]?.id}/updates`, 'tram', { status: 'done', progress: 100 })).statusCode).toBe(403);
  });

  it('lets the lead agency update its task and no other', async () => {
    expect(await flags('phongyte')).toEqual({ canEdit: false, tasks: ['task', 'read', 'read'] });
    const res = await call('POST', `/api/tasks/${tasks[0]?.id}/updates`, 'phongyte', { status: 'in_progress', progress: 40, note: 'Đã khám 3 phường' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'in_progress', progress: 40, lastNote: 'Đã khám 3 phường', canUpdate: true, partOnly: false });
    expect((await call('POST', `/api/tasks/${tasks[2]?.id}/updates`, 'phongyte', { status: 'in_progress', progress: 10 })).statusCode).toBe(403);
  });

  it('lets a partner add an update on its part only, leaving the task as its lead reported it', async () => {
    expect(await flags('ttyt')).toEqual({ canEdit: false, tasks: ['part', 'task', 'read'] });
    const res = await call('POST', `/api/tasks/${tasks[0]?.id}/updates`, 'ttyt', { status: 'done', progress: 100, note: 'Trung tâm đã cử 4 bác sĩ' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'in_progress', progress: 40, lastNote: 'Đã khám 3 phường', canUpdate: true, partOnly: true });
    const history = (await call('GET', `/api/tasks/${tasks[0]?.id}/updates`, 'ubnd')).json().items;
    expect(history.map((u: { progress: number; part: string | null }) => [u.progress, u.part])).toEqual([
      [100, HEALTH_CENTRE],
      [40, null],
    ]);
    expect((await call('POST', `/api/tasks/${tasks[2]?.id}/updates`, 'ttyt', { status: 'in_progress', progress: 10 })).statusCode).toBe(403);
  });
});

describe('evidence files are served as downloads', () => {
  let evidence: { id: number; fileName: string }[];

  beforeAll(async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of the image')]);
    const res = await call('POST', `/api/tasks/${tasks[1]?.id}/updates`, 'ttyt', {
      status: 'in_progress',
      progress: 20,
      evidence: [
        { fileName: 'báo cáo "quý 1".html', contentType: 'text/html', dataBase64: b64('<script>fetch("/api/residents")</script>') },
        { fileName: 'bien-ban.pdf', contentType: 'application/pdf', dataBase64: b64('%PDF-1.4 biên bản') },
        { fileName: 'gia.pdf', contentType: 'application/pdf', dataBase64: b64('<html><script>alert(1)</script></html>') },
        { fileName: 'anh.png', contentType: 'image/svg+xml', dataBase64: b64(png) },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    evidence = (await call('GET', `/api/tasks/${tasks[1]?.id}/updates`, 'ubnd')).json().items[0].evidence;
  });

  it('serves an HTML file uploaded as text/html as an attachment of no type a browser would run', async () => {
    const file = await call('GET', `/api/task-evidence/${evidence[0]?.id}`, 'ubnd');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['cache-control']).toBe('no-store');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="bao cao _quy 1_.html"; filename*=UTF-8''${'b%C3%A1o%20c%C3%A1o%20%22qu%C3%BD%201%22.html'}`);
    expect(file.body).toBe('<script>fetch("/api/residents")</script>');
  });

  it('keeps PDF, PNG and JPEG types only when the bytes are what they claim', async () => {
    const types = [];
    for (const e of evidence.slice(1)) types.push((await call('GET', `/api/task-evidence/${e.id}`, 'ubnd')).headers['content-type']);
    expect(types).toEqual(['application/pdf', 'application/octet-stream', 'image/png']);
  });
});

describe('plan and task events carry the unit they concern', () => {
  it('shows task updates, status changes and reports to the province’s auditor', async () => {
    const report = await call('GET', `/api/plans/${cityPlan}/report.xlsx?period=2026`, 'soyte');
    expect(report.statusCode, report.body).toBe(200);
    const events = await ctx.database.db
      .selectFrom('audit_event as a')
      .leftJoin('org_unit as o', 'o.id', 'a.org_unit_id')
      .where('a.action', 'in', ['task.update', 'plan.status', 'report.generate'])
      .select(['a.action', 'a.org_unit_id', 'o.scope_ids'])
      .execute();
    expect(new Set(events.map((e) => e.action))).toEqual(new Set(['task.update', 'plan.status', 'report.generate']));
    for (const e of events) {
      expect(e.org_unit_id, e.action).not.toBeNull();
      expect((e.scope_ids ?? []).map(Number), e.action).toContain(province);
    }
    const seen = (await call('GET', '/api/audit?limit=100', 'kiemsoat')).json().items.map((e: { action: string }) => e.action);
    expect(seen.filter((a: string) => a === 'task.update')).toHaveLength(events.filter((e) => e.action === 'task.update').length);
    expect(seen).toEqual(expect.arrayContaining(['plan.status', 'report.generate']));
  });
});

describe('the demo’s city plan, as the probe found it', () => {
  type Task = { id: number; lead: string | null; coordinating: string[]; canUpdate: boolean; partOnly: boolean; status: string; progress: number };
  const givenTo = (task: Task, body: CommuneBody) => [task.lead, ...task.coordinating].some((name) => name && everyCommunesBody(name) === body);

  it('gives the ward’s station and committee no edit of the plan, and only their own part of the tasks given to every ward', async () => {
    await loadDemoData(ctx.database.db);
    const [demoCity] = await loadDemoPlans(ctx.database.db, null);
    for (const [username, body] of [['tram.ducxuan', 'station'], ['ubnd.ducxuan', 'committee']] as const) {
      cookies[username] = await signIn(ctx, username, DEMO_PASSWORD);
      const plan = (await call('GET', `/api/plans/${demoCity}`, username)).json();
      expect(plan.orgUnitName).toBe('Thành phố Bắc Kạn');
      expect(plan.taskList.length).toBeGreaterThan(20);
      const taskList = plan.taskList as Task[];
      expect(plan.canEdit).toBe(false);
      expect(taskList.filter((t) => t.canUpdate).map((t) => t.id)).toEqual(taskList.filter((t) => givenTo(t, body)).map((t) => t.id));
      expect(taskList.filter((t) => t.canUpdate).every((t) => t.partOnly)).toBe(true);
      const other = taskList.find((t) => t.lead && !givenTo(t, body)) as Task;
      expect((await call('POST', `/api/tasks/${other.id}/updates`, username, { status: 'done', progress: 100 })).statusCode).toBe(403);
    }
    expect((await call('PATCH', `/api/plans/${demoCity}`, 'tram.ducxuan', { status: 'closed' })).statusCode).toBe(403);

    // The ward's committee reports its part of "6. Ủy ban nhân dân các xã, phường": kept in the
    // history under the ward's committee, the task's own status left as it was.
    const taskList = (await call('GET', `/api/plans/${demoCity}`, 'ubnd.ducxuan')).json().taskList as Task[];
    const wards = taskList.find((t) => t.lead && everyCommunesBody(t.lead) === 'committee') as Task;
    expect(wards).toBeDefined();
    const posted = await call('POST', `/api/tasks/${wards.id}/updates`, 'ubnd.ducxuan', { status: 'in_progress', progress: 40, note: 'Đã tiếp nhận trạm y tế' });
    expect(posted.statusCode).toBe(201);
    expect({ status: posted.json().status, progress: posted.json().progress, partOnly: posted.json().partOnly }).toEqual({ status: wards.status, progress: wards.progress, partOnly: true });
    const history = (await call('GET', `/api/tasks/${wards.id}/updates`, 'ubnd.ducxuan')).json().items;
    expect(history[0]).toMatchObject({ note: 'Đã tiếp nhận trạm y tế', part: 'Ủy ban nhân dân Phường Đức Xuân' });
    // A second part from the same committee is filed under the same body.
    await call('POST', `/api/tasks/${wards.id}/updates`, 'ubnd.ducxuan', { status: 'in_progress', progress: 60 });
    expect(await ctx.database.db.selectFrom('agency').where('name', '=', 'Ủy ban nhân dân Phường Đức Xuân').select('id').execute()).toHaveLength(1);
  });

  it('gives a committee of a commune outside the plan’s area nothing to report', async () => {
    const outside = await unitId(ctx, 'commune', '01843');
    await createUser(ctx, 'ubnd.ngoai', [{ role: 'committee', orgUnitId: outside }]);
    cookies['ubnd.ngoai'] = await signIn(ctx, 'ubnd.ngoai');
    const [demoCity] = await ctx.database.db.selectFrom('plan').where('title', 'like', '%Bắc Kạn%').select('id').execute();
    const res = await call('GET', `/api/plans/${demoCity?.id}`, 'ubnd.ngoai');
    if (res.statusCode === 200) expect((res.json().taskList as Task[]).filter((t) => t.canUpdate)).toEqual([]);
    else expect(res.statusCode).toBe(404);
  });
});
