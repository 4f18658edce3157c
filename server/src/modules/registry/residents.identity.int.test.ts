import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';
import { ID_LOOKUP_LIMIT } from './residents.identity.ts';

// Issue 9, hole 5: a personal ID or insurance number registered outside the caller's scope tells
// the caller only that the person is registered elsewhere, is audited for the owning unit, and
// cannot be probed in bulk.
let ctx: TestContext;
let station: string;
let villageWorker: string;
let ducXuan: number;
let otherCommune: number;
let village1: number;
let village2: number;
let elsewhere: { id: number };
let inVillage1: { id: number };

const CCCD_ELSEWHERE = '019190055555';
const CARD_ELSEWHERE = 'GD4190987654321';
const CCCD_VILLAGE1 = '019190066666';
const call = (method: 'POST' | 'PATCH', url: string, cookie: string, payload: object) => ctx.app.inject({ method, url, headers: { cookie }, payload });
const lookups = () => ctx.database.db.selectFrom('audit_event').where('action', '=', 'person.id_lookup').selectAll().orderBy('id').execute();

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  otherCommune = await unitId(ctx, 'commune', '01843');
  village1 = await createVillage(ctx, ducXuan, 'Thôn 1');
  village2 = await createVillage(ctx, ducXuan, 'Thôn 2');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'thon2', [{ role: 'village_worker', orgUnitId: village2 }]);
  await createUser(ctx, 'other', [{ role: 'station', orgUnitId: otherCommune }]);
  await createUser(ctx, 'probe', [{ role: 'station', orgUnitId: ducXuan }]);
  station = await signIn(ctx, 'tram');
  villageWorker = await signIn(ctx, 'thon2');
  const other = await signIn(ctx, 'other');
  elsewhere = (await call('POST', '/api/residents', other, { unitId: otherCommune, fullName: 'Triệu Thị Xa', sex: 'female', birthDate: '1990-04-04', citizenId: CCCD_ELSEWHERE, insuranceCode: CARD_ELSEWHERE })).json();
  inVillage1 = (await call('POST', '/api/residents', station, { unitId: village1, fullName: 'Vi Thị Gần', sex: 'female', birthDate: '1990-06-06', citizenId: CCCD_VILLAGE1 })).json();
});
afterAll(() => ctx.close());

/** Nothing about the person may leak: not the record id, the unit, the name. */
function expectNothingAbout(body: string, id: number) {
  expect(body).not.toMatch(new RegExp(`\\b${id}\\b`));
  for (const word of ['Triệu', 'Xa', 'Vi Thị', 'Gần', 'Thôn 1', String(otherCommune), String(village1), 'residentId']) expect(body).not.toContain(word);
}

describe('a personal ID registered elsewhere', () => {
  it('tells a station only that the person is registered elsewhere, in Vietnamese and English', async () => {
    const res = await call('POST', '/api/residents', station, { unitId: village2, fullName: 'Ai Đó', sex: 'female', birthYear: 1990, citizenId: CCCD_ELSEWHERE });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'registered_elsewhere', message: expect.stringContaining('đơn vị khác'), messageEn: expect.stringContaining('registered elsewhere'), errors: [expect.objectContaining({ field: 'citizenId' })] });
    expectNothingAbout(res.body, elsewhere.id);
  });

  it('says the same of an insurance number, on a correction and in a household', async () => {
    const mine = (await call('POST', '/api/residents', station, { unitId: village2, fullName: 'Nông Văn Ba', sex: 'male', birthYear: 1970 })).json();
    const patch = await call('PATCH', `/api/residents/${mine.id}`, station, { insuranceCode: CARD_ELSEWHERE });
    expect(patch.json()).toMatchObject({ code: 'registered_elsewhere', errors: [expect.objectContaining({ field: 'insuranceCode' })] });
    expectNothingAbout(patch.body, elsewhere.id);
    const hh = await call('POST', '/api/households', station, { unitId: village2, address: 'Số 4', members: [{ fullName: 'Nông Văn Tư', sex: 'male', birthYear: 1971, relationship: 'head', citizenId: CCCD_ELSEWHERE }] });
    expect(hh.json()).toMatchObject({ code: 'registered_elsewhere', errors: [expect.objectContaining({ field: 'members.0.citizenId' })] });
  });

  it('tells a village worker no more about a person of the neighbouring village', async () => {
    const res = await call('POST', '/api/residents', villageWorker, { unitId: village2, fullName: 'Ai Đó', sex: 'female', birthYear: 1990, citizenId: CCCD_VILLAGE1 });
    expect(res.json().code).toBe('registered_elsewhere');
    expectNothingAbout(res.body, inVillage1.id);
  });

  it('names the record when it is in the caller’s scope', async () => {
    const res = await call('POST', '/api/residents', station, { unitId: village2, fullName: 'Ai Đó', sex: 'female', birthYear: 1990, citizenId: CCCD_VILLAGE1 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'duplicate_citizen_id', residentId: inVillage1.id });
  });

  it('audits each lookup for the owning unit, without the number', async () => {
    const before = (await lookups()).length;
    await call('POST', '/api/residents', station, { unitId: village2, fullName: 'Ai Đó', sex: 'female', birthYear: 1990, citizenId: CCCD_ELSEWHERE });
    const events = await lookups();
    expect(events).toHaveLength(before + 1);
    const last = events.at(-1);
    expect(last).toMatchObject({ entity_type: 'resident', entity_id: String(elsewhere.id), org_unit_id: otherCommune });
    expect(last?.details).toMatchObject({ answer: 'elsewhere', field: 'citizenId' });
    expect(JSON.stringify(events)).not.toContain(CCCD_ELSEWHERE);
    expect(JSON.stringify(events)).not.toContain('0987654321');
  });
});

