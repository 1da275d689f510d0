/**
 * What operators read: every error code of the departure import, in Kyrgyz, Russian and English,
 * with the field named in the same language. Codes are stable; wording may be improved freely.
 */
import { ErrorField, FieldError, Locale } from './departure.types';

export const DEFAULT_LOCALE: Locale = 'ky';
export const LOCALES: readonly Locale[] = ['ky', 'ru', 'en'];

type Texts = Record<Locale, string>;

/** Field names as the operator knows them (the same words as the accepted column headers). */
export const FIELD_LABELS: Record<Exclude<ErrorField, 'row' | 'file'>, Texts> = {
  pin: { ky: 'ПИН', ru: 'ПИН', en: 'PIN' },
  lastName: { ky: 'Фамилиясы', ru: 'Фамилия', en: 'Last name' },
  firstName: { ky: 'Аты', ru: 'Имя', en: 'First name' },
  patronymic: { ky: 'Атасынын аты', ru: 'Отчество', en: 'Patronymic' },
  birthDate: { ky: 'Туулган күнү', ru: 'Дата рождения', en: 'Date of birth' },
  country: { ky: 'Өлкө', ru: 'Страна', en: 'Country' },
  city: { ky: 'Шаар', ru: 'Город', en: 'City' },
  employer: { ky: 'Иш берүүчү', ru: 'Работодатель', en: 'Employer' },
  positionIsco: { ky: 'ISCO коду', ru: 'Код ISCO', en: 'ISCO code' },
  contractStart: { ky: 'Келишимдин башталышы', ru: 'Начало договора', en: 'Contract start' },
  contractEnd: { ky: 'Келишимдин аякташы', ru: 'Окончание договора', en: 'Contract end' },
};

/**
 * Messages by code. Field messages continue "<field> — ...", so they start in lower case;
 * file messages stand alone as sentences. {name} is replaced by the error's params.
 */
