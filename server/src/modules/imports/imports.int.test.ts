import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, multipart, signIn, unitId } from '../../../test/harness.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/imports');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

let ctx: TestContext;
let station: string;
let other: string;
let villageWorker: string;
let ducXuan: number;
let village1: number;
let village2: number;

function upload(cookie: string | undefined, file: Buffer, fileName: string, unit: number, fields: Record<string, string> = {}) {
  const body = multipart(file, fileName, { unitId: String(unit), ...fields });
  return ctx.app.inject({ method: 'POST', url: '/api/imports', payload: body.payload, headers: { ...body.headers, ...(cookie ? { cookie } : {}) } });
}

const call = (method: 'GET' | 'POST', url: string, cookie?: string) => ctx.app.inject({ method, url, headers: cookie ? { cookie } : {} });

async function readXlsx(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push(Array.from({ length: values.length - 1 }, (_, i) => (values[i + 1] === null || values[i + 1] === undefined ? '' : String(values[i + 1]))));
  });
  return rows;
}

const count = async (table: 'resident' | 'household' | 'life_event') =>
  Number((await ctx.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  village1 = await createVillage(ctx, ducXuan, 'Tổ dân phố 1');
  village2 = await createVillage(ctx, ducXuan, 'Tổ dân phố 2');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'other', [{ role: 'station', orgUnitId: await unitId(ctx, 'commune', '01843') }]);
  await createUser(ctx, 'thon2', [{ role: 'village_worker', orgUnitId: village2 }]);
  station = await signIn(ctx, 'tram');
  other = await signIn(ctx, 'other');
  villageWorker = await signIn(ctx, 'thon2');
});
afterAll(() => ctx.close());

