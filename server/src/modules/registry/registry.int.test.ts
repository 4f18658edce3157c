import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let station: string;
let other: string;
let committee: string;
let villageWorker: string;
let ducXuan: number;
let village1: number;
let village2: number;

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: cookie ? { cookie } : {}, payload });

const hong = { fullName: 'Nguyễn Thị Hồng', sex: 'female', birthDate: '1990-05-17', citizenId: '019190012345', insuranceCode: 'GD4190123456789', insuranceValidTo: '2099-12-31', phone: '0912345678', ethnicityCode: '01', relationship: 'head' };
const binh = { fullName: 'Đặng Văn Bình', sex: 'male', birthDate: '1988-02-01', citizenId: '019088054321', relationship: 'spouse' };

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  village1 = await createVillage(ctx, ducXuan, 'Tổ dân phố 1');
  village2 = await createVillage(ctx, ducXuan, 'Tổ dân phố 2');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'other', [{ role: 'station', orgUnitId: await unitId(ctx, 'commune', '01843') }]);
  await createUser(ctx, 'ubnd', [{ role: 'committee', orgUnitId: ducXuan }]);
  await createUser(ctx, 'thon2', [{ role: 'village_worker', orgUnitId: village2 }]);
  station = await signIn(ctx, 'tram');
  other = await signIn(ctx, 'other');
  committee = await signIn(ctx, 'ubnd');
  villageWorker = await signIn(ctx, 'thon2');
});
afterAll(() => ctx.close());

describe('registering a household', () => {
  let householdId: number;

  it('registers a household and its members in one go', async () => {
    const res = await call('POST', '/api/households', station, { unitId: village1, address: 'Số 12, Tổ dân phố 1', code: 'H001', members: [hong, binh] });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    householdId = body.id;
    expect(body).toMatchObject({ address: 'Số 12, Tổ dân phố 1', headName: 'Nguyễn Thị Hồng', villageName: 'Tổ dân phố 1', memberCount: 2 });
    expect(body.members.find((m: { fullName: string }) => m.fullName === 'Nguyễn Thị Hồng')).toMatchObject({ insured: true, socialInsuranceNo: '0123456789', relationship: 'head' });
  });

  it('names a wrong personal ID and saves nothing', async () => {
    const before = (await call('GET', '/api/residents?limit=1', station)).json().total;
    const res = await call('POST', '/api/households', station, { unitId: village1, address: 'Số 3', members: [{ ...hong, citizenId: '01919001234', fullName: 'Lê Thị Mai' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'members.0.citizenId', message: expect.stringContaining('12 chữ số'), messageEn: expect.stringContaining('12 digits') })]);
    const wrongCard = await call('POST', '/api/residents', station, { unitId: village1, fullName: 'Lê Thị Mai', sex: 'female', birthYear: 1970, insuranceCode: 'GD9' });
    expect(wrongCard.json().errors[0].field).toBe('insuranceCode');
    expect((await call('GET', '/api/residents?limit=1', station)).json().total).toBe(before);
  });

  it('asks to confirm an ID that disagrees with sex or birth year, then keeps the warning', async () => {
    const person = { unitId: village1, householdId, fullName: 'Nguyễn Văn An', sex: 'male', birthDate: '2015-03-03', citizenId: '019190099999', relationship: 'child' };
    const first = await call('POST', '/api/residents', station, person);
    expect(first.statusCode).toBe(422);
    expect(first.json().warnings.map((w: { code: string }) => w.code)).toEqual(['citizen_id.sex', 'citizen_id.birth_year']);
    const confirmed = await call('POST', '/api/residents', station, { ...person, confirmWarnings: true });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().warnings).toHaveLength(2);
  });

  it('takes an explicit null year beside a full date of birth', async () => {
    const res = await call('POST', '/api/residents', station, { unitId: village2, fullName: 'Bế Văn Hải', sex: 'male', birthDate: '1980-03-02', birthYear: null, phone: null });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ birthYear: 1980, phone: null });
  });

  it('stores a household member’s confirmed warnings under the member’s own field names', async () => {
    const member = { fullName: 'Hà Văn Tư', sex: 'male', birthDate: '1980-01-01', citizenId: '019190077777', relationship: 'head' };
    const first = await call('POST', '/api/households', station, { unitId: village2, address: 'Số 9', members: [member] });
    expect(first.statusCode).toBe(422);
    expect(first.json().warnings[0].field).toBe('members.0.citizenId');
    const saved = await call('POST', '/api/households', station, { unitId: village2, address: 'Số 9', members: [member], confirmWarnings: true });
    expect(saved.json().members[0].warnings.map((w: { field: string }) => w.field)).toEqual(['citizenId', 'citizenId']);
  });

  it('refuses a personal ID registered already, and warns of a look-alike', async () => {
    const dup = await call('POST', '/api/residents', station, { unitId: village2, fullName: 'Ai Đó', sex: 'female', birthYear: 1990, citizenId: hong.citizenId });
    expect(dup.statusCode).toBe(409);
    const lookalike = await call('POST', '/api/residents', station, { unitId: village2, fullName: 'NGUYEN THI HONG', sex: 'female', birthYear: 1990 });
    expect(lookalike.statusCode).toBe(422);
    expect(lookalike.json().warnings[0].code).toBe('duplicate.possible');
  });
});

