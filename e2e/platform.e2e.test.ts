/**
 * The platform as an official meets it, in a real Chromium against the real server with demo
 * data: sign in, see one's scope, browse the tree, find a merged commune's history, change the
 * "as of" date, search without diacritics, sign out; an administrator sees the audit log.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type RunningServer, launchBrowser, startServer } from './server.ts';
import { navigate, signIn, signOut } from './helpers.ts';

let server: RunningServer;
let browser: Browser;
const shots = path.resolve(import.meta.dirname, '../.tmp/screenshots');

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});


describe('an official in the browser', () => {
  it('is told clearly when the password is wrong', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByTestId('login-username').fill('tram.ducxuan');
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Sai tên đăng nhập hoặc mật khẩu');
    await page.close();
  });

  it('a station sees only its commune, its merge history, and the old communes as of 30/06/2025', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, server.url, 'tram.ducxuan');
    expect(await page.getByTestId('shell-scope').textContent()).toContain('Trạm Y tế Phường Đức Xuân');
    // The station starts on its dashboard; the units are one menu entry away.
    await page.getByTestId('dashboard-page').waitFor();
    await navigate(page, 'nav-org-units');
    // The menu hides what the role may not do.
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);

    const tree = page.getByTestId('orgunit-tree');
    await tree.getByText('Phường Đức Xuân', { exact: true }).first().click();
    const detail = page.getByTestId('orgunit-detail');
    await expect.poll(() => page.getByTestId('orgunit-detail-name').textContent()).toBe('Phường Đức Xuân');
    const predecessors = await page.getByTestId('orgunit-predecessors').textContent();
    expect(predecessors).toContain('Phường Huyền Tụng');
    expect(predecessors).toContain('Phường Nguyễn Thị Minh Khai');
    expect(await detail.textContent()).toContain('01/07/2025');
    await page.screenshot({ path: path.join(shots, 'station-org-units.png') });

    // A province outside the scope is not found, whatever the URL says.
    await page.goto(`${server.url}/org-units?unit=2`);
    await expect.poll(() => page.getByTestId('orgunit-detail').textContent()).toMatch(/Không tìm thấy|không có quyền/);

    await page.goto(`${server.url}/org-units?asOf=2025-06-30`);
    await expect.poll(() => page.getByTestId('orgunit-tree').textContent(), { timeout: 15_000 }).toContain('Phường Huyền Tụng');
    await signOut(page);
    await page.close();
  });

  it('a province official searches without diacritics and opens a unit', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, server.url, 'soyte.thainguyen');
    await navigate(page, 'nav-org-units');
    await page.getByTestId('orgunit-search').fill('phong quang');
    const results = page.getByTestId('orgunit-search-results');
    await results.getByText('Xã Phong Quang').first().click();
    await expect.poll(() => page.getByTestId('orgunit-detail-name').textContent()).toBe('Xã Phong Quang');
    expect(await page.getByTestId('orgunit-ancestors').textContent()).toContain('Tỉnh Thái Nguyên');
    await page.screenshot({ path: path.join(shots, 'province-search.png') });
    await page.close();
  });

  it('an administrator reads the audit log, where sign-ins appear', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain('tram.ducxuan');
    await page.screenshot({ path: path.join(shots, 'admin-audit.png') });
    await page.getByTestId('nav-users').click();
    await expect.poll(() => page.getByTestId('users-table').textContent()).toContain('soyte.thainguyen');
    await page.screenshot({ path: path.join(shots, 'admin-users.png') });
    await page.close();
  });
});
