/**
 * The departure-report import: reading agency files (CSV and XLSX), validating rows, the messages
 * the operator reads in ky/ru/en, and idempotency keys. Pure: no database, no GraphQL.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import {
  checkPin,
  DepartureReportInput,
  FIELD_LABELS,
  findDuplicateRows,
  formatRowError,
  importDepartureFile,
  LOCALES,
  MESSAGES,
  parseDepartureFile,
  RawRow,
  resolveCountry,
  rowKey,
  RowError,
  validateDepartureRow,
  validateDepartureRows,
} from '../src/departure/departure.import';

const TODAY = '2025-09-01';
const opts = { today: TODAY };

const EN_HEADER = 'pin,last_name,first_name,patronymic,birth_date,country,city,employer,position_isco,contract_start,contract_end';
const RU_HEADER = 'ПИН;Фамилия;Имя;Отчество;Дата рождения;Страна;Город;Работодатель;Код ISCO;Начало договора;Окончание договора';

const ASANOV: DepartureReportInput = {
  pin: '21505199000123',
  lastName: 'Асанов',
  firstName: 'Бакыт',
  patronymic: 'Маратович',
  birthDate: '1990-05-15',
  country: 'RU',
  city: 'Москва',
  employer: 'ООО СтройИнвест',
  positionIsco: '7112',
  contractStart: '2025-03-01',
  contractEnd: '2026-02-28',
};
const TOKTOGULOVA: DepartureReportInput = {
  pin: '10203198500214',
  lastName: 'Токтогулова',
  firstName: 'Айгүл',
  birthDate: '1985-03-02',
  country: 'KZ',
  employer: 'ТОО Алма-Сервис',
  contractStart: '2025-03-15',
};

const BOM = '\uFEFF';
const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Parses and validates, failing loudly on header errors. */
async function load(text: string | Buffer, name = 'upload.csv') {
  const result = await importDepartureFile(typeof text === 'string' ? utf8(text) : text, name, opts);
  expect(result.headerErrors).toEqual([]);
  return result;
}

/** Every message of an error in the three languages, with its line. */
const allLocales = (e: RowError) => Object.fromEntries(LOCALES.map((l) => [l, formatRowError(e, e.line, l)]));

