/**
 * Browser tests of the migrants pages against the whole system with demo data: the job seeker's
 * questionnaire on a phone (keyboard only, Kyrgyz), reopened and changed with its code; an agency
 * operator's file upload (bad rows shown before anything is written, then the valid ones committed);
 * the analyst's statistics ("<5" cells, chart, export); an officer's agency registry and person search.
 *   npm run build -w clients/web && npx jest clients/web/test/migrants.test.ts
 *
 * A TOTP code is good once per 30-s step per account: each demo account signs in once in this file.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { type Locator, type Page } from 'playwright-core';
import { browserSuite, CHUY, DEMO_PASSWORD, DEMO_SECRET, DESKTOP, PHONE, freshCode, h1, isFocused, noHorizontalScroll, pathname, shot, tabTo, textOf, until } from './browser';
import en from '../src/i18n/migrants.en.json';
import ky from '../src/i18n/migrants.ky.json';
import ru from '../src/i18n/migrants.ru.json';


const suite = browserSuite({ DEMO_DATA: 'true' });
const { openPage } = suite;

/** With the focus on a <select>, presses ArrowDown until `ok(value)`. */
async function arrowUntil(page: Page, select: Locator, ok: (value: string) => boolean, what: string): Promise<void> {
  await select.locator('option:not([value=""])').first().waitFor({ state: 'attached', timeout: 10_000 });
  for (let i = 0; i < 200 && !ok(await select.inputValue()); i++) await page.keyboard.press('ArrowDown');
  if (!ok(await select.inputValue())) throw new Error(`could not choose ${what}`);
}

