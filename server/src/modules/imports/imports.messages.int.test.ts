/**
 * An import's findings on the wire: each with its message's key and parameters beside the two
 * sentences; findings stored before the message catalogue (no key) come back as they were.
 */
import { ImportJob } from '@ytcs/common';
import { sql } from 'kysely';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, multipart, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let station: string;
let commune: number;

const CSV = [
  'Họ và tên,Giới tính,Năm sinh,Số CCCD,Quan hệ với chủ hộ,Số hộ,Cột lạ',
  'Trần Văn Nam,Nam,1975,001075000101,Chủ hộ,H01,x',
  'Lê Thị Hoa,Nữ,1978,001075000101,Chủ hộ,H02,x',
].join('\n');

beforeAll(async () => {
  ctx = await createTestContext();
  commune = await unitId(ctx, 'commune', '01840');
  await createVillage(ctx, commune, 'Tổ dân phố 1');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: commune }]);
  station = await signIn(ctx, 'tram');
});
afterAll(() => ctx.close());

describe('the findings of an import', () => {
  let jobId: number;

  it('carry their keys and parameters', async () => {
    const body = multipart(Buffer.from(CSV), 'residents.csv', { unitId: String(commune) });
    const res = await ctx.app.inject({ method: 'POST', url: '/api/imports', payload: body.payload, headers: { ...body.headers, cookie: station } });
    expect(res.statusCode).toBe(201);
    jobId = res.json().id;
    expect(res.json().errors).toEqual([
      {
        row: 3,
        column: 'Số CCCD',
        letter: 'D',
        field: 'citizenId',
        key: 'imports.idRepeatedInFile',
        params: { row: 2 },
        message: 'Số CCCD trùng với dòng 2 trong tệp',
        messageEn: 'Personal ID repeated from row 2 of the file',
      },
    ]);
    expect(res.json().warnings).toContainEqual(
      expect.objectContaining({ row: 1, column: 'Cột lạ', key: 'imports.columnUnknown', params: { header: 'Cột lạ' }, message: 'Cột "Cột lạ" không được nhận diện và sẽ bỏ qua' }),
    );
    expect(Value.Check(ImportJob, res.json())).toBe(true);
  });

  it('stored before the catalogue come back as the pair they were, without a key', async () => {
    const old = { column: 'Số CCCD', letter: 'D', field: 'citizenId', message: 'Số CCCD trùng với dòng 2 trong tệp', messageEn: 'Personal ID repeated from row 2 of the file' };
    await sql`update import_row set errors = ${JSON.stringify([old])}::jsonb where job_id = ${jobId} and errors is not null`.execute(ctx.database.db);
    const res = await ctx.app.inject({ method: 'GET', url: `/api/imports/${jobId}`, headers: { cookie: station } });
    expect(res.json().errors).toEqual([{ row: 3, ...old }]);
    expect(Value.Check(ImportJob, res.json())).toBe(true);
  });
});
