/**
 * Browser tests of the identity pages against the whole system with demo data: citizen sign-in with a
 * digital signature (the demo signer, a pasted and an uploaded signature), the session kept by the
 * refresh cookie, staff sign-in with password + TOTP, the back office by role, staff administration and
 * the access log.
 *   npm run build -w clients/web && npx jest clients/web/test/identity.test.ts
 *
 * A TOTP code is good once per 30-s step per account: each demo account signs in once in this file.
 * The tests run in order; the auditor's test reads what the administrator's test wrote to the access log.
 */
import { sql } from 'kysely';
import { authenticator } from 'otplib';
import { type Page } from 'playwright-core';
import { browserSuite, DEMO_PASSWORD, DEMO_SECRET, DESKTOP, freshCode, h1, noHorizontalScroll, pathname, shot, textOf, until } from './browser';

const CITIZEN_RSA_PIN = '21505198800123';
const CITIZEN_EC_PIN = '11203199500456';

const suite = browserSuite({ DEMO_DATA: 'true' });
const { openPage } = suite;

/** Nothing that looks like a token in web storage: the access token lives in memory only. */
async function storageHasNoToken(page: Page): Promise<void> {
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toMatch(/eyJ|accessToken|refresh/i);
}

/** The demo RSA citizen signs in without a browser (registering on first use). */
async function citizenSignsInThroughTheApi(): Promise<void> {
  const c = (await suite.system.gql('mutation { signatureChallenge { id challenge } }')).data.signatureChallenge;
  const s = (await suite.system.gql('mutation($c: String!) { demoSignChallenge(challenge: $c, signer: CITIZEN_RSA) }', { c: c.challenge })).data.demoSignChallenge;
  const r = await suite.system.gql('mutation($id: ID!, $s: String!) { signInWithSignature(challengeId: $id, signature: $s) { user { pin } } }', { id: c.id, s });
  expect(r.data?.signInWithSignature.user.pin).toBe(CITIZEN_RSA_PIN);
}

async function staffSignIn(page: Page, login: string, password: string, secret: string): Promise<void> {
  await page.goto(suite.system.url + '/staff/sign-in');
  await h1(page, 'Кызматкерлер үчүн кирүү');
  await page.getByLabel('Логин', { exact: true }).fill(login);
  await page.getByLabel('Сырсөз', { exact: true }).fill(password);
  await page.getByLabel('Аутентификатордогу код').fill(await freshCode(secret));
  await page.getByRole('button', { name: 'Кирүү', exact: true }).click();
  await h1(page, 'Кызматтык кабинет');
}

