import type { Language } from '#contract';

/** A name as each interface language writes it. */
export type Localized = Readonly<Record<Language, string>>;

export interface DemoCity {
  name: Localized;
  /** The landline area code after the trunk prefix (Kyiv 44: 044 …, +380 44 …). */
  area: string;
}

export type DemoCountryCode = 'UA' | 'RU' | 'PL' | 'DE' | 'GB' | 'US';

/** Whose names and company words a country's clients have (see vocabulary.ts). */
export type Culture = 'uk' | 'ru' | 'pl' | 'de' | 'en';

export interface DemoCountry {
  code: DemoCountryCode;
  name: Localized;
  culture: Culture;
  callingCode: string;
  /** Digits of the national significant number (after the country code). */
  nsnLength: number;
  /** The trunk prefix national forms start with (0 in Ukraine, 8 in Russia), empty where numbers are written internationally. */
  trunk: string;
  mobile: readonly string[];
  /** The first city is the capital, picked more often than the rest. */
  cities: readonly DemoCity[];
  /** Street names found in any of its cities, as written in the country (addresses keep them; the city and country are localised). */
  streets: readonly string[];
  /** The street line as the country writes it: "вул. Садова, 4", "Hauptstraße 4", "4 High Street". */
  streetLine: (street: string, house: number) => string;
  /** Legal forms and how they stand with the name: ТОВ «Лан» (before, quoted) or Lan Ltd (after). */
  legalForms: readonly string[];
  legalFormFirst: boolean;
  currency: string;
}

const l = (uk: string, ru: string, en: string): Localized => ({ uk, ru, en });
const commaAfter = (street: string, house: number) => `${street}, ${house}`;
const numberAfter = (street: string, house: number) => `${street} ${house}`;
const numberFirst = (street: string, house: number) => `${house} ${street}`;

