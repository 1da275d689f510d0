/** The three languages of the system; Kyrgyz is the default. */
export const LOCALES = ['ky', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ky';

export type Translations = Record<Locale, string>;
export type MessageCatalogue = Record<string, Translations>;

/** Picks the best of our locales from an Accept-Language header ("ru-RU,ru;q=0.9,en;q=0.8"). */
export function parseLocale(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const wanted = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((x) => x.lang && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const w of wanted) {
    if ((LOCALES as readonly string[]).includes(w.lang)) return w.lang as Locale;
    if (w.lang === 'kg') return 'ky'; // a common mistake for Kyrgyz
  }
  return DEFAULT_LOCALE;
}

const catalogue: MessageCatalogue = {};

/** Each subgraph registers its messages once; keys are namespaced ('territory.notFound'). */
export function defineMessages(messages: MessageCatalogue): void {
  for (const [key, t] of Object.entries(messages)) {
    if (!t.ky || !t.ru || !t.en) throw new Error(`Message ${key} lacks a translation`);
    catalogue[key] = t;
  }
}

/** Translates a message key, filling {name} placeholders; unknown keys come back as the key itself. */
export function translate(key: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const t = catalogue[key];
  const text = t ? t[locale] : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined || v === null) return `{${name}}`;
    // A parameter that is itself a message key (a field label) is translated too.
    return typeof v === 'string' && catalogue[v] ? catalogue[v][locale] : String(v);
  });
}

/** Picks one language of a row that stores names in three columns, falling back to Russian. */
export function pickName(locale: Locale, names: { ky?: string | null; ru?: string | null; en?: string | null }): string {
  return names[locale] || names.ru || names.ky || names.en || '';
}

defineMessages({
  'error.internal': {
    ky: 'Ички ката кетти. Кайра аракет кылыңыз; кайталанса, колдоо кызматына ушул номерди айтыңыз: {requestId}',
    ru: 'Внутренняя ошибка. Попробуйте ещё раз; если повторится, сообщите в поддержку номер запроса: {requestId}',
    en: 'Internal error. Please try again; if it persists, give support this request number: {requestId}',
  },
  'error.unavailable': {
    ky: 'Кызматтын бир бөлүгү азыр жеткиликсиз. Бир аздан кийин кайра аракет кылыңыз (суроо-талап: {requestId})',
    ru: 'Часть сервиса сейчас недоступна. Повторите попытку немного позже (запрос: {requestId})',
    en: 'Part of the service is unavailable right now. Please try again shortly (request: {requestId})',
  },
  'error.unauthenticated': {
    ky: 'Кирүү талап кылынат',
    ru: 'Требуется вход в систему',
    en: 'Sign-in required',
  },
  'error.forbidden': {
    ky: 'Бул маалыматка укугуңуз жок',
    ru: 'Нет прав на эти данные',
    en: 'You are not allowed to access this',
  },
  'auth.tokenExpired': {
    ky: 'Сессиянын мөөнөтү бүттү. Кайра кириңиз',
    ru: 'Сеанс истёк. Войдите снова',
    en: 'Your session has expired. Please sign in again',
  },
  'auth.tokenInvalid': {
    ky: 'Кирүү белгиси жараксыз. Кайра кириңиз',
    ru: 'Недействительный токен доступа. Войдите снова',
    en: 'Invalid access token. Please sign in again',
  },
  'error.notFound': { ky: 'Табылган жок', ru: 'Не найдено', en: 'Not found' },
  'error.tooManyRequests': {
    ky: 'Өтө көп суроо-талап. Бир аздан кийин кайра аракет кылыңыз',
    ru: 'Слишком много запросов. Попробуйте немного позже',
    en: 'Too many requests. Please try again shortly',
  },
  'error.queryTooComplex': {
    ky: 'Суроо өтө татаал: {reason}',
    ru: 'Запрос слишком сложный: {reason}',
    en: 'The query is too complex: {reason}',
  },
  'validation.required': { ky: '{field}: толтуруу милдеттүү', ru: '{field}: обязательное поле', en: '{field}: required' },
  'validation.tooLong': {
    ky: '{field}: {max} белгиден ашпашы керек',
    ru: '{field}: не длиннее {max} символов',
    en: '{field}: at most {max} characters',
  },
  'validation.tooShort': {
    ky: '{field}: кеминде {min} белги болушу керек',
    ru: '{field}: не короче {min} символов',
    en: '{field}: at least {min} characters',
  },
  'validation.tooFew': {
    ky: '{field}: кеминде {min} тандаңыз',
    ru: '{field}: выберите не меньше {min}',
    en: '{field}: choose at least {min}',
  },
  'validation.invalid': { ky: '{field}: туура эмес маани', ru: '{field}: неверное значение', en: '{field}: invalid value' },
  'validation.tooMany': {
    ky: '{field}: {max} ашпашы керек',
    ru: '{field}: не больше {max}',
    en: '{field}: at most {max}',
  },
  'validation.pageSize': {
    ky: 'Бир беттеги саны 1ден {max}ге чейин болушу керек',
    ru: 'Размер страницы должен быть от 1 до {max}',
    en: 'Page size must be between 1 and {max}',
  },
});
