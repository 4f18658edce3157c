/**
 * Issue 9, hole 5 (import part): a file of many numbers is no way round the hourly budget of
 * "registered elsewhere" answers that the form has. Past it, no number of the file that is not in
 * the caller's scope is answered either way — registered or not — and the form shares the budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, multipart, signIn, unitId } from '../../../test/harness.ts';
import { ID_LOOKUP_LIMIT } from '../registry/index.ts';

let ctx: TestContext;
let station: string;
let ducXuan: number;
let village: number;
const ELSEWHERE = ID_LOOKUP_LIMIT + 5;
const idOf = (i: number) => `0190800${String(700 + i).padStart(5, '0')}`;
const FRESH_ID = '019190000999';

const upload = (csv: string) => ctx.app.inject({ method: 'POST', url: '/api/imports', ...withCookie(multipart(csv, 'b.csv', { unitId: String(ducXuan) })) });
const withCookie = (body: ReturnType<typeof multipart>) => ({ payload: body.payload, headers: { ...body.headers, cookie: station } });

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  village = await createVillage(ctx, ducXuan, 'Tổ dân phố 1');
  const elsewhere = await unitId(ctx, 'commune', '01843');
  await createUser(ctx, 'tram.budget', [{ role: 'station', orgUnitId: ducXuan }]);
  station = await signIn(ctx, 'tram.budget');
  await ctx.database.db
    .insertInto('resident')
    .values(Array.from({ length: ELSEWHERE }, (_, i) => ({ commune_id: elsewhere, full_name: 'Người Nơi Khác', sex: 'male' as const, birth_year: 1980, citizen_id: idOf(i) })))
    .execute();
});
afterAll(() => ctx.close());

describe('the hourly budget of "registered elsewhere" answers in an import preview', () => {
  it('answers at most the budget, then says only that the numbers could not be checked, registered or not', async () => {
    const lines = Array.from({ length: ELSEWHERE }, (_, i) => `Người Nơi Khác,Nam,1980,${idOf(i)}`);
    const res = await upload(`Họ và tên,Giới tính,Năm sinh,Số CCCD\n${lines.join('\n')}\nLò Văn Mới,Nam,1991,${FRESH_ID}\n`);
    expect(res.statusCode, res.body).toBe(201);
    const messages = res.json().errors.map((e: { messageEn: string }) => e.messageEn);
    expect(messages.filter((m: string) => m.includes('ask that unit to transfer'))).toHaveLength(ID_LOOKUP_LIMIT);
    const limited = res.json().errors.filter((e: { messageEn: string }) => e.messageEn.includes('could not be checked'));
    // The five over the budget and the unregistered number read the same.
    expect(limited.map((e: { row: number }) => e.row)).toEqual([...Array.from({ length: 5 }, (_, i) => ID_LOOKUP_LIMIT + 2 + i), ELSEWHERE + 2]);
    expect(res.json().valid).toBe(0);
  });

  it('shares the budget with the form', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/residents', headers: { cookie: station }, payload: { unitId: village, fullName: 'Người Nơi Khác', sex: 'male', birthYear: 1980, citizenId: idOf(ID_LOOKUP_LIMIT + 1) } });
    expect(res.statusCode).toBe(429);
  });
});
