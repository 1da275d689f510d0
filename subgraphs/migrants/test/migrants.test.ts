import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { DEMO } from '@kg/platform';
import { startSystem, TestSystem } from '../../../test/harness';
import { adminToken, staffToken } from '../../../test/auth';

let sys: TestSystem;
let officer: string;
let agencyA: string;
let agencyB: string;
let operatorA: string;
let operatorB: string;

const SUBMIT = `mutation($i: QuestionnaireInput!, $k: String) { submitQuestionnaire(input: $i, idempotencyKey: $k) { reference accessCode questionnaire { id status phone } } }`;
const questionnaire = (over: Record<string, unknown> = {}) => ({
  lastName: 'Асанов',
  firstName: 'Бакыт',
  birthDate: '1990-05-15',
  sex: 'M',
  phone: '+996 555 123 456',
  territoryCode: '41708203807000',
  education: 'VOCATIONAL',
  occupations: ['7112'],
  languages: [{ code: 'ru', level: 'B2' }],
  wantedCountries: ['KR', 'TR'],
  consentProcessing: true,
  consentPartnerSharing: false,
  ...over,
});
const today = () => new Date(Date.now() + 6 * 3600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() + 6 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);
const pinFor = (sex: 1 | 2, birth: string, seq: number) => `${sex}${birth.slice(8, 10)}${birth.slice(5, 7)}${birth.slice(0, 4)}${String(seq).padStart(5, '0')}`;

const REPORT = `mutation($i: DepartureReportInput!, $a: ID) { reportDeparture(input: $i, agencyId: $a) { duplicate late episode { id countryCode agencyId } } }`;
const departure = (pin: string, birth: string, over: Record<string, unknown> = {}) => ({
  pin, lastName: 'Мамытов', firstName: 'Нурлан', birthDate: birth, country: 'RU', city: 'Москва', employer: 'ООО Стройка', positionIsco: '9313', contractStart: daysAgo(2), ...over,
});

beforeAll(async () => {
  sys = await startSystem({ DEMO_DATA: 'true' });
  officer = (await staffToken(sys, { roles: ['EMPLOYMENT_OFFICER'] })).token;
  const mk = async (n: string, inn: string) =>
    (await sys.gql('mutation($i: AgencyInput!) { createAgency(input: $i) { id status } }', { i: { licenceNumber: n, legalName: `Agency ${n}`, inn, licenceValidFrom: '2025-01-01', licenceValidTo: '2029-01-01' } }, { token: officer })).data.createAgency.id;
  agencyA = await mk('L-100', '11111111111111');
  agencyB = await mk('L-200', '22222222222222');
  operatorA = (await staffToken(sys, { roles: ['AGENCY_OPERATOR'], agencyId: agencyA })).token;
  operatorB = (await staffToken(sys, { roles: ['AGENCY_OPERATOR'], agencyId: agencyB })).token;
}, 120_000);
afterAll(() => sys?.stop());

