import { todayIso } from '@ytcs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, multipart, signIn, unitId } from '../../../test/harness.ts';

// One way to register a person: the resident form, the household form and the import (its
// set-based twin) all open the person's history with the same "registered" life event.
let ctx: TestContext;
let station: string;
let userId: number;
let ducXuan: number;
let village: number;

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  village = await createVillage(ctx, ducXuan, 'Thôn Đăng Ký');
  userId = await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  station = await signIn(ctx, 'tram');
});
afterAll(() => ctx.close());

const eventOf = (fullName: string) =>
  ctx.database.db
    .selectFrom('life_event as l')
    .innerJoin('resident as r', 'r.id', 'l.resident_id')
    .where('r.full_name', '=', fullName)
    .select(['l.kind', 'l.date', 'l.commune_id', 'l.from_unit_id', 'l.to_unit_id', 'l.note', 'l.recorded_by'])
    .execute();

describe('registering a person', () => {
  it('writes the same life event from the resident form, the household form and the import', async () => {
    const form = await ctx.app.inject({ method: 'POST', url: '/api/residents', headers: { cookie: station }, payload: { unitId: village, fullName: 'Đinh Văn Một', sex: 'male', birthYear: 1980 } });
    expect(form.statusCode).toBe(201);
    const household = await ctx.app.inject({
      method: 'POST',
      url: '/api/households',
      headers: { cookie: station },
      payload: { unitId: village, address: 'Số 9', members: [{ fullName: 'Đinh Văn Hai', sex: 'male', birthYear: 1981, relationship: 'head' }] },
    });
    expect(household.statusCode).toBe(201);
    const body = multipart('Họ và tên,Giới tính,Năm sinh\nĐinh Văn Ba,Nam,1982\n', 'ba.csv', { unitId: String(village) });
    const preview = await ctx.app.inject({ method: 'POST', url: '/api/imports', payload: body.payload, headers: { ...body.headers, cookie: station } });
    expect(preview.statusCode).toBe(201);
    expect((await ctx.app.inject({ method: 'POST', url: `/api/imports/${preview.json().id}/commit`, headers: { cookie: station } })).statusCode).toBe(200);

    const expected = [{ kind: 'registered', date: todayIso(), commune_id: ducXuan, from_unit_id: null, to_unit_id: village, note: null, recorded_by: userId }];
    const events = await Promise.all(['Đinh Văn Một', 'Đinh Văn Hai', 'Đinh Văn Ba'].map(eventOf));
    for (const e of events) expect(e).toEqual(expected);
  });
});
