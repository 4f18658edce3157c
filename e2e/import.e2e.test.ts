/**
 * Bulk import as a commune health station meets it, in a real Chromium against the real server
 * with demo data: upload a CSV of one household (and two rows with mistakes), read the check
 * (counts, columns, the two errors by row and column), correct a column the server did not
 * recognise, import the good rows, take the bad rows back as a spreadsheet, and find one of the
 * new people without diacritics; the residents page shows coverage and exports the register.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, launchBrowser, startServer } from './server.ts';
import { choose, rowsOf, settle, signIn } from './helpers.ts';

let server: RunningServer;
let browser: Browser;
let dir = '';
const shots = path.resolve(import.meta.dirname, '../.tmp/screenshots');

// Header = row 1, so the people are on rows 2–6 as a spreadsheet shows them. The last column has
// a header the server does not know: the page lets the user say it holds phone numbers.
const CSV = [
  'Họ và tên,Giới tính,Ngày sinh,Số CCCD,Số hộ,Quan hệ với chủ hộ,Thôn/Tổ dân phố,Địa chỉ,Dân tộc,Nghề nghiệp,Điện thoại nhà',
  'Quách Văn Thịnh,Nam,14/03/1972,001072009876,QT-01,Chủ hộ,Tổ dân phố 2,"Số 18, ngõ 4, đường Bắc Kạn",Kinh,Buôn bán,0987654321',
  'Hứa Thị Diệu Linh,Nữ,02/09/1975,001175012345,QT-01,Vợ,Tổ dân phố 2,"Số 18, ngõ 4, đường Bắc Kạn",Kinh,Giáo viên,',
  'Quách Bảo Châu,Nữ,21/06/2008,,QT-01,Con,Tổ dân phố 2,"Số 18, ngõ 4, đường Bắc Kạn",Kinh,Học sinh,',
  'Lục Văn Mười,Nam,05/05/1980,00108000555,QT-02,Chủ hộ,Tổ dân phố 2,"Số 3, đường Trường Chinh",Tày,Làm ruộng,',
  'Hoàng Thị Thu,Nữ,31/02/1990,,QT-02,Vợ,Tổ dân phố 2,"Số 3, đường Trường Chinh",Tày,Làm ruộng,',
].join('\n');

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-import-e2e-'));
  fs.writeFileSync(path.join(dir, 'ho-quach.csv'), `${CSV}\n`, 'utf8');
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});



/** Every sheet row as plain text values (ExcelJS keeps index 0 empty). */
async function sheetRows(file: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

describe('a commune health station imports a spreadsheet', () => {
  it('checks the file, shows the errors by row and column, imports the good rows and gives back the bad ones', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    await signIn(page, server.url, 'tram.ducxuan');
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-page').waitFor();
    // The station serves one ward: it is chosen already; the help lists the headers the file may use.
    await expect.poll(() => page.getByTestId('import-unit').textContent()).toContain('Phường Đức Xuân');
    const help = (await page.getByTestId('import-help').textContent()) ?? '';
    for (const header of ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Mã thẻ BHYT', 'Hạn thẻ từ', 'Hạn thẻ đến', 'Số hộ', 'Thôn/Tổ dân phố', 'Tình trạng cư trú']) {
      expect(help).toContain(header);
    }
    await page.screenshot({ path: path.join(shots, 'import-start.png'), fullPage: true });

    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(path.join(dir, 'ho-quach.csv'));
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('import-count-rows').textContent()).toContain('5');
    expect(await page.getByTestId('import-count-valid').textContent()).toContain('3');
    expect(await page.getByTestId('import-count-invalid').textContent()).toContain('2');
    expect(await page.getByTestId('import-count-existing').textContent()).toContain('0');

    // The two errors, each on its spreadsheet row and column, in Vietnamese.
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => rowsOf(errors).count()).toBe(2);
    const first = (await rowsOf(errors).nth(0).textContent()) ?? '';
    expect(first).toMatch(/^5/);
    expect(first).toContain('DSố CCCD');
    expect(first).toContain('Số CCCD/định danh phải gồm đúng 12 chữ số');
    const second = (await rowsOf(errors).nth(1).textContent()) ?? '';
    expect(second).toMatch(/^6/);
    expect(second).toContain('CNgày sinh');
    expect(second).toContain('Ngày sinh không hợp lệ');

    // "Điện thoại nhà" was not recognised: say it holds phone numbers, and the file is read again.
    const mapping = page.getByTestId('import-mapping');
    await expect.poll(() => page.getByTestId('import-field-K').textContent()).toContain('bỏ qua');
    expect(await page.getByTestId('import-warnings').count()).toBe(0); // the warnings tab is not open
    await page.getByTestId('import-findings').getByText(/^Cảnh báo/).click();
    await expect.poll(() => page.getByTestId('import-warnings').textContent()).toContain('Cột "Điện thoại nhà" không được nhận diện');
    await choose(page, page.getByTestId('import-field-K'), 'Số điện thoại', 'dien thoai');
    await expect.poll(() => page.getByTestId('import-field-K').textContent(), { timeout: 30_000 }).toContain('Số điện thoại');
    await expect.poll(() => page.getByTestId('import-warnings').textContent()).not.toContain('Điện thoại nhà');
    expect(await mapping.textContent()).toContain('Họ và tên');
    expect(await page.getByTestId('import-count-valid').textContent()).toContain('3');
    await page.getByTestId('import-findings').getByText(/^Lỗi/).click();
    await expect.poll(() => rowsOf(errors).count()).toBe(2);
    await settle(page);
    await page.screenshot({ path: path.join(shots, 'import-preview.png'), fullPage: true });

    const commit = page.getByTestId('import-commit');
    expect(await commit.textContent()).toContain('Nhập 3 người mới');
    await commit.click();
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-result-inserted').textContent()).toContain('3');
    expect(await page.getByTestId('import-result-households').textContent()).toContain('1');
    expect(await page.getByTestId('import-result-skipped').textContent()).toContain('0');
    expect(await page.getByTestId('import-result-invalid').textContent()).toContain('2');
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: path.join(shots, 'import-result.png'), fullPage: true });

    // The bad rows come back as a spreadsheet: their own columns and the reason beside each.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-errors-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const rows = await sheetRows(file);
    expect(rows[0]?.[0]).toBe('Họ và tên');
    expect(rows[0]?.at(-1)).toBe('Lỗi / Errors');
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Lục Văn Mười', 'Hoàng Thị Thu']);
    expect(rows[1]?.at(-1)).toContain('12 chữ số');
    expect(rows[2]?.at(-1)).toContain('Ngày sinh không hợp lệ');

    // One of the new people, found by typing her name without diacritics.
    await page.getByTestId('nav-residents').click();
    await page.getByTestId('residents-search').fill('hua thi dieu linh');
    const table = page.getByTestId('residents-table');
    await expect.poll(() => rowsOf(table).count(), { timeout: 15_000 }).toBe(1);
    const found = (await table.textContent()) ?? '';
    expect(found).toContain('Hứa Thị Diệu Linh');
    expect(found).toContain('02/09/1975');
    expect(found).toContain('Tổ dân phố 2');
    await settle(page);
    await page.screenshot({ path: path.join(shots, 'import-found-resident.png'), fullPage: true });
    await page.close();
  });

  it('the residents page shows coverage against the targets and exports the register', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    await signIn(page, server.url, 'tram.ducxuan');
    await page.getByTestId('nav-residents').click();
    const coverage = page.getByTestId('registry-coverage');
    await expect.poll(() => coverage.textContent(), { timeout: 15_000 }).toContain('Phường Đức Xuân');
    expect(await coverage.textContent()).toMatch(/mục tiêu .*95%/i);
    expect(await page.getByTestId('coverage-record-rate').textContent()).toMatch(/\d+,\d%/);
    const villages = page.getByTestId('coverage-children');
    expect(await rowsOf(villages).count()).toBeGreaterThanOrEqual(2);
    expect(await villages.textContent()).toContain('Tổ dân phố 2');
    const residents = Number(((await page.getByTestId('coverage-residents').textContent()) ?? '').replace(/\D/g, ''));
    expect(residents).toBeGreaterThan(0);
    await expect.poll(() => rowsOf(page.getByTestId('residents-table')).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'residents-coverage.png'), fullPage: true });

    // Without a unit filter the station's own ward is exported, with the importer's headers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('residents-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(dir, `export-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const rows = await sheetRows(file);
    expect(rows[0]).toContain('Họ và tên');
    expect(rows[0]).toContain('Số CCCD');
    expect(rows.length - 1).toBe(residents);
    expect(rows.some((r) => r.includes('Quách Văn Thịnh'))).toBe(true);

    // The English page says the same in English.
    await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
    await page.mouse.move(700, 5); // away from the export button's tooltip
    await expect.poll(() => coverage.textContent()).toContain('With a health record');
    await page.screenshot({ path: path.join(shots, 'residents-coverage-en.png'), fullPage: true });
    await page.close();
  });

  it('shows rows read, checked and written while a long register is read and imported, on a phone', async () => {
    // Three people a household, as a ward's register has them; long enough that the page asks more than once.
    const ROWS = 60_000;
    const lines = ['Số hộ,Quan hệ với chủ hộ,Họ và tên,Giới tính,Năm sinh,Thôn/Tổ dân phố'];
    const name = (n: number) => Array.from(n.toString(26).padStart(4, '0'), (d) => 'ABCDEGHIKLMNOPQRSTUVXYĐÂÊÔ'[Number.parseInt(d, 26)]).join('').toLowerCase();
    for (let i = 0; i < ROWS; i++) lines.push(`DAI-${Math.floor(i / 3)},${i % 3 ? 'Con' : 'Chủ hộ'},Dài Văn ${name(i)},Nam,${i % 3 ? 2000 : 1970},Tổ dân phố 2`);
    fs.writeFileSync(path.join(dir, 'so-dai.csv'), `${lines.join('\n')}\n`, 'utf8');

    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(page, server.url, 'tram.ducxuan');
    await page.goto(`${server.url}/imports`);
    await page.getByTestId('import-page').waitFor();
    await expect.poll(() => page.getByTestId('import-unit').textContent()).toContain('Phường Đức Xuân');
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(path.join(dir, 'so-dai.csv'));
    const reading = page.getByTestId('import-reading');
    await expect.poll(() => reading.textContent(), { timeout: 60_000 }).toMatch(/đã đọc [\d.]+ dòng, [\d.]+ dòng đã kiểm tra/);
    await page.screenshot({ path: path.join(shots, 'import-reading-phone.png'), fullPage: true });
    await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('import-count-valid').textContent()).toContain('60.000');

    await page.getByTestId('import-commit').click();
    const progress = page.getByTestId('import-progress');
    await expect.poll(() => progress.textContent(), { timeout: 60_000 }).toMatch(/Đang nhập: [1-9][\d.]*\/60\.000 dòng/);
    // The progress is on the screen without scrolling: above the buttons, under the header.
    const shown = await progress.boundingBox();
    expect(shown?.y).toBeGreaterThanOrEqual(0);
    expect((shown?.y ?? 0) + (shown?.height ?? 0)).toBeLessThanOrEqual(844);
    await page.screenshot({ path: path.join(shots, 'import-committing-phone.png') });
    await page.getByTestId('import-result').waitFor({ timeout: 300_000 });
    expect(await page.getByTestId('import-result-inserted').textContent()).toContain('60.000');
    expect(await page.getByTestId('import-result-households').textContent()).toContain('20.000');
    await page.close();
  }, 420_000);
});
