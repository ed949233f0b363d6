/**
 * Word pools for the demo dataset. Three cultures, because our operators' clients are
 * Ukrainian, Russian-speaking and international, and their records look different.
 */
export type Culture = 'uk' | 'ru' | 'en';

export interface PersonPool {
  maleFirst: readonly string[];
  femaleFirst: readonly string[];
  /** [male, female] forms. */
  last: readonly (readonly [string, string])[];
  /** Patronymic stems: [male, female]; empty for cultures without them. */
  patronymic: readonly (readonly [string, string])[];
  positions: readonly string[];
  companyForms: readonly string[];
  companyWords: readonly string[];
  cities: readonly string[];
}

export const people: Record<Culture, PersonPool> = {
  uk: {
    maleFirst: ['Олександр', 'Андрій', 'Богдан', 'Василь', 'Дмитро', 'Іван', 'Максим', 'Микола', 'Олег', 'Петро', 'Тарас', 'Юрій', 'Ярослав', 'Степан'],
    femaleFirst: ['Оксана', 'Ганна', 'Олена', 'Ірина', 'Катерина', 'Марія', 'Наталія', 'Світлана', 'Тетяна', 'Юлія', 'Мар’яна', 'Соломія', 'Христина', 'Віра'],
    last: [
      ['Шевченко', 'Шевченко'], ['Коваленко', 'Коваленко'], ['Бондаренко', 'Бондаренко'], ['Ткаченко', 'Ткаченко'],
      ['Кравчук', 'Кравчук'], ['Мельник', 'Мельник'], ['Олійник', 'Олійник'], ['Лисенко', 'Лисенко'],
      ['Гнатюк', 'Гнатюк'], ['Савчук', 'Савчук'], ['Поліщук', 'Поліщук'], ['Білоус', 'Білоус'],
      ['Приходько', 'Приходько'], ['Зайченко', 'Зайченко'], ['Гончаренко', 'Гончаренко'], ['Руденко', 'Руденко'],
    ],
    patronymic: [['Олександрович', 'Олександрівна'], ['Іванович', 'Іванівна'], ['Петрович', 'Петрівна'], ['Миколайович', 'Миколаївна'], ['Васильович', 'Василівна'], ['Андрійович', 'Андріївна']],
    positions: ['Директор', 'Головний бухгалтер', 'Менеджер із закупівель', 'Комерційний директор', 'Офіс-менеджер', 'Інженер', 'Керівник відділу продажів', 'Логіст'],
    companyForms: ['ТОВ', 'ПП', 'ФОП', 'ПрАТ'],
    companyWords: ['Агросвіт', 'Будмайстер', 'Дніпро-Трейд', 'Карпати Логістик', 'Світанок', 'Поділля Агро', 'Київ-Сервіс', 'Лан', 'Укрпостач', 'Берегиня', 'Галич Пром', 'Сонячна Енергія', 'Хмельтех', 'Полтава Млин'],
    cities: ['Київ', 'Львів', 'Одеса', 'Харків', 'Дніпро', 'Вінниця', 'Полтава', 'Чернігів', 'Івано-Франківськ'],
  },
  ru: {
    maleFirst: ['Алексей', 'Сергей', 'Владимир', 'Михаил', 'Николай', 'Павел', 'Роман', 'Евгений', 'Григорий', 'Фёдор', 'Артём', 'Кирилл'],
    femaleFirst: ['Анна', 'Елена', 'Ольга', 'Татьяна', 'Наталья', 'Светлана', 'Ксения', 'Людмила', 'Дарья', 'Алёна', 'Вера', 'Полина'],
    last: [
      ['Иванов', 'Иванова'], ['Смирнов', 'Смирнова'], ['Кузнецов', 'Кузнецова'], ['Попов', 'Попова'],
      ['Соколов', 'Соколова'], ['Лебедев', 'Лебедева'], ['Козлов', 'Козлова'], ['Новиков', 'Новикова'],
      ['Морозов', 'Морозова'], ['Волков', 'Волкова'], ['Семёнов', 'Семёнова'], ['Фёдоров', 'Фёдорова'],
    ],
    patronymic: [['Алексеевич', 'Алексеевна'], ['Сергеевич', 'Сергеевна'], ['Владимирович', 'Владимировна'], ['Николаевич', 'Николаевна'], ['Павлович', 'Павловна']],
    positions: ['Генеральный директор', 'Главный бухгалтер', 'Менеджер по закупкам', 'Начальник склада', 'Секретарь', 'Коммерческий директор', 'Юрист'],
    companyForms: ['ООО', 'АО', 'ИП'],
    companyWords: ['Северный ветер', 'ТехноСнаб', 'Волга-Инвест', 'Уральские узоры', 'МирТорг', 'Альфа-Логистик', 'Балтпромсервис', 'Светоч'],
    cities: ['Москва', 'Санкт-Петербург', 'Казань', 'Новосибирск', 'Екатеринбург'],
  },
  en: {
    maleFirst: ['James', 'Oliver', 'William', 'Henry', 'George', 'Thomas', 'Daniel', 'Michael', 'Lukas', 'Piotr', 'Jan', 'David'],
    femaleFirst: ['Emma', 'Olivia', 'Charlotte', 'Amelia', 'Sophie', 'Grace', 'Hannah', 'Anna', 'Katarzyna', 'Julia', 'Laura', 'Mia'],
    last: [
      ['Smith', 'Smith'], ['Johnson', 'Johnson'], ['Brown', 'Brown'], ['Taylor', 'Taylor'], ['Wilson', 'Wilson'],
      ['O’Connor', 'O’Connor'], ['Müller', 'Müller'], ['Schneider', 'Schneider'], ['Kowalski', 'Kowalska'], ['Nowak', 'Nowak'],
      ['Evans', 'Evans'], ['Walker', 'Walker'],
    ],
    patronymic: [],
    positions: ['CEO', 'Procurement Manager', 'Account Manager', 'Office Manager', 'Head of Sales', 'CFO', 'Logistics Coordinator'],
    companyForms: ['Ltd', 'GmbH', 'Sp. z o.o.', 'Inc.'],
    companyWords: ['Brightline', 'Northwind Traders', 'Blue Harbor', 'Vistula Foods', 'Rhein Components', 'Atlas Freight', 'Greenfield Agro', 'Silverline Tech'],
    cities: ['London', 'Warsaw', 'Berlin', 'New York', 'Kraków', 'Manchester'],
  },
};

