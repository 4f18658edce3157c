/**
 * What an error says, on the wire: the message's key and parameters (common/src/messages), and
 * the same Vietnamese and English sentences as before the catalogue, for clients that read those.
 */
import { ErrorBody } from '@ytcs/common';
import { sql } from 'kysely';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let station: string;
let village: number;

const call = (method: 'GET' | 'POST', url: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie: station }, payload });

beforeAll(async () => {
  ctx = await createTestContext();
  const commune = await unitId(ctx, 'commune', '01840');
  village = await createVillage(ctx, commune, 'Tổ dân phố 1');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: commune }]);
  station = await signIn(ctx, 'tram');
});
afterAll(() => ctx.close());

describe('an error body', () => {
  it('carries the key and parameters of a conflict beside its two sentences, on the body and on the field', async () => {
    const household = { unitId: village, address: 'Số 1', code: 'H12', members: [{ fullName: 'Trần Văn Nam', sex: 'male', birthYear: 1970, relationship: 'head' }] };
    expect((await call('POST', '/api/households', household)).statusCode).toBe(201);
    const again = await call('POST', '/api/households', { ...household, members: [{ ...household.members[0], fullName: 'Lê Văn Tâm' }] });
    expect(again.statusCode).toBe(409);
    const said = {
      key: 'registry.householdCodeTaken',
      params: { code: 'H12' },
      message: 'Số hộ H12 đã có trong xã',
      messageEn: 'Household number H12 already exists in this commune',
    };
    expect(again.json()).toEqual({ code: 'conflict', ...said, errors: [{ field: 'code', ...said }] });
    expect(Value.Check(ErrorBody, again.json())).toBe(true);
  });

  it('carries the key of a message without parameters, and no parameters', async () => {
    const res = await call('GET', '/api/residents/999999');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', key: 'common.notFound', message: 'Không tìm thấy hoặc không có quyền truy cập', messageEn: 'Not found or no access' });
  });

  it('names the schema’s bound as a parameter of a field error', async () => {
    const res = await call('GET', '/api/residents?limit=501');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'invalid',
      key: 'common.invalid',
      message: 'Dữ liệu không hợp lệ',
      messageEn: 'Invalid data',
      errors: [{ field: 'limit', key: 'http.maximum', params: { limit: 500 }, message: 'Không lớn hơn 500', messageEn: 'Not more than 500' }],
    });
    expect(Value.Check(ErrorBody, res.json())).toBe(true);
  });

  it('carries a shared rule’s finding with its key, and keeps it on the resident once confirmed', async () => {
    const person = { unitId: village, fullName: 'Nguyễn Thị Hoa', sex: 'female', birthYear: 1991, citizenId: '019190012399' };
    const first = await call('POST', '/api/residents', person);
    expect(first.statusCode).toBe(422);
    const warning = {
      field: 'citizenId',
      code: 'citizen_id.birth_year',
      key: 'identifiers.citizenIdBirthYear',
      params: { idYear: 1990, recordedYear: 1991 },
      message: 'CCCD cho biết năm sinh 1990, khác với năm sinh đã nhập 1991',
      messageEn: 'The ID says birth year 1990, not the recorded 1991',
    };
    expect(first.json()).toMatchObject({ code: 'needs_confirmation', key: 'common.needsConfirmation', message: 'Có cảnh báo cần xác nhận trước khi lưu', warnings: [warning] });
    const saved = await call('POST', '/api/residents', { ...person, confirmWarnings: true });
    expect(saved.statusCode).toBe(201);
    expect((await call('GET', `/api/residents/${saved.json().id}`)).json().warnings).toEqual([warning]);
  });

  it('leaves a warning stored before the catalogue as it was: the pair, without a key', async () => {
    const res = await call('POST', '/api/residents', { unitId: village, fullName: 'Phạm Văn Lộc', sex: 'male', birthYear: 1980 });
    expect(res.statusCode).toBe(201);
    const old = { field: 'citizenId', code: 'citizen_id.sex', message: 'Chữ số thứ 4 của CCCD cho biết giới tính nữ, khác với giới tính đã nhập', messageEn: 'The 4th digit says female, which differs from the recorded sex' };
    await sql`update resident set warnings = ${JSON.stringify([old])}::jsonb where id = ${res.json().id}`.execute(ctx.database.db);
    expect((await call('GET', `/api/residents/${res.json().id}`)).json().warnings).toEqual([old]);
  });
});
