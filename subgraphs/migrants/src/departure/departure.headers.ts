/**
 * Column headers accepted in agency files. Agencies build their spreadsheets by hand, in Kyrgyz,
 * Russian or English, so a header is matched after normalisation (case, spaces, underscores,
 * punctuation, ё/е and a trailing "(дд.мм.гггг)"-style hint do not matter).
 */
import { DepartureField } from './departure.types';

/** Columns without which no row can be valid: their absence is reported once, for the header. */
export const REQUIRED_COLUMNS: readonly DepartureField[] = ['pin', 'lastName', 'firstName', 'country', 'employer', 'contractStart'];

/** For each field: the names shown to operators first (en, ru, ky), then other accepted spellings. */
export const HEADER_ALIASES: Record<DepartureField, string[]> = {
  pin: ['pin', 'ПИН', 'ЖИН', 'ИНН', 'ИНН/ПИН', 'ПИН/ИНН', 'personal number', 'personal id number', 'personal identification number',
    'персональный идентификационный номер', 'персональный номер', 'жеке идентификациялык номер'],
  lastName: ['last_name', 'Фамилия', 'Фамилиясы', 'surname', 'family name', 'last name'],
  firstName: ['first_name', 'Имя', 'Аты', 'first name', 'given name', 'name'],
  patronymic: ['patronymic', 'Отчество', 'Атасынын аты', 'middle name', 'middle_name'],
  birthDate: ['birth_date', 'Дата рождения', 'Туулган күнү', 'date of birth', 'birth date', 'birthdate', 'dob', 'Туулган датасы'],
  country: ['country', 'Страна', 'Өлкө', 'country code', 'destination country', 'country of destination', 'страна назначения',
    'страна выезда', 'страна трудоустройства', 'барган өлкө', 'баруучу өлкө', 'өлкөсү'],
  city: ['city', 'Город', 'Шаар', 'населенный пункт', 'шаары'],
  employer: ['employer', 'Работодатель', 'Иш берүүчү', 'employer name', 'наименование работодателя', 'иш берүүчүнүн аталышы'],
  positionIsco: ['position_isco', 'Код ISCO', 'ISCO коду', 'isco', 'isco code', 'isco-08', 'isco 08', 'код ISCO-08', 'код профессии',
    'код должности', 'кесиптин коду'],
  contractStart: ['contract_start', 'Начало договора', 'Келишимдин башталышы', 'contract start', 'contract start date', 'start date',
    'дата начала договора', 'дата начала контракта', 'начало контракта', 'начало трудового договора', 'келишим башталган күн'],
  contractEnd: ['contract_end', 'Окончание договора', 'Келишимдин аякташы', 'contract end', 'contract end date', 'end date',
    'дата окончания договора', 'дата окончания контракта', 'окончание контракта', 'окончание трудового договора', 'келишим бүткөн күн'],
};

/** "Дата рождения (дд.мм.гггг)*" → "датарождения"; "LAST_NAME" → "lastname". */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const FIELD_BY_HEADER = new Map<string, DepartureField>();
for (const [field, aliases] of Object.entries(HEADER_ALIASES) as [DepartureField, string[]][]) {
  for (const alias of aliases) FIELD_BY_HEADER.set(normaliseHeader(alias), field);
}

export function fieldForHeader(header: string): DepartureField | undefined {
  return FIELD_BY_HEADER.get(normaliseHeader(header));
}

/** The three names shown in a "column missing" message. */
export function shownAliases(field: DepartureField): string {
  return HEADER_ALIASES[field].slice(0, 3).join(' / ');
}
