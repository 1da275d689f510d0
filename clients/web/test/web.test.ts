/**
 * Browser tests of the web app, against the whole system (gateway serving the built app and /graphql).
 * Uses the system's Debian Chromium through playwright-core; never downloads a browser.
 *   npx jest clients/web/test        (the app must be built: npm run build -w clients/web)
 * CHROMIUM_PATH overrides the browser; screenshots go to .test-artifacts/.
 */
import path from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { browserSuite, ARTIFACTS, CHUY, DESKTOP, PHONE, h1, isFocused, noHorizontalScroll, tabTo, textOf, until } from './browser';


const HOME_TITLE = { ky: 'Мамлекеттик кызматтар', ru: 'Государственные услуги', en: 'State services' } as const;
const SERVICE_PATHS = ['/questionnaire', '/sign-in', '/programmes', '/compensation', '/me', '/staff'];

const suite = browserSuite();
const { openPage } = suite;

async function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/** Waits until a <select> offers at least one real option (beyond the placeholder). */
async function optionsLoaded(select: Locator): Promise<void> {
  await select.locator('option:not([value=""])').first().waitFor({ state: 'attached', timeout: 10_000 });
}

async function selectedText(select: Locator): Promise<string> {
  return select.evaluate((el) => {
    const s = el as HTMLSelectElement;
    return s.options[s.selectedIndex]?.text ?? '';
  });
}