describe('importing a CSV', () => {
  let jobId: number;

  it('previews: columns mapped, errors by row and column, nothing registered', async () => {
    const before = await count('resident');
    const res = await upload(station, fixture('residents.csv'), 'residents.csv', ducXuan);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    jobId = body.id;
    // Household H02 is held back whole: its row 7 has an error, so its head (5) and spouse (6) wait for it.
    expect(body).toMatchObject({ status: 'previewed', format: 'csv', rows: 11, valid: 4, invalid: 7, existing: 0 });
    expect(body.columns.map((c: { field: string | null }) => c.field)).toEqual([
      null, 'householdCode', 'address', 'relationship', 'fullName', 'sex', 'birthDate', 'citizenId', 'insuranceCode',
      'insuranceValidFrom', 'insuranceValidTo', 'insuranceFacility', 'phone', 'ethnicity', 'occupation', 'residenceStatus', 'village',
    ]);
    const where = body.errors.map((e: { row: number; column: string; letter: string; field: string }) => [e.row, e.column, e.letter, e.field]);
    expect(where).toEqual([
      [5, null, null, 'household'],
      [6, null, null, 'household'],
      [7, 'Số CCCD', 'H', 'citizenId'],
      [8, 'Ngày sinh', 'G', 'birthDate'],
      [9, 'Thôn/Tổ dân phố', 'Q', 'village'],
      [10, 'SĐT', 'M', 'phone'],
      [11, 'Số CCCD', 'H', 'citizenId'],
    ]);
    expect(body.errors[0]).toMatchObject({ key: 'imports.householdHeld', params: { rows: '7' }, message: 'Cả hộ chưa được nhập vì dòng 7 của hộ có lỗi; sửa rồi nhập lại cả hộ' });
    expect(body.errors[2]).toMatchObject({ message: expect.stringContaining('12 chữ số'), messageEn: expect.stringContaining('12 digits') });
    expect(body.errors[6].message).toContain('dòng 2');
    expect(await count('resident')).toBe(before);
  });

  it('reports progress and status', async () => {
    const res = await call('GET', `/api/imports/${jobId}`, station);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'previewed', valid: 4, done: 0, errors: expect.any(Array) });
  });

  it('commits exactly the valid rows, with their households and heads, and audits counts only', async () => {
    const [residents, households, events] = [await count('resident'), await count('household'), await count('life_event')];
    const res = await call('POST', `/api/imports/${jobId}/commit`, station);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ inserted: 4, households: 1, skipped: 0, invalid: 7 });
    expect(await count('resident')).toBe(residents + 4);
    expect(await count('household')).toBe(households + 1);
    expect(await count('life_event')).toBe(events + 4);

    const db = ctx.database.db;
    const h01 = await db.selectFrom('household as h').innerJoin('resident as r', 'r.id', 'h.head_id').where('h.code', '=', 'H01').where('h.commune_id', '=', ducXuan)
      .select(['h.id', 'h.address', 'h.village_id', 'r.full_name']).executeTakeFirstOrThrow();
    expect(h01).toMatchObject({ address: 'Số 5, ngõ 3', village_id: village1, full_name: 'Trần Văn Nam' });
    const members = await db.selectFrom('resident').where('household_id', '=', h01.id).select(['full_name', 'relationship', 'birth_date', 'birth_year', 'ethnicity_code', 'residence_status', 'insurance_valid_to']).orderBy('id').execute();
    expect(members).toEqual([
      { full_name: 'Trần Văn Nam', relationship: 'head', birth_date: '1975-03-12', birth_year: 1975, ethnicity_code: '01', residence_status: 'permanent', insurance_valid_to: '2026-12-31' },
      { full_name: 'Lê Thị Hoa', relationship: 'spouse', birth_date: null, birth_year: 1978, ethnicity_code: '02', residence_status: 'permanent', insurance_valid_to: null },
      { full_name: 'Trần Minh Khôi', relationship: 'child', birth_date: '2005-09-05', birth_year: 2005, ethnicity_code: '01', residence_status: 'absent', insurance_valid_to: null },
    ]);
    const na = await db.selectFrom('resident').where('full_name', '=', 'Lý Thị Na').select(['household_id', 'village_id', 'ethnicity_code']).executeTakeFirstOrThrow();
    expect(na).toEqual({ household_id: null, village_id: village1, ethnicity_code: '09' });
    expect(await db.selectFrom('resident').where('full_name', 'in', ['Hoàng Văn Đức', 'Bùi Thị Lan', 'Hoàng Văn Bảo', 'Phạm Thị Thu', 'Vũ Văn Hải', 'Đỗ Thị Mai', 'Ngô Văn Tú']).select('id').execute()).toEqual([]);
    expect(await db.selectFrom('household').where('code', '=', 'H02').where('commune_id', '=', ducXuan).select('id').execute()).toEqual([]);

    const audit = await db.selectFrom('audit_event').where('action', '=', 'import.commit').selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toEqual({ inserted: 4, households: 1, skipped: 0, invalid: 7 });
    expect(JSON.stringify(audit)).not.toMatch(/001075000101|Trần/);

    const status = (await call('GET', `/api/imports/${jobId}`, station)).json();
    expect(status).toMatchObject({ status: 'committed', inserted: 4, households: 1, skipped: 0, done: 4 });
    expect((await call('POST', `/api/imports/${jobId}/commit`, station)).statusCode).toBe(409);
  });

  it('gives the bad rows back as XLSX, original columns plus the reasons', async () => {
    const res = await call('GET', `/api/imports/${jobId}/errors.xlsx`, station);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]?.at(-1)).toBe('Lỗi / Errors');
    expect(rows[0]?.slice(0, 3)).toEqual(['STT', 'Số hộ', 'Địa chỉ']);
    expect(rows.slice(1).map((r) => r[4])).toEqual(['Hoàng Văn Đức', 'Bùi Thị Lan', 'Hoàng Văn Bảo', 'Phạm Thị Thu', 'Vũ Văn Hải', 'Đỗ Thị Mai', 'Ngô Văn Tú']);
    // A held row comes back with its values as the importer reads them, so the fixed file imports the household whole.
    expect(rows[1]?.slice(1, 17)).toEqual(['H02', 'Thôn Hạ, xóm 2', 'Chủ hộ', 'Hoàng Văn Đức', 'Nam', '20/11/1960', '001060000104', '', '', '', '', '', 'Nùng', '', 'Thường trú', 'Tổ dân phố 2']);
    expect(rows[1]?.at(-1)).toContain('dòng 7');
    expect(rows[3]?.[7]).toBe('00109000010');
    expect(rows[3]?.at(-1)).toMatch(/Số CCCD: .*12 chữ số.*12 digits/);
    expect(rows[5]?.at(-1)).toContain('Thôn Không Có');
  });

  it('imports the same file again without adding anyone', async () => {
    const [residents, households] = [await count('resident'), await count('household')];
    const preview = (await upload(station, fixture('residents.csv'), 'residents.csv', ducXuan)).json();
    expect(preview).toMatchObject({ valid: 4, invalid: 7, existing: 4 });
    const res = await call('POST', `/api/imports/${preview.id}/commit`, station);
    expect(res.json()).toEqual({ inserted: 0, households: 0, skipped: 4, invalid: 7 });
    expect(await count('resident')).toBe(residents);
    expect(await count('household')).toBe(households);
  });

  it('imports the household whole once the errors file is fixed and sent back', async () => {
    const file = new ExcelJS.Workbook();
    await file.xlsx.load((await call('GET', `/api/imports/${jobId}/errors.xlsx`, station)).rawPayload as unknown as ArrayBuffer);
    const sheet = file.worksheets[0] as ExcelJS.Worksheet;
    // The station fixes row 7's personal ID and keeps only household H02's rows.
    const kept: ExcelJS.CellValue[][] = [];
    // ExcelJS gives a row's values 1-based (index 0 unused) and takes them back the same way.
    sheet.eachRow((row, n) => {
      const values = row.values as ExcelJS.CellValue[];
      if (n === 1 || values[2] === 'H02') kept.push(values);
    });
    const fixed = new ExcelJS.Workbook();
    const out = fixed.addWorksheet('Sửa');
    for (const values of kept) out.addRow(values.map((v) => (v === '00109000010' ? '001090000105' : v)));
    const preview = (await upload(station, Buffer.from(await fixed.xlsx.writeBuffer()), 'sua.xlsx', ducXuan)).json();
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ rows: 3, valid: 3, invalid: 0 });
    expect((await call('POST', `/api/imports/${preview.id}/commit`, station)).json()).toMatchObject({ inserted: 3, households: 1 });
    const h02 = await ctx.database.db.selectFrom('household as h').innerJoin('resident as r', 'r.id', 'h.head_id').where('h.code', '=', 'H02').where('h.commune_id', '=', ducXuan)
      .select(['h.id', 'r.full_name']).executeTakeFirstOrThrow();
    expect(h02.full_name).toBe('Hoàng Văn Đức');
    const members = await ctx.database.db.selectFrom('resident').where('household_id', '=', h02.id).select(['full_name', 'relationship']).orderBy('id').execute();
    expect(members).toEqual([
      { full_name: 'Hoàng Văn Đức', relationship: 'head' },
      { full_name: 'Bùi Thị Lan', relationship: 'spouse' },
      { full_name: 'Hoàng Văn Bảo', relationship: 'child' },
    ]);
  });

  it('refuses a personal ID registered to someone else', async () => {
    const csv = 'Họ và tên,Giới tính,Năm sinh,Số CCCD\nNgười Khác,Nam,1975,001075000101\n';
    const body = (await upload(station, Buffer.from(csv), 'x.csv', ducXuan)).json();
    expect(body).toMatchObject({ valid: 0, invalid: 1 });
    expect(body.errors[0]).toMatchObject({ row: 2, column: 'Số CCCD', field: 'citizenId', message: 'Số CCCD đã được đăng ký cho một người khác' });
  });
});