describe('reading CSV', () => {
  const enRows = [
    EN_HEADER,
    '21505199000123,Асанов,Бакыт,Маратович,1990-05-15,RU,Москва,ООО СтройИнвест,7112,2025-03-01,2026-02-28',
    '10203198500214,Токтогулова,Айгүл,,,KZ,,ТОО Алма-Сервис,,2025-03-15,',
  ];
  const ruRows = [
    RU_HEADER,
    '21505199000123;Асанов;Бакыт;Маратович;15.05.1990;Россия;Москва;ООО СтройИнвест;7112;01.03.2025;28.02.2026',
    '10203198500214;Токтогулова;Айгүл;;;Казахстан;;ТОО Алма-Сервис;;15.03.2025;',
  ];

  it('reads English headers, commas and ISO dates, without BOM', async () => {
    const r = await load(enRows.join('\n'));
    expect(r.format).toBe('csv');
    expect(r.totalRows).toBe(2);
    expect(r.rowErrors).toEqual([]);
    expect(r.valid.map((v) => [v.line, v.value])).toEqual([
      [2, ASANOV],
      [3, TOKTOGULOVA],
    ]);
  });

  it('reads Russian headers, semicolons and dd.mm.yyyy dates, with BOM and CRLF, to the same values', async () => {
    const r = await load(BOM + ruRows.join('\r\n') + '\r\n');
    expect(r.valid.map((v) => v.value)).toEqual([ASANOV, TOKTOGULOVA]);
    expect(r.valid.map((v) => v.line)).toEqual([2, 3]);
  });

  it('gives the same keys for the same departures in either format', async () => {
    const en = await load(enRows.join('\n'));
    const ru = await load(BOM + ruRows.join('\n'));
    expect(ru.valid.map((v) => v.key)).toEqual(en.valid.map((v) => v.key));
  });

  it('reads Kyrgyz headers, in any case and with hints in brackets', async () => {
    const csv = [
      'ПИН;ФАМИЛИЯСЫ;Аты;Туулган күнү (КК.АА.ЖЖЖЖ);Өлкө;Иш берүүчү;Келишимдин башталышы*',
      '21505199000123;Асанов;Бакыт;15.05.1990;Түркия;Yildiz Tekstil;01.04.2025',
    ].join('\n');
    const r = await load(csv);
    expect(r.valid[0].value).toMatchObject({ country: 'TR', employer: 'Yildiz Tekstil', contractStart: '2025-04-01' });
  });

  it('keeps physical line numbers across a title line, empty lines and a quoted cell spanning two lines', async () => {
    const csv = [
      'Отчёт агентства «Ак-Жол» за март 2025', // 1: a title above the table
      '', // 2
      RU_HEADER, // 3
      '21505199000123;Асанов;Бакыт;;;RU;;"ООО ""Строй;\nИнвест""";;01.03.2025;', // 4-5
      ';;;;;;;;;;', // 6: empty cells only
      '10203198500214;Токтогулова;Айгүл;;;KZ;;ТОО;;32.03.2025;', // 7
    ].join('\n');
    const parsed = await parseDepartureFile(utf8(csv), 'a.csv');
    expect(parsed.headerErrors).toEqual([]);
    expect(parsed.rows.map((r) => r.line)).toEqual([4, 7]);
    expect(parsed.rows[0].values.employer).toBe('ООО "Строй;\nИнвест"');
    const check = validateDepartureRows(parsed.rows, opts);
    expect(check.valid.map((v) => v.line)).toEqual([4]);
    expect(check.valid[0].value.employer).toBe('ООО "Строй; Инвест"');
    expect(check.rowErrors).toEqual([{ line: 7, field: 'contractStart', code: 'DATE_INVALID', params: { value: '32.03.2025' } }]);
  });

  it('reads a file Excel saved as Windows-1251, and one saved as UTF-16 "Unicode text" with tabs', async () => {
    const text = ruRows.join('\r\n');
    const cp1251 = Buffer.from(
      [...text].map((ch) => {
        const c = ch.charCodeAt(0);
        if (c < 0x80) return c;
        if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0; // А..я
        return { 'ү': 0xbf /* not in cp1251 */ }[ch] ?? 0x3f;
      }),
    );
    const r1251 = await parseDepartureFile(cp1251, 'a.csv');
    expect(r1251.headerErrors).toEqual([]);
    expect(r1251.rows[0].values.lastName).toBe('Асанов');

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/;/g, '\t'), 'utf16le')]);
    const r16 = await load(utf16);
    expect(r16.valid.map((v) => v.value)).toEqual([ASANOV, TOKTOGULOVA]);
  });

  it('strips invisible characters and Excel\'s ="..." text trick', async () => {
    const csv = [EN_HEADER, '="21505199000123", Асанов\u00A0,\u200BБакыт,,,ru,,X Ltd,,2025-03-01,'].join('\n');
    const r = await load(csv);
    expect(r.valid[0].value).toMatchObject({ pin: '21505199000123', lastName: 'Асанов', firstName: 'Бакыт', country: 'RU' });
  });
});

describe('reading XLSX', () => {
  async function workbook(rows: unknown[][], fmt?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Отчёт');
    for (const r of rows) ws.addRow(r);
    fmt?.(ws);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads real Excel dates, text dates, numeric PINs and ISCO codes, rich text and formulas', async () => {
    const bytes = await workbook(
      [
        RU_HEADER.split(';'),
        [21505199000123, 'Асанов', 'Бакыт', 'Маратович', new Date(Date.UTC(1990, 4, 15)), 'RU', 'Москва', 'ООО СтройИнвест', 7112,
          new Date(Date.UTC(2025, 2, 1)), new Date(Date.UTC(2026, 1, 28))],
        [],
        ['10203198500214', { richText: [{ text: 'Токто' }, { text: 'гулова' }] }, 'Айгүл', null, '02.03.1985', { formula: '"K"&"Z"', result: 'KZ' },
          null, 'ТОО Алма-Сервис', 110, '2025-03-15', null],
      ],
      (ws) => ['E', 'J', 'K'].forEach((c) => (ws.getColumn(c).numFmt = 'dd.mm.yyyy')),
    );
    // Named .csv on purpose: the content decides.
    const r = await load(bytes, 'report.csv');
    expect(r.format).toBe('xlsx');
    expect(r.rowErrors).toEqual([]);
    expect(r.valid.map((v) => v.line)).toEqual([2, 4]);
    expect(r.valid[0].value).toEqual(ASANOV);
    expect(r.valid[1].value).toEqual({ ...TOKTOGULOVA, positionIsco: '0110' });
  });

  it('reads a date typed into a cell not formatted as a date (an Excel serial number)', async () => {
    const bytes = await workbook([
      ['pin', 'last_name', 'first_name', 'country', 'employer', 'contract_start'],
      ['21505199000123', 'Asanov', 'Bakyt', 'Russia', 'X', 45717], // 45717 = 2025-03-01
    ]);
    const r = await load(bytes, 'r.xlsx');
    expect(r.valid[0].value.contractStart).toBe('2025-03-01');
  });

  it('reports bad rows with their spreadsheet row numbers', async () => {
    const bytes = await workbook([
      ['Отчёт за март'],
      RU_HEADER.split(';'),
      ['21505199000123', 'Асанов', 'Бакыт', null, new Date(Date.UTC(1991, 4, 15)), 'RU', null, 'X', null, '01.03.2025'],
    ]);
    const r = await load(bytes, 'r.xlsx');
    expect(r.rowErrors).toEqual([{ line: 3, field: 'birthDate', code: 'PIN_BIRTHDATE_MISMATCH', params: { pinDate: '15.05.1990' } }]);
  });
});