describe('finding residents', () => {
  const names = async (cookie: string, q: string) => (await call('GET', `/api/residents?q=${encodeURIComponent(q)}`, cookie)).json().items.map((r: { fullName: string }) => r.fullName);

  it('finds by name without diacritics, by personal ID, phone and insurance', async () => {
    expect(await names(station, 'nguyen thi hong')).toEqual(['Nguyễn Thị Hồng']);
    expect(await names(station, 'hong nguyen')).toEqual(['Nguyễn Thị Hồng']);
    expect(await names(station, 'dang')).toEqual(['Đặng Văn Bình']);
    // A word matches the start of a word of the name: "hong" is not inside "Khổng" or "Phong".
    await call('POST', '/api/residents', station, { unitId: village2, fullName: 'Khổng Văn Phong', sex: 'male', birthYear: 1975 });
    expect(await names(station, 'thi hong')).toEqual(['Nguyễn Thị Hồng']);
    expect(await names(station, 'khong')).toEqual(['Khổng Văn Phong']);
    expect(await names(station, '019 190 012 345')).toEqual(['Nguyễn Thị Hồng']);
    expect(await names(station, '+84 912 345 678')).toEqual(['Nguyễn Thị Hồng']);
    expect(await names(station, '0123456789')).toEqual(['Nguyễn Thị Hồng']);
    expect(await names(station, 'gd4190123456789')).toEqual(['Nguyễn Thị Hồng']);
  });

  it('finds households by the head’s name', async () => {
    const res = await call('GET', `/api/households?q=${encodeURIComponent('nguyen thi hong')}`, station);
    expect(res.json().items.map((h: { code: string }) => h.code)).toEqual(['H001']);
  });

  it('keeps other communes and other villages out: empty lists, 404 on a record', async () => {
    expect(await names(other, 'nguyen thi hong')).toEqual([]);
    expect(await names(villageWorker, 'nguyen thi hong')).toEqual([]);
    const id = (await call('GET', '/api/residents?q=019190012345', station)).json().items[0].id;
    expect((await call('GET', `/api/residents/${id}`, other)).statusCode).toBe(404);
    expect((await call('GET', `/api/residents/${id}`, villageWorker)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/residents/${id}`, other, { phone: '0911111111' })).statusCode).toBe(404);
    expect((await call('GET', `/api/residents/${id}`)).statusCode).toBe(401);
    expect((await call('GET', '/api/residents', committee)).statusCode).toBe(403);
    expect((await call('GET', '/api/households')).statusCode).toBe(401);
  });

  it('audits every read of a person, without names or ID numbers', async () => {
    const id = (await call('GET', '/api/residents?q=019190012345', station)).json().items[0].id;
    await call('GET', `/api/residents/${id}`, station);
    const events = await ctx.database.db.selectFrom('audit_event').where('entity_type', '=', 'resident').selectAll().execute();
    expect(events.filter((e) => e.action === 'resident.read' && e.entity_id === String(id)).length).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(events);
    expect(text).not.toContain('019190012345');
    expect(text).not.toContain('Hồng');
  });
});

describe('correcting and merging', () => {
  it('corrects a field and re-checks it', async () => {
    const id = (await call('GET', '/api/residents?q=dang van binh', station)).json().items[0].id;
    const bad = await call('PATCH', `/api/residents/${id}`, station, { phone: '123' });
    expect(bad.json().errors[0].field).toBe('phone');
    const ok = await call('PATCH', `/api/residents/${id}`, station, { phone: '0987 654 321', unitId: village2 });
    expect(ok.json()).toMatchObject({ phone: '0987654321', villageName: 'Tổ dân phố 2' });
  });

  it('merges a duplicate and keeps both histories under the survivor', async () => {
    const a = (await call('POST', '/api/residents', station, { unitId: village2, fullName: 'Hoàng Văn Cường', sex: 'male', birthYear: 1960 })).json();
    const b = await call('POST', '/api/residents', station, { unitId: village2, fullName: 'Hoang Van Cuong', sex: 'male', birthYear: 1960, confirmWarnings: true });
    expect(b.statusCode).toBe(201);
    const merged = await call('POST', `/api/residents/${b.json().id}/merge`, station, { intoId: a.id });
    expect(merged.statusCode).toBe(200);
    const gone = await call('GET', `/api/residents/${b.json().id}`, station);
    expect(gone.json()).toMatchObject({ status: 'merged', mergedInto: a.id });
    const events = await ctx.database.db.selectFrom('life_event').where('resident_id', '=', a.id).select('kind').execute();
    expect(events.map((e) => e.kind).sort()).toEqual(['merged', 'registered', 'registered']);
  });

  it('records a death', async () => {
    const p = (await call('POST', '/api/residents', station, { unitId: village2, fullName: 'Lục Văn Tám', sex: 'male', birthYear: 1931 })).json();
    const res = await call('POST', `/api/residents/${p.id}/events`, station, { kind: 'death', date: '2026-10-01' });
    expect(res.json()).toMatchObject({ status: 'deceased', deathDate: '2026-10-01' });
    expect(await names(station, 'luc van tam')).toEqual([]);
  });
});

async function names(cookie: string, q: string) {
  return (await call('GET', `/api/residents?q=${encodeURIComponent(q)}`, cookie)).json().items.map((r: { fullName: string }) => r.fullName);
}

describe('GET /api/registry/coverage', () => {
  it('sums residents with a record and insured per village, and suppresses small cells for a committee', async () => {
    const res = await call('GET', `/api/registry/coverage?orgUnit=${ducXuan}`, station);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const active = (await call('GET', '/api/residents?limit=1', station)).json().total;
    expect(body.unit).toMatchObject({ id: ducXuan, residents: active, suppressed: false });
    expect(body.unit.insured).toBeGreaterThanOrEqual(1);
    const sumChildren = body.children.reduce((n: number, c: { residents: number }) => n + c.residents, 0);
    expect(sumChildren).toBe(active);
    expect(body.unit.insuredRate).toBeCloseTo((100 * body.unit.insured) / active, 1);
    // A committee sees the indicator engine's figures, which the refresher computes after the writes above.
    await ctx.app.refresher.drain();
    const hidden = (await call('GET', `/api/registry/coverage?orgUnit=${ducXuan}`, committee)).json();
    expect(hidden.children.find((c: { id: number }) => c.id === village1)).toMatchObject({ residents: null, suppressed: true });
    expect((await call('GET', `/api/registry/coverage?orgUnit=${ducXuan}`, other)).statusCode).toBe(404);
    expect((await call('GET', '/api/registry/coverage')).statusCode).toBe(401);
  });

  it('gives a village health worker the figures of their village, and nothing wider', async () => {
    const own = await call('GET', `/api/registry/coverage?orgUnit=${village2}`, villageWorker);
    expect(own.statusCode).toBe(200);
    const residents = (await call('GET', '/api/residents?limit=1', villageWorker)).json().total;
    expect(own.json().unit).toMatchObject({ id: village2, residents, suppressed: false });
    expect((await call('GET', `/api/registry/coverage?orgUnit=${ducXuan}`, villageWorker)).statusCode).toBe(404);
    expect((await call('GET', `/api/registry/coverage?orgUnit=${village1}`, villageWorker)).statusCode).toBe(404);
  });
});

describe('the people behind a coverage figure', () => {
  it('lists residents without a valid card, or without a record, as many as the figure says are missing', async () => {
    const coverage = (await call('GET', `/api/registry/coverage?orgUnit=${ducXuan}`, station)).json().unit;
    const uninsured = (await call('GET', `/api/residents?orgUnit=${ducXuan}&missing=insurance&limit=500`, station)).json();
    expect(uninsured.total).toBe(coverage.residents - coverage.insured);
    expect(uninsured.items.map((r: { fullName: string }) => r.fullName)).toContain('Đặng Văn Bình');
    expect(uninsured.items.every((r: { insured: boolean }) => !r.insured)).toBe(true);
    const noRecord = (await call('GET', `/api/residents?orgUnit=${ducXuan}&missing=record&limit=500`, station)).json();
    expect(noRecord.total).toBe(coverage.residents - coverage.withRecord);
    expect(noRecord.items.every((r: { hasRecord: boolean }) => !r.hasRecord)).toBe(true);
    expect((await call('GET', `/api/residents?missing=nothing`, station)).statusCode).toBe(400);
  });
});
