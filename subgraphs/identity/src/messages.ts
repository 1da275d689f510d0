import { defineMessages } from '@kg/platform';

defineMessages({
  'auth.sessionExpired': {
    ky: 'Сессия бүттү же жокко чыгарылды. Кайра кириңиз',
    ru: 'Сеанс завершён или отозван. Войдите снова',
    en: 'The session has ended or was revoked. Please sign in again',
  },
  'auth.accountLocked': {
    ky: 'Эсеп бөгөттөлгөн. Администраторго кайрылыңыз',
    ru: 'Учётная запись заблокирована. Обратитесь к администратору',
    en: 'The account is locked. Please contact an administrator',
  },
  'auth.badCredentials': {
    ky: 'Логин, сырсөз же код туура эмес',
    ru: 'Неверный логин, пароль или код',
    en: 'Wrong login, password or code',
  },
  'auth.tryLater': {
    ky: 'Өтө көп ийгиликсиз аракет. {seconds} секунддан кийин кайра аракет кылыңыз',
    ru: 'Слишком много неудачных попыток. Повторите через {seconds} с',
    en: 'Too many failed attempts. Try again in {seconds} s',
  },
  'auth.challenge.CHALLENGE_UNKNOWN': {
    ky: 'Кол коюла турган текст табылган жок. Жаңысын алыңыз',
    ru: 'Текст для подписи не найден. Запросите новый',
    en: 'Unknown sign-in challenge. Request a new one',
  },
  'auth.challenge.CHALLENGE_USED': {
    ky: 'Бул текст мурун колдонулган. Жаңысын алып, кайра кол коюңуз',
    ru: 'Этот текст уже использован. Запросите новый и подпишите снова',
    en: 'This challenge was already used. Request a new one and sign again',
  },
  'auth.challenge.CHALLENGE_EXPIRED': {
    ky: 'Кол коюу мөөнөтү (5 мүнөт) өтүп кетти. Жаңы текст алыңыз',
    ru: 'Срок подписи (5 минут) истёк. Запросите новый текст',
    en: 'The challenge expired (5 minutes). Request a new one',
  },
  'auth.signature.MALFORMED_SIGNATURE': {
    ky: 'Кол тамга окулбай калды: CMS/PKCS#7 форматында (PEM же base64) болушу керек',
    ru: 'Подпись не читается: нужен формат CMS/PKCS#7 (PEM или base64)',
    en: 'The signature cannot be read: CMS/PKCS#7 (PEM or base64) is expected',
  },
  'auth.signature.WRONG_SIGNATURE': {
    ky: 'Кол тамга берилген текстке туура келбейт',
    ru: 'Подпись не соответствует выданному тексту',
    en: 'The signature does not match the challenge',
  },
  'auth.signature.UNKNOWN_ISSUER': {
    ky: 'Сертификат ишенимдүү күбөлүк борбору тарабынан берилген эмес',
    ru: 'Сертификат выдан не доверенным удостоверяющим центром',
    en: 'The certificate was not issued by a trusted certification authority',
  },
  'auth.signature.CERTIFICATE_EXPIRED': {
    ky: 'Сертификаттын мөөнөтү бүткөн. Аны жаңыртыңыз',
    ru: 'Срок действия сертификата истёк. Обновите его',
    en: 'The certificate has expired. Please renew it',
  },
  'auth.signature.CERTIFICATE_NOT_YET_VALID': {
    ky: 'Сертификат азырынча күчүнө кире элек',
    ru: 'Сертификат ещё не вступил в силу',
    en: 'The certificate is not valid yet',
  },
  'auth.signature.KEY_USAGE': {
    ky: 'Бул сертификат менен кол коюуга болбойт (ачкычтын колдонулушу)',
    ru: 'Этот сертификат не предназначен для подписи (использование ключа)',
    en: 'This certificate may not be used for signing (key usage)',
  },
  'auth.signature.REVOKED': {
    ky: 'Сертификат кайтарылып алынган',
    ru: 'Сертификат отозван',
    en: 'The certificate has been revoked',
  },
  'auth.signature.NO_VALID_PIN': {
    ky: 'Сертификатта жарактуу ПИН (14 цифра) жок',
    ru: 'В сертификате нет действительного ПИН (14 цифр)',
    en: 'The certificate carries no valid PIN (14 digits)',
  },
  'auth.demoSignerDisabled': {
    ky: 'Демо кол коюучу өчүрүлгөн (өндүрүштө жок)',
    ru: 'Демо-подписант выключен (в рабочей среде его нет)',
    en: 'The demo signer is disabled (it does not exist in production)',
  },
  'staff.loginTaken': { ky: 'Бул логин бош эмес', ru: 'Этот логин уже занят', en: 'This login is taken' },
  'staff.scopeRequired': {
    ky: '{field}: бул ролго {scope} көрсөтүү керек',
    ru: '{field}: для этой роли нужно указать {scope}',
    en: '{field}: this role needs {scope}',
  },
  'scope.territory': { ky: 'аймак', ru: 'территорию', en: 'a territory' },
  'scope.agency': { ky: 'агенттик', ru: 'агентство', en: 'an agency' },
  'scope.mission': { ky: 'өкүлчүлүк', ru: 'представительство', en: 'a mission' },
  'field.login': { ky: 'Логин', ru: 'Логин', en: 'Login' },
  'field.displayName': { ky: 'Аты-жөнү', ru: 'ФИО', en: 'Full name' },
  'field.roles': { ky: 'Ролдор', ru: 'Роли', en: 'Roles' },
  'field.territoryCodes': { ky: 'Аймактар', ru: 'Территории', en: 'Territories' },
  'field.agencyId': { ky: 'Агенттик', ru: 'Агентство', en: 'Agency' },
  'field.missionCode': { ky: 'Өкүлчүлүк', ru: 'Представительство', en: 'Mission' },
  'field.signature': { ky: 'Кол тамга', ru: 'Подпись', en: 'Signature' },
  'field.pin': { ky: 'ПИН', ru: 'ПИН', en: 'PIN' },
});