describe('file and header problems', () => {
  it('reports missing required columns on the header line, in three languages, and checks no row', async () => {
    const csv = ['ПИН;Фамилия;Имя;Страна;Начало договора', '21505199000123;Асанов;Бакыт;RU;01.03.2025'].join('\n');
    const r = await importDepartureFile(utf8(csv), 'a.csv', opts);
    expect(r.headerErrors).toEqual([
      { line: 1, field: 'employer', code: 'HEADER_MISSING', params: { accepted: 'employer / Работодатель / Иш берүүчү' } },
    ]);
    expect(r.valid).toEqual([]);
    expect(r.rowErrors).toEqual([]);
    expect(allLocales(r.headerErrors[0])).toEqual({
      ky: '1-сап: Иш берүүчү — мындай мамыча жок; аны мындай атаңыз: employer / Работодатель / Иш берүүчү',
      ru: 'Строка 1: Работодатель — нет такого столбца; назовите его так: employer / Работодатель / Иш берүүчү',
      en: 'Line 1: Employer — column not found; name it: employer / Работодатель / Иш берүүчү',
    });
  });

  it('reports every missing column of a file without a recognisable header', async () => {
    const r = await parseDepartureFile(utf8('a,b,c\n1,2,3\n'), 'a.csv');
    expect(r.headerErrors.map((e) => e.field)).toEqual(['pin', 'lastName', 'firstName', 'country', 'employer', 'contractStart']);
  });

  it('reports a column given twice', async () => {
    const r = await parseDepartureFile(utf8(EN_HEADER + ',ИНН\n'), 'a.csv');
    expect(r.headerErrors).toEqual([{ line: 1, field: 'pin', code: 'HEADER_DUPLICATE', params: { columns: 'A, L' } }]);
    expect(formatRowError(r.headerErrors[0], 1, 'ru')).toBe('Строка 1: ПИН — столбец встречается несколько раз (A, L)');
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'a.csv', 'FILE_EMPTY'],
    ['only a BOM and blank lines', utf8(BOM + '\r\n\r\n'), 'a.csv', 'FILE_EMPTY'],
    ['a header without rows', utf8(EN_HEADER + '\n'), 'a.csv', 'FILE_NO_ROWS'],
    ['a legacy .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'a.xls', 'FILE_XLS_UNSUPPORTED'],
    ['a file named .xlsx that is not one', utf8(EN_HEADER), 'a.xlsx', 'FILE_UNREADABLE'],
    ['a broken ZIP', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]), 'a.xlsx', 'FILE_UNREADABLE'],
    ['binary content', Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]), 'a.csv', 'FILE_UNREADABLE'],
  ])('refuses %s', async (_what, bytes, name, code) => {
    const r = await parseDepartureFile(bytes, name);
    expect(r.headerErrors).toEqual([{ line: 0, field: 'file', code }]);
    for (const l of LOCALES) expect(formatRowError(r.headerErrors[0], 0, l)).toMatch(/^\S.*\.$/); // a sentence, no line prefix
  });

  it('stops at the row limit', async () => {
    const rows = Array.from({ length: 5 }, () => '21505199000123,A,B,,,RU,,X,,2025-03-01,');
    const r = await parseDepartureFile(utf8([EN_HEADER, ...rows].join('\n')), 'a.csv', { maxRows: 3 });
    expect(r.rows).toHaveLength(3);
    expect(r.headerErrors).toEqual([{ line: 0, field: 'file', code: 'FILE_TOO_MANY_ROWS', params: { max: 3 } }]);
    expect(formatRowError(r.headerErrors[0], 0, 'en')).toBe('Too many rows: at most 3 in one file; split the file.');
  });

  it('reports an unclosed quotation mark', async () => {
    const r = await parseDepartureFile(utf8([EN_HEADER, '21505199000123,"Асанов,Бакыт,,,RU,,X,,2025-03-01,'].join('\n')), 'a.csv');
    expect(r.headerErrors).toContainEqual({ line: 2, field: 'row', code: 'CSV_QUOTES' });
  });
});

