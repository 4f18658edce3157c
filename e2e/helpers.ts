/**
 * What every end-to-end test does the way an official does it — sign in, open a page from the
 * menu, pick from a list, type a date, take a screenshot — and waits only on conditions: a request
 * answered, an option rendered, the network quiet and the animations done. Never on time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page, Request, Response } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../server/src/demo/demo-data.ts';

export { DEMO_PASSWORD };
export const SHOTS = path.resolve(import.meta.dirname, '../.tmp/screenshots');
export const DOWNLOADS = path.resolve(import.meta.dirname, '../.tmp/downloads');
fs.mkdirSync(SHOTS, { recursive: true });

/** A phone as village health workers hold one (the smallest screen the app is built for). */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1400, height: 1000 } };

// Requests the page has sent and not yet seen answered, per page.
const inFlight = new WeakMap<Page, Set<Request>>();

/** Counts the page's requests in flight, so `idle` can wait for the network to be quiet. */
export function track(page: Page): Page {
  if (inFlight.has(page)) return page;
  const open = new Set<Request>();
  inFlight.set(page, open);
  // The app's own asking (API calls, the chunks it loads late); a download or an image is not waited for.
  const counted = (r: Request) => ['fetch', 'xhr', 'script', 'document'].includes(r.resourceType());
  page.on('request', (r) => counted(r) && open.add(r));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
  return page;
}

/** A new page (its own context: cookies apart), its requests counted from the start. */
export async function openPage(browser: Browser, options: BrowserContextOptions = DESKTOP): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  // Closing the page closes its context too, as browser.newPage() does.
  page.once('close', () => void context.close());
  return track(page);
}

/** Two frames painted: React has rendered what the last answer changed (and sent what that asks). */
const painted = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/** The network quiet: no request in flight, and none sent by what their answers rendered. */
export async function idle(page: Page, timeout = 30_000): Promise<void> {
  const open = track(page) && inFlight.get(page);
  await expect
    .poll(
      async () => {
        if (open?.size) return false;
        await painted(page);
        return !open?.size;
      },
      { timeout, interval: 50 },
    )
    .toBe(true);
}

/**
 * The CSS and Web Animations running now (a modal opening, a message sliding in, the drawer) have
 * finished; endless ones (spinners) aside. A chart drawn on a canvas animates on its own and is not seen here.
 */
export async function animationsDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/** Quiet network, then finished animations: what a screenshot should wait for. */
export async function settle(page: Page): Promise<void> {
  await idle(page);
  await animationsDone(page);
}

/** A screenshot once the page has settled (full page unless told). */
export async function snap(page: Page, name: string, fullPage = true): Promise<string> {
  await settle(page);
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Answers of the API whose path starts with `prefix` (and method, when given). */
export function answerOf(page: Page, prefix: string, method = 'GET'): Promise<Response> {
  return page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname.startsWith(prefix));
}

/** Signs in from the login page and waits for the signed-in frame (the user menu, on any screen). */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  track(page);
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  const answered = answerOf(page, '/api/auth/login', 'POST');
  await page.getByTestId('login-submit').click();
  expect((await answered).status()).toBe(200);
  await page.getByTestId('user-menu').waitFor();
}

/** Signs out from the user menu and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await openUserMenu(page);
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor();
}

export async function openUserMenu(page: Page): Promise<Locator> {
  await page.getByTestId('user-menu').click();
  const popup = page.getByTestId('user-menu-popup');
  await popup.waitFor();
  await animationsDone(page);
  return popup;
}

/** Opens the menu drawer (a narrow screen), waiting until it has slid in. */
export async function openDrawer(page: Page): Promise<Locator> {
  await page.getByTestId('nav-toggle').click();
  const drawer = page.locator('.app-drawer');
  await drawer.waitFor();
  await animationsDone(page);
  return drawer;
}

/** Goes to a page from the menu: beside the page on a wide screen, in the drawer on a narrow one. */
export async function navigate(page: Page, navTestId: string): Promise<void> {
  if (await page.getByTestId('nav-toggle').isVisible()) await openDrawer(page);
  await page.getByTestId(navTestId).click();
}

