import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let station: string;
let otherStation: string;
let villageWorker: string;
let committee: string;
let auditorTn: string;
let auditorHn: string;
let residentId: number;
let ducXuan: number;
let hanoi: number;

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: object) => ctx.app.inject({ method, url, headers: cookie ? { cookie } : {}, payload });
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const lastAudit = async (action: string) =>
  ctx.database.db.selectFrom('audit_event').where('action', '=', action).selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  hanoi = await unitId(ctx, 'province', '01');
  const village = await createVillage(ctx, ducXuan, 'Tổ dân phố 1');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'tram.khac', [{ role: 'station', orgUnitId: await unitId(ctx, 'commune', '01843') }]);
  await createUser(ctx, 'thon', [{ role: 'village_worker', orgUnitId: village }]);
  await createUser(ctx, 'ubnd', [{ role: 'committee', orgUnitId: ducXuan }]);
  await createUser(ctx, 'dpo.tn', [{ role: 'auditor', orgUnitId: await unitId(ctx, 'province', '19') }]);
  await createUser(ctx, 'dpo.hn', [{ role: 'auditor', orgUnitId: hanoi }]);
  station = await signIn(ctx, 'tram');
  otherStation = await signIn(ctx, 'tram.khac');
  villageWorker = await signIn(ctx, 'thon');
  committee = await signIn(ctx, 'ubnd');
  auditorTn = await signIn(ctx, 'dpo.tn');
  auditorHn = await signIn(ctx, 'dpo.hn');
  const household = await call('POST', '/api/households', station, {
    unitId: village,
    address: 'Số 12, Tổ dân phố 1',
    members: [{ fullName: 'Nguyễn Thị Hồng', sex: 'female', birthDate: '1990-05-17', citizenId: '019190012345', insuranceCode: 'GD4190123456789', insuranceValidTo: '2099-12-31', phone: '0912345678', relationship: 'head' }],
  });
  expect(household.statusCode).toBe(201);
  residentId = household.json().members[0].id;
  expect((await call('POST', `/api/residents/${residentId}/encounters`, station, { date: '2026-02-01', type: 'checkup', diagnoses: ['I10'], observations: { weight: 60, height: 155 } })).statusCode).toBe(201);
  expect((await call('POST', `/api/residents/${residentId}/immunizations`, station, { vaccineCode: 'td', dose: 1, date: '2026-03-01' })).statusCode).toBe(201);
  // Reads by the village health worker, to appear in the person's access log and in the report.
  expect((await call('GET', `/api/residents/${residentId}`, villageWorker)).statusCode).toBe(200);
  expect((await call('GET', `/api/residents/${residentId}/record`, villageWorker)).statusCode).toBe(200);
}, 300_000);
afterAll(() => ctx.close());

describe('a person’s own data (GET /api/residents/:id/personal-data)', () => {
  it('gives everything held on the person and who accessed it, and is audited', async () => {
    const res = await call('GET', `/api/residents/${residentId}/personal-data`, station);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.resident).toMatchObject({ id: residentId, fullName: 'Nguyễn Thị Hồng', citizenId: '019190012345', insuranceCode: 'GD4190123456789', phone: '0912345678' });
    expect(body.household).toMatchObject({ address: 'Số 12, Tổ dân phố 1' });
    expect(body.encounters[0]).toMatchObject({ date: '2026-02-01', diagnoses: [{ code: 'I10' }] });
    expect(body.immunizations[0]).toMatchObject({ vaccineCode: 'td', dose: 1 });
    const log = body.accessLog as { username: string; action: string; at: string }[];
    expect(log.filter((a) => a.username === 'thon').map((a) => a.action)).toEqual(expect.arrayContaining(['resident.read', 'record.read']));
    expect(log.map((a) => a.action)).toEqual(expect.arrayContaining(['household.create', 'record.encounter', 'record.immunization', 'resident.personal_data']));
    expect(await lastAudit('resident.personal_data')).toMatchObject({ entity_type: 'resident', entity_id: String(residentId), org_unit_id: ducXuan });
  });

  it('gives it as a DOCX to hand over, with the access log in it', async () => {
    const res = await call('GET', `/api/residents/${residentId}/personal-data.docx`, station);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml'] as Uint8Array);
    for (const s of ['BẢN SAO DỮ LIỆU CÁ NHÂN', 'Nguyễn Thị Hồng', '019190012345', 'Số 12, Tổ dân phố 1', 'I10', 'Ai đã truy cập', 'thon', 'record.read']) expect(xml).toContain(s);
  });

  it('is closed out of scope (404), to roles that may not export people (403) and to anonymous callers', async () => {
    expect((await call('GET', `/api/residents/${residentId}/personal-data`, otherStation)).statusCode).toBe(404);
    expect((await call('GET', `/api/residents/${residentId}/personal-data`, villageWorker)).statusCode).toBe(403);
    expect((await call('GET', `/api/residents/${residentId}/personal-data.docx`, committee)).statusCode).toBe(403);
    expect((await call('GET', `/api/residents/${residentId}/personal-data`)).statusCode).toBe(401);
  });

  it('is corrected by the resident edit, audited with the names of the fields changed and not their values', async () => {
    const res = await call('PATCH', `/api/residents/${residentId}`, station, { phone: '0987654321' });
    expect(res.statusCode).toBe(200);
    const event = await lastAudit('resident.update');
    expect(event?.details).toEqual({ fields: ['phone'] });
    expect(JSON.stringify(event)).not.toContain('0987654321');
  });
});

