/**
 * Country of destination as typed by an agency: an ISO 3166-1 alpha-2 code, or a name in Kyrgyz,
 * Russian or English. The directory subgraph owns the reference list of countries; this module keeps
 * its own copy so that the import stays pure and works without a database or the network.
 */

/** Every officially assigned ISO 3166-1 alpha-2 code (249). */
const ISO_ALPHA2 = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV ' +
  'BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
  'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE ' +
  'IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU ' +
  'NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM ' +
  'SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE ' +
  'VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');
const ISO_SET = new Set(ISO_ALPHA2);

/** The country of the system itself: a departure report must name a country abroad. */
export const HOME_COUNTRY = 'KG';

/**
 * Spellings that the ICU names below do not cover: alpha-3 codes, short forms, older or colloquial
 * names, and the Kyrgyz names of the destinations agencies actually send people to.
 */
const EXTRA_NAMES: Record<string, string[]> = {
  RU: ['RUS', 'Russian Federation', 'Россия', 'Российская Федерация', 'РФ', 'Орусия', 'Россия Федерациясы'],
  KZ: ['KAZ', 'Qazaqstan', 'Kazakstan', 'Казахстан', 'Казакстан', 'Республика Казахстан'],
  TR: ['TUR', 'Turkey', 'Turkiye', 'Türkiye', 'Турция', 'Түркия', 'Туркия', 'Турецкая Республика'],
  AE: ['ARE', 'UAE', 'U.A.E.', 'Emirates', 'United Arab Emirates', 'ОАЭ', 'Объединённые Арабские Эмираты', 'Эмираты', 'БАЭ', 'Бириккен Араб Эмираттары'],
  KR: ['KOR', 'Korea', 'South Korea', 'Republic of Korea', 'Korea, Republic of', 'Корея', 'Южная Корея', 'Республика Корея', 'Түштүк Корея', 'Корея Республикасы'],
  GB: ['GBR', 'UK', 'U.K.', 'United Kingdom', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'Великобритания', 'Соединённое Королевство', 'Британия', 'Англия', 'Шотландия', 'Улуу Британия'],
  DE: ['DEU', 'Germany', 'Deutschland', 'Германия', 'ФРГ', 'Германия Федеративдик Республикасы'],
  US: ['USA', 'U.S.A.', 'U.S.', 'United States', 'United States of America', 'America', 'США', 'Соединённые Штаты Америки', 'Соединенные Штаты', 'Америка', 'АКШ', 'Америка Кошмо Штаттары'],
  UZ: ['UZB', 'Узбекистан', 'Өзбекстан', 'Узбекстан'],
  TJ: ['TJK', 'Tajikistan', 'Таджикистан', 'Тажикстан'],
  CN: ['CHN', 'China', "People's Republic of China", 'Китай', 'КНР', 'Кытай'],
  JP: ['JPN', 'Japan', 'Япония', 'Жапония'],
  PL: ['POL', 'Poland', 'Польша'],
  IT: ['ITA', 'Italy', 'Италия'],
  CZ: ['CZE', 'Czechia', 'Czech Republic', 'Чехия', 'Чехия Республикасы'],
  LT: ['LTU', 'Lithuania', 'Литва'],
  LV: ['LVA', 'Latvia', 'Латвия'],
  EE: ['EST', 'Estonia', 'Эстония'],
  FI: ['FIN', 'Finland', 'Финляндия'],
  SE: ['SWE', 'Sweden', 'Швеция'],
  FR: ['FRA', 'France', 'Франция'],
  ES: ['ESP', 'Spain', 'Испания'],
  HU: ['HUN', 'Hungary', 'Венгрия'],
  SK: ['SVK', 'Slovakia', 'Словакия'],
  BG: ['BGR', 'Bulgaria', 'Болгария'],
  RO: ['ROU', 'Romania', 'Румыния'],
  HR: ['HRV', 'Croatia', 'Хорватия'],
  GR: ['GRC', 'Greece', 'Греция'],
  CY: ['CYP', 'Cyprus', 'Кипр'],
  IL: ['ISR', 'Israel', 'Израиль'],
  QA: ['QAT', 'Qatar', 'Катар'],
  SA: ['SAU', 'Saudi Arabia', 'Саудовская Аравия', 'Сауд Арабиясы'],
  KW: ['KWT', 'Kuwait', 'Кувейт'],
  BH: ['BHR', 'Bahrain', 'Бахрейн'],
  OM: ['OMN', 'Oman', 'Оман'],
  BY: ['BLR', 'Belarus', 'Беларусь', 'Белоруссия', 'Республика Беларусь'],
  AM: ['ARM', 'Armenia', 'Армения'],
  AZ: ['AZE', 'Azerbaijan', 'Азербайджан'],
  GE: ['GEO', 'Georgia', 'Грузия'],
  MD: ['MDA', 'Moldova', 'Молдова', 'Молдавия'],
  UA: ['UKR', 'Ukraine', 'Украина'],
  TM: ['TKM', 'Turkmenistan', 'Туркменистан', 'Түркмөнстан'],
  MN: ['MNG', 'Mongolia', 'Монголия'],
  CA: ['CAN', 'Canada', 'Канада'],
  AU: ['AUS', 'Australia', 'Австралия'],
  NZ: ['NZL', 'New Zealand', 'Новая Зеландия'],
  AT: ['AUT', 'Austria', 'Австрия'],
  CH: ['CHE', 'Switzerland', 'Швейцария'],
  NL: ['NLD', 'Netherlands', 'Holland', 'Нидерланды', 'Голландия'],
  BE: ['BEL', 'Belgium', 'Бельгия'],
  IE: ['IRL', 'Ireland', 'Ирландия'],
  NO: ['NOR', 'Norway', 'Норвегия'],
  DK: ['DNK', 'Denmark', 'Дания'],
  PT: ['PRT', 'Portugal', 'Португалия'],
  MY: ['MYS', 'Malaysia', 'Малайзия'],
  TH: ['THA', 'Thailand', 'Таиланд', 'Тайланд'],
  VN: ['VNM', 'Vietnam', 'Viet Nam', 'Вьетнам'],
  SG: ['SGP', 'Singapore', 'Сингапур'],
  IN: ['IND', 'India', 'Индия'],
  EG: ['EGY', 'Egypt', 'Египет'],
  // The home country is recognised too, so that it is refused with the right reason.
  KG: ['KGZ', 'Kyrgyzstan', 'Kyrgyz Republic', 'Kirghizia', 'Кыргызстан', 'Киргизия', 'Кыргызская Республика', 'Кыргыз Республикасы'],
};

