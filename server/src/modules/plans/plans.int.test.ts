import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, insuranceCard, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let station: string;
let province: string;
let committee: string;
let otherCommittee: string;
let ducXuan: number;
let planId: number;
let village: number;

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie }, payload });

const plan = (orgUnitId: number, extra: object = {}) => ({
  orgUnitId,
  number: '45/KH-UBND',
  issuedOn: '2026-02-10',
  title: 'Triển khai thực hiện Chỉ thị số 25-CT/TW trên địa bàn phường Đức Xuân',
  implements: [{ kind: 'Chỉ thị', number: '25-CT/TW', issuedOn: '2023-10-25', issuer: 'Ban Bí thư', text: 'Chỉ thị số 25-CT/TW ngày 25/10/2023 của Ban Bí thư' }],
  parentRef: null,
  legalBasis: [],
  fromYear: 2026,
  toYear: 2030,
  recipients: [{ name: 'Sở Y tế', purpose: 'Báo cáo' }],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Văn Nam' },
  targets: [
    { indicator: 'BHYT_BP', comparator: 'ge', value: 97, year: 2030, text: 'Tỷ lệ bao phủ BHYT đạt trên 97% vào năm 2030' },
    { indicator: 'HSSK_QL', comparator: 'ge', value: 50, year: 2026 },
  ],
  tasks: [
    { section: 'IV.1', text: 'Rà soát danh sách hộ gia đình chưa tham gia BHYT', lead: 'Trạm Y tế phường', coordinating: ['Công an phường', 'Phòng Văn hóa - Xã hội'], deadline: '2026-03-31' },
    { section: 'IV.2', text: 'Tuyên truyền Ngày Sức khỏe toàn dân 7/4', lead: 'Phòng Văn hóa - Xã hội', coordinating: [], deadline: '2099-12-31' },
  ],
  ...extra,
});

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  village = await createVillage(ctx, ducXuan, 'Tổ dân phố 1');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'soyte', [{ role: 'province', orgUnitId: await unitId(ctx, 'province', '19') }]);
  await createUser(ctx, 'ubnd', [{ role: 'committee', orgUnitId: ducXuan }]);
  await createUser(ctx, 'ubnd2', [{ role: 'committee', orgUnitId: await unitId(ctx, 'commune', '01843') }]);
  station = await signIn(ctx, 'tram');
  province = await signIn(ctx, 'soyte');
  committee = await signIn(ctx, 'ubnd');
  otherCommittee = await signIn(ctx, 'ubnd2');
  const names = ['An', 'Bình', 'Cúc', 'Dũng'];
  const members = names.map((n, i) => ({ fullName: `Lý Văn ${n}`, sex: 'male', birthYear: 1980 + i, relationship: i === 0 ? 'head' : 'child', ...(i < 3 ? insuranceCard() : {}) }));
  expect((await call('POST', '/api/households', station, { unitId: village, address: 'Số 5', members })).statusCode).toBe(201);
  await ctx.app.refresher.drain();
});
afterAll(() => ctx.close());