describe('the breach-notice report (GET /api/audit/access-report)', () => {
  it('tells a province auditor who accessed which records in a period, and is audited', async () => {
    const res = await call('GET', `/api/audit/access-report?from=${today()}&to=${today()}`, auditorTn);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const reads = body.items.filter((i: { username: string }) => i.username === 'thon');
    expect(reads.map((i: { action: string; entityId: string }) => [i.action, i.entityId])).toEqual([
      ['resident.read', String(residentId)],
      ['record.read', String(residentId)],
    ]);
    expect(reads[0].units).toEqual(['Phường Đức Xuân']);
    expect(body.users.find((u: { username: string }) => u.username === 'thon')).toMatchObject({ events: 2, records: 1 });
    expect(body.total).toBe(body.items.length);
    expect(await lastAudit('audit.access_report')).toMatchObject({ details: { from: today(), to: today(), unit: null, format: 'json', rows: body.total } });
  });

  it('gives every row as an XLSX that opens back', async () => {
    const json = (await call('GET', `/api/audit/access-report?from=${today()}&to=${today()}&unit=${ducXuan}`, auditorTn)).json();
    const res = await call('GET', `/api/audit/access-report.xlsx?from=${today()}&to=${today()}&unit=${ducXuan}`, auditorTn);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(3).value).toBe('Tài khoản');
    const rows = (sheet?.getSheetValues() ?? []).slice(2) as unknown[][];
    expect(rows).toHaveLength(json.total);
    expect(rows.some((r) => r[3] === 'thon' && r[5] === 'record.read' && r[7] === String(residentId))).toBe(true);
    // The codes are labelled beside them, as the audit page labels them.
    expect(sheet?.getRow(1).getCell(12).value).toBe('Thao tác (diễn giải)');
    expect(rows.some((r) => r[5] === 'record.read' && r[12] === 'Xem, in hồ sơ sức khỏe' && r[13] === 'Người dân')).toBe(true);
  });

  it('shows another province’s auditor none of it, and refuses a unit out of scope', async () => {
    const hn = (await call('GET', `/api/audit/access-report?from=${today()}&to=${today()}`, auditorHn)).json();
    expect(hn.items.filter((i: { entityId: string }) => i.entityId === String(residentId))).toEqual([]);
    expect((await call('GET', `/api/audit/access-report?from=${today()}&to=${today()}&unit=${ducXuan}`, auditorHn)).statusCode).toBe(404);
    expect((await call('GET', `/api/audit/access-report?from=${today()}&to=${today()}&unit=${hanoi}`, auditorTn)).statusCode).toBe(404);
  });

  it('refuses a period that ends before it starts, roles without audit.read and anonymous callers', async () => {
    expect((await call('GET', '/api/audit/access-report?from=2026-02-02&to=2026-02-01', auditorTn)).statusCode).toBe(400);
    expect((await call('GET', `/api/audit/access-report?from=${today()}&to=${today()}`, station)).statusCode).toBe(403);
    expect((await call('GET', `/api/audit/access-report.xlsx?from=${today()}&to=${today()}`)).statusCode).toBe(401);
  });
});