describe('bad rows, with line numbers and messages in ky, ru and en', () => {
  // One file with one kind of mistake per line (line = index + 1).
  const lines = [
    RU_HEADER, // 1
    '21505199000123;Асанов;Бакыт;;15.05.1990;RU;;ООО Строй;7112;01.03.2025;', // 2 good
    '2150519900012;Асанов;Бакыт;;;RU;;ООО Строй;;01.03.2025;', // 3 PIN too short
    '31505199000123;Асанов;Бакыт;;;RU;;ООО Строй;;01.03.2025;', // 4 PIN sex digit
    '23102199000123;Асанов;Бакыт;;;RU;;ООО Строй;;01.03.2025;', // 5 PIN date 31.02
    '21505202600123;Асанов;Бакыт;;;RU;;ООО Строй;;01.03.2025;', // 6 PIN date in the future
    '2,15052E+13;Асанов;Бакыт;;;RU;;ООО Строй;;01.03.2025;', // 7 PIN mangled by Excel
    '21505199000124;Асанов;Бакыт;;16.05.1990;RU;;ООО Строй;;01.03.2025;', // 8 birth date ≠ PIN
    '21505199000125;;Бакыт;;;RU;;ООО Строй;;01.03.2025;', // 9 last name missing
    '21505199000126;Асанов2;Бакыт;;;RU;;ООО Строй;;01.03.2025;', // 10 digit in a name
    `21505199000127;${'А'.repeat(101)};Бакыт;;;RU;;ООО Строй;;01.03.2025;`, // 11 name too long
    '21505199000128;Асанов;Бакыт;;;Атлантида;;ООО Строй;;01.03.2025;', // 12 unknown country
    '21505199000129;Асанов;Бакыт;;;KG;;ООО Строй;;01.03.2025;', // 13 the home country
    '21505199000130;Асанов;Бакыт;;;RU;;ООО Строй;71-12;01.03.2025;', // 14 ISCO code
    '21505199000131;Асанов;Бакыт;;;RU;;ООО Строй;;2025-02-30;', // 15 not a date
    '21505199000132;Асанов;Бакыт;;;RU;;ООО Строй;;01.03.2025;01.02.2025', // 16 end before start
    '21505199000133;Асанов;Бакыт;;;RU;;ООО Строй;;02.09.2026;', // 17 start more than a year ahead
    '21505199000134;Асанов;Бакыт;;;RU;;;;;', // 18 employer and start missing
    '21505199000123;Асанов;Бакыт;;15.05.1990;RU;;ООО Строй;7112;01.03.2025;', // 19 repeats line 2
  ];
  let result: Awaited<ReturnType<typeof importDepartureFile>>;
  beforeAll(async () => {
    result = await importDepartureFile(utf8(lines.join('\n')), 'bad.csv', opts);
  });

  const cases: [number, string, string, Record<string, string>][] = [
    [3, 'pin', 'PIN_INVALID', {
      ky: '3-сап: ПИН — 14 сандан турушу керек',
      ru: 'Строка 3: ПИН — должен состоять из 14 цифр',
      en: 'Line 3: PIN — must consist of 14 digits',
    }],
    [4, 'pin', 'PIN_SEX_DIGIT', {
      ky: '4-сап: ПИН — 1 (аял) же 2 (эркек) цифрасы менен башталышы керек',
      ru: 'Строка 4: ПИН — должен начинаться с 1 (женский пол) или 2 (мужской пол)',
      en: 'Line 4: PIN — must start with 1 (female) or 2 (male)',
    }],
    [5, 'pin', 'PIN_DATE_INVALID', {
      ky: '5-сап: ПИН — 2–9-цифралары чыныгы туулган күн болушу керек (ККААЖЖЖЖ)',
      ru: 'Строка 5: ПИН — цифры со 2-й по 9-ю должны быть реальной датой рождения (ДДММГГГГ)',
      en: 'Line 5: PIN — digits 2 to 9 must be a real date of birth (DDMMYYYY)',
    }],
    [6, 'pin', 'PIN_DATE_FUTURE', {
      ky: '6-сап: ПИН — келечектеги туулган күндү камтыйт',
      ru: 'Строка 6: ПИН — содержит дату рождения в будущем',
      en: 'Line 6: PIN — contains a date of birth in the future',
    }],
    [7, 'pin', 'PIN_EXCEL_NUMBER', {
      ky: '7-сап: ПИН — Excel аны 2,15E+13 сыяктуу санга айлантып, цифралары жоголгон: мамычага «Текст» форматын коюп, ПИНди кайра жазыңыз',
      ru: 'Строка 7: ПИН — Excel превратил его в число вида 2,15E+13, и цифры потеряны: задайте столбцу формат «Текстовый» и введите ПИН заново',
      en: 'Line 7: PIN — was turned by Excel into a number like 2.15E+13 and its digits are lost: format the column as Text and enter the PIN again',
    }],
    [8, 'birthDate', 'PIN_BIRTHDATE_MISMATCH', {
      ky: '8-сап: Туулган күнү — ПИНдеги туулган күнгө (15.05.1990) дал келбейт',
      ru: 'Строка 8: Дата рождения — не совпадает с датой рождения в ПИН (15.05.1990)',
      en: 'Line 8: Date of birth — does not match the date of birth in the PIN (15.05.1990)',
    }],
    [9, 'lastName', 'REQUIRED', {
      ky: '9-сап: Фамилиясы — толтурулушу керек',
      ru: 'Строка 9: Фамилия — обязательно для заполнения',
      en: 'Line 9: Last name — is required',
    }],
    [10, 'lastName', 'NAME_INVALID', {
      ky: '10-сап: Фамилиясы — тамгалардан гана турушу керек (кириллица же латын), боштук, дефис жана апостроф болушу мүмкүн',
      ru: 'Строка 10: Фамилия — может содержать только буквы (кириллица или латиница), пробел, дефис и апостроф',
      en: 'Line 10: Last name — may contain only letters (Cyrillic or Latin), spaces, hyphens and apostrophes',
    }],
    [11, 'lastName', 'TOO_LONG', {
      ky: '11-сап: Фамилиясы — өтө узун: 100 белгиден ашпашы керек',
      ru: 'Строка 11: Фамилия — слишком длинное значение: не более 100 символов',
      en: 'Line 11: Last name — is too long: at most 100 characters',
    }],
    [12, 'country', 'COUNTRY_UNKNOWN', {
      ky: '12-сап: Өлкө — «Атлантида» деген өлкө табылган жок: ISO эки тамгалуу кодун (мисалы, RU, KZ, TR) же өлкөнүн аталышын жазыңыз',
      ru: 'Строка 12: Страна — неизвестная страна «Атлантида»: укажите двухбуквенный код ISO (например, RU, KZ, TR) или название страны',
      en: 'Line 12: Country — unknown country “Атлантида”: give a two-letter ISO code (e.g. RU, KZ, TR) or the name of the country',
    }],
    [13, 'country', 'COUNTRY_HOME', {
      ky: '13-сап: Өлкө — Кыргызстан боло албайт: чет өлкөгө жөнөтүлгөндөр гана билдирилет',
      ru: 'Строка 13: Страна — не может быть Кыргызстан: сообщается только о выезде за рубеж',
      en: 'Line 13: Country — cannot be Kyrgyzstan: only departures abroad are reported',
    }],
    [14, 'positionIsco', 'ISCO_INVALID', {
      ky: '14-сап: ISCO коду — ISCO-08 боюнча 4 орундуу код болушу керек, мисалы 7112 («71-12» жазылган)',
      ru: 'Строка 14: Код ISCO — должен быть 4-значным кодом ISCO-08, например 7112 (указано «71-12»)',
      en: 'Line 14: ISCO code — must be a 4-digit ISCO-08 code such as 7112 (got “71-12”)',
    }],
    [15, 'contractStart', 'DATE_INVALID', {
      ky: '15-сап: Келишимдин башталышы — «2025-02-30» туура эмес дата: КК.АА.ЖЖЖЖ же ЖЖЖЖ-АА-КК түрүндө жазыңыз',
      ru: 'Строка 15: Начало договора — неверная дата «2025-02-30»: укажите в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД',
      en: 'Line 15: Contract start — “2025-02-30” is not a valid date: write it as DD.MM.YYYY or YYYY-MM-DD',
    }],
    [16, 'contractEnd', 'END_BEFORE_START', {
      ky: '16-сап: Келишимдин аякташы — келишимдин башталышынан мурун боло албайт',
      ru: 'Строка 16: Окончание договора — не может быть раньше начала договора',
      en: 'Line 16: Contract end — cannot be before the contract start',
    }],
    [17, 'contractStart', 'DATE_TOO_FAR_AHEAD', {
      ky: '17-сап: Келишимдин башталышы — бир жылдан ашык алдыдагы дата боло албайт (эң кечи 01.09.2026)',
      ru: 'Строка 17: Начало договора — не может быть позже чем через год (не позднее 01.09.2026)',
      en: 'Line 17: Contract start — cannot be more than a year ahead (at the latest 01.09.2026)',
    }],
    [19, 'row', 'DUPLICATE_IN_FILE', {
      ky: '19-сап: 2-сапты кайталайт (ошол эле ПИН, өлкө, келишимдин башталышы жана иш берүүчү)',
      ru: 'Строка 19: повторяет строку 2 (тот же ПИН, страна, начало договора и работодатель)',
      en: 'Line 19: repeats line 2 (same PIN, country, contract start and employer)',
    }],
  ];

  it('accepts only the good row', () => {
    expect(result.headerErrors).toEqual([]);
    expect(result.totalRows).toBe(18);
    expect(result.valid.map((v) => v.line)).toEqual([2]);
    expect(result.invalidRowCount).toBe(17);
  });

  it('reports exactly one error per bad line, except the line missing two values', () => {
    const byLine = new Map<number, string[]>();
    for (const e of result.rowErrors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), `${e.field}:${e.code}`]);
    for (const [line, field, code] of cases) expect(byLine.get(line)).toEqual([`${field}:${code}`]);
    expect(byLine.get(18)).toEqual(['employer:REQUIRED', 'contractStart:REQUIRED']);
    expect([...byLine.keys()]).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it.each(cases)('line %i: %s %s', (line, field, code, expected) => {
    const err = result.rowErrors.find((e) => e.line === line && e.code === code)!;
    expect(err).toMatchObject({ line, field, code });
    expect(allLocales(err)).toEqual(expected);
  });

  it('has a message in every language for every code, and a label for every field', () => {
    for (const [code, texts] of Object.entries(MESSAGES)) {
      for (const l of LOCALES) expect([code, l, texts[l].length > 0]).toEqual([code, l, true]);
    }
    for (const e of result.rowErrors) expect(MESSAGES[e.code]).toBeDefined();
    for (const labels of Object.values(FIELD_LABELS)) for (const l of LOCALES) expect(labels[l]).toBeTruthy();
  });

  it('defaults to Kyrgyz', () => {
    expect(formatRowError({ field: 'pin', code: 'PIN_INVALID' }, 7)).toBe('7-сап: ПИН — 14 сандан турушу керек');
  });
});

