import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

export const DATA_DIR = path.resolve(__dirname, '../../data');

export type TerritoryLevel = 'OBLAST' | 'DISTRICT' | 'AIYL_OKMOTU' | 'SETTLEMENT';

export interface TerritoryRow {
  code: string;
  parent_code: string | null;
  level: TerritoryLevel;
  name_ru: string;
  name_ky: string | null;
  name_ky_source: 'SOURCE' | 'DERIVED' | 'NONE';
  name_en: string;
  name_latin: string;
  sort_order: number;
}

// Kyrgyz Cyrillic → Latin (the common road-sign style; ö and ü kept, as in Kyrgyz Latin proposals).
const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', ң: 'ng', о: 'o', ө: 'ö', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ү: 'ü', ф: 'f', х: 'kh',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

export function toLatin(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const t = LATIN[lower];
    if (t === undefined) out += ch;
    else out += ch === lower ? t : t.charAt(0).toUpperCase() + t.slice(1);
  }
  return out;
}

/** ASCII folding for English text and for matching what a user types on a Latin keyboard. */
export const foldAscii = (s: string) => s.replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/Ö/g, 'O').replace(/Ü/g, 'U');

const TOP_EN: Record<string, string> = {
  '41702000000000': 'Issyk-Kul Region',
  '41703000000000': 'Jalal-Abad Region',
  '41704000000000': 'Naryn Region',
  '41705000000000': 'Batken Region',
  '41706000000000': 'Osh Region',
  '41707000000000': 'Talas Region',
  '41708000000000': 'Chüy Region',
  '41711000000000': 'Bishkek City',
  '41721000000000': 'Osh City',
};

/**
 * Kyrgyz name of an aiyl okmotu or a town when the source has none: "Ак-Булунский айылный аймак" →
 * "Ак-Булун айыл аймагы", "г. Каракол" → "Каракол шаары". Marked DERIVED; anything else keeps its
 * Russian name (village names are proper nouns, mostly written the same).
 */
export function deriveKyrgyzName(nameRu: string): string | null {
  let m = nameRu.match(/^(.+?)(ский|цкий|ской)\s+айылный аймак$/);
  if (m) return `${m[1]} айыл аймагы`;
  m = nameRu.match(/^(.+?)\s+айылный аймак$/);
  if (m) return `${m[1]} айыл аймагы`;
  m = nameRu.match(/^Айылный аймак\s+(.+)$/);
  if (m && !m[1].startsWith('им.')) return `${m[1]} айыл аймагы`;
  m = nameRu.match(/^г\.\s*(.+)$/);
  if (m) return `${m[1]} шаары`;
  return null;
}

/** English name: conventional for the top units, otherwise the transliterated name with an English generic word. */
function englishName(code: string, level: TerritoryLevel, nameKy: string | null, nameRu: string): string {
  if (TOP_EN[code]) return TOP_EN[code];
  const base = nameKy ?? nameRu;
  const generic: [RegExp, string][] = [
    [/ облусу$/, ' Region'],
    [/ району$/, ' District'],
    [/ шаары$/, ' (town)'],
    [/ айыл аймагы$/, ' aiyl aimak'],
    [/^г\.\s*/, ''],
    [/ район$/, ' District'],
    [/^Айылный аймак /i, 'Aiyl aimak '],
  ];
  let name = base;
  for (const [re, en] of generic) {
    if (re.test(name)) {
      name = name.replace(re, en);
      break;
    }
  }
  if (level === 'DISTRICT' && / \(town\)$/.test(name)) name = name.replace(/ \(town\)$/, ' City');
  return foldAscii(toLatin(name));
}

/** Reads data/soate.csv (see data/SOATE-SOURCE.md for its source and known gaps) into table rows. */
export function loadTerritories(file = path.join(DATA_DIR, 'soate.csv')): TerritoryRow[] {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`soate.csv: ${parsed.errors[0].message} at row ${parsed.errors[0].row}`);
  return parsed.data.map((r, i) => {
    const level = r.level as TerritoryLevel;
    const sourceKy = r.name_ky?.trim() || null;
    const derivedKy = sourceKy ? null : deriveKyrgyzName(r.name_ru);
    const nameKy = sourceKy ?? derivedKy;
    return {
      code: r.code,
      parent_code: r.parent_code || null,
      level,
      name_ru: r.name_ru,
      name_ky: nameKy,
      name_ky_source: sourceKy ? 'SOURCE' : derivedKy ? 'DERIVED' : 'NONE',
      name_en: englishName(r.code, level, nameKy, r.name_ru),
      name_latin: toLatin(nameKy ?? r.name_ru),
      sort_order: i,
    };
  });
}

export interface CountryRow {
  code: string;
  alpha3: string;
  name_ky: string;
  name_ru: string;
  name_en: string;
  programme_order: number | null;
}

/** The seven destinations of the ministry's employment programmes, in the order the ministry lists them. */
export const PROGRAMME_COUNTRIES = ['TR', 'RU', 'KZ', 'AE', 'KR', 'GB', 'DE'];

/** data/countries.csv: ISO 3166-1 codes with names from the Unicode CLDR (via ICU), two Russian names adjusted. */
export function loadCountries(file = path.join(DATA_DIR, 'countries.csv')): CountryRow[] {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((r) => {
    const order = PROGRAMME_COUNTRIES.indexOf(r.code);
    return { code: r.code, alpha3: r.alpha3, name_ky: r.name_ky, name_ru: r.name_ru, name_en: r.name_en, programme_order: order >= 0 ? order + 1 : null };
  });
}