describe('citizens', () => {
  test('the demo citizen signs in with the demo signer, sees the PIN on /me; a reload keeps the session; sign-out ends it', async () => {
    const page = await openPage();
    // /me asks for sign-in first, and comes back after it
    await page.goto(suite.system.url + '/me');
    await h1(page, 'Электрондук санариптик кол тамга (ЭЦП) менен кирүү');
    expect(pathname(page)).toBe('/sign-in');
    expect(await textOf(page.getByTestId('challenge'))).toMatch(/^KG-MIGRATION-SIGN-IN /);
    await page.getByRole('button', { name: 'Көчүрүү' }).waitFor();
    await page.getByTestId('header-sign-in').waitFor();
    await page.getByText('Сыноо үчүн кирүү (иштеп чыгууда гана)').waitFor();
    await noHorizontalScroll(page);
    await shot(page, 'sign-in-ky-phone');

    expect(await page.getByLabel('Асанов Бакыт: жаран (RSA ачкычы)').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Демо адам катары кирүү' }).click();
    await h1(page, 'Жеке кабинет');
    expect(pathname(page)).toBe('/me');
    await until(() => textOf(page.getByTestId('me-pin')), (t) => t === CITIZEN_RSA_PIN, 'the PIN');
    expect(await textOf(page.getByTestId('me-name'))).toContain('Асанов Бакыт');
    expect(await textOf(page.getByTestId('me-roles'))).toBe('Жаран');
    expect(await textOf(page.getByTestId('header-user'))).toContain('Асанов Бакыт');
    await storageHasNoToken(page);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'kg_refresh')).toMatchObject({ httpOnly: true, path: '/graphql', sameSite: 'Strict' });
    await noHorizontalScroll(page);
    await shot(page, 'me-ky-phone');

    // a reload forgets the in-memory token; the refresh cookie brings the session back
    await page.reload();
    await h1(page, 'Жеке кабинет');
    await until(() => textOf(page.getByTestId('me-pin')), (t) => t === CITIZEN_RSA_PIN, 'the PIN after a reload');
    await storageHasNoToken(page);

    // in Russian too
    await page.getByRole('button', { name: 'Русский' }).click();
    await h1(page, 'Личный кабинет');
    expect(await textOf(page.getByTestId('me-roles'))).toBe('Гражданин');
    await page.getByRole('button', { name: 'Кыргызча' }).click();
    await h1(page, 'Жеке кабинет');

    // sign-out (the header's button): home, signed out, and /me asks for sign-in again, even after a reload
    await page.getByRole('banner').getByRole('button', { name: 'Чыгуу' }).click();
    await h1(page, 'Мамлекеттик кызматтар');
    await page.getByTestId('header-sign-in').waitFor();
    await page.goto(suite.system.url + '/me');
    await h1(page, 'Электрондук санариптик кол тамга (ЭЦП) менен кирүү');
    expect(pathname(page)).toBe('/sign-in');
    await page.reload();
    await page.getByTestId('header-sign-in').waitFor();
    expect(await page.getByTestId('header-user').count()).toBe(0);
  });

  test('a signature that does not fit is refused with the translated reason; an uploaded DER file signs in', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(suite.system.url + '/sign-in');
    await h1(page, 'Электрондук санариптик кол тамга (ЭЦП) менен кирүү');
    const challenge = page.getByTestId('challenge');
    await challenge.waitFor();

    // nothing pasted
    await page.getByRole('button', { name: 'Кирүү', exact: true }).click();
    await page.getByText('Кол тамганы коюңуз же анын файлын тандаңыз.').waitFor();
    expect(await page.getByLabel('Кол тамга', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    // not a signature: refused in the UI language; the spent text is replaced by a new one
    const first = await textOf(challenge);
    await page.getByLabel('Кол тамга', { exact: true }).fill('not a signature');
    await page.getByRole('button', { name: 'Кирүү', exact: true }).click();
    const error = page.getByTestId('sign-in-error');
    await until(() => textOf(error), (t) => t.includes('Кол тамга окулбай калды') && t.includes('Жаңы текст берилди'), 'the refusal in Kyrgyz');
    await until(() => textOf(challenge), (t) => t !== first && t.startsWith('KG-MIGRATION-SIGN-IN'), 'a new challenge');

    // the revoked demo certificate, in English
    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'Sign in with a digital signature');
    await page.getByLabel('Revoked certificate (sign-in is refused)').check();
    await page.getByRole('button', { name: 'Sign in as the demo person' }).click();
    await until(() => textOf(page.getByTestId('demo-error')), (t) => t === 'The certificate has been revoked', 'the revoked refusal');
    await shot(page, 'sign-in-refused-en');

    // a binary (DER) signature file over the shown text, as a signing tool would save it
    const text = await textOf(challenge);
    const signed = await suite.system.gql('mutation($c: String!) { demoSignChallenge(challenge: $c, signer: CITIZEN_EC) }', { c: text });
    const pem: string = signed.data.demoSignChallenge;
    const der = Buffer.from(pem.replace(/-----(BEGIN|END)[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
    expect(der[0]).toBe(0x30); // DER SEQUENCE: binary, not text
    await page.getByLabel('Signature file (.p7s, .pem, .sig)').setInputFiles({ name: 'challenge.p7s', mimeType: 'application/pkcs7-signature', buffer: der });
    await page.getByText('File “challenge.p7s” loaded.').waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await h1(page, 'My account');
    await until(() => textOf(page.getByTestId('me-pin')), (t) => t === CITIZEN_EC_PIN, 'the EC citizen PIN');
  });
});

describe('staff', () => {
  test('the administrator signs in with password + code, creates a social worker for an aiyl okmotu and sees the one-time secrets', async () => {
    await citizenSignsInThroughTheApi(); // so that there is a citizen to list, whichever tests run
    const page = await openPage();
    await page.goto(suite.system.url + '/admin/users');
    // the admin pages ask staff to sign in with a password
    await h1(page, 'Кызматкерлер үчүн кирүү');
    const code = page.getByLabel('Аутентификатордогу код');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await noHorizontalScroll(page);
    await shot(page, 'staff-sign-in-ky-phone');
    await page.getByLabel('Логин', { exact: true }).fill('admin');
    await page.getByLabel('Сырсөз', { exact: true }).fill(DEMO_PASSWORD);
    await code.fill(await freshCode(DEMO_SECRET));
    await page.getByRole('button', { name: 'Кирүү', exact: true }).click();
    await h1(page, 'Кызматкерлердин эсептери');
    expect(pathname(page)).toBe('/admin/users');
    await storageHasNoToken(page);

    const list = page.getByTestId('user-list');
    await list.locator('[data-login="worker"]').waitFor();
    await until(() => list.getByTestId('user-item').count(), (n) => n >= 9, 'the demo staff');
    await noHorizontalScroll(page);

    // the form: a taken login comes back from the server, next to the field
    await page.getByRole('button', { name: 'Жаңы кызматкер' }).click();
    const form = page.locator('form.staff-form');
    await form.getByLabel('Логин', { exact: true }).fill('worker');
    await form.getByLabel('Аты-жөнү').fill('Айгерим Сыдыкова');
    await form.getByLabel('Айыл өкмөтүнүн социалдык кызматкери').check();
    // the social worker needs an aiyl okmotu: not chosen yet
    await form.getByRole('button', { name: 'Эсепти түзүү' }).click();
    await form.getByText('Айыл өкмөтүн тандаңыз.').waitFor();
    const oblast = form.getByLabel('Облус', { exact: true });
    const raion = form.getByLabel('Район', { exact: true });
    const aiylOkmotu = form.getByLabel('Айыл өкмөтү', { exact: true });
    await oblast.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
    await oblast.selectOption('41708000000000');
    await raion.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
    await raion.selectOption({ index: 1 });
    await aiylOkmotu.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
    await aiylOkmotu.selectOption({ index: 1 });
    const aoCode = await aiylOkmotu.inputValue();
    expect(aoCode).toMatch(/^\d{14}$/);
    await form.getByRole('button', { name: 'Эсепти түзүү' }).click();
    await form.getByText('Бул логин бош эмес').waitFor();
    expect(await form.getByLabel('Логин', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'admin-users-form-ky-phone');

    await form.getByLabel('Логин', { exact: true }).fill('aigerim.s');
    await form.getByRole('button', { name: 'Эсепти түзүү' }).click();
    const panel = page.getByTestId('credentials');
    await panel.waitFor();
    expect(await textOf(panel.getByRole('heading'))).toBe('Айгерим Сыдыкова үчүн эсеп түзүлдү');
    await panel.getByText('Бир гана жолу көрсөтүлөт.').waitFor();
    expect(await textOf(panel.getByTestId('credentials-login'))).toBe('aigerim.s');
    const password = await textOf(panel.getByTestId('credentials-password'));
    const secret = await textOf(panel.getByTestId('credentials-secret'));
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await textOf(panel.getByTestId('credentials-uri'))).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    // the heading of the panel has the focus: a screen reader starts there
    expect(await panel.getByRole('heading').evaluate((el) => el === document.activeElement)).toBe(true);
    await noHorizontalScroll(page);
    await shot(page, 'admin-users-credentials-ky-phone');

    // the new account is in the list, with its scope
    const item = list.locator('[data-login="aigerim.s"]');
    await item.waitFor();
    expect(await textOf(item)).toContain('Айыл өкмөтүнүн социалдык кызматкери');
    expect(await textOf(item)).toContain('Активдүү');
    await until(() => textOf(item.locator('.scope')), (t) => t.includes(aoCode) && t.includes('›'), 'the territory name');
    await panel.getByRole('button', { name: 'Берилди, жабуу' }).click();
    expect(await panel.count()).toBe(0);

    // the new social worker signs in (another browser) and sees the children's registry, coming soon
    const worker = await openPage(DESKTOP);
    await staffSignIn(worker, 'aigerim.s', password, secret);
    await worker.getByTestId('staff-items').getByText('Балдардын реестри').waitFor();
    expect(await textOf(worker.getByTestId('staff-items'))).toContain('Жакында');
    expect(await worker.locator('main a[href^="/admin"]').count()).toBe(0);
    await worker.goto(suite.system.url + '/me');
    await until(() => textOf(worker.locator('.scope')), (t) => t.includes(aoCode), 'the worker scope on /me');

    // a lock (as after too many failures: set directly here) is lifted from the list
    await sql`update identity.account set status = 'LOCKED' where id = (select account_id from identity.staff_credential where login = 'aigerim.s')`.execute(
      suite.system.database.db,
    );
    await page.getByLabel('Көрсөтүү').selectOption('CITIZEN');
    await until(() => textOf(page.getByRole('status').filter({ hasText: 'Көрсөтүлдү' })), (t) => /\d/.test(t), 'the citizens');
    expect(await textOf(list)).toContain(CITIZEN_RSA_PIN); // (recorded in the access log: the auditor's test reads it)
    await page.getByLabel('Көрсөтүү').selectOption('STAFF');
    await until(() => textOf(item), (t) => t.includes('Бөгөттөлгөн'), 'the lock');
    await item.getByRole('button', { name: 'Бөгөттөн чыгаруу' }).click();
    await until(() => textOf(item), (t) => t.includes('Активдүү'), 'the unlock');

    // roles and scope change: social worker → analyst (no territory)
    await item.getByRole('button', { name: 'Ролдорду өзгөртүү' }).click();
    await item.getByLabel('Айыл өкмөтүнүн социалдык кызматкери').uncheck();
    await item.getByLabel('Аналитик').check();
    await item.getByRole('button', { name: 'Сактоо' }).click();
    await until(() => textOf(item), (t) => t.includes('Аналитик') && t.includes('Аймактык чектөө жок'), 'the new role');

    // reset: new secrets, shown once
    await item.getByRole('button', { name: 'Сырсөздү жаңылоо' }).click();
    await item.getByRole('button', { name: 'Ооба, жаңылоо' }).click();
    await panel.waitFor();
    expect(await textOf(panel.getByRole('heading'))).toBe('Айгерим Сыдыкова үчүн жаңы сырсөз жана ачкыч');
    expect(await textOf(panel.getByTestId('credentials-password'))).not.toBe(password);
  });

  test('a wrong code shows the translated refusal; a short code is caught before sending', async () => {
    const page = await openPage();
    await page.goto(suite.system.url + '/staff/sign-in');
    await h1(page, 'Кызматкерлер үчүн кирүү');
    await page.getByLabel('Логин', { exact: true }).fill('officer');
    await page.getByLabel('Сырсөз', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel('Аутентификатордогу код').fill('12');
    await page.getByRole('button', { name: 'Кирүү', exact: true }).click();
    await page.getByText('Аутентификатордогу 6 цифралуу кодду жазыңыз.').waitFor();

    const wrong = String((Number(authenticator.generate(DEMO_SECRET)) + 500_000) % 1_000_000).padStart(6, '0');
    await page.getByLabel('Аутентификатордогу код').fill(wrong);
    await page.getByRole('button', { name: 'Кирүү', exact: true }).click();
    await until(() => textOf(page.getByTestId('sign-in-error')), (t) => t === 'Логин, сырсөз же код туура эмес', 'the Kyrgyz refusal');
    expect(await page.getByLabel('Аутентификатордогу код').inputValue()).toBe(''); // a code is good once: cleared
    await noHorizontalScroll(page);
    await shot(page, 'staff-sign-in-refused-ky-phone');

    await page.getByRole('button', { name: 'Русский' }).click();
    await h1(page, 'Вход для сотрудников');
    await page.getByLabel('Код из аутентификатора').fill(wrong);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await until(() => textOf(page.getByTestId('sign-in-error')), (t) => t === 'Неверный логин, пароль или код', 'the Russian refusal');
    expect(pathname(page)).toBe('/staff/sign-in');
  });

  test('the analyst sees no administration and is told "not allowed" on /admin/users', async () => {
    const page = await openPage();
    await staffSignIn(page, 'analyst', DEMO_PASSWORD, DEMO_SECRET);
    const items = page.getByTestId('staff-items');
    await items.getByText('Статистика', { exact: true }).waitFor();
    expect(await page.locator('main a[href^="/admin"]').count()).toBe(0);
    expect(await textOf(page.getByTestId('header-user'))).toContain('Demo Analyst');
    await noHorizontalScroll(page);
    await shot(page, 'staff-home-analyst-ky-phone');

    await page.goto(suite.system.url + '/admin/users');
    await h1(page, 'Уруксат жок');
    await page.getByText('Бул бетти ачууга укугуңуз жок.', { exact: false }).waitFor();
    await shot(page, 'not-allowed-ky-phone');
    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'Not allowed');
    await page.getByText('You are not allowed to open this page.', { exact: false }).waitFor();
    await page.goto(suite.system.url + '/admin/access-log');
    await h1(page, 'Not allowed');
    await page.getByRole('link', { name: 'Back to the back office' }).click();
    await h1(page, 'Back office');
  });

  test('the auditor reads the access log, filters it and verifies the chain; a changed entry breaks it', async () => {
    const page = await openPage();
    await staffSignIn(page, 'auditor', DEMO_PASSWORD, DEMO_SECRET);
    expect(await page.locator('main a[href="/admin/users"]').count()).toBe(0);
    await page.getByRole('link', { name: 'Кирүү журналы' }).click();
    await h1(page, 'Кирүү журналы');
    const table = page.getByTestId('access-log');
    await table.waitFor();
    // the administrator's look at the citizens (previous test)
    expect(await textOf(table)).toContain('Издөө');
    expect(await textOf(table)).toContain('Администратор');
    await noHorizontalScroll(page);
    await shot(page, 'access-log-ky-phone');

    await page.getByLabel('Объект', { exact: true }).fill('NoSuchEntity');
    await page.getByRole('button', { name: 'Көрсөтүү', exact: true }).click();
    await page.getByText('Жазуулар жок').waitFor();
    await page.getByRole('button', { name: 'Тазалоо' }).click();
    await table.waitFor();

    const result = page.getByTestId('verify-result');
    await page.getByRole('button', { name: 'Чынжырды текшерүү' }).click();
    await until(() => textOf(result), (t) => /^Журнал бүтүн: \d+ жазуу текшерилди\.$/.test(t), 'the chain check');

    // someone with database access changes an entry behind the trigger's back
    const db = suite.system.database.db;
    const first = await sql<{ id: string }>`select min(id)::text as id from audit.access_log`.execute(db);
    await sql`alter table audit.access_log disable trigger access_log_append_only`.execute(db);
    await sql`update audit.access_log set entity_id = 'tampered' where id = ${first.rows[0].id}`.execute(db);
    await sql`alter table audit.access_log enable trigger access_log_append_only`.execute(db);
    await page.getByRole('button', { name: 'Чынжырды текшерүү' }).click();
    await until(() => textOf(result), (t) => t.startsWith(`Журнал бузулган: №${first.rows[0].id} жазуу өзгөртүлгөн`), 'the broken chain');
    await shot(page, 'access-log-broken-ky-phone');
  });
});