describe('validateDepartureRow', () => {
  const base: RawRow['values'] = {
    pin: '21505199000123',
    lastName: 'Асанов',
    firstName: 'Бакыт',
    country: 'RU',
    employer: 'X',
    contractStart: '01.03.2025',
  };
  const codes = (values: RawRow['values'], today: Date | string = TODAY) => {
    const r = validateDepartureRow({ line: 2, values }, { today });
    return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
  };

  it('takes the date of birth from the PIN when none is given', () => {
    const r = validateDepartureRow({ ...base }, opts);
    expect(r).toEqual({ ok: true, value: { ...base, birthDate: '1990-05-15', contractStart: '2025-03-01' } });
  });

  it('checks the PIN strictly', () => {
    expect(codes({ ...base, pin: '2 150519 90 00123' })).toEqual([]); // spaces of copy-paste only
    expect(codes({ ...base, pin: '21505199000123x' })).toEqual(['pin:PIN_INVALID']);
    expect(codes({ ...base, pin: '215051990001234' })).toEqual(['pin:PIN_INVALID']);
    expect(codes({ ...base, pin: '01505199000123' })).toEqual(['pin:PIN_SEX_DIGIT']);
    expect(codes({ ...base, pin: '22902200000123' })).toEqual([]); // 29.02.2000, a leap day
    expect(codes({ ...base, pin: '22902190000123' })).toEqual(['pin:PIN_DATE_INVALID']); // 1900 was not a leap year
    expect(codes({ ...base, pin: '20101189900123' })).toEqual(['pin:PIN_DATE_INVALID']); // before 1900
    expect(codes({ ...base, pin: '20109202500123' })).toEqual([]); // born today
    expect(codes({ ...base, pin: '20209202500123' })).toEqual(['pin:PIN_DATE_FUTURE']);
    expect(codes({ ...base, pin: '' })).toEqual(['pin:REQUIRED']);
    expect(checkPin('21505199000123', TODAY)).toEqual({ ok: true, pin: '21505199000123', birthDate: '1990-05-15' });
  });

  it('compares a given date of birth with the PIN', () => {
    expect(codes({ ...base, birthDate: '1990-05-15' })).toEqual([]);
    expect(codes({ ...base, birthDate: new Date(Date.UTC(1990, 4, 15)) })).toEqual([]);
    expect(codes({ ...base, birthDate: '15.05.1991' })).toEqual(['birthDate:PIN_BIRTHDATE_MISMATCH']);
    expect(codes({ ...base, birthDate: '15/05/1990' })).toEqual(['birthDate:DATE_INVALID']);
    expect(codes({ ...base, birthDate: '01.01.2030' })).toEqual(['birthDate:DATE_IN_FUTURE']);
  });

  it('accepts Kyrgyz, Russian and Latin names with hyphens, apostrophes and spaces', () => {
    for (const [lastName, firstName] of [
      ['Үсөнов', 'Өмүрбек'],
      ['Абдыкалык кызы', 'Жаңыл'],
      ["O'Brien-Тыныбекова", 'Айпери'],
      ['Müller', 'Ayşe'],
      ['Жээнбеков', 'Ёлдош'],
    ]) {
      expect([lastName, codes({ ...base, lastName, firstName })]).toEqual([lastName, []]);
    }
    for (const bad of ['Асанов!', '-Асанов', 'Асанов--Бек', 'Asanov1', '王', 'Ασανοβ']) {
      expect([bad, codes({ ...base, lastName: bad })]).toEqual([bad, ['lastName:NAME_INVALID']]);
    }
    expect(codes({ ...base, patronymic: 'Маратович' })).toEqual([]);
    expect(codes({ ...base, patronymic: 'М.' })).toEqual(['patronymic:NAME_INVALID']);
    expect(codes({ ...base, employer: 'E'.repeat(201), city: 'C'.repeat(101) })).toEqual(['city:TOO_LONG', 'employer:TOO_LONG']);
  });

  it('knows countries by code and by name in ky, ru and en', () => {
    const names: [string, string][] = [
      ['ru', 'RU'], ['Россия', 'RU'], ['Российская Федерация', 'RU'], ['Орусия', 'RU'],
      ['Казакстан', 'KZ'], ['Kazakhstan', 'KZ'], ['Түркия', 'TR'], ['Turkey', 'TR'], ['Türkiye', 'TR'],
      ['ОАЭ', 'AE'], ['UAE', 'AE'], ['Бириккен Араб Эмираттары', 'AE'], ['Южная Корея', 'KR'], ['Корея', 'KR'],
      ['Түштүк Корея', 'KR'], ['UK', 'GB'], ['Великобритания', 'GB'], ['Улуу Британия', 'GB'], ['Германия', 'DE'],
      ['Germany', 'DE'], ['США', 'US'], ['Кошмо Штаттар', 'US'], ['Өзбекстан', 'UZ'], ['Таджикистан', 'TJ'],
      ['Кытай', 'CN'], ['Польша', 'PL'], ['Жапония', 'JP'], ['Italy', 'IT'], ['Чехия', 'CZ'], ['Литва', 'LT'], ['Франция', 'FR'],
      ['Israel', 'IL'], ['Катар', 'QA'], ['Беларусь', 'BY'], ['Белоруссия', 'BY'], ['RUS', 'RU'],
    ];
    for (const [name, code] of names) expect([name, resolveCountry(name)]).toEqual([name, code]);
    expect(resolveCountry('XX')).toBeNull();
    expect(resolveCountry('Атлантида')).toBeNull();
    for (const home of ['KG', 'kg', 'Кыргызстан', 'Киргизия', 'Kyrgyzstan']) {
      expect([home, codes({ ...base, country: home })]).toEqual([home, ['country:COUNTRY_HOME']]);
    }
  });

  it('checks ISCO codes and contract dates', () => {
    expect(codes({ ...base, positionIsco: '0110' })).toEqual([]);
    expect(codes({ ...base, positionIsco: '711' })).toEqual(['positionIsco:ISCO_INVALID']);
    expect(codes({ ...base, positionIsco: '71120' })).toEqual(['positionIsco:ISCO_INVALID']);
    expect(codes({ ...base, contractEnd: '01.03.2025' })).toEqual([]); // ends the day it starts
    expect(codes({ ...base, contractEnd: '28.02.2025' })).toEqual(['contractEnd:END_BEFORE_START']);
    expect(codes({ ...base, contractEnd: 'бессрочно' })).toEqual(['contractEnd:DATE_INVALID']);
    expect(codes({ ...base, contractStart: '01.09.2026' })).toEqual([]); // exactly one year ahead
    expect(codes({ ...base, contractStart: '02.09.2026' })).toEqual(['contractStart:DATE_TOO_FAR_AHEAD']);
    expect(codes({ ...base, contractStart: '1.3.2025 0:00' })).toEqual([]);
    expect(codes({ ...base, contractStart: '01.03.25' })).toEqual(['contractStart:DATE_INVALID']);
    // today as a Date: its local calendar day is used
    expect(codes({ ...base, contractStart: '02.09.2026' }, new Date(2025, 8, 2, 23, 59))).toEqual([]);
  });

  it('reports every problem of a row at once', () => {
    expect(codes({ pin: '123', country: 'Марс', contractStart: 'вчера' })).toEqual([
      'pin:PIN_INVALID', 'lastName:REQUIRED', 'firstName:REQUIRED', 'country:COUNTRY_UNKNOWN', 'employer:REQUIRED', 'contractStart:DATE_INVALID',
    ]);
  });
});

