/**
 * Issue 9, hole 5 (import part): a personal ID registered outside the caller's scope. The preview
 * says only "registered elsewhere" — not "existing", no id, unit or name — audits the look-up (the
 * people found and their communes, never the numbers), and the commit neither touches nor reveals
 * that person.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let station: string;
let ducXuan: number;
let elsewhere: number;
let outsider: { id: number; updated_at: Date };

const OUTSIDER_ID = '019080000777';
const OUTSIDER_NAME = 'Hà Văn Xa';

function upload(csv: string) {
  const boundary = '----ytcs-privacy';
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="unitId"\r\n\r\n${ducXuan}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
  );
  return ctx.app.inject({ method: 'POST', url: '/api/imports', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: station } });
}

const commit = (id: number) => ctx.app.inject({ method: 'POST', url: `/api/imports/${id}/commit`, headers: { cookie: station } });
const residents = async () => Number((await ctx.database.db.selectFrom('resident').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const outsiderNow = () => ctx.database.db.selectFrom('resident').where('id', '=', outsider.id).select(['id', 'updated_at', 'commune_id', 'household_id', 'status']).executeTakeFirstOrThrow();

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  elsewhere = await unitId(ctx, 'commune', '01843');
  await createUser(ctx, 'tram.privacy', [{ role: 'station', orgUnitId: ducXuan }]);
  station = await signIn(ctx, 'tram.privacy');
  outsider = await ctx.database.db
    .insertInto('resident')
    .values({ commune_id: elsewhere, full_name: OUTSIDER_NAME, sex: 'male', birth_year: 1980, citizen_id: OUTSIDER_ID })
    .returning(['id', 'updated_at'])
    .executeTakeFirstOrThrow();
});
afterAll(() => ctx.close());

describe('a personal ID registered outside the caller’s scope', () => {
  it('is "registered elsewhere" in the preview, not "existing", and names nobody', async () => {
    const res = await upload(`Họ và tên,Giới tính,Năm sinh,Số CCCD\n${OUTSIDER_NAME},Nam,1980,${OUTSIDER_ID}\n`);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ rows: 1, valid: 0, invalid: 1, existing: 0 });
    expect(body.errors).toEqual([expect.objectContaining({ row: 2, field: 'citizenId', message: expect.stringContaining('ở nơi khác'), messageEn: expect.stringContaining('registered elsewhere') })]);
    // The whole finding is fixed text: no id, unit or name can hide in it (a key, no parameters).
    expect(body.errors[0]).toEqual({
      row: 2,
      column: 'Số CCCD',
      letter: 'D',
      field: 'citizenId',
      key: 'imports.idRegisteredElsewhere',
      message: 'Số CCCD đã được đăng ký ở nơi khác (ngoài phạm vi của bạn); hãy đề nghị nơi đó chuyển người này đến',
      messageEn: 'Personal ID registered elsewhere (outside your scope); ask that unit to transfer the person',
    });
    expect(body.warnings).toEqual([]);
  });

  it('answers the same whatever name is written beside the ID (no name oracle)', async () => {
    const same = (await upload(`Họ và tên,Giới tính,Năm sinh,Số CCCD\n${OUTSIDER_NAME},Nam,1980,${OUTSIDER_ID}\n`)).json();
    const other = (await upload(`Họ và tên,Giới tính,Năm sinh,Số CCCD\nNgười Đoán Tên,Nam,1980,${OUTSIDER_ID}\n`)).json();
    expect(other.errors.map((e: { message: string }) => e.message)).toEqual(same.errors.map((e: { message: string }) => e.message));
    expect([other.valid, other.invalid, other.existing]).toEqual([same.valid, same.invalid, same.existing]);
  });

  it('audits the look-up once per preview: the person found and their commune, never the number', async () => {
    const res = (await upload(`Họ và tên,Giới tính,Năm sinh,Số CCCD\n${OUTSIDER_NAME},Nam,1980,${OUTSIDER_ID}\nLò Thị Mới,Nữ,1990,019190000888\n`)).json();
    const events = await ctx.database.db.selectFrom('audit_event').where('action', '=', 'import.lookup').where('entity_id', '=', String(res.id)).selectAll().execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toEqual({ residentIds: [outsider.id], communeIds: [elsewhere] });
    expect(JSON.stringify(events)).not.toMatch(new RegExp(`${OUTSIDER_ID}|019190000888|Hà Văn`));
  });

  it('is not touched by the commit, and the commit reveals nothing of them', async () => {
    const job = (await upload(`Họ và tên,Giới tính,Năm sinh,Số CCCD\n${OUTSIDER_NAME},Nam,1980,${OUTSIDER_ID}\nĐinh Văn Mới,Nam,1985,019085000999\n`)).json();
    expect(job).toMatchObject({ valid: 1, invalid: 1, existing: 0 });
    const res = await commit(job.id);
    expect(res.json()).toEqual({ inserted: 1, households: 0, skipped: 0, invalid: 1 });
    expect(await outsiderNow()).toMatchObject({ updated_at: outsider.updated_at, commune_id: elsewhere, household_id: null, status: 'active' });
  });

  it('holds back a row whose ID was registered elsewhere after the preview, saying only that, and commits the rest', async () => {
    const job = (await upload('Họ và tên,Giới tính,Năm sinh,Số CCCD\nTạ Văn Muộn,Nam,1981,019081000555\nTạ Thị Sớm,Nữ,1983,019183000556\n')).json();
    expect(job).toMatchObject({ valid: 2, existing: 0 });
    const late = await ctx.database.db.insertInto('resident').values({ commune_id: elsewhere, full_name: 'Tạ Văn Muộn', sex: 'male', birth_year: 1981, citizen_id: '019081000555' }).returning(['id', 'updated_at']).executeTakeFirstOrThrow();
    const before = await residents();
    const res = await commit(job.id);
    expect(res.json()).toEqual({ inserted: 1, households: 0, skipped: 0, invalid: 1 });
    expect(JSON.stringify(res.json())).not.toContain(String(late.id));
    expect(await residents()).toBe(before + 1);
    const still = await ctx.database.db.selectFrom('resident').where('id', '=', late.id).select(['updated_at', 'household_id']).executeTakeFirstOrThrow();
    expect(still).toEqual({ updated_at: late.updated_at, household_id: null });
    // The row is given back with the preview's words for it, and nothing of the record it met.
    const after = (await ctx.app.inject({ method: 'GET', url: `/api/imports/${job.id}`, headers: { cookie: station } })).json();
    expect(after.errors).toEqual([expect.objectContaining({ row: 2, field: 'citizenId', key: 'imports.idRegisteredElsewhere' })]);
    expect(after.errors[0].params ?? {}).toEqual({});
    const staged = await sql<{ cells: string[] }>`select cells from import_row where job_id = ${job.id}`.execute(ctx.database.db);
    expect(staged.rows.map((r) => r.cells)).toEqual([['Tạ Văn Muộn', 'Nam', '1981', '019081000555']]);
  });

});
