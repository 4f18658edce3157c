/**
 * Issue 9, hole 1: what an uploaded file may expand to. Zip bombs built in the test (a shared
 * strings bomb, one whose headers lie, a 300-byte sheet declaring two billion columns), CSV lines
 * and row counts beyond the limits: each a clear 413, no job kept, and the heap bounded.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, multipart, signIn, unitId } from '../../../test/harness.ts';
import { columnsBomb, honestWorkbook, lyingBomb, sharedStringsBomb } from '../../../test/zip-bombs.ts';
import { HEADER_SEARCH_ROWS, MAX_ROWS } from './imports.limits.ts';

let ctx: TestContext;
let station: string;
let commune: number;

function upload(file: Buffer, fileName: string) {
  const body = multipart(file, fileName, { unitId: String(commune) });
  return ctx.app.inject({ method: 'POST', url: '/api/imports', payload: body.payload, headers: { ...body.headers, cookie: station } });
}

const jobs = async () => (await sql<{ n: number }>`select count(*)::int as n from import_job`.execute(ctx.database.db)).rows[0]?.n;

/** The highest heap use seen while `work` runs, above what it was before. */
async function heapGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { result, growth: peak - base };
  } finally {
    clearInterval(sampler);
  }
}

const MB = 1024 * 1024;

beforeAll(async () => {
  ctx = await createTestContext();
  commune = await unitId(ctx, 'commune', '01840');
  await createUser(ctx, 'tram.limits', [{ role: 'station', orgUnitId: commune }]);
  station = await signIn(ctx, 'tram.limits');
});
afterAll(() => ctx.close());

describe('an XLSX that expands beyond the limits', () => {
  it('refuses a shared strings bomb (7 MB expanding to 3 GB) with 413, before building it', async () => {
    const before = await jobs();
    const { result: res, growth } = await heapGrowth(() => upload(sharedStringsBomb(3), 'bom.xlsx'));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'too_large', message: expect.stringContaining('Tệp quá lớn sau khi giải nén'), messageEn: expect.stringContaining('too large once decompressed') });
    expect(growth).toBeLessThan(200 * MB);
    expect(await jobs()).toBe(before);
  });

  it('refuses a bomb whose headers declare 4 kB where 3 GB come out', async () => {
    const { result: res, growth } = await heapGrowth(() => upload(lyingBomb(3), 'noi-doi.xlsx'));
    expect(res.statusCode).toBe(413);
    expect(res.json().messageEn).toContain('too large once decompressed');
    expect(growth).toBeLessThan(200 * MB);
  });

  it('refuses a sheet of a few hundred bytes that declares two billion columns', async () => {
    const file = columnsBomb();
    expect(file.length).toBeLessThan(2000);
    const { result: res, growth } = await heapGrowth(() => upload(file, 'cot.xlsx'));
    expect(res.statusCode).toBe(413);
    expect(growth).toBeLessThan(200 * MB);
  });

  it('keeps the heap bounded when two bombs arrive at once', async () => {
    const { result, growth } = await heapGrowth(() => Promise.all([upload(sharedStringsBomb(3), 'a.xlsx'), upload(lyingBomb(3), 'b.xlsx')]));
    expect(result.map((r) => r.statusCode)).toEqual([413, 413]);
    expect(growth).toBeLessThan(300 * MB);
  });

  it('still reads an honest workbook through the guard', async () => {
    const res = await upload(honestWorkbook(), 'ok.xlsx');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ format: 'xlsx', rows: 1, valid: 1 });
  });

  it('calls a zip with a broken directory unreadable (400), not too large', async () => {
    const file = honestWorkbook();
    file.writeUInt32LE(0, file.length - 22); // the end-of-directory signature
    const res = await upload(file, 'hong.xlsx');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].messageEn).toContain('could not be read');
  });
});

describe('a CSV beyond the limits', () => {
  it('refuses a line longer than a record may be, naming it', async () => {
    const csv = `Họ và tên,Giới tính,Năm sinh\nLò Văn Pao,Nam,1980\n"${'x'.repeat(100_000)}",Nam,1980\n`;
    const res = await upload(Buffer.from(csv), 'dai.csv');
    expect(res.statusCode).toBe(413);
    expect(res.json().messageEn).toMatch(/Row \d+ is too long/);
  });

  it('refuses a cell longer than a register ever has', async () => {
    const csv = `Họ và tên,Giới tính,Năm sinh,Ghi chú\nLò Văn Pao,Nam,1980,${'y'.repeat(5_000)}\n`;
    const res = await upload(Buffer.from(csv), 'o.csv');
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ message: expect.stringContaining('Dòng 2 quá dài'), messageEn: expect.stringContaining('Row 2 is too long') });
  });

  it(`refuses more than ${MAX_ROWS} rows (and the title and header rows above them)`, async () => {
    const csv = `Họ và tên,Giới tính,Năm sinh\n${',,\n'.repeat(MAX_ROWS + HEADER_SEARCH_ROWS)}`;
    const res = await upload(Buffer.from(csv), 'nhieu.csv');
    expect(res.statusCode).toBe(413);
    expect(res.json().messageEn).toContain(`more than ${MAX_ROWS.toLocaleString('en-US')} rows`);
  });
});