describe('importing an XLSX', () => {
  it('finds the header under a title, reads date and number cells, and commits', async () => {
    const res = await upload(station, fixture('residents.xlsx'), 'residents.xlsx', ducXuan);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ format: 'xlsx', rows: 8, valid: 3, invalid: 5 });
    expect(body.errors.map((e: { row: number; letter: string; field: string }) => [e.row, e.letter, e.field])).toEqual([
      [7, 'G', 'birthDate'],
      [8, 'H', 'citizenId'],
      [9, 'K', 'phone'],
      [10, 'M', 'village'],
      [11, 'H', 'citizenId'],
    ]);
    expect(body.warnings).toContainEqual(expect.objectContaining({ row: 4, column: 'Số định danh', field: 'citizenId' }));
    const commit = await call('POST', `/api/imports/${body.id}/commit`, station);
    expect(commit.json()).toEqual({ inserted: 3, households: 1, skipped: 0, invalid: 5 });
    const son = await ctx.database.db.selectFrom('resident').where('full_name', '=', 'Nguyễn Văn Sơn').select(['citizen_id', 'birth_date', 'village_id', 'relationship']).executeTakeFirstOrThrow();
    expect(son).toEqual({ citizen_id: '019082000201', birth_date: '1982-04-15', village_id: village2, relationship: 'head' });
    const yen = await ctx.database.db.selectFrom('resident').where('full_name', '=', 'Trịnh Thị Yến').select(['insurance_valid_to', 'phone', 'ethnicity_code']).executeTakeFirstOrThrow();
    expect(yen).toEqual({ insurance_valid_to: '2026-12-31', phone: '0978111222', ethnicity_code: '08' });
  });
});