describe('idempotency keys and duplicates', () => {
  it('names the departure, not the typing of it', () => {
    const k = rowKey(ASANOV);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(rowKey({ ...ASANOV, employer: 'ооо  "СТРОЙИНВЕСТ"' })).toBe(k);
    expect(rowKey({ ...ASANOV, employer: 'СтройИнвест, ООО' })).toBe(k);
    expect(rowKey({ ...ASANOV, lastName: 'Asanov', city: undefined, contractEnd: undefined })).toBe(k); // not part of the identity
    expect(rowKey({ ...ASANOV, country: 'KZ' })).not.toBe(k);
    expect(rowKey({ ...ASANOV, contractStart: '2025-03-02' })).not.toBe(k);
    expect(rowKey({ ...ASANOV, pin: '21505199000124' })).not.toBe(k);
    expect(rowKey({ ...ASANOV, employer: 'СтройИнвест-2' })).not.toBe(k);
  });

  it('flags repeats within one file and keeps the first occurrence', async () => {
    const csv = [
      EN_HEADER,
      '21505199000123,Асанов,Бакыт,,,RU,,ООО «Ак-Жол»,,2025-03-01,', // 2
      '10203198500214,Токтогулова,Айгүл,,,KZ,,ТОО Алма,,2025-03-15,', // 3
      '21505199000123,Асанов,Бакыт,,,Россия,,Ак-Жол ООО,,01.03.2025,', // 4 = 2
      '21505199000123,Асанов,Бакыт,,,RU,,ООО «Ак-Жол»,,2025-09-01,', // 5 a second departure
      '10203198500214,Токтогулова,Айгүл,,,KZ,,ТОО Алма,,2025-03-15,2026-03-14', // 6 = 3
      '21505199000123,Asanov,Bakyt,,,RU,,AK-ZHOL LLC,,2025-03-01,', // 7 another spelling of the employer: not caught
    ].join('\n');
    const r = await load(csv);
    expect(r.valid.map((v) => v.line)).toEqual([2, 3, 5, 7]);
    expect(r.rowErrors).toEqual([
      { line: 4, field: 'row', code: 'DUPLICATE_IN_FILE', params: { firstLine: 2 } },
      { line: 6, field: 'row', code: 'DUPLICATE_IN_FILE', params: { firstLine: 3 } },
    ]);
    expect(findDuplicateRows(r.valid)).toEqual([]);
  });
});