export const countries: Readonly<Record<DemoCountryCode, DemoCountry>> = {
  UA: {
    code: 'UA', name: l('Україна', 'Украина', 'Ukraine'), culture: 'uk', callingCode: '380', nsnLength: 9, trunk: '0',
    mobile: ['50', '66', '95', '99', '67', '68', '96', '97', '98', '63', '73', '93'],
    cities: [
      { name: l('Київ', 'Киев', 'Kyiv'), area: '44' },
      { name: l('Львів', 'Львов', 'Lviv'), area: '32' },
      { name: l('Одеса', 'Одесса', 'Odesa'), area: '48' },
      { name: l('Харків', 'Харьков', 'Kharkiv'), area: '57' },
      { name: l('Дніпро', 'Днепр', 'Dnipro'), area: '56' },
      { name: l('Запоріжжя', 'Запорожье', 'Zaporizhzhia'), area: '61' },
      { name: l('Вінниця', 'Винница', 'Vinnytsia'), area: '432' },
      { name: l('Полтава', 'Полтава', 'Poltava'), area: '532' },
      { name: l('Чернігів', 'Чернигов', 'Chernihiv'), area: '462' },
      { name: l('Івано-Франківськ', 'Ивано-Франковск', 'Ivano-Frankivsk'), area: '342' },
    ],
    streets: ['вул. Шевченка', 'просп. Перемоги', 'вул. Грушевського', 'вул. Соборна', 'вул. Івана Франка', 'вул. Садова', 'просп. Незалежності', 'вул. Лесі Українки'],
    streetLine: commaAfter,
    legalForms: ['ТОВ', 'ТОВ', 'ПП', 'ПрАТ'], legalFormFirst: true, currency: 'UAH',
  },
  RU: {
    code: 'RU', name: l('Росія', 'Россия', 'Russia'), culture: 'ru', callingCode: '7', nsnLength: 10, trunk: '8',
    mobile: ['916', '903', '926', '985', '910', '921', '965'],
    cities: [
      { name: l('Москва', 'Москва', 'Moscow'), area: '495' },
      { name: l('Санкт-Петербург', 'Санкт-Петербург', 'Saint Petersburg'), area: '812' },
      { name: l('Казань', 'Казань', 'Kazan'), area: '843' },
      { name: l('Новосибірськ', 'Новосибирск', 'Novosibirsk'), area: '383' },
      { name: l('Єкатеринбург', 'Екатеринбург', 'Yekaterinburg'), area: '343' },
      { name: l('Нижній Новгород', 'Нижний Новгород', 'Nizhny Novgorod'), area: '831' },
    ],
    streets: ['ул. Садовая', 'просп. Мира', 'ул. Гагарина', 'ул. Лесная', 'ул. Пушкина', 'ул. Молодёжная', 'ул. Заводская'],
    streetLine: commaAfter,
    legalForms: ['ООО', 'ООО', 'АО', 'ИП'], legalFormFirst: true, currency: 'RUB',
  },
  PL: {
    code: 'PL', name: l('Польща', 'Польша', 'Poland'), culture: 'pl', callingCode: '48', nsnLength: 9, trunk: '',
    mobile: ['501', '601', '512', '693', '790'],
    cities: [
      { name: l('Варшава', 'Варшава', 'Warsaw'), area: '22' },
      { name: l('Краків', 'Краков', 'Kraków'), area: '12' },
      { name: l('Гданськ', 'Гданьск', 'Gdańsk'), area: '58' },
      { name: l('Вроцлав', 'Вроцлав', 'Wrocław'), area: '71' },
    ],
    streets: ['ul. Długa', 'ul. Polna', 'ul. Kościuszki', 'ul. Mickiewicza'],
    streetLine: numberAfter,
    legalForms: ['Sp. z o.o.', 'S.A.'], legalFormFirst: false, currency: 'PLN',
  },
  DE: {
    code: 'DE', name: l('Німеччина', 'Германия', 'Germany'), culture: 'de', callingCode: '49', nsnLength: 10, trunk: '',
    mobile: ['160', '170', '171', '176'],
    cities: [
      { name: l('Берлін', 'Берлин', 'Berlin'), area: '30' },
      { name: l('Гамбург', 'Гамбург', 'Hamburg'), area: '40' },
      { name: l('Мюнхен', 'Мюнхен', 'Munich'), area: '89' },
      { name: l('Франкфурт-на-Майні', 'Франкфурт-на-Майне', 'Frankfurt am Main'), area: '69' },
    ],
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Schillerstraße', 'Gartenstraße'],
    streetLine: numberAfter,
    legalForms: ['GmbH', 'AG'], legalFormFirst: false, currency: 'EUR',
  },
  GB: {
    code: 'GB', name: l('Велика Британія', 'Великобритания', 'United Kingdom'), culture: 'en', callingCode: '44', nsnLength: 10, trunk: '',
    mobile: ['7412', '7822', '7564', '7480'],
    cities: [
      { name: l('Лондон', 'Лондон', 'London'), area: '207' },
      { name: l('Манчестер', 'Манчестер', 'Manchester'), area: '161' },
      { name: l('Глазго', 'Глазго', 'Glasgow'), area: '141' },
    ],
    streets: ['High Street', 'Station Road', 'King Street', 'Victoria Road'],
    streetLine: numberFirst,
    legalForms: ['Ltd', 'Ltd', 'plc'], legalFormFirst: false, currency: 'GBP',
  },
  US: {
    code: 'US', name: l('США', 'США', 'United States'), culture: 'en', callingCode: '1', nsnLength: 10, trunk: '',
    mobile: ['646', '917'],
    cities: [
      { name: l('Нью-Йорк', 'Нью-Йорк', 'New York'), area: '212' },
      { name: l('Чикаго', 'Чикаго', 'Chicago'), area: '312' },
      { name: l('Бостон', 'Бостон', 'Boston'), area: '617' },
      { name: l('Сан-Франциско', 'Сан-Франциско', 'San Francisco'), area: '415' },
    ],
    streets: ['Main Street', 'Oak Street', 'Park Avenue', 'Market Street'],
    streetLine: numberFirst,
    legalForms: ['Inc.', 'LLC'], legalFormFirst: false, currency: 'USD',
  },
};

/**
 * Where a language's clients are, as weights: a Ukrainian call centre works mostly with Ukraine and
 * a few foreign partners, a Russian one mostly with Russia, an English-speaking one across its markets.
 */
export const clientCountries: Readonly<Record<Language, readonly DemoCountryCode[]>> = {
  uk: [...Array<DemoCountryCode>(46).fill('UA'), 'PL', 'PL', 'DE', 'GB'],
  ru: [...Array<DemoCountryCode>(46).fill('RU'), 'DE', 'DE', 'PL', 'GB'],
  en: ['GB', 'GB', 'GB', 'GB', 'US', 'US', 'US', 'DE', 'DE', 'PL'],
};

/** The call centre's own clock, for working hours: Kyiv, Moscow, London (standard time, near enough for a demo). */
export const officeUtcOffsetHours: Readonly<Record<Language, number>> = { uk: 2, ru: 3, en: 0 };