/** Lower case, ё→е, punctuation and spacing removed: "Соединённые  Штаты." → "соединенныештаты". */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

let byName: Map<string, string> | undefined;

/** Built on first use: ICU's names of every code in ky/ru/en (Node ships full ICU), plus EXTRA_NAMES. */
function nameIndex(): Map<string, string> {
  if (byName) return byName;
  const index = new Map<string, string>();
  for (const locale of ['ky', 'ru', 'en']) {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      continue; // a Node built without full ICU: the explicit names below still work
    }
    for (const code of ISO_ALPHA2) {
      const name = names.of(code);
      if (name) index.set(normaliseName(name), code);
    }
  }
  // Explicit names win over ICU's, e.g. "Корея" means the Republic of Korea here.
  for (const [code, list] of Object.entries(EXTRA_NAMES)) {
    for (const name of list) index.set(normaliseName(name), code);
  }
  byName = index;
  return index;
}

/** The alpha-2 code for a typed code or name, or null when it is not recognised. */
export function resolveCountry(input: string): string | null {
  // A file names a handful of countries many times over: remember the answers (bounded).
  const known = resolved.get(input);
  if (known !== undefined) return known;
  const code = resolveUncached(input);
  if (resolved.size >= 10_000) resolved.clear();
  resolved.set(input, code);
  return code;
}
const resolved = new Map<string, string | null>();

function resolveUncached(input: string): string | null {
  const trimmed = input.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const code = trimmed.toUpperCase();
    if (ISO_SET.has(code)) return code;
    if (code === 'UK') return 'GB'; // the one non-ISO two-letter code people type often
    return null;
  }
  const key = normaliseName(trimmed);
  return key === '' ? null : nameIndex().get(key) ?? null;
}

export function isIsoCountry(code: string): boolean {
  return ISO_SET.has(code);
}