describe('column mapping chosen by the caller', () => {
  it('uses the mapping sent with the file', async () => {
    const csv = 'Tên đầy đủ;Phái;Ngày sinh;Bỏ qua\nĐào Thị Hạnh;Nữ;1/2/1999;x\n';
    const res = await upload(station, Buffer.from(csv), 'y.csv', village1, { mapping: JSON.stringify({ 'Tên đầy đủ': 'fullName', Phái: 'sex', 'Bỏ qua': null }) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ valid: 1, invalid: 0, columns: [{ field: 'fullName' }, { field: 'sex' }, { field: 'birthDate' }, { field: null }] });
  });

  it('names the columns a file lacks', async () => {
    const res = await upload(station, Buffer.from('Họ và tên,Ghi chú\nAi Đó,x\n'), 'z.csv', ducXuan);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['sex', 'birthDate']);
  });
});

describe('files it cannot read', () => {
  it('says so, and keeps no job', async () => {
    const cut = await upload(station, fixture('residents.xlsx').subarray(0, 3000), 'cut.xlsx', ducXuan);
    expect(cut.statusCode).toBe(400);
    expect(cut.json().errors[0]).toMatchObject({ field: 'file', messageEn: expect.stringContaining('could not be read') });
    const xls = await upload(station, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'old.xls', ducXuan);
    expect(xls.json().errors[0].messageEn).toContain('.xls');
    const jobs = await sql<{ n: number }>`select count(*)::int as n from import_job where status = 'parsing'`.execute(ctx.database.db);
    expect(jobs.rows[0]?.n).toBe(0);
  });
});

