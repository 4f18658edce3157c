/**
 * Issue 9, fuzz promise for the import parsers and the row check: arbitrary bytes as a CSV, a real
 * XLSX with bytes flipped or cut (read or refused within seconds, never a hang), arbitrary cell
 * text (Unicode edge cases, NUL, bidi, huge numbers as text, legacy encodings) → rows within the
 * limits, or an error the service answers as a 4xx.
 * Never an exception of another kind (a 500), never a row beyond the limits reaching the database.
 * The numbers of runs are in docs/security/imports.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { honestWorkbook } from '../../../test/zip-bombs.ts';
import { mapColumns } from './imports.columns.ts';
import { FileTooLarge, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROW_CHARS } from './imports.limits.ts';
import { type SheetRow, csvRows } from './imports.parsers.ts';
import { type RowContext, readRow } from './imports.rows.ts';
import { type Cell, ethnicityReader, villageReader } from './imports.values.ts';
import { xlsxRows } from './imports.workbook.ts';
import { BadZip } from './imports.zip.ts';

export const FUZZ_RUNS = { csvBytes: 400, csvCells: 300, xlsxBytes: 150, rowCells: 1000 };

const chars = (c: Cell) => (typeof c === 'string' ? c.length : 0);
const bounded = (row: SheetRow) =>
  row.cells.length <= MAX_COLUMNS && row.cells.every((c) => chars(c) <= MAX_CELL_CHARS && !(typeof c === 'string' && c.includes('\u0000'))) && row.cells.reduce<number>((n, c) => n + chars(c), 0) <= MAX_ROW_CHARS;

/**
 * What the service turns into a 4xx: a limit (413), or any error raised while reading (400,
 * "unreadable"; see readFailure). What would be a 500 or a dead process is a hang, a non-Error
 * thrown, or an error escaping the iteration (vitest fails the run on an unhandled one).
 */
const fourXX = (err: unknown) => err instanceof FileTooLarge || err instanceof BadZip || err instanceof Error;

async function readAll(rows: AsyncIterable<SheetRow>): Promise<{ rows: SheetRow[] } | { error: unknown }> {
  const out: SheetRow[] = [];
  try {
    for await (const row of rows) out.push(row);
    return { rows: out };
  } catch (error) {
    return { error };
  }
}

/** Text that breaks naive code: NUL, bidi overrides, zero-width, lone surrogates, combining marks, huge numbers, dates that do not exist. */
const nasty = fc.constantFrom('\u0000', '\u202e', '\u200b', '\ufeff', '\ud800', '\u0301', '1e400', '99999999999999999999', '-0', 'NaN', '31/02/2020', '00/00/0000', '"', '""', ',', ';', '\t', '\r', '\n', '=cmd|', 'Nguy\u1ec5n', 'Nguye\u0303\u0302n');
const cellText = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.array(nasty, { maxLength: 5 }).map((a) => a.join('')));

describe('the CSV reader under fuzz', () => {
  it('reads arbitrary bytes into bounded rows or fails cleanly', async () => {
    const piece = fc.oneof(fc.uint8Array({ maxLength: 300 }), nasty.map((s) => new Uint8Array(Buffer.from(s))), fc.constant(new Uint8Array([0xff, 0xfe])), fc.constant(new Uint8Array([0xef, 0xbb, 0xbf])));
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), async (pieces) => {
        const bytes = Buffer.concat(pieces.map((p) => Buffer.from(p)));
        if (!bytes.length) return;
        const result = await readAll(csvRows(Readable.from([bytes])));
        if ('error' in result) expect(fourXX(result.error)).toBe(true);
        else expect(result.rows.every(bounded)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS.csvBytes },
    );
  });

  it('reads quoted cells of any text into bounded rows or fails cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cellText, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), async (rows) => {
        const csv = ['a,b,c', ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n');
        const result = await readAll(csvRows(Readable.from([Buffer.from(csv)])));
        if ('error' in result) expect(fourXX(result.error)).toBe(true);
        else expect(result.rows.every(bounded)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS.csvCells },
    );
  });
});

describe('the XLSX reader under fuzz', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-fuzz-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const honest = honestWorkbook();

  it('reads a workbook with bytes flipped or cut into bounded rows or fails cleanly, never hanging', async () => {
    let n = 0;
    const damage = fc.record({
      flips: fc.array(fc.record({ at: fc.nat({ max: honest.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
      cut: fc.option(fc.nat({ max: honest.length }), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(damage, async ({ flips, cut }) => {
        const bytes = Buffer.from(honest);
        for (const f of flips) bytes[f.at] = f.value;
        const file = path.join(dir, `f${n++}.xlsx`);
        fs.writeFileSync(file, cut === null ? bytes : bytes.subarray(0, cut));
        // Never a hang: every file is read, or refused, within a few seconds.
        let timer: NodeJS.Timeout | undefined;
        const hang = new Promise<'hang'>((resolve) => {
          timer = setTimeout(() => resolve('hang'), 5_000);
        });
        const result = await Promise.race([readAll(xlsxRows(file)), hang]).finally(() => clearTimeout(timer));
        expect(result).not.toBe('hang');
        if (result === 'hang') return;
        if ('error' in result) expect(fourXX(result.error)).toBe(true);
        else expect(result.rows.every(bounded)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS.xlsxBytes },
    );
  }, 300_000);
});

describe('the row check under fuzz', () => {
  const headers = ['Số hộ', 'Địa chỉ', 'Quan hệ với chủ hộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'SĐT', 'Dân tộc', 'Thôn/Tổ dân phố', 'Mã thẻ BHYT', 'Hạn thẻ đến'];
  const context = (): RowContext => ({
    columns: mapColumns(headers).columns,
    targetVillage: null,
    village: villageReader([{ id: 11, name: 'Thôn 1' }]),
    ethnicity: ethnicityReader([{ code: '01', name: 'Kinh', other_names: 'Việt' }]).read,
    seenIds: new Map(),
    heads: new Map(),
    today: new Date('2026-12-01T00:00:00Z'),
  });
  const cell: fc.Arbitrary<Cell> = fc.oneof(cellText, fc.constant(null), fc.double(), fc.boolean(), fc.date({ noInvalidDate: false }), fc.constantFrom('Nam', 'Nữ', 'Chủ hộ', 'Kinh', 'Thôn 1', '01/02/1980', '019080000777'));

  it('turns any cells into a valid resident or row errors, never a throw', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: headers.length, maxLength: headers.length }), (cells) => {
        const staged = readRow(2, cells, context());
        if (staged.resident) {
          expect(staged.errors).toEqual([]);
          // What reaches the database has no control characters or bidi overrides in the name.
          const controls = [...staged.resident.full_name].filter((ch) => ch.charCodeAt(0) < 0x20 || /[\u202a-\u202e\u2066-\u2069]/.test(ch));
          expect(controls).toEqual([]);
        } else {
          expect(staged.errors.length).toBeGreaterThan(0);
        }
        for (const e of staged.errors) expect(e.message && e.messageEn).toBeTruthy();
      }),
      { numRuns: FUZZ_RUNS.rowCells },
    );
  });
});
