/**
 * The commit in batches: each batch its own transaction, a household never split between two,
 * progress kept in the job, and a commit that stopped resumed where it was without writing anyone
 * twice. YTCS_IMPORT_BATCH_ROWS=2 makes a batch of each household here.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, multipart, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let station: string;
let village: number;

const HEADER = 'Số hộ,Địa chỉ,Quan hệ với chủ hộ,Họ và tên,Giới tính,Ngày sinh';
/** Three households whose rows are interleaved, as a register sorted by name has them. */
const ROWS = [
  'B01,Số 1,Chủ hộ,Bế Văn An,Nam,1970',
  'B02,Số 2,Chủ hộ,Bế Văn Bình,Nam,1975',
  'B01,,Vợ,Bế Thị Cúc,Nữ,1972',
  'B03,Số 3,Chủ hộ,Bế Văn Dũng,Nam,1980',
  'B02,,Con,Bế Văn Em,Nam,2005',
  'B01,,Con,Bế Thị Gấm,Nữ,2001',
];

function upload(csv: string) {
  const body = multipart(Buffer.from(csv), 'b.csv', { unitId: String(village) });
  return ctx.app.inject({ method: 'POST', url: '/api/imports', payload: body.payload, headers: { ...body.headers, cookie: station } });
}
const call = (method: 'GET' | 'POST', url: string) => ctx.app.inject({ method, url, headers: { cookie: station } });

async function households() {
  const { rows } = await sql<{ code: string; members: number; head: string | null }>`
    select h.code, (select count(*)::int from resident r where r.household_id = h.id) as members, (select full_name from resident r where r.id = h.head_id) as head
    from household h where h.code like 'B0%' order by h.code
  `.execute(ctx.database.db);
  return rows;
}
const audits = async (action: string, id: number) =>
  (await ctx.database.db.selectFrom('audit_event').where('action', '=', action).where('entity_id', '=', String(id)).select('details').orderBy('id').execute()).map((e) => e.details);

beforeAll(async () => {
  ctx = await createTestContext({ YTCS_IMPORT_BATCH_ROWS: '2' });
  const commune = await unitId(ctx, 'commune', '01840');
  village = await createVillage(ctx, commune, 'Tổ Bế');
  await createUser(ctx, 'tram.lo', [{ role: 'station', orgUnitId: commune }]);
  station = await signIn(ctx, 'tram.lo');
});
afterAll(() => ctx.close());

describe('a commit in batches', () => {
  it('writes a household whole in one batch, audits each batch, and resumes after a failed one', async () => {
    const job = (await upload([HEADER, ...ROWS].join('\n'))).json();
    expect(job).toMatchObject({ valid: 6, done: 0 });
    // Spoil the second household's child so that its batch fails after the first one is written.
    await sql`update import_row set resident = jsonb_set(resident, '{phone}', '"bad"') where job_id = ${job.id} and row_no = 6`.execute(ctx.database.db);
    expect((await call('POST', `/api/imports/${job.id}/commit`)).statusCode).toBe(500);
    expect(await households()).toEqual([{ code: 'B01', members: 3, head: 'Bế Văn An' }]);
    expect((await call('GET', `/api/imports/${job.id}`)).json()).toMatchObject({ status: 'failed', done: 3, inserted: 3, households: 1 });
    expect(await audits('import.batch', job.id)).toEqual([{ inserted: 3, skipped: 0, households: 1, held: 0 }]);
    expect(await audits('import.commit', job.id)).toEqual([]);

    await sql`update import_row set resident = jsonb_set(resident, '{phone}', 'null') where job_id = ${job.id} and row_no = 6`.execute(ctx.database.db);
    expect((await call('POST', `/api/imports/${job.id}/commit`)).json()).toEqual({ inserted: 6, households: 3, skipped: 0, invalid: 0 });
    expect(await households()).toEqual([
      { code: 'B01', members: 3, head: 'Bế Văn An' },
      { code: 'B02', members: 2, head: 'Bế Văn Bình' },
      { code: 'B03', members: 1, head: 'Bế Văn Dũng' },
    ]);
    expect((await audits('import.batch', job.id)).length).toBe(3);
    expect(await audits('import.commit', job.id)).toEqual([{ inserted: 6, households: 3, skipped: 0, invalid: 0 }]);
    expect((await call('GET', `/api/imports/${job.id}`)).json()).toMatchObject({ status: 'committed', done: 6 });
    expect((await call('POST', `/api/imports/${job.id}/commit`)).statusCode).toBe(409);
  });

  it('adds a later member to the household an earlier batch created, and skips whoever is registered', async () => {
    const job = (await upload([HEADER, 'B01,,Cháu,Bế Văn Hải,Nam,2020', ROWS[0]].join('\n'))).json();
    expect(job).toMatchObject({ valid: 2, existing: 1 });
    expect((await call('POST', `/api/imports/${job.id}/commit`)).json()).toEqual({ inserted: 1, households: 0, skipped: 1, invalid: 0 });
    expect((await households())[0]).toEqual({ code: 'B01', members: 4, head: 'Bế Văn An' });
  });

  it('registers two look-alike rows of one file as the preview counted them, whatever the batches', async () => {
    const job = (await upload([HEADER, 'B06,Số 6,Chủ hộ,Bế Văn Trùng,Nam,1985', 'B07,Số 7,Chủ hộ,Bế Văn Trùng,Nam,1985'].join('\n'))).json();
    expect(job).toMatchObject({ valid: 2, existing: 0 });
    expect((await call('POST', `/api/imports/${job.id}/commit`)).json()).toEqual({ inserted: 2, households: 2, skipped: 0, invalid: 0 });
  });

  it('refuses a commit whose staged rows were lost, and writes nothing more', async () => {
    const job = (await upload([HEADER, 'B04,Số 4,Chủ hộ,Bế Văn Khoa,Nam,1990', 'B05,Số 5,Chủ hộ,Bế Văn Lâm,Nam,1991'].join('\n'))).json();
    await sql`delete from import_row where job_id = ${job.id}`.execute(ctx.database.db); // as crash recovery leaves an unlogged table
    const res = await call('POST', `/api/imports/${job.id}/commit`);
    expect(res.statusCode).toBe(409);
    expect(res.json().key).toBe('imports.rowsGone');
    expect((await households()).map((h) => h.code)).not.toContain('B04');
  });
});