export const employeeNames: readonly string[] = [
  'Оксана Литвин',
  'Андрій Мороз',
  'Ірина Коваль',
  'Сергей Петренко',
  'Наталія Гуменюк',
  'Олег Дяченко',
  'Emily Carter',
  'Тетяна Бойко',
];

export const dealStageDefinitions = [
  { name: 'Новий запит', probability: 10, outcome: 'open' },
  { name: 'Кваліфікація', probability: 25, outcome: 'open' },
  { name: 'Комерційна пропозиція', probability: 50, outcome: 'open' },
  { name: 'Переговори', probability: 75, outcome: 'open' },
  { name: 'Виграно', probability: 100, outcome: 'won' },
  { name: 'Програно', probability: 0, outcome: 'lost' },
] as const;

export const subjects: Record<Culture, Record<'call' | 'meeting' | 'planned' | 'email' | 'note', readonly string[]>> = {
  uk: {
    call: ['Уточнення замовлення', 'Питання щодо оплати', 'Дзвінок щодо доставки', 'Нагадування про рахунок', 'Презентація нової лінійки'],
    meeting: ['Зустріч в офісі клієнта', 'Презентація продукту', 'Підписання договору', 'Огляд складу'],
    planned: ['Передзвонити щодо пропозиції', 'Узгодити графік поставок', 'Запропонувати знижку на обсяг'],
    email: ['Комерційна пропозиція', 'Рахунок на оплату', 'Акт звірки', 'Прайс-лист на квартал'],
    note: ['Клієнт просить дзвонити після 14:00', 'Цікавиться оптовими цінами', 'Рішення приймає директор'],
  },
  ru: {
    call: ['Уточнение заказа', 'Вопрос по оплате', 'Звонок по доставке', 'Напоминание о счёте'],
    meeting: ['Встреча в офисе клиента', 'Презентация продукта', 'Подписание договора'],
    planned: ['Перезвонить по предложению', 'Согласовать график поставок'],
    email: ['Коммерческое предложение', 'Счёт на оплату', 'Акт сверки'],
    note: ['Просит звонить до обеда', 'Интересуется скидками'],
  },
  en: {
    call: ['Order follow-up', 'Payment question', 'Delivery call', 'Invoice reminder'],
    meeting: ['Meeting at client office', 'Product demo', 'Contract signing'],
    planned: ['Call back about the offer', 'Agree the delivery schedule'],
    email: ['Commercial offer', 'Invoice', 'Quarterly price list'],
    note: ['Prefers email to calls', 'Decision maker is the CFO'],
  },
};

export const outcomes: readonly string[] = ['Домовились', 'Не відповідає', 'Передзвонити', 'Відмова', 'Замовлення оформлено', 'Надіслано пропозицію'];

const latin: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ё: 'e', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ь: '', ъ: '', ы: 'y', э: 'e', ю: 'iu', я: 'ia', ü: 'u', ö: 'o', ä: 'a',
};

/** A rough transliteration for demo e-mail addresses. */
export function toLatin(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += latin[ch] ?? (/[a-z0-9]/.test(ch) ? ch : '');
  return out;
}
