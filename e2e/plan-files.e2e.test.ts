/**
 * A plan from its file, in a real Chromium against the real server, on a phone (390 px): the
 * station drops a Word document and reviews the draft with the text read beside it, corrects the
 * text and reads it again; then a photographed page, read by OCR while the page shows its
 * progress; a file that is not a plan is refused saying why. Needs poppler-utils and
 * tesseract-ocr-vie on the machine (server/test/plan-documents.ts says what is missing).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from '../server/test/hostile-plan-files.ts';
import { layoutOf, planDocx, planFileTools, planHtml, scanPages, seeds } from '../server/test/plan-documents.ts';
import { type RunningServer, launchBrowser, startServer } from './server.ts';
import { signIn } from './helpers.ts';

const tools = planFileTools();
let server: RunningServer;
let browser: Browser;
const shots = path.resolve(import.meta.dirname, '../.tmp/screenshots');
// Seed 001 is a plan of xã Hòa Phong; the demo station is Phường Đức Xuân.
const seed = seeds().find((s) => s.id === '001')?.text ?? '';
const ducXuanPlan = seed.replaceAll('xã Hòa Phong', 'phường Đức Xuân');

beforeAll(async () => {
  tools.check();
  fs.mkdirSync(shots, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});


const drop = (page: Page, name: string, buffer: Buffer) => page.getByTestId('plan-file-upload').locator('input[type=file]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });

describe.skipIf(tools.skip)('plans from files in the browser, on a phone', () => {
  it('reads a Word document, shows the text read, and reads the corrected text again', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await signIn(page, server.url, 'tram.ducxuan');
    await page.goto(`${server.url}/plans/import`);
    await page.getByTestId('plan-import-page').waitFor();
    await page.screenshot({ path: path.join(shots, 'plans-import-file-390.png'), fullPage: true });

    await drop(page, 'ke-hoach-duc-xuan.docx', await planDocx(layoutOf(ducXuanPlan)));
    await page.getByTestId('plan-review').waitFor();
    expect(await page.getByTestId('plan-file-summary').textContent()).toContain('ke-hoach-duc-xuan.docx');
    expect(await page.getByTestId('plan-file-method').textContent()).toBe('tài liệu Word');
    expect(await page.getByTestId('plan-unit').textContent()).toContain('Phường Đức Xuân');
    expect(await page.getByTestId('plan-review-targets').locator('[data-testid=target-row]').count()).toBe(13);
    // Nothing on the page is wider than the phone's screen (the page scrolls down, not across).
    const widths = await page.getByTestId('plan-import-page').evaluate((el) => ({ content: el.scrollWidth, box: el.clientWidth }));
    expect(widths.content).toBeLessThanOrEqual(widths.box);

    // The text read, corrected by the reviewer (the document number written in), read again.
    await page.getByTestId('plan-read-text').getByText('Văn bản đã đọc').click();
    const text = page.getByTestId('plan-read-text-input');
    await text.waitFor();
    expect(await text.inputValue()).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    await text.fill(`Số: 21/KH-UBND\n${await text.inputValue()}`);
    await page.getByTestId('plan-reread').click();
    await expect.poll(() => page.getByTestId('plan-number').inputValue()).toBe('21/KH-UBND');
    await page.screenshot({ path: path.join(shots, 'plans-import-docx-review-390.png'), fullPage: true });
    await page.close();
  });

  it('reads a photographed page by OCR, showing progress, and refuses a file that is not a plan', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await signIn(page, server.url, 'tram.ducxuan');
    await page.goto(`${server.url}/plans/import`);
    await page.getByTestId('plan-import-page').waitFor();

    await drop(page, 'ke-hoach.docx', randomBytes(4000));
    await expect.poll(() => page.getByTestId('plan-file-error').textContent()).toContain('không phải tài liệu Word (.docx)');

    const [png] = await scanPages(browser, planHtml(layoutOf(ducXuanPlan)), { pages: 1 });
    await drop(page, 'trang-1.png', png as Buffer);
    await page.getByTestId('plan-file-progress').waitFor();
    await page.screenshot({ path: path.join(shots, 'plans-import-ocr-progress-390.png') });
    await page.getByTestId('plan-review').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('plan-file-method').textContent()).toBe('nhận dạng chữ (OCR)');
    expect(await page.getByTestId('plan-file-summary').textContent()).toMatch(/độ tin cậy \d+%/);
    // OCR text is shown open, for checking against the original.
    expect(await page.getByTestId('plan-read-text-input').inputValue()).toContain('KẾ HOẠCH');
    await page.screenshot({ path: path.join(shots, 'plans-import-ocr-review-390.png'), fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(shots, 'plans-import-ocr-review-top-390.png') });
    await page.close();
  });
});
