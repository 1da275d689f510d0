/**
 * What every browser test file shares: the whole system on a fresh database, Debian's Chromium through
 * playwright-core (never a downloaded browser; CHROMIUM_PATH overrides), one fresh profile per page,
 * page and console errors failing the test, and small helpers that read the page as a user would.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { authenticator } from 'otplib';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { DEMO } from '@kg/platform';
import { startSystem, type TestSystem } from '../../../test/harness';

export const ARTIFACTS = path.resolve(__dirname, '../../../.test-artifacts');
export const PHONE = { width: 375, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };
export const DEMO_PASSWORD = DEMO.password;
export const DEMO_SECRET = DEMO.totpSecret;
export const CHUY = '41708000000000';

export interface PageOptions {
  /** Phone-like touch and pixel density; defaults to true for the PHONE viewport. */
  isMobile?: boolean;
  /** Console errors the test expects (a request it makes fail on purpose). */
  allowConsole?: RegExp[];
}

export interface BrowserSuite {
  system: TestSystem;
  openPage(viewport?: { width: number; height: number }, options?: PageOptions): Promise<Page>;
}

/** Registers the hooks of a browser test file and returns what its tests use. */
export function browserSuite(env: Record<string, string> = {}): BrowserSuite {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const suite = {
    system: undefined as unknown as TestSystem,
    async openPage(viewport = PHONE, options: PageOptions = {}) {
      const isMobile = options.isMobile ?? viewport === PHONE;
      const context = await browser.newContext({
        viewport,
        isMobile,
        hasTouch: isMobile,
        deviceScaleFactor: isMobile ? 2 : 1,
        locale: 'en-US', // the browser's own language must not matter: Kyrgyz is the default
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !(options.allowConsole ?? []).some((r) => r.test(m.text()))) pageErrors.push(`console: ${m.text()}`);
      });
      return page;
    },
  };

  beforeAll(async () => {
    if (!existsSync(path.resolve(__dirname, '../dist/index.html'))) {
      throw new Error('The web app is not built: run `npm run build -w clients/web` (or `npm run build`) first.');
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    suite.system = await startSystem(env);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 180_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await suite.system?.stop();
  });

  return suite;
}

export async function h1(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 10_000 });
}

export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Polls until `read()` satisfies `ok`, then returns the value. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}

export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Presses Tab until `target` has the focus, as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  if (!(await isFocused(target))) throw new Error(`could not reach ${target} with Tab`);
}

export async function noHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

export const pathname = (page: Page) => new URL(page.url()).pathname;

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The current code for a TOTP secret, not one about to lapse. */
export async function freshCode(secret: string): Promise<string> {
  const left = authenticator.timeRemaining();
  if (left < 4) await new Promise((r) => setTimeout(r, (left + 1) * 1000));
  return authenticator.generate(secret);
}