/** The option of the open antd Select whose label matches. */
export const optionOf = (page: Page, label: string | RegExp) => page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first();

/** Opens an antd Select, optionally types (waiting for the option the typing brings), and clicks the option whose label is `label`. */
export async function choose(page: Page, select: Locator, label: string | RegExp, typed?: string): Promise<void> {
  await select.click();
  if (typed) await page.keyboard.type(typed);
  await optionOf(page, label).click();
}

/**
 * Picks a unit in an OrgUnitPicker by typing part of its name: the page's own requests are let
 * finish first (the options a search brings arrive among them), then the name is typed and the
 * option it brings is waited for.
 */
export async function pickUnit(page: Page, select: Locator, typed: string, label: string | RegExp): Promise<void> {
  await idle(page);
  await choose(page, select, label, typed);
}

/** Types a dd/mm/yyyy date into an antd DatePicker and commits it with Enter, as people do. */
export async function typeDate(page: Page, input: Locator, value: string): Promise<void> {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
}

/** The data rows of an antd table (not its header or its "empty" row). */
export const rowsOf = (table: Locator) => table.locator('tbody tr.ant-table-row');

/** How far the page reaches past the screen's right edge (0 when nothing overflows). */
export async function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The page settled, a page of the app (not an error), nothing reaching past the screen's edge. */
export async function expectFits(page: Page, width: number) {
  await settle(page);
  expect(await page.locator('.app-content .ant-result-403, .app-content .ant-result-error').count()).toBe(0);
  const widths = await page.evaluate((edge) => {
    // What reaches past the edge, innermost first, to say where a failure comes from.
    const past = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > edge + 1 && ![...el.children].some((c) => c.getBoundingClientRect().right > edge + 1));
    const named = past.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}[${el.getAttribute('data-testid') ?? ''}] → ${Math.round(el.getBoundingClientRect().right)}`);
    return { page: (document.scrollingElement ?? document.documentElement).scrollWidth, body: document.body.scrollWidth, past: named };
  }, width);
  expect(widths.page, `page ${page.url()} is ${widths.page}px wide: ${widths.past.join('; ')}`).toBeLessThanOrEqual(width);
  expect(widths.body).toBeLessThanOrEqual(width);
}

/**
 * Every button in the page a finger can hit (44 px high), and every switch hit 20 px above and
 * below its middle (a switch keeps its small look; its target is an invisible margin).
 */
export async function expectTapTargets(page: Page) {
  const small = await page.evaluate(() => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    // A field's clear button sits inside the field's 44 px box, which is the target.
    const buttons = [...document.querySelectorAll('.app-content button:not(.ant-switch):not(.ant-input-clear-icon):not(.ant-picker-clear), .app-content a.ant-btn, .app-content .row-card a, .app-content .small-link')]
      .filter(shown)
      // A link's box includes the padding that makes its target (styles.css).
      .map((el) => ({ el, height: el.getBoundingClientRect().height }))
      .filter((b) => b.height < 44)
      .map((b) => `${b.el.tagName.toLowerCase()}.${[...b.el.classList].join('.')}[${b.el.getAttribute('data-testid') ?? b.el.textContent?.slice(0, 20)}] ${Math.round(b.height)}px`);
    const switches = [...document.querySelectorAll('.app-content .ant-switch')].filter(shown).filter((el) => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      return [y - 20, y + 20].some((at) => at > 0 && at < innerHeight && !document.elementFromPoint(x, at)?.closest('.ant-switch'));
    });
    return [...buttons, ...switches.map((el) => `switch[${el.getAttribute('data-testid')}]`)];
  });
  expect(small, `targets under 44 px on ${page.url()}`).toEqual([]);
}

/** The cards of a list on a phone, at least one shown. */
export async function expectCards(list: Locator) {
  await list.getByTestId('row-card').first().waitFor();
  expect(await list.locator('table').count()).toBe(0);
}
