/**
 * Two creates of the same unique thing at once both pass the service's checks; the database's
 * unique index stops the second, and the error handler answers 409 naming the field, never 500.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../test/harness.ts';
import { UNIQUE_CONSTRAINTS } from './unique-violations.ts';

let ctx: TestContext;
let province: string;
let station: string;
let commune: number;
let village: number;

const NAMES = ['', 'An', 'Bình', 'Cúc', 'Dũng'];
const post = (url: string, cookie: string, payload: object) => ctx.app.inject({ method: 'POST', url, headers: { cookie }, payload });

beforeAll(async () => {
  ctx = await createTestContext();
  commune = await unitId(ctx, 'commune', '01840');
  village = await createVillage(ctx, commune, 'Tổ dân phố 1');
  await createUser(ctx, 'soyte', [{ role: 'province', orgUnitId: await unitId(ctx, 'province', '19') }]);
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: commune }]);
  province = await signIn(ctx, 'soyte');
  station = await signIn(ctx, 'tram');
});
afterAll(() => ctx.close());

/** The two answers: one created, the other a conflict that names the field (sorted 201 first). */
async function race(send: (n: number) => Promise<{ statusCode: number; json: () => { code?: string; errors?: { field: string; message: string; messageEn: string }[] } }>) {
  const answers = await Promise.all([send(1), send(2)]);
  expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
  return answers.find((a) => a.statusCode === 409)?.json();
}

describe('the same unique value created twice at once', () => {
  it('a username', async () => {
    const body = await race((n) => post('/api/users', province, { username: 'y.ta', fullName: `Y Tá ${NAMES[n]}`, password: 'long-enough-1', roles: [{ role: 'committee', orgUnitId: commune }] }));
    expect(body).toMatchObject({ code: 'conflict', errors: [{ field: 'username', message: expect.stringContaining('Tên đăng nhập'), messageEn: expect.stringContaining('Username') }] });
  });

  it('a household number in a commune', async () => {
    const body = await race((n) => post('/api/households', station, { unitId: village, address: `Số ${n}`, code: 'H100', members: [{ fullName: `Chủ Hộ ${NAMES[n]}`, sex: 'male', birthYear: 1970, relationship: 'head' }] }));
    expect(body).toMatchObject({ code: 'conflict', errors: [{ field: 'code', message: expect.stringContaining('Số hộ'), messageEn: expect.stringContaining('Household number') }] });
  });

  it('a personal ID number', async () => {
    const body = await race((n) => post('/api/households', station, { unitId: village, address: `Số ${n}`, members: [{ fullName: `Lý Văn ${NAMES[n + 2]}`, sex: 'male', birthYear: 1970, relationship: 'head', citizenId: '019070055555' }] }));
    expect(body?.errors?.[0]?.field).toMatch(/citizenId$/);
  });
});

describe('the table of unique constraints', () => {
  it('names constraints the schema has', async () => {
    const { rows } = await sql<{ name: string }>`select conname as name from pg_constraint union select indexname from pg_indexes`.execute(ctx.database.db);
    const names = new Set(rows.map((r) => r.name));
    expect(Object.keys(UNIQUE_CONSTRAINTS).filter((c) => !names.has(c))).toEqual([]);
  });
});