describe('the questionnaire, without an account', () => {
  test('submit gives a reference and a code; a retry with the same key returns the same, never a second record', async () => {
    const key = 'retry-key-0123456789abcdef';
    const first = await sys.gql(SUBMIT, { i: questionnaire(), k: key });
    expect(first.errors).toBeUndefined();
    expect(first.data.submitQuestionnaire.reference).toMatch(/^AN-\d{4}-\d{6}$/);
    expect(first.data.submitQuestionnaire.questionnaire.phone).toBe('+996555123456');
    const retry = await sys.gql(SUBMIT, { i: questionnaire(), k: key });
    expect(retry.data.submitQuestionnaire).toEqual(first.data.submitQuestionnaire);
    const n = await sql<{ n: number }>`select count(*)::int as n from migrants.questionnaire where idempotency_key = ${key}`.execute(sys.database.db);
    expect(n.rows[0].n).toBe(1);
    const other = await sys.gql(SUBMIT, { i: questionnaire({ firstName: 'Другой' }), k: key });
    expect(other.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  test('view, edit and withdraw with the access code; a wrong code finds nothing', async () => {
    const { reference, accessCode } = (await sys.gql(SUBMIT, { i: questionnaire() })).data.submitQuestionnaire;
    const Q = 'query($r: String!, $c: String!) { questionnaire(reference: $r, accessCode: $c) { reference status wantedCountries } }';
    expect((await sys.gql(Q, { r: reference, c: accessCode })).data.questionnaire).toEqual({ reference, status: 'SUBMITTED', wantedCountries: ['KR', 'TR'] });
    expect((await sys.gql(Q, { r: reference, c: accessCode.toLowerCase().replace('-', '') })).data.questionnaire.reference).toBe(reference);
    const wrong = await sys.gql(Q, { r: reference, c: 'AAAAA-BBBBB' }, { locale: 'ru' });
    expect(wrong.errors?.[0]).toMatchObject({ message: 'Анкета не найдена: проверьте номер и код доступа', extensions: { code: 'NOT_FOUND' } });
    const edited = await sys.gql('mutation($r: String!, $c: String!, $i: QuestionnaireInput!) { updateQuestionnaire(reference: $r, accessCode: $c, input: $i) { wantedCountries } }', {
      r: reference, c: accessCode, i: questionnaire({ wantedCountries: ['DE'] }),
    });
    expect(edited.data.updateQuestionnaire.wantedCountries).toEqual(['DE']);
    const withdrawn = await sys.gql('mutation($r: String!, $c: String!) { withdrawQuestionnaire(reference: $r, accessCode: $c) { status } }', { r: reference, c: accessCode });
    expect(withdrawn.data.withdrawQuestionnaire.status).toBe('WITHDRAWN');
  });

  test('bad input names every field, translated, and writes nothing', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from migrants.questionnaire`.execute(sys.database.db);
    const r = await sys.gql(SUBMIT, { i: questionnaire({ phone: '12345', birthDate: '2015-01-01', wantedCountries: ['KG'], consentProcessing: false, territoryCode: '123' }) }, { locale: 'ru' });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = r.errors?.[0].extensions?.details.map((d: any) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['input.phone', 'input.birthDate', 'input.wantedCountries.0', 'input.consentProcessing', 'input.territoryCode']));
    expect(r.errors?.[0].message).toContain('Телефон: номер в международном формате');
    const ky = await sys.gql(SUBMIT, { i: questionnaire({ phone: '12345' }) });
    expect(ky.errors?.[0].message).toContain('Телефон: эл аралык форматтагы номер');
    const after = await sql<{ n: number }>`select count(*)::int as n from migrants.questionnaire`.execute(sys.database.db);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});

describe('agency departure reports', () => {
  test('one person reported by two agencies is one person; the second report is a duplicate', async () => {
    const birth = '1992-03-04';
    const pin = pinFor(2, birth, 11);
    const a = await sys.gql(REPORT, { i: departure(pin, birth) }, { token: operatorA });
    expect(a.errors).toBeUndefined();
    expect(a.data.reportDeparture).toMatchObject({ duplicate: false, late: false, episode: { countryCode: 'RU', agencyId: agencyA } });
    const again = await sys.gql(REPORT, { i: departure(pin, birth) }, { token: operatorA });
    expect(again.data.reportDeparture).toMatchObject({ duplicate: true, episode: null });
    const b = await sys.gql(REPORT, { i: departure(pin, birth, { employer: 'ООО «Стройка»' }) }, { token: operatorB });
    expect(b.data.reportDeparture.duplicate).toBe(true);
    const n = await sql<{ n: number }>`select count(*)::int as n from migrants.migrant where pin = ${pin}`.execute(sys.database.db);
    expect(n.rows[0].n).toBe(1);
  });

  test('optional fields may be sent as null', async () => {
    const birth = '1987-06-07';
    const r = await sys.gql(REPORT, { i: departure(pinFor(1, birth, 15), birth, { patronymic: null, city: null, positionIsco: null, contractEnd: null }) }, { token: operatorA });
    expect(r.errors).toBeUndefined();
    expect(r.data.reportDeparture.duplicate).toBe(false);
  });

  test('a report later than the deadline is accepted and flagged late', async () => {
    const birth = '1985-07-08';
    const r = await sys.gql(REPORT, { i: departure(pinFor(1, birth, 12), birth, { contractStart: daysAgo(40) }) }, { token: operatorA });
    expect(r.data.reportDeparture).toMatchObject({ duplicate: false, late: true });
  });

  test('bad rows are refused with each field named in the caller language; a suspended agency cannot report', async () => {
    const bad = await sys.gql(REPORT, { i: departure('123', '1990-01-01', { country: 'KG' }) }, { token: operatorA, locale: 'en' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.details.map((d: any) => d.field)).toEqual(expect.arrayContaining(['input.pin', 'input.country']));
    await sys.gql('mutation($id: ID!) { setAgencyStatus(id: $id, status: SUSPENDED, reason: "audit") { status } }', { id: agencyB }, { token: officer });
    const birth = '1991-01-02';
    const r = await sys.gql(REPORT, { i: departure(pinFor(2, birth, 13), birth) }, { token: operatorB, locale: 'ru' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'AGENCY_SUSPENDED' });
    expect(r.errors?.[0].message).toMatch(/приостановлена/);
    const hist = await sys.gql('query($id: ID!) { agency(id: $id) { status statusHistory { status reason } } }', { id: agencyB }, { token: officer });
    expect(hist.data.agency.statusHistory.map((h: any) => h.status)).toEqual(['ACTIVE', 'SUSPENDED']);
    await sys.gql('mutation($id: ID!) { setAgencyStatus(id: $id, status: ACTIVE) { status } }', { id: agencyB }, { token: officer });
  });

  test('an operator cannot report for, or read, another agency', async () => {
    const birth = '1993-02-03';
    const r = await sys.gql(REPORT, { i: departure(pinFor(2, birth, 14), birth), a: agencyB }, { token: operatorA });
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mine = await sys.gql('{ departureReports(first: 100) { agencyId } }', {}, { token: operatorA });
    expect(mine.data.departureReports.length).toBeGreaterThan(0);
    expect(mine.data.departureReports.every((e: any) => e.agencyId === agencyA)).toBe(true);
    const other = await sys.gql('query($a: ID) { departureReports(agencyId: $a) { id } }', { a: agencyB }, { token: operatorA });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

function csv(rows: string[][], opts: { bom?: boolean; sep?: string } = {}) {
  const sep = opts.sep ?? ';';
  const text = [['ПИН', 'Фамилия', 'Имя', 'Дата рождения', 'Страна', 'Город', 'Работодатель', 'Код ISCO', 'Дата начала контракта'], ...rows].map((r) => r.join(sep)).join('\r\n');
  return Buffer.from((opts.bom ? '\uFEFF' : '') + text, 'utf8').toString('base64');
}
const PREVIEW = `mutation($f: String!, $c: String!) { previewDepartureUpload(fileName: $f, contentBase64: $c) { uploadId totalRows validRows invalidRows alreadyReported errorCount errors { line field code message } } }`;
const COMMIT = `mutation($id: ID!) { commitDepartureUpload(uploadId: $id) { created duplicates late } }`;

describe('bulk upload', () => {
  const birth = '1988-09-10';
  const start = daysAgo(3);
  const good = (seq: number) => [pinFor(1, birth, 100 + seq), 'Сыдыкова', 'Жазгүл', '10.09.1988', 'Казахстан', 'Алматы', 'ТОО Береке', '5120', start.split('-').reverse().join('.')];

  test('the preview shows each bad row with its line and reason and writes nothing; commit writes the rest; re-upload makes no duplicates', async () => {
    const content = csv([good(1), good(2), ['2150519880012', 'Сыдыкова', 'Жазгүл', '10.09.1988', 'KZ', '', 'X', '5120', start], good(3), ['', 'A', 'B', '31.02.1990', 'Марс', '', 'X', '51', start]], { bom: true });
    const p = await sys.gql(PREVIEW, { f: 'departures.csv', c: content }, { token: operatorA, locale: 'ru' });
    expect(p.errors).toBeUndefined();
    const preview = p.data.previewDepartureUpload;
    expect(preview).toMatchObject({ totalRows: 5, validRows: 3, invalidRows: 2, alreadyReported: 0 });
    expect(preview.errors.map((e: any) => [e.line, e.field])).toEqual(expect.arrayContaining([[4, 'pin'], [6, 'pin'], [6, 'birthDate'], [6, 'country'], [6, 'positionIsco']]));
    expect(preview.errors.find((e: any) => e.line === 4).message).toMatch(/ПИН/);
    const written = await sql<{ n: number }>`select count(*)::int as n from migrants.episode where upload_id = ${preview.uploadId}`.execute(sys.database.db);
    expect(written.rows[0].n).toBe(0);
    const c = await sys.gql(COMMIT, { id: preview.uploadId }, { token: operatorA });
    expect(c.data.commitDepartureUpload).toEqual({ created: 3, duplicates: 0, late: 0 });
    // Committing again (a retry) changes nothing and answers the same.
    expect((await sys.gql(COMMIT, { id: preview.uploadId }, { token: operatorA })).data.commitDepartureUpload).toEqual({ created: 3, duplicates: 0, late: 0 });
    // The same rows again, comma-separated and without BOM this time.
    const again = await sys.gql(PREVIEW, { f: 'again.csv', c: csv([good(1), good(2), good(3)], { sep: ',' }) }, { token: operatorA });
    expect(again.data.previewDepartureUpload).toMatchObject({ validRows: 3, alreadyReported: 3 });
    expect((await sys.gql(COMMIT, { id: again.data.previewDepartureUpload.uploadId }, { token: operatorA })).data.commitDepartureUpload).toEqual({ created: 0, duplicates: 3, late: 0 });
  });

  test('XLSX with real dates and a missing column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.addRow(['PIN', 'Last name', 'First name', 'Birth date', 'Country', 'Employer', 'Contract start']);
    ws.addRow([pinFor(2, '1979-12-01', 301), 'Осмонов', 'Эрлан', new Date(Date.UTC(1979, 11, 1)), 'TR', 'Anadolu AŞ', new Date(Date.parse(daysAgo(1)))]);
    ws.addRow([pinFor(2, '1979-12-01', 302), 'Осмонов', 'Эрлан', '01.12.1979', 'Germany', 'GmbH X', daysAgo(1)]);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const p = await sys.gql(PREVIEW, { f: 'report.xlsx', c: content }, { token: operatorA });
    expect(p.data.previewDepartureUpload).toMatchObject({ totalRows: 2, validRows: 2, invalidRows: 0 });
    const noCountry = new ExcelJS.Workbook();
    noCountry.addWorksheet('x').addRow(['PIN', 'Last name', 'First name', 'Birth date', 'Employer', 'Contract start']);
    const missing = await sys.gql(PREVIEW, { f: 'bad.xlsx', c: Buffer.from(await noCountry.xlsx.writeBuffer()).toString('base64') }, { token: operatorA, locale: 'en' });
    expect(missing.data.previewDepartureUpload.uploadId).toBeNull();
    expect(missing.data.previewDepartureUpload.errors[0]).toMatchObject({ line: 1, code: 'HEADER_MISSING' });
  });

  test('a 10,000-row file is previewed and committed in full', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [pinFor(i % 2 ? 1 : 2, '1990-01-01', 20000 + i), 'Бекова', 'Гүлнара', '01.01.1990', 'RU', 'Казань', `Employer ${i % 50}`, '9112', start.split('-').reverse().join('.')]);
    const p = await sys.gql(PREVIEW, { f: 'big.csv', c: csv(rows) }, { token: operatorA });
    expect(p.data.previewDepartureUpload).toMatchObject({ totalRows: 10_000, validRows: 10_000, invalidRows: 0 });
    const c = await sys.gql(COMMIT, { id: p.data.previewDepartureUpload.uploadId }, { token: operatorA });
    expect(c.data.commitDepartureUpload.created).toBe(10_000);
  }, 120_000);
});

describe('who sees what', () => {
  test('an analyst gets aggregates with small cells suppressed, and no person', async () => {
    const analyst = (await staffToken(sys, { roles: ['ANALYST'] })).token;
    // Two people in Japan: a cell that must not show its true size.
    for (const seq of [401, 402]) {
      const birth = '1994-04-05';
      await sys.gql(REPORT, { i: departure(pinFor(2, birth, seq), birth, { country: 'JP', city: 'Tokyo' }) }, { token: operatorA });
    }
    const r = await sys.gql('{ migrationStatistics(groupBy: [COUNTRY, SEX]) { total { value display } rows { country { code name } sex count { value display suppressed } } } }', {}, { token: analyst, locale: 'en' });
    expect(r.errors).toBeUndefined();
    const rows = r.data.migrationStatistics.rows;
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      // "<5" is a small cell; "x" a cell hidden so that a "<5" cannot be worked out from the rest.
      if (row.count.suppressed) expect([{ value: null, display: '<5', suppressed: true }, { value: null, display: 'x', suppressed: true }]).toContainEqual(row.count);
      else expect(row.count.value).toBeGreaterThanOrEqual(5);
    }
    expect(rows.find((x: any) => x.country?.code === 'JP').count).toEqual({ value: null, display: '<5', suppressed: true });
    // Names come from the directory subgraph through the gateway.
    expect(rows.find((x: any) => x.country?.code === 'RU').country.name).toBe('Russia');
    for (const q of ['{ migrant(pin: "21505198800123") { pin } }', '{ searchMigrants(text: "Бекова") { pin } }', '{ departureReports { pin } }']) {
      const denied = await sys.gql(q, {}, { token: analyst });
      expect(denied.data?.migrant ?? denied.data?.searchMigrants ?? denied.data?.departureReports ?? null).toBeNull();
      expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    // Not through an entity reference either.
    const direct = await fetch(sys.subgraphUrls.migrants, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
      body: JSON.stringify({ query: '{ _entities(representations: [{__typename: "Migrant", pin: "21505198800123"}]) { ... on Migrant { lastName } } }' }),
    }).then((x) => x.json());
    expect(direct.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  test('each person is counted once in the exact number, whoever reported them', async () => {
    const analyst = (await staffToken(sys, { roles: ['ANALYST'] })).token;
    const stats = await sys.gql('{ migrationStatistics(groupBy: []) { total { value } } }', {}, { token: analyst });
    const persons = await sql<{ n: number }>`select count(distinct pin)::int as n from migrants.episode where return_date is null and departure_date <= ${today()} and (contract_end is null or contract_end >= ${today()})`.execute(sys.database.db);
    expect(stats.data.migrationStatistics.total.value).toBe(persons.rows[0].n);
  });

  test('a social worker sees only people from their aiyl okmotu, and each read is logged', async () => {
    const worker = await staffToken(sys, { roles: ['SOCIAL_WORKER'], territoryCodes: [DEMO.socialWorkerTerritory] });
    const found = await sys.gql('{ searchMigrants(text: "Асанов", first: 100) { pin homeTerritory { code name } } }', {}, { token: worker.token });
    expect(found.errors).toBeUndefined();
    expect(found.data.searchMigrants.length).toBeGreaterThan(0);
    expect(found.data.searchMigrants.every((m: any) => m.homeTerritory.code.startsWith('41708203807'))).toBe(true);
    const outside = await sql<{ pin: string }>`select pin from migrants.migrant where home_territory_code like '41706%' limit 1`.execute(sys.database.db);
    const denied = await sys.gql('query($p: String!) { migrant(pin: $p) { pin } }', { p: outside.rows[0].pin }, { token: worker.token });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const inside = found.data.searchMigrants[0].pin;
    await sys.gql('query($p: String!) { migrant(pin: $p, purpose: "home visit") { pin episodes { countryCode } } }', { p: inside }, { token: worker.token, headers: { 'x-request-id': 'sw-read-000001' } });
    const log = await sys.gql('query($id: String) { accessLog(entity: "Migrant", entityId: $id) { actorId action purpose requestId } }', { id: inside }, { token: await adminToken(sys) });
    expect(log.data.accessLog[0]).toEqual({ actorId: worker.userId, action: 'READ', purpose: 'home visit', requestId: 'sw-read-000001' });
  });

  test('statistics export as CSV and XLSX', async () => {
    const csvOut = await sys.gql('{ migrationStatisticsExport(groupBy: [COUNTRY], format: CSV) }', {}, { token: officer });
    const text = Buffer.from(csvOut.data.migrationStatisticsExport, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF"country","count"')).toBe(true);
    const xlsx = await sys.gql('{ migrationStatisticsExport(groupBy: [SEX, AGE_BAND], format: XLSX) }', {}, { token: officer });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.data.migrationStatisticsExport, 'base64') as any);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, 'sex', 'age_band', 'count']);
  });
});

describe('citizens', () => {
  test('a citizen signs in with a signature, attaches an anonymous questionnaire, and corrects their own record', async () => {
    const c = (await sys.gql('mutation { signatureChallenge { id challenge } }')).data.signatureChallenge;
    const signature = (await sys.gql('mutation($c: String!) { demoSignChallenge(challenge: $c, signer: CITIZEN_EC) }', { c: c.challenge })).data.demoSignChallenge;
    const session = await sys.gql('mutation($id: ID!, $s: String!) { signInWithSignature(challengeId: $id, signature: $s) { accessToken user { pin } } }', { id: c.id, s: signature });
    const token = session.data.signInWithSignature.accessToken;
    const { reference, accessCode } = (await sys.gql(SUBMIT, { i: questionnaire({ lastName: 'Токтогулова', firstName: 'Айгүл', sex: 'F', birthDate: '1995-03-12' }) })).data.submitQuestionnaire;
    const attached = await sys.gql('mutation($r: String!, $c: String!) { attachQuestionnaire(reference: $r, accessCode: $c) { attached } }', { r: reference, c: accessCode }, { token });
    expect(attached.data.attachQuestionnaire.attached).toBe(true);
    const record = await sys.gql('{ myMigrantRecord { pin lastName phone homeTerritory { code name } isAbroad } myQuestionnaires { reference } }', {}, { token });
    expect(record.data.myMigrantRecord).toMatchObject({ pin: session.data.signInWithSignature.user.pin, lastName: 'Токтогулова', phone: '+996555123456', homeTerritory: { code: '41708203807000' } });
    expect(record.data.myQuestionnaires.map((q: any) => q.reference)).toEqual([reference]);
    const updated = await sys.gql('mutation { updateMyMigrantRecord(input: { currentCountry: "KR", currentCity: "Ansan", contactAbroad: "+82 10 1234 5678" }) { currentCountry { code name } currentCity } }', {}, { token, locale: 'en' });
    expect(updated.data.updateMyMigrantRecord).toEqual({ currentCountry: { code: 'KR', name: 'South Korea' }, currentCity: 'Ansan' });
    const bad = await sys.gql('mutation { updateMyMigrantRecord(input: { phone: "abc", returnDate: "2999-01-01" }) { pin } }', {}, { token, locale: 'en' });
    expect(bad.errors?.[0].extensions?.details.map((d: any) => d.field)).toEqual(['input.phone', 'input.returnDate']);
    // A citizen cannot read anyone else's record.
    const other = await sys.gql('{ migrant(pin: "21505198800123") { pin } }', {}, { token });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