describe('a failure during the commit', () => {
  it('leaves nothing half-written, and the job can be committed once fixed', async () => {
    const csv = ['Số hộ,Địa chỉ,Quan hệ với chủ hộ,Họ và tên,Giới tính,Ngày sinh', 'F01,Số 1,Chủ hộ,Phan Văn Một,Nam,1970', 'F01,,Vợ,Phan Thị Hai,Nữ,1972', 'F02,Số 2,Chủ hộ,Phan Văn Ba,Nam,1980'].join('\n');
    const job = (await upload(station, Buffer.from(csv), 'f.csv', village1)).json();
    expect(job.valid).toBe(3);
    // Spoil the last staged row so the database refuses it after the households are written.
    const db = ctx.database.db;
    await sql`update import_row set resident = jsonb_set(resident, '{phone}', '"bad"') where job_id = ${job.id} and row_no = 4`.execute(db);
    const [residents, households, audits] = [await count('resident'), await count('household'), (await db.selectFrom('audit_event').where('action', '=', 'import.commit').select('id').execute()).length];
    const res = await call('POST', `/api/imports/${job.id}/commit`, station);
    expect(res.statusCode).toBe(500);
    expect(await count('resident')).toBe(residents);
    expect(await count('household')).toBe(households);
    expect((await db.selectFrom('audit_event').where('action', '=', 'import.commit').select('id').execute()).length).toBe(audits);
    expect((await call('GET', `/api/imports/${job.id}`, station)).json().status).toBe('failed');

    await sql`update import_row set resident = jsonb_set(resident, '{phone}', 'null') where job_id = ${job.id} and row_no = 4`.execute(db);
    expect((await call('POST', `/api/imports/${job.id}/commit`, station)).json()).toEqual({ inserted: 3, households: 2, skipped: 0, invalid: 0 });
  });
});

describe('staged rows lost (unlogged: a database crash empties them)', () => {
  it('refuses the commit and writes nothing', async () => {
    const csv = ['Số hộ,Địa chỉ,Quan hệ với chủ hộ,Họ và tên,Giới tính,Ngày sinh', 'L01,Số 1,Chủ hộ,Lò Văn Một,Nam,1970', 'L01,,Vợ,Lò Thị Hai,Nữ,1972'].join('\n');
    const job = (await upload(station, Buffer.from(csv), 'l.csv', village1)).json();
    expect(job.valid).toBe(2);
    const db = ctx.database.db;
    const kept = await sql<{ cells: unknown }>`select cells from import_row where job_id = ${job.id}`.execute(db);
    expect(kept.rows.map((r) => r.cells)).toEqual([null, null]); // valid rows keep their values, not their cells
    // As crash recovery leaves an unlogged table: empty.
    await sql`delete from import_row where job_id = ${job.id}`.execute(db);
    const [residents, households] = [await count('resident'), await count('household')];
    expect((await call('POST', `/api/imports/${job.id}/commit`, station)).statusCode).toBe(409);
    expect([await count('resident'), await count('household')]).toEqual([residents, households]);
  });
});

describe('exporting a register', () => {
  it('writes the commune’s residents with the importer’s headers, and the file imports back cleanly', async () => {
    const res = await call('GET', `/api/residents/export.xlsx?orgUnit=${ducXuan}`, station);
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(['Thôn/Tổ dân phố', 'Số hộ', 'Địa chỉ', 'Quan hệ với chủ hộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Mã thẻ BHYT', 'Hạn thẻ từ', 'Hạn thẻ đến', 'Nơi ĐKKCB ban đầu', 'Đối tượng', 'Số điện thoại', 'Dân tộc', 'Nghề nghiệp', 'Tình trạng cư trú']);
    const active = Number((await ctx.database.db.selectFrom('resident').where('commune_id', '=', ducXuan).where('status', '=', 'active').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(rows.length - 1).toBe(active);
    const nam = rows.find((r) => r[4] === 'Trần Văn Nam');
    expect(nam).toEqual(['Tổ dân phố 1', 'H01', 'Số 5, ngõ 3', 'Chủ hộ', 'Trần Văn Nam', 'Nam', '12/03/1975', '001075000101', 'GD4010123456701', '01/01/2026', '31/12/2026', 'Trạm Y tế phường Đức Xuân', '', '0912000101', 'Kinh', 'Làm ruộng', 'Thường trú']);
    expect(rows.find((r) => r[4] === 'Lê Thị Hoa')?.[6]).toBe('1978');
    const audit = await ctx.database.db.selectFrom('audit_event').where('action', '=', 'resident.export').select('details').executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ orgUnit: ducXuan, count: active });

    const again = (await upload(station, res.rawPayload, 'export.xlsx', ducXuan)).json();
    expect(again).toMatchObject({ rows: active, valid: active, invalid: 0, existing: active, errors: [] });
    expect((await call('POST', `/api/imports/${again.id}/commit`, station)).json()).toEqual({ inserted: 0, households: 0, skipped: active, invalid: 0 });
  });
});