describe('the same new number registered twice at once', () => {
  it('registers it once and tells the others it is registered, never a 500', async () => {
    const person = (name: string) => ({ unitId: village2, fullName: `Đồng Thị ${name}`, sex: 'female', birthYear: 1990, citizenId: '019190044444' });
    const answers = await Promise.all(['An', 'Bình', 'Chi', 'Dung', 'Em'].map((name) => call('POST', '/api/residents', station, person(name))));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).every((a) => a.json().code === 'duplicate_citizen_id')).toBe(true);
  });
});

describe('a look-alike out of scope', () => {
  it('warns a village worker without naming the record; names it to the station', async () => {
    const person = { unitId: village2, fullName: 'VI THI GAN', sex: 'female', birthYear: 1990 };
    const worker = await call('POST', '/api/residents', villageWorker, person);
    expect(worker.statusCode).toBe(422);
    expect(worker.json().warnings).toEqual([expect.objectContaining({ code: 'duplicate.possible' })]);
    expectNothingAbout(worker.body, inVillage1.id);
    const own = await call('POST', '/api/residents', station, person);
    expect(own.json().warnings[0].message).toContain(String(inVillage1.id));
  });
});

describe('probing personal IDs', () => {
  it(`answers "registered elsewhere" at most ${ID_LOOKUP_LIMIT} times an hour to a user, then 429 whatever the number`, async () => {
    // People registered in the other commune, straight into the table.
    const ids = Array.from({ length: ID_LOOKUP_LIMIT + 1 }, (_, i) => `01919007${String(i).padStart(4, '0')}`);
    await sql`insert into resident (commune_id, full_name, sex, birth_year, citizen_id) select ${otherCommune}, 'Người thử', 'female', 1990, unnest(${ids}::text[])`.execute(ctx.database.db);
    const probe = await signIn(ctx, 'probe');
    const attempt = (citizenId: string) => call('POST', '/api/residents', probe, { unitId: village2, fullName: 'Thử', sex: 'female', birthYear: 1990, citizenId });
    for (const id of ids.slice(0, ID_LOOKUP_LIMIT)) expect((await attempt(id)).json().code).toBe('registered_elsewhere');
    const limited = await attempt(ids[ID_LOOKUP_LIMIT] as string);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // A number registered nowhere gets the same 429: the limit itself is no oracle.
    const unknown = await attempt('019190079999');
    expect(unknown.statusCode).toBe(429);
    expect(unknown.json()).toEqual({ ...limited.json(), retryAfterSeconds: unknown.json().retryAfterSeconds });
    // Registering without a number, and other users, go on.
    expect((await call('POST', '/api/residents', probe, { unitId: village2, fullName: 'Không Số', sex: 'male', birthYear: 1999 })).statusCode).toBe(201);
    expect((await call('POST', '/api/residents', station, { unitId: village2, fullName: 'Có Số', sex: 'female', birthYear: 1990, citizenId: ids[ID_LOOKUP_LIMIT] })).json().code).toBe('registered_elsewhere');
  });
});
