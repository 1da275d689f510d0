/** The three UI languages carry the same texts: no key missing, none empty, placeholders kept. */
import en from '../src/i18n/en.json';
import ky from '../src/i18n/ky.json';
import ru from '../src/i18n/ru.json';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const languages = { ky: flatten(ky), ru: flatten(ru), en: flatten(en) };
/** keys without their plural suffix: languages have different plural forms */
const baseKeys = (m: Map<string, string>) => [...new Set([...m.keys()].map((k) => k.replace(PLURAL, '')))].sort();
const placeholders = (s: string) => (s.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort();

test.each(['ru', 'en'] as const)('%s has the same keys as ky', (lang) => {
  expect(baseKeys(languages[lang])).toEqual(baseKeys(languages.ky));
});

test.each(Object.keys(languages) as (keyof typeof languages)[])('%s: no empty texts, placeholders as in ky', (lang) => {
  for (const [key, text] of languages[lang]) {
    expect([key, text.trim().length > 0]).toEqual([key, true]);
    const kyText = languages.ky.get(key) ?? languages.ky.get(key.replace(PLURAL, '_other'));
    if (kyText !== undefined) expect([key, placeholders(text)]).toEqual([key, placeholders(kyText)]);
  }
});

test('Russian plurals have every form Russian needs', () => {
  for (const [key] of languages.ru) {
    if (!key.endsWith('_one')) continue;
    const base = key.replace(/_one$/, '');
    for (const form of ['few', 'many', 'other']) expect(languages.ru.has(`${base}_${form}`)).toBe(true);
  }
});