describe('access', () => {
  it('keeps rows of a village worker to their village', async () => {
    const body = (await upload(villageWorker, fixture('residents.csv'), 'residents.csv', village2)).json();
    expect(body.errors.filter((e: { field: string }) => e.field === 'village').map((e: { row: number }) => e.row)).toEqual([2, 3, 4, 8, 9, 10, 11, 12]);
  });

  it('answers 404 for a unit or an import outside the caller’s scope', async () => {
    expect((await upload(other, fixture('residents.csv'), 'residents.csv', ducXuan)).statusCode).toBe(404);
    expect((await upload(villageWorker, fixture('residents.csv'), 'residents.csv', village1)).statusCode).toBe(404);
    const job = (await upload(station, fixture('residents.csv'), 'residents.csv', village1)).json();
    expect((await call('GET', `/api/imports/${job.id}`, other)).statusCode).toBe(404);
    expect((await call('POST', `/api/imports/${job.id}/commit`, other)).statusCode).toBe(404);
    expect((await call('GET', `/api/imports/${job.id}/errors.xlsx`, other)).statusCode).toBe(404);
    expect((await call('GET', `/api/imports/${job.id}`, villageWorker)).statusCode).toBe(404);
    expect((await call('GET', `/api/residents/export.xlsx?orgUnit=${ducXuan}`, other)).statusCode).toBe(404);
    expect((await call('GET', '/api/imports/999999', station)).statusCode).toBe(404);
  });

  it('answers 401 without a session', async () => {
    expect((await upload(undefined, fixture('residents.csv'), 'residents.csv', ducXuan)).statusCode).toBe(401);
    expect((await call('GET', '/api/imports/1')).statusCode).toBe(401);
    expect((await call('POST', '/api/imports/1/commit')).statusCode).toBe(401);
    expect((await call('GET', '/api/imports/1/errors.xlsx')).statusCode).toBe(401);
    expect((await call('GET', `/api/residents/export.xlsx?orgUnit=${ducXuan}`)).statusCode).toBe(401);
  });
});

describe('CSV files from old Vietnamese software', () => {
  const csv = 'Họ và tên,Giới tính,Năm sinh,Thôn/Tổ dân phố\r\nPhạm Quang Đạt,Nam,1975,Tổ dân phố 1\r\nĐỗ Thị Thủy,Nữ,1980,Tổ dân phố 2\r\nNguyễn Thị Hồng,Nữ,1990,Tổ dân phố 1\r\n';

  /** Windows-1258 as Windows writes it: the tone as a combining byte after its vowel. */
  function windows1258(text: string) {
    const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
    const written = [...text].map((ch) => ch.normalize('NFD').replace(tones, '').normalize('NFC') + (ch.normalize('NFD').match(tones) ?? []).join('')).join('');
    return iconv.encode(written, 'windows1258');
  }

  it('converts Windows-1258 and TCVN3, and says so in the preview', async () => {
    for (const [label, bytes] of [['Windows-1258', windows1258(csv)], ['TCVN3 (ABC)', iconv.encode(csv, 'tcvn')]] as const) {
      const res = await upload(station, bytes, 'cu.csv', ducXuan);
      expect(res.statusCode, label).toBe(201);
      const body = res.json();
      expect(body, label).toMatchObject({ rows: 3, valid: 3, invalid: 0 });
      expect(body.warnings[0], label).toMatchObject({ row: 1, field: 'file', key: 'imports.encodingConverted', params: { encoding: label } });
      const names = await sql<{ name: string }>`select resident->>'full_name' as name from import_row where job_id = ${body.id} order by row_no`.execute(ctx.database.db);
      expect(names.rows.map((n) => n.name), label).toEqual(['Phạm Quang Đạt', 'Đỗ Thị Thủy', 'Nguyễn Thị Hồng']);
    }
  });

  it('refuses VNI by name, and stores nothing', async () => {
    const vni = Buffer.from('Hoï vaø teân,Giôùi tính,Naêm sinh\r\nPhaïm Quang Ñaït,Nam,1975\r\nNguyeãn Thò Hoàng,Nöõ,1990\r\nÑoã Thò Thuûy,Nöõ,1980\r\n', 'latin1');
    const res = await upload(station, vni, 'vni.csv', ducXuan);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'file', key: 'imports.encodingVni' });
    expect(res.json().errors[0].message).toContain('VNI');
  });
});

