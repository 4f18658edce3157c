/**
 * The morning's immunisation list, as a commune health station's nurse and a village health worker
 * meet it in a real Chromium against the real server with demo data: the nurse opens today's due
 * list from the menu, narrows it to the overdue doses of one village, and prints the invitation
 * list; the village health worker reads their village's list on a phone, as cards.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, answerOf, choose, navigate, openPage, overflowX, rowsOf, settle, signIn, snap } from './helpers.ts';
import { type RunningServer, launchBrowser, startServer } from './server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});


describe('the immunisation due list', () => {
  it('shows the nurse today’s children due or overdue, by village and status, and prints the invitation list', async () => {
    const page = await openPage(browser);
    await signIn(page, server.url, 'tram.ducxuan');
    const listed = answerOf(page, '/api/immunisation/due');
    await navigate(page, 'nav-immunisation');
    expect((await listed).status()).toBe(200);
    const table = page.getByTestId('due-table');
    await settle(page);
    expect(await rowsOf(table).count()).toBeGreaterThan(0);
    // The list is the nurse's today (the browser's), dd/mm/yyyy.
    const today = await page.evaluate(() => new Date().toLocaleDateString('en-GB'));
    await expect.poll(() => page.getByTestId('due-day').textContent()).toContain(today);

    // Only the overdue doses.
    let answered = answerOf(page, '/api/immunisation/due');
    await choose(page, page.getByTestId('due-status'), /^Quá hạn$/);
    expect((await answered).status()).toBe(200);
    await settle(page);
    const tags = await table.getByTestId('due-dose').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toContain('Quá hạn');

    // One village: every row is of it.
    answered = answerOf(page, '/api/immunisation/due');
    await choose(page, page.getByTestId('due-village'), /^Tổ dân phố 1$/);
    const body = await (await answered).json();
    await settle(page);
    for (const child of body.items) expect(child.villageName).toBe('Tổ dân phố 1');
    await snap(page, 'immunisation-due-list');

    // The invitation list of that village, ready for the printer.
    answered = answerOf(page, '/api/immunisation/due');
    await page.getByTestId('due-print').click();
    expect((await answered).status()).toBe(200);
    await settle(page);
    await expect.poll(() => page.getByTestId('invitation-village').count()).toBe(body.items.length > 0 ? 1 : 0);
    expect(await page.getByTestId('invitation-print').textContent()).toContain('DANH SÁCH TRẺ MỜI TIÊM CHỦNG');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    await snap(page, 'immunisation-invitation-print');
    // The context with it, awaited: a close left running when the browser stops rejects unhandled.
    await page.context().close();
  });

  it('shows the village health worker their village’s list as cards on a phone', async () => {
    const page = await openPage(browser, PHONE);
    await signIn(page, server.url, 'ytthon.ducxuan');
    const listed = answerOf(page, '/api/immunisation/due');
    await navigate(page, 'nav-immunisation');
    const body = await (await listed).json();
    await settle(page);
    expect(body.items.length).toBeGreaterThan(0);
    expect(new Set(body.items.map((c: { villageName: string }) => c.villageName)).size).toBe(1);
    expect(await page.getByTestId('due-table').locator('.row-card').count()).toBe(body.items.length);
    expect(await overflowX(page)).toBe(0);
    await snap(page, 'phone-immunisation-due-list');
    await page.context().close();
  });
});