describe('a plan with targets and tasks', () => {
  it('is saved from a reviewed draft and shows each target with its live value and gap', async () => {
    const res = await call('POST', '/api/plans', station, plan(ducXuan));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    planId = body.id;
    expect(body.areaIds).toEqual([ducXuan]);
    expect(body.targetList[0]).toMatchObject({ indicator: 'BHYT_BP', value: 97, current: { numerator: 3, denominator: 4, value: 75 }, gap: 22, met: false });
    expect(body.targetList[1]).toMatchObject({ indicator: 'HSSK_QL', current: { value: 0 }, met: false });
    expect(body.targetList[0].trend).toHaveLength(4);
    // 75% against 97%: short by more than a tenth of the target.
    expect(body.targetList.map((t: { standing: string | null }) => t.standing)).toEqual(['far', 'far']);
    expect(body.taskList.map((t: { lead: string; coordinating: string[]; overdue: boolean }) => [t.lead, t.coordinating, t.overdue])).toEqual([
      ['Trạm Y tế phường', ['Công an phường', 'Phòng Văn hóa - Xã hội'], true],
      ['Phòng Văn hóa - Xã hội', [], false],
    ]);
  });

  it('names a wrong target and saves nothing', async () => {
    const res = await call('POST', '/api/plans', station, plan(ducXuan, { targets: [{ indicator: 'NOPE', comparator: 'ge', value: 95, year: 2030 }, { indicator: 'BHYT_BP', comparator: 'ge', value: 120, year: 2030 }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['targets.0.indicator', 'targets.1.value']);
    expect((await call('GET', '/api/plans', station)).json().total).toBe(1);
  });

  it('lets the committee update its tasks with evidence, but never see a resident', async () => {
    const detail = (await call('GET', `/api/plans/${planId}`, committee)).json();
    expect(detail.canEdit).toBe(false);
    const task = detail.taskList[0];
    expect(task.canUpdate).toBe(true);
    const pdf = Buffer.from('%PDF-1.4 biên bản rà soát').toString('base64');
    const res = await call('POST', `/api/tasks/${task.id}/updates`, committee, { status: 'done', progress: 100, note: 'Đã rà soát 1.250 hộ', evidence: [{ fileName: 'bien-ban.pdf', contentType: 'application/pdf', dataBase64: pdf }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'done', progress: 100, overdue: false, lastNote: 'Đã rà soát 1.250 hộ' });
    const history = (await call('GET', `/api/tasks/${task.id}/updates`, committee)).json().items;
    expect(history[0]).toMatchObject({ status: 'done', evidence: [{ fileName: 'bien-ban.pdf' }] });
    const file = await call('GET', `/api/task-evidence/${history[0].evidence[0].id}`, committee);
    expect(file.body).toBe('%PDF-1.4 biên bản rà soát');
    expect((await call('GET', '/api/residents', committee)).statusCode).toBe(403);
    expect((await call('POST', `/api/tasks/${task.id}/updates`, committee, { status: 'done', progress: 50 })).json().errors[0].field).toBe('progress');
  });

  it('lets an agency account update only the tasks it leads or joins', async () => {
    const agencies = await ctx.database.db.selectFrom('agency').select(['id', 'name']).execute();
    const police = agencies.find((a) => a.name === 'Công an phường');
    const userId = await createUser(ctx, 'congan', [{ role: 'committee', orgUnitId: ducXuan }]);
    await ctx.database.db.updateTable('app_user').set({ agency_id: police?.id }).where('id', '=', userId).execute();
    const cookie = await signIn(ctx, 'congan');
    const tasks = (await call('GET', `/api/plans/${planId}`, cookie)).json().taskList;
    expect(tasks.map((t: { canUpdate: boolean }) => t.canUpdate)).toEqual([true, false]);
    expect((await call('POST', `/api/tasks/${tasks[1].id}/updates`, cookie, { status: 'in_progress', progress: 10 })).statusCode).toBe(403);
  });

  it('keeps another commune out (404) and shows the plan to the province', async () => {
    expect((await call('GET', `/api/plans/${planId}`, otherCommittee)).statusCode).toBe(404);
    expect((await call('GET', '/api/plans', otherCommittee)).json().total).toBe(0);
    expect((await call('GET', '/api/plans', province)).json().items.map((p: { id: number }) => p.id)).toContain(planId);
  });

  it('judges a plan of a unit closed in 2025 on the units that inherited its area', async () => {
    const oldCity = await unitId(ctx, 'district', '058', false);
    const res = await call('POST', '/api/plans', province, plan(oldCity, { number: null, tasks: [] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().areaIds).toContain(ducXuan);
    expect(res.json().targetList[0].current).toMatchObject({ numerator: 3, denominator: 4 });
    // The ward's committee reads the city plan its ward inherited.
    expect((await call('GET', '/api/plans', committee)).json().items.map((p: { orgUnitName: string }) => p.orgUnitName)).toContain('Thành phố Bắc Kạn');
  });
});

describe('the plans that apply to a unit', () => {
  it('gives a village the plans of its commune and of the units above (a closed city\'s included)', async () => {
    const ids = (await call('GET', `/api/plans?orgUnit=${village}`, station)).json().items.map((p: { orgUnitName: string }) => p.orgUnitName);
    expect(ids).toEqual(expect.arrayContaining(['Phường Đức Xuân', 'Thành phố Bắc Kạn']));
    expect((await call('GET', `/api/plans?orgUnit=${ducXuan}`, station)).json().total).toBe(ids.length);
  });

  it('gives a commune elsewhere none of them', async () => {
    const other = await unitId(ctx, 'commune', '01843');
    expect((await call('GET', `/api/plans?orgUnit=${other}`, province)).json().items.map((p: { orgUnitName: string }) => p.orgUnitName)).not.toContain('Phường Đức Xuân');
  });
});

describe('the life of a plan', () => {
  it('is closed by an editor, audited, and the committee may not change it', async () => {
    expect((await call('PATCH', `/api/plans/${planId}`, committee, { status: 'closed' })).statusCode).toBe(403);
    const res = await call('PATCH', `/api/plans/${planId}`, station, { status: 'closed' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', targets: 2 });
    expect((await call('PATCH', `/api/plans/${planId}`, station, { status: 'archived' })).statusCode).toBe(400);
    expect((await call('PATCH', `/api/plans/${planId}`, await signIn(ctx, 'ubnd2'), { status: 'active' })).statusCode).toBe(403);
    const audit = await ctx.database.db.selectFrom('audit_event').where('action', '=', 'plan.status').select('entity_id').execute();
    expect(audit.map((a) => a.entity_id)).toEqual([String(planId)]);
    expect((await call('PATCH', `/api/plans/${planId}`, station, { status: 'active' })).json().status).toBe('active');
  });
});

describe('plans in a chain', () => {
  it('links a plan to the higher plan it carries out when that plan is in the system', async () => {
    const parentRef = { kind: 'Kế hoạch', number: '45/KH-UBND', issuedOn: '2026-02-10', issuer: 'UBND phường Đức Xuân', text: 'Kế hoạch số 45/KH-UBND ngày 10/02/2026' };
    const res = await call('POST', '/api/plans', station, plan(ducXuan, { number: '7/KH-TYT', parentRef, tasks: [] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ parentPlanId: planId, parentRef: { number: '45/KH-UBND' } });
    const unknown = await call('POST', '/api/plans', station, plan(ducXuan, { number: '8/KH-TYT', parentRef: { ...parentRef, number: '999/KH-UBND' }, tasks: [] }));
    expect(unknown.json().parentPlanId).toBeNull();
  });
});

describe('the plan importer', () => {
  it('turns a real plan into a draft and offers the issuing unit', async () => {
    const text = fs.readFileSync(new URL('../../../data/plans/001_80999d4dcc832dbf.txt', import.meta.url), 'utf8');
    const admin = await createUser(ctx, 'quantri', [{ role: 'admin', orgUnitId: await unitId(ctx, 'country', 'VN') }]);
    expect(admin).toBeGreaterThan(0);
    const res = await call('POST', '/api/plans/draft', await signIn(ctx, 'quantri'), { text });
    expect(res.statusCode, res.body).toBe(200);
    const { draft, candidates } = res.json();
    expect(draft.issuer.areaName).toBe('Hòa Phong');
    expect(draft.targets.length).toBeGreaterThan(3);
    expect(candidates.map((c: { parentName: string }) => c.parentName)).toContain('Thị xã Mỹ Hào');
  });
});
