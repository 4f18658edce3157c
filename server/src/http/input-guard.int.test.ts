/**
 * Bad input is a clear 400, never a 500 (issue 9, hole 13): NUL and other control characters,
 * dates that match the pattern but do not exist, ids/offsets/limits beyond what the database
 * holds, names with direction overrides or zero-width characters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../test/harness.ts';

let ctx: TestContext;
let station: string;
let village: number;

beforeAll(async () => {
  ctx = await createTestContext();
  const ducXuan = await unitId(ctx, 'commune', '01840');
  village = await createVillage(ctx, ducXuan, 'Tổ dân phố 1');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  station = await signIn(ctx, 'tram');
});
afterAll(() => ctx.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie: station }, payload });
const residents = async () => Number((await ctx.database.db.selectFrom('resident').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const person = { unitId: 0, fullName: 'Nguyễn Thị Hồng', sex: 'female', birthYear: 1990, relationship: 'head' };

describe('text the database cannot take or a person cannot see', () => {
  it('refuses NUL and control characters anywhere in a body or a query, naming the field', async () => {
    const before = await residents();
    const res = await call('POST', '/api/residents', { ...person, unitId: village, fullName: 'Nguyễn\u0000Hồng' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'fullName', message: expect.stringContaining('điều khiển'), messageEn: expect.stringContaining('control character') });
    expect((await call('POST', '/api/households', { unitId: village, address: 'Số 1\u0000', members: [{ ...person, unitId: undefined }] })).statusCode).toBe(400);
    expect((await call('GET', '/api/residents?q=a%00b')).statusCode).toBe(400);
    expect((await call('POST', '/api/residents', { ...person, unitId: village, fullName: 'Nguyễn \uD800' })).statusCode).toBe(400);
    expect(await residents()).toBe(before);
  });

  it('refuses a name with a direction override or a zero-width character', async () => {
    for (const fullName of ['Nguyễn Thị\u200B Hồng', 'Nguyễn \u202EThị Hồng']) {
      const res = await call('POST', '/api/residents', { ...person, unitId: village, fullName });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'fullName', messageEn: expect.stringContaining('hidden character') });
    }
  });
});

describe('dates that do not exist', () => {
  it('answers 400 for 30 February and year 0000 wherever a date is taken', async () => {
    for (const url of ['/api/org-units?asOf=2026-02-30', '/api/audit?from=2025-02-29', '/api/org-units?asOf=0000-01-01']) {
      const res = await call('GET', url);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.statusCode, url).not.toBe(200);
    }
    const res = await call('GET', '/api/org-units?asOf=2026-02-30');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'asOf', messageEn: expect.stringContaining('Not a real date') });
    expect((await call('GET', '/api/org-units?asOf=2024-02-29')).statusCode).toBe(200);
  });
});

describe('numbers beyond what the database holds', () => {
  it('answers 400 for ids, offsets and limits of 1e20 or past int4', async () => {
    for (const url of ['/api/residents/100000000000000000000', '/api/residents/1e20', '/api/residents/2147483648', '/api/residents?offset=1e20', '/api/residents?offset=2147483648', '/api/households/99999999999999999999']) {
      const res = await call('GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe('invalid');
    }
    expect((await call('GET', '/api/residents/2147483647')).statusCode).toBe(404);
  });

  it('answers 400 for a huge id inside a body, and writes nothing', async () => {
    const before = await residents();
    const res = await call('POST', '/api/residents', { ...person, unitId: 1e20 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('unitId');
    expect(await residents()).toBe(before);
  });
});