async function staffSignIn(page: Page, login: string, from = '/staff'): Promise<void> {
  await page.goto(suite.system.url + from);
  await h1(page, 'Кызматкерлер үчүн кирүү');
  await page.getByLabel('Логин', { exact: true }).fill(login);
  await page.getByLabel('Сырсөз', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel('Аутентификатордогу код').fill(await freshCode(DEMO_SECRET));
  await page.getByRole('button', { name: 'Кирүү', exact: true }).click();
}

/** DD.MM.YYYY, `days` from today (UTC). */
function day(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
}

describe('texts', () => {
  type Tree = { [key: string]: string | Tree };
  const PLURAL = /_(zero|one|two|few|many|other)$/;
  const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
    const out = new Map<string, string>();
    for (const [k, v] of Object.entries(tree)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') out.set(key, v);
      else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    }
    return out;
  };
  const languages = { ky: flatten(ky as Tree), ru: flatten(ru as Tree), en: flatten(en as Tree) };
  const baseKeys = (m: Map<string, string>) => [...new Set([...m.keys()].map((k) => k.replace(PLURAL, '')))].sort();
  const placeholders = (s: string) => (s.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort();

  test.each(['ru', 'en'] as const)('the migrants namespace in %s has the same keys as in ky', (lang) => {
    expect(baseKeys(languages[lang])).toEqual(baseKeys(languages.ky));
  });

  test.each(Object.keys(languages) as (keyof typeof languages)[])('migrants %s: no empty texts, placeholders as in ky', (lang) => {
    for (const [key, text] of languages[lang]) {
      expect([key, text.trim().length > 0]).toEqual([key, true]);
      const kyText = languages.ky.get(key) ?? languages.ky.get(key.replace(PLURAL, '_other'));
      if (kyText !== undefined) expect([key, placeholders(text)]).toEqual([key, placeholders(kyText)]);
    }
    if (lang === 'ru') {
      for (const [key] of languages.ru) {
        if (!key.endsWith('_one')) continue;
        for (const form of ['few', 'many', 'other']) expect([key, languages.ru.has(key.replace(/_one$/, `_${form}`))]).toEqual([key, true]);
      }
    }
  });
});

describe('job seeker', () => {
  test('fills in the questionnaire on a phone in Kyrgyz with the keyboard, survives a lost answer, gets a reference and code, reopens and changes it', async () => {
    const page = await openPage(PHONE, { allowConsole: [/Failed to load resource/] });
    await page.goto(suite.system.url + '/');
    await h1(page, 'Мамлекеттик кызматтар');
    await page.getByRole('link', { name: 'Жумуш издегендер үчүн анкета' }).click();
    await h1(page, 'Жумуш издегендер үчүн анкета');
    expect(pathname(page)).toBe('/questionnaire');
    const form = page.getByTestId('questionnaire-form');
    await form.waitFor();

    // sending it empty: what is missing, in Kyrgyz, at the top (focused) and next to each field
    await form.getByRole('button', { name: 'Анкетаны жөнөтүү' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await until(() => isFocused(summary), (f) => f, 'the focus on the summary');
    expect(await textOf(summary)).toContain('Фамилияңызды жазыңыз.');
    expect(await textOf(summary)).toContain('Жок дегенде бир кесип тандаңыз.');
    const lastName = page.getByLabel('Фамилиясы', { exact: true });
    expect(await lastName.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'questionnaire-errors-ky-phone');

    // the form with the keyboard only, top to bottom
    await page.getByRole('heading', { level: 1 }).focus();
    await tabTo(page, lastName, 60);
    await page.keyboard.type('Токтосунова');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel('Аты', { exact: true }))).toBe(true);
    await page.keyboard.type('Айгүл');
    await page.keyboard.press('Tab'); // patronymic: optional, left empty
    await page.keyboard.press('Tab');
    const birth = page.getByLabel('Туулган күнү');
    expect(await isFocused(birth)).toBe(true);
    await page.keyboard.type('04121995'); // the browser's date field (en-US order: month, day, year)
    expect(await birth.inputValue()).toBe('1995-04-12');
    const female = page.getByRole('radio', { name: 'Аял' });
    await tabTo(page, female, 6);
    await page.keyboard.press('Space');
    expect(await female.isChecked()).toBe(true);
    const phone = page.getByLabel('Телефон номери');
    await tabTo(page, phone);
    expect(await phone.getAttribute('type')).toBe('tel');
    await page.keyboard.type('+996 555 123 456');

    const oblast = page.getByLabel('Облус', { exact: true });
    await tabTo(page, oblast);
    await arrowUntil(page, oblast, (v) => v === CHUY, 'Chüy');
    const raion = page.getByLabel('Район', { exact: true });
    await raion.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
    await page.keyboard.press('Tab');
    expect(await isFocused(raion)).toBe(true);
    await page.keyboard.press('ArrowDown');
    const ao = page.getByLabel('Айыл өкмөтү', { exact: true });
    await ao.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
    await page.keyboard.press('Tab');
    expect(await isFocused(ao)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await ao.inputValue()).toMatch(/^417\d{11}$/);

    const education = page.getByLabel('Билими', { exact: true });
    await tabTo(page, education);
    await arrowUntil(page, education, (v) => v === 'VOCATIONAL', 'vocational education');

    // occupations: filter the list, tick with Space
    const filter = page.getByLabel('Кесипти издөө');
    await tabTo(page, filter);
    await page.keyboard.type('шир');
    const welder = page.getByRole('checkbox', { name: /Ширетүүчү/ });
    await tabTo(page, welder, 5);
    await page.keyboard.press('Space');
    await until(() => textOf(page.getByTestId('chosen-occupations')), (t) => t.includes('Ширетүүчү') && t.includes('7212'), 'the chosen occupation');
    await filter.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7111'); // not in the list: added as a typed ISCO-08 code
    const addCode = page.getByRole('button', { name: '7111 кодун кошуу' });
    await tabTo(page, addCode, 10);
    await page.keyboard.press('Enter');
    await until(() => textOf(page.getByTestId('chosen-occupations')), (t) => t.includes('7111'), 'the typed code');

    const years = page.getByLabel('Жалпы иш стажы (жыл)');
    await tabTo(page, years, 60);
    await page.keyboard.type('6');

    // a language with its level
    const addLanguage = page.getByRole('button', { name: 'Тил кошуу' });
    await tabTo(page, addLanguage);
    await page.keyboard.press('Enter');
    const language = page.getByLabel('1-тил', { exact: true });
    await until(() => isFocused(language), (f) => f, 'the new row to have the focus');
    await arrowUntil(page, language, (v) => v === 'ru', 'Russian');
    await page.keyboard.press('Tab');
    await arrowUntil(page, page.getByLabel('1-тилдин деңгээли'), (v) => v === 'B1', 'B1');

    // the programme countries come first, as checkboxes; another from the list
    const programme = page.getByTestId('programme-countries');
    expect(await programme.getByRole('checkbox').count()).toBe(7);
    const korea = page.getByRole('checkbox', { name: 'Түштүк Корея' });
    await tabTo(page, korea, 20);
    await page.keyboard.press('Space');
    const other = page.getByLabel('Башка өлкө');
    await tabTo(page, other, 20);
    await arrowUntil(page, other, (v) => v === 'PL', 'Poland');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "Кошуу"
    await page.getByRole('button', { name: 'Алып салуу: Польша' }).waitFor();

    const consent = page.getByRole('checkbox', { name: /Жеке маалыматтарымдын/ });
    await tabTo(page, consent, 20);
    await page.keyboard.press('Space');
    const sharing = page.getByRole('checkbox', { name: /Чек арасыз иш/ });
    expect(await sharing.isChecked()).toBe(false); // optional, off unless chosen
    expect(await textOf(page.locator('#q-consentPartnerSharing-hint'))).toContain('Евразия экономикалык биримдигинин');
    await noHorizontalScroll(page);
    await shot(page, 'questionnaire-filled-ky-phone');

    // the first answer is lost on the way back (the server got it): the app says so and keeps the form
    let cut = true;
    await page.route('**/graphql', async (route) => {
      if (cut && route.request().postData()?.includes('SubmitQuestionnaire')) {
        cut = false;
        await route.fetch(); // reaches the server…
        return route.abort('connectionreset'); // …but the phone never hears back
      }
      return route.continue();
    });
    const submit = page.getByRole('button', { name: 'Анкетаны жөнөтүү' });
    await tabTo(page, submit, 10);
    await page.keyboard.press('Enter');
    await until(() => textOf(page.getByTestId('error-summary')), (t) => t.includes('Сервер менен байланыш жок'), 'the network error');
    // …then the person corrects the phone number and sends again: still one questionnaire, with the change
    await phone.fill('+996 700 111 222');
    await submit.click();

    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    await until(() => isFocused(receipt.getByRole('heading', { name: 'Анкета кабыл алынды' })), (f) => f, 'the focus on the receipt');
    await receipt.getByText('Номер жана кирүү коду бир гана жолу көрсөтүлөт.', { exact: false }).waitFor();
    const reference = await textOf(page.getByTestId('receipt-reference'));
    const accessCode = await textOf(page.getByTestId('receipt-code'));
    expect(reference).toMatch(/^AN-\d{4}-\d+$/);
    expect(accessCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    await receipt.getByRole('button', { name: 'Кодду көчүрүү' }).waitFor();
    await noHorizontalScroll(page);
    await shot(page, 'questionnaire-receipt-ky-phone');
    const rows = await sql<{ n: number; phone: string }>`
      select count(*)::int as n, max(phone) as phone from migrants.questionnaire where last_name = 'Токтосунова'`.execute(suite.system.database.db);
    expect(rows.rows[0]).toEqual({ n: 1, phone: '+996700111222' });
    await page.unroute('**/graphql');

    // reopen it with the code
    await receipt.getByRole('link', { name: 'Анкетамды ачуу' }).click();
    await h1(page, 'Анкетаны ачуу');
    expect(await page.getByLabel('Анкетанын номери').inputValue()).toBe(reference);
    await page.getByLabel('Кирүү коду').fill('WRONG-CODE2');
    await page.getByRole('button', { name: 'Ачуу', exact: true }).click();
    await until(() => textOf(page.getByTestId('error-summary')), (t) => t.includes('Анкета табылган жок'), 'the refusal');
    await page.getByLabel('Кирүү коду').fill(accessCode.toLowerCase()); // typed in lower case: still fine
    await page.getByRole('button', { name: 'Ачуу', exact: true }).click();
    const opened = page.getByTestId('opened');
    await opened.waitFor();
    expect(await textOf(opened.getByRole('heading'))).toBe(`${reference} анкетасы`);
    expect(await textOf(page.getByTestId('questionnaire-status'))).toBe('Жөнөтүлгөн');
    expect(await page.getByLabel('Телефон номери').inputValue()).toBe('+996700111222');
    await until(() => textOf(page.getByTestId('chosen-occupations')), (t) => t.includes('Ширетүүчү'), 'the saved occupations');

    // a change the server refuses comes back next to the field, translated
    await page.getByLabel('Телефон номери').fill('12345');
    await page.getByRole('button', { name: 'Өзгөртүүлөрдү сактоо' }).click();
    await until(() => textOf(page.getByTestId('error-summary')), (t) => t.includes('+996 555 123 456'), 'the phone refusal');
    expect(await page.getByLabel('Телефон номери').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Телефон номери').fill('+996 555 987 654');
    await page.getByRole('button', { name: 'Өзгөртүүлөрдү сактоо' }).click();
    await page.getByText('Өзгөртүүлөр сакталды.').waitFor();
    await noHorizontalScroll(page);
    await shot(page, 'questionnaire-open-ky-phone');

    // in Russian too; then withdrawn
    await page.getByRole('button', { name: 'Русский' }).click();
    await h1(page, 'Открыть анкету');
    await page.getByRole('button', { name: 'Отозвать анкету' }).click();
    await page.getByRole('button', { name: 'Да, отозвать' }).click();
    await until(() => textOf(page.getByTestId('questionnaire-status')), (t) => t === 'Отозвана', 'the withdrawal');
    await page.getByText('Эта анкета отозвана.', { exact: false }).waitFor();
  });
});

describe('citizen', () => {
  test('a signed-in citizen opens their migration record from /me, changes contacts, and attaches a questionnaire', async () => {
    // a questionnaire filled in without an account (through the API)
    const submitted = await suite.system.gql(
      `mutation($i: QuestionnaireInput!) { submitQuestionnaire(input: $i) { reference accessCode } }`,
      {
        i: {
          lastName: 'Асанов', firstName: 'Бакыт', birthDate: '1988-05-15', sex: 'M', phone: '+996 555 000 111', territoryCode: '41708203807000',
          education: 'SECONDARY', occupations: ['8322'], wantedCountries: ['KR'], consentProcessing: true,
        },
      },
    );
    const { reference, accessCode } = submitted.data.submitQuestionnaire;

    const page = await openPage();
    await page.goto(suite.system.url + '/sign-in');
    await page.getByRole('button', { name: 'Демо адам катары кирүү' }).click();
    await h1(page, 'Жеке кабинет');
    await page.getByRole('link', { name: /Миграция боюнча маалыматтарым/ }).click();
    await h1(page, 'Миграция боюнча маалыматтарым');
    await page.getByTestId('record').waitFor();
    expect(await textOf(page.getByTestId('record'))).toContain('21505198800123');

    await page.getByLabel('Телефон номери').fill('+7 999 123 45 67');
    await page.getByLabel('Электрондук почта').fill('not-an-email');
    await page.getByLabel('Азыр кайсы өлкөдөсүз').selectOption('RU');
    await page.getByLabel('Шаар', { exact: true }).fill('Екатеринбург');
    await page.getByRole('button', { name: 'Сактоо', exact: true }).click();
    await until(() => page.getByLabel('Электрондук почта').getAttribute('aria-invalid'), (v) => v === 'true', 'the e-mail refusal');
    await page.getByLabel('Электрондук почта').fill('bakyt@example.kg');
    await page.getByRole('button', { name: 'Сактоо', exact: true }).click();
    await page.getByText('Сакталды.', { exact: true }).waitFor();
    await until(() => textOf(page.getByTestId('record-abroad')), (t) => t === 'Россия, Екатеринбург', 'the current country');

    await page.getByLabel('Анкетанын номери').fill(reference);
    await page.getByLabel('Кирүү коду').fill(accessCode);
    await page.getByRole('button', { name: 'Тиркөө' }).click();
    await page.getByText(`${reference} анкетасы тиркелди.`).waitFor();
    expect(await textOf(page.getByTestId('my-questionnaires'))).toContain(reference);
    await noHorizontalScroll(page);
    await shot(page, 'record-ky-phone');
  });
});

describe('back office', () => {
  test('an agency operator uploads a CSV with errors, sees the bad rows with line numbers and reasons before anything is written, then writes the valid ones', async () => {
    const page = await openPage();
    await staffSignIn(page, 'agency');
    await h1(page, 'Кызматтык кабинет');
    await page.getByTestId('staff-items').getByRole('link', { name: 'Чет өлкөгө жөнөтүлгөндөр' }).click();
    await h1(page, 'Чет өлкөгө жөнөтүлгөн жарандар');
    await until(() => textOf(page.getByTestId('own-agency')), (t) => t.includes('Demo Jumush Agency LLC'), 'the own agency');

    // the template: the Russian headers the import reads, for Excel (BOM, ";")
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV үлгүсүн жүктөп алуу' }).click()]);
    const template = readFileSync((await download.path())!, 'utf8');
    expect(template).toBe(
      '\uFEFFПИН;Фамилия;Имя;Отчество;Дата рождения;Страна;Город;Работодатель;Код ISCO;Дата начала контракта;Дата окончания контракта\r\n',
    );

    const start = day(-5);
    const csv = [
      template.replace('\uFEFF', '').trim(),
      `21505199000771;Токтосунов;Эрмек;Маратович;15.05.1990;RU;Москва;ООО «Строй»;7112;${start};`, // line 2
      `31505199000772;Исаков;Мирлан;;15.05.1990;RU;Казань;ООО «Казань»;7112;${start};`, // line 3: PIN
      `10203198500773;Жумабаева;Айгерим;;02.03.1985;Казахстан;Алматы;ТОО «Сервис»;5120;${start};`, // line 4
      `22011199200774;Бакиров;Нурбек;;20.11.1992;TR;Стамбул;;8153;31.02.2026;`, // line 5: employer, date
      `11912199700775;Осмонова;Нуриза;;19.12.1997;Германия;Мюнхен;Pflege Plus GmbH;5321;${start};`, // line 6
    ].join('\r\n');
    await page.getByLabel('Файл', { exact: true }).setInputFiles({ name: 'departures.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Файлды текшерүү' }).click();
    const preview = page.getByTestId('upload-preview');
    await preview.waitFor();
    expect(await textOf(page.getByTestId('total-rows'))).toBe('5');
    expect(await textOf(page.getByTestId('valid-rows'))).toBe('3');
    expect(await textOf(page.getByTestId('invalid-rows'))).toBe('2');
    await preview.getByText('Азырынча эч нерсе жазылган жок.').waitFor();

    // the bad rows: line, column and the reason, in Kyrgyz
    const errorRows = page.getByTestId('upload-errors').locator('tbody tr');
    const errors = await errorRows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim() ?? '')));
    expect(errors.map((e) => e.slice(0, 2))).toEqual([
      ['3', 'ПИН'],
      ['5', 'Иш берүүчү'],
      ['5', 'Келишимдин башталышы'],
    ]);
    expect(errors[1][2]).toContain('толтурулушу керек');
    expect(errors.every((e) => e[2].length > 5 && !/[a-z]{4}/i.test(e[2].replace(/ISCO|PIN|RU|\d+/g, '')))).toBe(true);
    // nothing is written before the operator says so
    const written = () =>
      sql<{ n: number }>`select count(*)::int as n from migrants.episode where pin in ('21505199000771', '10203198500773', '11912199700775')`
        .execute(suite.system.database.db)
        .then((r) => r.rows[0].n);
    expect(await written()).toBe(0);
    await noHorizontalScroll(page);
    await shot(page, 'departures-preview-ky-phone');

    await preview.getByRole('button', { name: '3 туура сапты жазуу' }).click();
    const result = page.getByTestId('commit-result');
    await result.waitFor();
    expect(await textOf(result)).toContain('3 жаран жазылды.');
    expect(await written()).toBe(3);
    await shot(page, 'departures-committed-ky-phone');

    // the same file again: already reported, written once
    await preview.getByRole('button', { name: 'Башка файл тандоо' }).click();
    await page.getByLabel('Файл', { exact: true }).setInputFiles({ name: 'departures.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Файлды текшерүү' }).click();
    await preview.getByText('3 сап мурун берилген: алар кайра жазылбайт.').waitFor();

    // the list of what the agency reported
    await page.getByRole('link', { name: 'Тизме', exact: true }).click();
    const list = page.getByTestId('departure-reports');
    await until(() => textOf(list), (t) => t.includes('21505199000771') && t.includes('11912199700775'), 'the new reports');
    await noHorizontalScroll(page);
    await shot(page, 'departures-list-ky-phone');

    // one person by the form: a bad PIN is refused next to its field, in Kyrgyz
    await page.getByRole('link', { name: 'Бир адам' }).click();
    await page.getByLabel('ПИН', { exact: true }).fill('12345');
    await page.getByLabel('Фамилиясы', { exact: true }).fill('Асанов');
    await page.getByLabel('Аты', { exact: true }).fill('Бакыт');
    await page.getByLabel('Туулган күнү').fill('1990-05-15');
    const country = page.getByLabel('Өлкө', { exact: true });
    await country.locator('option[value="RU"]').waitFor({ state: 'attached' });
    await country.selectOption('RU');
    await page.getByLabel('Иш берүүчү').fill('ООО «Стройка»');
    await page.getByLabel('Келишимдин башталышы').fill(new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Маалыматты жөнөтүү' }).click();
    await until(() => textOf(page.getByTestId('error-summary')), (t) => t.includes('ПИН'), 'the PIN refusal');
    expect(await page.getByLabel('ПИН', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('ПИН', { exact: true }).fill('21505199000776');
    await page.getByRole('button', { name: 'Маалыматты жөнөтүү' }).click();
    await until(() => textOf(page.getByTestId('report-result')), (t) => t.includes('Маалымат кабыл алынды'), 'the report');
    await noHorizontalScroll(page);
    await shot(page, 'departures-one-ky-phone');
  });

  test('the analyst sees the statistics with "<5" cells, the chart and the export buttons', async () => {
    const page = await openPage();
    await staffSignIn(page, 'analyst');
    await h1(page, 'Кызматтык кабинет');
    await page.getByTestId('staff-items').getByRole('link', { name: 'Статистика' }).click();
    await h1(page, 'Миграция статистикасы');
    const table = page.getByTestId('stats-table');
    await table.waitFor();
    // by country first; then country × raion of origin, where small cells appear
    expect(await textOf(table)).toContain('Россия');
    await page.getByLabel('Экинчи бөлүү').selectOption('RAION');
    await page.getByRole('button', { name: 'Көрсөтүү', exact: true }).click();
    await until(() => textOf(page.locator('#stats-result')), (t) => t.includes('Өлкө, Район (келген жери)'), 'the two dimensions');
    const counts = await table.locator('tbody td.mg-num').allTextContents();
    expect(counts).toContain('<5');
    expect(counts.every((c) => c === '<5' || /^\d+$/.test(c))).toBe(true);
    expect(await textOf(table)).toContain('Келген жери белгисиз');
    expect(await textOf(page.getByTestId('suppression-note'))).toContain('«<5» — 5тен аз адам');
    const chart = page.getByTestId('chart');
    expect(await chart.locator('g').count()).toBeGreaterThan(3);
    expect(Number(await textOf(page.getByTestId('stats-total')))).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'CSV жүктөп алуу' }).waitFor();
    await page.getByRole('button', { name: 'Excel (XLSX) жүктөп алуу' }).waitFor();
    await noHorizontalScroll(page);
    await shot(page, 'statistics-ky-phone');

    // the export is the same table, with the small cells suppressed
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV жүктөп алуу' }).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^migration-statistics-currently_abroad-country-raion-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF"country","raion","count"')).toBe(true);
    expect(csv).toContain('"<5"');
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel (XLSX) жүктөп алуу' }).click()]);
    expect(readFileSync((await xlsxDownload.path())!).subarray(0, 2).toString()).toBe('PK');

    // all departures by month, in English: the chart in time order
    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'Migration statistics');
    await page.getByLabel('All departures').check();
    await page.getByLabel('First breakdown').selectOption('DEPARTURE_MONTH');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await until(() => textOf(page.locator('#stats-result')), (t) => t.includes('By Month of departure'), 'the months');
    const months = await table.locator('tbody td:first-child').allTextContents();
    expect(months[0]).toMatch(/^January 2026$/);
    await page.setViewportSize(DESKTOP);
    await shot(page, 'statistics-months-en-desktop');
  });

  test('an officer registers an agency (errors by the field), suspends it, and finds a person with a logged purpose', async () => {
    const page = await openPage(DESKTOP);
    await staffSignIn(page, 'officer');
    await h1(page, 'Кызматтык кабинет');
    await page.getByTestId('staff-items').getByRole('link', { name: 'Жеке агенттиктер' }).click();
    await h1(page, 'Жеке жумушка орноштуруу агенттиктери');
    await until(() => textOf(page.getByTestId('agencies')), (t) => t.includes('Demo Jumush Agency LLC'), 'the demo agencies');

    await page.getByRole('button', { name: 'Агенттик кошуу' }).click();
    await page.getByLabel('Юридикалык аталышы').fill('Ала-Тоо Жумуш');
    await page.getByLabel('Лицензиянын номери').fill('LIC-2026-77');
    await page.getByLabel('ИНН', { exact: true }).fill('0123');
    await page.getByLabel('Лицензия качантан бери жарактуу').fill('2026-01-01');
    await page.getByLabel('Лицензия качанга чейин жарактуу').fill('2025-01-01');
    await page.getByRole('button', { name: 'Агенттикти каттоо' }).click();
    const summary = page.getByTestId('error-summary');
    await until(() => textOf(summary), (t) => t.includes('ИНН') && t.includes('башталышынан мурун болбойт'), 'the server refusals');
    expect(await page.getByLabel('ИНН', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Лицензия качанга чейин жарактуу').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'agency-errors-ky-desktop');
    await page.getByLabel('ИНН', { exact: true }).fill('01234567890777');
    await page.getByLabel('Лицензия качанга чейин жарактуу').fill('2029-12-31');
    await page.getByRole('button', { name: 'Агенттикти каттоо' }).click();
    await page.getByText('«Ала-Тоо Жумуш» агенттиги катталды.').waitFor();
    await page.getByRole('link', { name: 'Карточкасын ачуу' }).click();
    await h1(page, 'Агенттик');
    await until(() => textOf(page.getByTestId('agency-status')), (t) => t === 'Иштеп жатат', 'the status');

    // suspending needs a reason; it is kept in the history
    await page.getByLabel('Ишин убактылуу токтотуу').check();
    await page.getByRole('button', { name: 'Колдонуу' }).click();
    await page.getByText('Токтотуунун же жокко чыгаруунун себебин жазыңыз.').waitFor();
    await page.getByLabel('Себеби').fill('Текшерүү учурунда документтер көрсөтүлгөн жок');
    await page.getByRole('button', { name: 'Колдонуу' }).click();
    await until(() => textOf(page.getByTestId('agency-status')), (t) => t === 'Токтотулган', 'the suspension');
    await until(() => textOf(page.getByTestId('status-history')), (t) => t.includes('Текшерүү учурунда документтер'), 'the history');
    await page.setViewportSize(PHONE);
    await noHorizontalScroll(page);
    await shot(page, 'agency-card-ky-phone');

    // a person: the purpose is required, and goes to the access log
    await page.goto(suite.system.url + '/staff/people');
    await h1(page, 'Жарандарды издөө');
    await page.getByLabel('ПИН же фамилиясы, аты').fill('Асанов');
    await page.getByRole('button', { name: 'Издөө', exact: true }).click();
    await page.getByText('Максатын жазыңыз (жок дегенде 5 белги).').first().waitFor();
    await page.getByLabel('Эмне үчүн издеп жатасыз').fill('№ 77 кайрылуу боюнча текшерүү');
    await page.getByRole('button', { name: 'Издөө', exact: true }).click();
    const results = page.getByTestId('people-results');
    await results.waitFor();
    await results.getByRole('link').first().click();
    await h1(page, 'Жарандын маалыматтары');
    await until(() => textOf(page.getByTestId('logged-purpose')), (t) => t.includes('№ 77 кайрылуу боюнча текшерүү'), 'the purpose');
    await page.getByTestId('episodes').waitFor();
    await noHorizontalScroll(page);
    await shot(page, 'person-ky-phone');
    const logged = await sql<{ n: number }>`select count(*)::int as n from audit.access_log where purpose = '№ 77 кайрылуу боюнча текшерүү'`.execute(
      suite.system.database.db,
    );
    expect(logged.rows[0].n).toBeGreaterThan(1); // the search and the opened record
  });
});
