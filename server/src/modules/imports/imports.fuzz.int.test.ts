/**
 * Issue 9, fuzz promise at the API: arbitrary files and arbitrary cells through POST /api/imports
 * and the commit. Always 201, 400 or 413 — never a 500; a refused file leaves no job; a preview
 * writes no resident; a commit writes exactly what it reports, or nothing.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, multipart, signIn, unitId } from '../../../test/harness.ts';
import { honestWorkbook } from '../../../test/zip-bombs.ts';

export const API_FUZZ_RUNS = { files: 40, cells: 30 };

let ctx: TestContext;
let station: string;
let commune: number;

function upload(file: Buffer, fileName: string) {
  const body = multipart(file, fileName, { unitId: String(commune) });
  return ctx.app.inject({ method: 'POST', url: '/api/imports', payload: body.payload, headers: { ...body.headers, cookie: station } });
}

const count = async (table: 'resident' | 'import_job' | 'household') => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(ctx.database.db)).rows[0]?.n ?? 0;
const nasty = fc.constantFrom('\u0000', '\u202e', '\u200b', '\ufeff', '1e400', '99999999999999999999', '31/02/2020', '"', ',', '\n', 'Nam', 'Nữ', '1980', '019080000777', 'Chủ hộ');
const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.array(nasty, { maxLength: 4 }).map((a) => a.join('')));

beforeAll(async () => {
  ctx = await createTestContext();
  commune = await unitId(ctx, 'commune', '01840');
  await createUser(ctx, 'tram.fuzz', [{ role: 'station', orgUnitId: commune }]);
  station = await signIn(ctx, 'tram.fuzz');
});
afterAll(() => ctx.close());

describe('the import API under fuzz', () => {
  it('answers any file with 201, 400 or 413, keeps no job for a refused one, and registers nobody', async () => {
    const honest = honestWorkbook();
    const file = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((b) => ({ bytes: Buffer.from(b), name: 'x.csv' })),
      fc.array(fc.record({ at: fc.nat({ max: honest.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 }).map((flips) => {
        const bytes = Buffer.from(honest);
        for (const f of flips) bytes[f.at] = f.value;
        return { bytes, name: 'x.xlsx' };
      }),
    );
    const residents = await count('resident');
    await fc.assert(
      fc.asyncProperty(file, async ({ bytes, name }) => {
        const jobs = await count('import_job');
        const res = await upload(bytes, name);
        expect([201, 400, 413]).toContain(res.statusCode);
        if (res.statusCode !== 201) expect(await count('import_job')).toBe(jobs);
      }),
      { numRuns: API_FUZZ_RUNS.files },
    );
    expect(await count('resident')).toBe(residents);
  }, 600_000);

  it('commits arbitrary rows all or nothing: the residents added are exactly those reported', async () => {
    const rows = fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(rows, async (cells) => {
        const csv = ['Họ và tên,Giới tính,Năm sinh,Số CCCD', ...cells.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n');
        const preview = await upload(Buffer.from(csv), 'rows.csv');
        expect([201, 400, 413]).toContain(preview.statusCode);
        if (preview.statusCode !== 201) return;
        const [residents, households] = [await count('resident'), await count('household')];
        const commit = await ctx.app.inject({ method: 'POST', url: `/api/imports/${preview.json().id}/commit`, headers: { cookie: station } });
        expect([200, 409]).toContain(commit.statusCode);
        const added = commit.statusCode === 200 ? commit.json() : { inserted: 0, households: 0 };
        expect(await count('resident')).toBe(residents + added.inserted);
        expect(await count('household')).toBe(households + added.households);
      }),
      { numRuns: API_FUZZ_RUNS.cells },
    );
  }, 600_000);
});