describe.each([
  ['desktop', DESKTOP, false],
  ['phone', PHONE, true],
] as const)('home page on %s', (label, viewport, isMobile) => {
  test('is in Kyrgyz by default; Russian and English are chosen and survive a reload', async () => {
    const page = await openPage(viewport, { isMobile });
    await page.goto(suite.system.url + '/');

    await h1(page, HOME_TITLE.ky);
    expect(await htmlLang(page)).toBe('ky');
    expect(await page.title()).toContain(HOME_TITLE.ky);
    const hrefs = await page.locator('main a.card-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(SERVICE_PATHS);
    expect(await page.getByRole('button', { name: 'Кыргызча' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('link', { name: 'Аймактар' }).waitFor();
    if (isMobile) await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(ARTIFACTS, `home-ky-${label}.png`), fullPage: true });

    await page.getByRole('button', { name: 'Русский' }).click();
    await h1(page, HOME_TITLE.ru);
    expect(await htmlLang(page)).toBe('ru');
    expect(await page.getByRole('button', { name: 'Русский' }).getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await h1(page, HOME_TITLE.ru);
    expect(await htmlLang(page)).toBe('ru');
    if (isMobile) await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(ARTIFACTS, `home-ru-${label}.png`), fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, HOME_TITLE.en);
    expect(await htmlLang(page)).toBe('en');
    await page.reload();
    await h1(page, HOME_TITLE.en);
    expect(await htmlLang(page)).toBe('en');
    expect(await page.getByRole('link', { name: 'Employment programmes abroad' }).getAttribute('href')).toBe(
      '/programmes',
    );
    if (isMobile) await noHorizontalScroll(page);
  });
});

test('a service not built yet shows "coming soon" with a way back home', async () => {
  const page = await openPage(PHONE, { isMobile: true });
  await page.goto(suite.system.url + '/');
  await h1(page, HOME_TITLE.ky);
  await page.getByRole('link', { name: 'Чет өлкөдө жумушка орноштуруу программалары' }).click();
  await h1(page, 'Чет өлкөдө жумушка орноштуруу программалары');
  expect(new URL(page.url()).pathname).toBe('/programmes');
  await page.getByText('Жакында', { exact: true }).waitFor();
  // the new page's heading has the focus after navigation
  expect(await isFocused(page.getByRole('heading', { level: 1 }))).toBe(true);
  await page.getByRole('link', { name: 'Башкы бетке кайтуу' }).click();
  await h1(page, HOME_TITLE.ky);

  // deep links work too (the server falls back to index.html), in the remembered language
  await page.getByRole('button', { name: 'English' }).click();
  await page.goto(suite.system.url + '/compensation');
  await h1(page, 'Compensation for bringing home the body of a citizen who died abroad');
  await page.getByText('Coming soon', { exact: true }).waitFor();
});

test('an unknown address shows the 404 page in the chosen language', async () => {
  const page = await openPage(DESKTOP);
  await page.goto(suite.system.url + '/no/such/page');
  await h1(page, 'Барак табылган жок');
  expect(await page.title()).toContain('Барак табылган жок');
  await page.getByRole('button', { name: 'Русский' }).click();
  await h1(page, 'Страница не найдена');
  await page.screenshot({ path: path.join(ARTIFACTS, 'not-found-ru.png') });
  await page.getByRole('link', { name: 'Вернуться на главную' }).click();
  await h1(page, HOME_TITLE.ru);
});

test('territory picker: oblast → raion → aiyl okmotu with the keyboard only; names follow the language', async () => {
  const page = await openPage(PHONE, { isMobile: true });
  await page.goto(suite.system.url + '/');
  await h1(page, HOME_TITLE.ky);

  // reach the territories page from the footer link, by keyboard
  const footerLink = page.getByRole('contentinfo').getByRole('link', { name: 'Аймактар' });
  await tabTo(page, footerLink, 60);
  await page.keyboard.press('Enter');
  await h1(page, 'Аймактар');

  const oblast = page.getByLabel('Облус', { exact: true });
  const raion = page.getByLabel('Район', { exact: true });
  const aiylOkmotu = page.getByLabel('Айыл өкмөтү', { exact: true });
  const shownPath = page.getByTestId('territory-path');
  expect(await textOf(shownPath)).toContain('Аймак тандала элек');
  expect(await raion.isDisabled()).toBe(true);

  await optionsLoaded(oblast);
  await tabTo(page, oblast);
  // arrow through the oblasts until Chüy is chosen
  for (let i = 0; i < 30 && (await oblast.inputValue()) !== CHUY; i++) await page.keyboard.press('ArrowDown');
  expect(await oblast.inputValue()).toBe(CHUY);
  expect(await selectedText(oblast)).toBe('Чүй облусу');

  await optionsLoaded(raion);
  await page.keyboard.press('Tab');
  expect(await isFocused(raion)).toBe(true);
  await page.keyboard.press('ArrowDown');
  const raionName = await selectedText(raion);
  expect(await raion.inputValue()).not.toBe('');

  await optionsLoaded(aiylOkmotu);
  await page.keyboard.press('Tab');
  expect(await isFocused(aiylOkmotu)).toBe(true);
  await page.keyboard.press('ArrowDown');
  const aoName = await selectedText(aiylOkmotu);
  const aoCode = await aiylOkmotu.inputValue();
  expect(aoCode).toMatch(/^\d{14}$/);

  const expectedPath = `Чүй облусу › ${raionName} › ${aoName}`;
  await until(() => textOf(shownPath), (t) => t.includes(expectedPath), 'the chosen path');
  // the page hears the chosen code through onChange
  await until(() => textOf(page.getByTestId('territory-code')), (t) => t.includes(aoCode), 'the chosen code');
  await page.screenshot({ path: path.join(ARTIFACTS, 'territories-ky-phone.png'), fullPage: true });

  // switching the language keeps the choice and reloads the names, asking the server in Russian
  const request = page.waitForRequest((r) => r.url().endsWith('/graphql') && r.method() === 'POST');
  await page.getByRole('button', { name: 'Русский' }).click();
  await h1(page, 'Территории');
  expect((await request).headers()['accept-language']).toBe('ru');
  const ruOblast = page.getByLabel('Область', { exact: true });
  await until(() => selectedText(ruOblast), (t) => /Чуй/.test(t) && !t.includes('облусу'), 'the Russian oblast name');
  expect(await ruOblast.inputValue()).toBe(CHUY);
  expect(await page.getByLabel('Айыл окмоту', { exact: true }).inputValue()).toBe(aoCode);
  await until(
    () => textOf(shownPath),
    (t) => t.includes('Выбранная территория') && /Чуй/.test(t) && !t.includes('облусу') && t.split('›').length === 3,
    'the path in Russian',
  );

  // choosing the placeholder again clears the deeper levels
  await tabTo(page, ruOblast);
  await page.keyboard.press('Home');
  await until(() => textOf(shownPath), (t) => t.includes('Территория не выбрана'), 'the path to clear');
  expect(await page.getByLabel('Район', { exact: true }).isDisabled()).toBe(true);
});

test('territory search shows the full path of each result', async () => {
  const page = await openPage(DESKTOP);
  await page.goto(suite.system.url + '/territories');
  await h1(page, 'Аймактар');
  const box = page.getByLabel('Аймактын аталышы');

  await box.fill('Ч');
  await box.press('Enter');
  await page.getByText('Жок дегенде 2 тамга жазыңыз.').waitFor();
  expect(await box.getAttribute('aria-invalid')).toBe('true');

  await box.fill('Чүй');
  await box.press('Enter');
  const first = page.locator('.results li').first();
  await first.waitFor({ timeout: 10_000 });
  const names = await page.locator('.results .result-name').allTextContents();
  expect(names.some((n) => n.includes('Чүй'))).toBe(true);
  const paths = await page.locator('.results .result-path').allTextContents();
  expect(paths.every((p) => p.trim().length > 0)).toBe(true);
  expect(await textOf(page.getByRole('status').filter({ hasText: 'натыйжа' }))).toMatch(/^\d+ натыйжа табылды$/);

  // results follow the language
  await page.getByRole('button', { name: 'English' }).click();
  await until(
    () => page.locator('.results .result-name').allTextContents(),
    (n) => n.length > 0 && !n.includes('Чүй облусу'),
    'English results',
  );
  await page.screenshot({ path: path.join(ARTIFACTS, 'territories-search-en.png'), fullPage: true });
});
