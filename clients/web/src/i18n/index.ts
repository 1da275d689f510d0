import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ky from './ky.json';
import ru from './ru.json';
import en from './en.json';

/** UI languages, each named in its own language. Kyrgyz is the default. */
export const LANGUAGES = [
  { code: 'ky', label: 'Кыргызча' },
  { code: 'ru', label: 'Русский' },
  { code: 'en', label: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];
export const DEFAULT_LANGUAGE: Language = 'ky';
export const LANGUAGE_STORAGE_KEY = 'kg.lang';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // storage can be unavailable (private mode, blocked cookies): fall back to the default
  }
  return DEFAULT_LANGUAGE;
}

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // not remembered, still applied
  }
}

/**
 * Namespaces loaded only when a page uses them (`useTranslation('migrants')`), one language at a time,
 * so their texts stay out of the first download. Retried on a bad connection.
 */
const LAZY_NAMESPACES: Record<string, Record<string, () => Promise<{ default: object }>>> = {
  migrants: {
    ky: () => import('./migrants.ky.json'),
    ru: () => import('./migrants.ru.json'),
    en: () => import('./migrants.en.json'),
  },
};

void i18n
  .use({
    type: 'backend',
    init() {},
    read(lng: string, ns: string, done: (e: unknown, data: object | boolean | null) => void) {
      const load = LAZY_NAMESPACES[ns]?.[lng];
      if (!load) return done(null, {});
      load().then(
        (m) => done(null, m.default),
        (e: unknown) => done(e, true), // true: i18next tries again
      );
    },
  })
  .use(initReactI18next)
  .init({
  resources: {
    ky: { translation: ky },
    ru: { translation: ru },
    en: { translation: en },
  },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  partialBundledLanguages: true, // the bundled texts above, the lazy namespaces through the backend
  initAsync: false,
  supportedLngs: LANGUAGES.map((l) => l.code),
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  showSupportNotice: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', applyLanguage);

/** The current UI language, sent to the server as Accept-Language. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export default i18n;