describe('messages that name the real problem', () => {
  const errorOf = async (file: Buffer, name: string) => {
    const res = await upload(station, file, name, ducXuan);
    expect(res.statusCode, name).toBe(400);
    return res.json().errors[0];
  };

  it('an empty file, a header without rows, and bytes named .xlsx that are no workbook', async () => {
    expect(await errorOf(Buffer.alloc(0), 'trong.csv')).toMatchObject({ field: 'file', key: 'imports.empty', message: 'Tệp trống, không có dữ liệu' });
    expect(await errorOf(Buffer.from('Họ và tên,Giới tính,Năm sinh\r\n'), 'tieu-de.csv')).toMatchObject({ key: 'imports.noDataRows' });
    const noise = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256));
    expect(await errorOf(noise, 'so-dan.xlsx')).toMatchObject({ key: 'imports.notSpreadsheet', params: { extension: '.xlsx' } });
  });

  it('points a repeated column at its own letter', async () => {
    const res = await upload(station, Buffer.from('Họ và tên,Giới tính,Năm sinh,Họ và tên\r\nLò Văn Pao,Nam,1980,Lò Văn Pao\r\n'), 'lap.csv', ducXuan);
    expect(res.json().warnings).toContainEqual(expect.objectContaining({ column: 'Họ và tên', letter: 'D', key: 'imports.columnRepeated' }));
  });

  it('gives each row of the errors file the number its messages refer to', async () => {
    const csv = 'Họ và tên,Giới tính,Năm sinh,Số CCCD\r\nLò Văn Pao,Nam,1980,001080000111\r\nLò Thị Ả,Nữ,1982,001080000111\r\n';
    const job = (await upload(station, Buffer.from(csv), 'trung.csv', ducXuan)).json();
    const rows = await readXlsx((await call('GET', `/api/imports/${job.id}/errors.xlsx`, station)).rawPayload);
    expect(rows[0]?.slice(-2)).toEqual(['Dòng gốc / Row', 'Lỗi / Errors']);
    expect(rows[1]?.slice(-2)).toEqual(['3', expect.stringContaining('dòng 2')]);
  });
});

describe('the template', () => {
  it('has the headers the importer reads and an example row that imports', async () => {
    const res = await call('GET', '/api/imports/template.xlsx', station);
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]?.slice(0, 7)).toEqual(['Thôn/Tổ dân phố', 'Số hộ', 'Địa chỉ', 'Quan hệ với chủ hộ', 'Họ và tên', 'Giới tính', 'Ngày sinh']);
    expect(rows).toHaveLength(2);
    const village = await createVillage(ctx, ducXuan, 'Thôn 1');
    const preview = (await upload(station, res.rawPayload, 'mau.xlsx', village)).json();
    expect(preview).toMatchObject({ rows: 1, valid: 1, invalid: 0 });
  });
});