describe('volume', () => {
  it('parses and validates 10,000 rows', async () => {
    const lines = [RU_HEADER];
    for (let i = 0; i < 10_000; i++) {
      const seq = String(i).padStart(5, '0');
      const day = String((i % 28) + 1).padStart(2, '0');
      const good = i % 100 !== 0; // every hundredth row has a bad ISCO code
      lines.push(`2${day}05199${i % 10}${seq};Асанов;Бакыт;Маратович;${day}.05.199${i % 10};RU;Москва;ООО Строй ${i % 50};${good ? '7112' : 'x'};01.03.2025;28.02.2026`);
    }
    lines.push(lines[2]); // one repeat, at the end, of a good row
    const r = await load(BOM + lines.join('\r\n'));
    expect(r.totalRows).toBe(10_001);
    expect(r.valid).toHaveLength(9_900);
    expect(r.invalidRowCount).toBe(101);
    expect(r.rowErrors.filter((e) => e.code === 'ISCO_INVALID')).toHaveLength(100);
    expect(r.rowErrors.find((e) => e.code === 'DUPLICATE_IN_FILE')).toEqual({ line: 10_002, field: 'row', code: 'DUPLICATE_IN_FILE', params: { firstLine: 3 } });
  });
});

describe('the sample file for demos', () => {
  it('has 10 good rows and 3 bad ones', async () => {
    const bytes = readFileSync(join(__dirname, '../src/departure/samples/departures-sample.csv'));
    const r = await importDepartureFile(bytes, 'departures-sample.csv', { today: '2025-09-01' });
    expect(r.headerErrors).toEqual([]);
    expect(r.valid).toHaveLength(10);
    expect(r.rowErrors.map((e) => [e.line, e.field, e.code])).toEqual([
      [12, 'pin', 'PIN_INVALID'],
      [13, 'country', 'COUNTRY_HOME'],
      [14, 'contractEnd', 'END_BEFORE_START'],
    ]);
  });
});
