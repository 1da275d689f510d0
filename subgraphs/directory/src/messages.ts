import { defineMessages } from '@kg/platform';

defineMessages({
  'territory.codeInvalid': {
    ky: '{field}: СОАТЕ коду 14 цифрадан турушу керек',
    ru: '{field}: код СОАТЕ должен состоять из 14 цифр',
    en: '{field}: a СОАТЕ code has 14 digits',
  },
  'country.codeInvalid': {
    ky: '{field}: өлкөнүн коду эки тамгадан турат (ISO 3166-1)',
    ru: '{field}: код страны — две буквы (ISO 3166-1)',
    en: '{field}: a country code is two letters (ISO 3166-1)',
  },
  'field.code': { ky: 'Код', ru: 'Код', en: 'Code' },
  'field.parentCode': { ky: 'Жогорку бирдиктин коду', ru: 'Код вышестоящей единицы', en: 'Parent code' },
  'field.text': { ky: 'Издөө тексти', ru: 'Текст поиска', en: 'Search text' },
  'field.limit': { ky: 'Саны', ru: 'Количество', en: 'Limit' },
});