export const MESSAGES: Record<string, Texts> = {
  REQUIRED: { ky: 'толтурулушу керек', ru: 'обязательно для заполнения', en: 'is required' },
  TOO_LONG: {
    ky: 'өтө узун: {max} белгиден ашпашы керек',
    ru: 'слишком длинное значение: не более {max} символов',
    en: 'is too long: at most {max} characters',
  },
  NAME_INVALID: {
    ky: 'тамгалардан гана турушу керек (кириллица же латын), боштук, дефис жана апостроф болушу мүмкүн',
    ru: 'может содержать только буквы (кириллица или латиница), пробел, дефис и апостроф',
    en: 'may contain only letters (Cyrillic or Latin), spaces, hyphens and apostrophes',
  },
  TEXT_INVALID: {
    ky: 'көрүнбөгөн башкаруучу белгилерди камтыйт',
    ru: 'содержит невидимые управляющие символы',
    en: 'contains invisible control characters',
  },
  PIN_INVALID: { ky: '14 сандан турушу керек', ru: 'должен состоять из 14 цифр', en: 'must consist of 14 digits' },
  PIN_EXCEL_NUMBER: {
    ky: 'Excel аны 2,15E+13 сыяктуу санга айлантып, цифралары жоголгон: мамычага «Текст» форматын коюп, ПИНди кайра жазыңыз',
    ru: 'Excel превратил его в число вида 2,15E+13, и цифры потеряны: задайте столбцу формат «Текстовый» и введите ПИН заново',
    en: 'was turned by Excel into a number like 2.15E+13 and its digits are lost: format the column as Text and enter the PIN again',
  },
  PIN_SEX_DIGIT: {
    ky: '1 (аял) же 2 (эркек) цифрасы менен башталышы керек',
    ru: 'должен начинаться с 1 (женский пол) или 2 (мужской пол)',
    en: 'must start with 1 (female) or 2 (male)',
  },
  PIN_DATE_INVALID: {
    ky: '2–9-цифралары чыныгы туулган күн болушу керек (ККААЖЖЖЖ)',
    ru: 'цифры со 2-й по 9-ю должны быть реальной датой рождения (ДДММГГГГ)',
    en: 'digits 2 to 9 must be a real date of birth (DDMMYYYY)',
  },
  PIN_DATE_FUTURE: {
    ky: 'келечектеги туулган күндү камтыйт',
    ru: 'содержит дату рождения в будущем',
    en: 'contains a date of birth in the future',
  },
  PIN_BIRTHDATE_MISMATCH: {
    ky: 'ПИНдеги туулган күнгө ({pinDate}) дал келбейт',
    ru: 'не совпадает с датой рождения в ПИН ({pinDate})',
    en: 'does not match the date of birth in the PIN ({pinDate})',
  },
  DATE_INVALID: {
    ky: '«{value}» туура эмес дата: КК.АА.ЖЖЖЖ же ЖЖЖЖ-АА-КК түрүндө жазыңыз',
    ru: 'неверная дата «{value}»: укажите в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД',
    en: '“{value}” is not a valid date: write it as DD.MM.YYYY or YYYY-MM-DD',
  },
  DATE_IN_FUTURE: { ky: 'келечектеги дата боло албайт', ru: 'не может быть в будущем', en: 'cannot be in the future' },
  DATE_TOO_FAR_AHEAD: {
    ky: 'бир жылдан ашык алдыдагы дата боло албайт (эң кечи {max})',
    ru: 'не может быть позже чем через год (не позднее {max})',
    en: 'cannot be more than a year ahead (at the latest {max})',
  },
  END_BEFORE_START: {
    ky: 'келишимдин башталышынан мурун боло албайт',
    ru: 'не может быть раньше начала договора',
    en: 'cannot be before the contract start',
  },
  COUNTRY_UNKNOWN: {
    ky: '«{value}» деген өлкө табылган жок: ISO эки тамгалуу кодун (мисалы, RU, KZ, TR) же өлкөнүн аталышын жазыңыз',
    ru: 'неизвестная страна «{value}»: укажите двухбуквенный код ISO (например, RU, KZ, TR) или название страны',
    en: 'unknown country “{value}”: give a two-letter ISO code (e.g. RU, KZ, TR) or the name of the country',
  },
  COUNTRY_HOME: {
    ky: 'Кыргызстан боло албайт: чет өлкөгө жөнөтүлгөндөр гана билдирилет',
    ru: 'не может быть Кыргызстан: сообщается только о выезде за рубеж',
    en: 'cannot be Kyrgyzstan: only departures abroad are reported',
  },
  ISCO_INVALID: {
    ky: 'ISCO-08 боюнча 4 орундуу код болушу керек, мисалы 7112 («{value}» жазылган)',
    ru: 'должен быть 4-значным кодом ISCO-08, например 7112 (указано «{value}»)',
    en: 'must be a 4-digit ISCO-08 code such as 7112 (got “{value}”)',
  },
  DUPLICATE_IN_FILE: {
    ky: '{firstLine}-сапты кайталайт (ошол эле ПИН, өлкө, келишимдин башталышы жана иш берүүчү)',
    ru: 'повторяет строку {firstLine} (тот же ПИН, страна, начало договора и работодатель)',
    en: 'repeats line {firstLine} (same PIN, country, contract start and employer)',
  },
  CSV_QUOTES: {
    ky: 'кош тырмакча жабылган эмес, ошондуктан кийинки саптар туура эмес окулушу мүмкүн',
    ru: 'не закрыта кавычка, поэтому следующие строки могут быть прочитаны неверно',
    en: 'a quotation mark is not closed, so the lines after it may be read wrongly',
  },
  HEADER_MISSING: {
    ky: 'мындай мамыча жок; аны мындай атаңыз: {accepted}',
    ru: 'нет такого столбца; назовите его так: {accepted}',
    en: 'column not found; name it: {accepted}',
  },
  HEADER_DUPLICATE: {
    ky: 'мамыча бир нече жолу кездешет ({columns})',
    ru: 'столбец встречается несколько раз ({columns})',
    en: 'column appears more than once ({columns})',
  },
  FILE_EMPTY: { ky: 'Файл бош.', ru: 'Файл пуст.', en: 'The file is empty.' },
  FILE_NO_ROWS: {
    ky: 'Файлда мамычалардын аталыштары бар, бирок маалымат саптары жок.',
    ru: 'В файле есть строка заголовков, но нет строк с данными.',
    en: 'The file has a header row but no data rows.',
  },
  FILE_UNREADABLE: {
    ky: 'Файлды окуу мүмкүн болгон жок: аны CSV (UTF-8) же XLSX түрүндө сактаңыз.',
    ru: 'Не удалось прочитать файл: сохраните его как CSV (UTF-8) или XLSX.',
    en: 'The file could not be read: save it as CSV (UTF-8) or XLSX.',
  },
  FILE_XLS_UNSUPPORTED: {
    ky: 'Эски .xls форматы кабыл алынбайт: файлды .xlsx же CSV (UTF-8) түрүндө сактаңыз.',
    ru: 'Старый формат .xls не принимается: сохраните файл как .xlsx или CSV (UTF-8).',
    en: 'The old .xls format is not accepted: save the file as .xlsx or CSV (UTF-8).',
  },
  FILE_TOO_MANY_ROWS: {
    ky: 'Саптар өтө көп: бир файлда {max} саптан ашпашы керек, файлды бөлүңүз.',
    ru: 'Слишком много строк: в одном файле не более {max}, разделите файл.',
    en: 'Too many rows: at most {max} in one file; split the file.',
  },
};

const LINE: Texts = { ky: '{line}-сап', ru: 'Строка {line}', en: 'Line {line}' };

function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message without a line: "ПИН — должен состоять из 14 цифр". Unknown codes show as the code. */
export function errorMessage(err: FieldError, locale: Locale = DEFAULT_LOCALE): string {
  const texts = MESSAGES[err.code];
  const message = texts ? fill(texts[locale], err.params) : err.code;
  const label = err.field === 'row' || err.field === 'file' ? undefined : FIELD_LABELS[err.field]?.[locale];
  return label ? `${label} — ${message}` : message;
}

/**
 * "Строка 7: ПИН — должен состоять из 14 цифр". Line 0 (the file as a whole) gets no prefix.
 * @param line the 1-based line in the file (RowError.line)
 */
export function formatRowError(err: FieldError, line: number, locale: Locale = DEFAULT_LOCALE): string {
  const message = errorMessage(err, locale);
  return line > 0 ? `${fill(LINE[locale], { line })}: ${message}` : message;
}
