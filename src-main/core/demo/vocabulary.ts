/**
 * Names for the demo dataset, by the clients' culture: a Ukrainian office's clients are mostly
 * Ukrainian with a few Polish, German or British partners, and their records look like theirs.
 * The texts the office writes about them (notes, subjects, results) are in texts.ts, by language.
 */
import type { Culture } from './places';

export interface PersonPool {
  maleFirst: readonly string[];
  femaleFirst: readonly string[];
  /** [male, female] forms. */
  last: readonly (readonly [string, string])[];
  /** Patronymics: [male, female]; empty for cultures without them. */
  patronymic: readonly (readonly [string, string])[];
  /** Company names are a root and a trade ("Карпати Логістик"), every pair once before numbers are added. */
  companyRoots: readonly string[];
  companyTrades: readonly string[];
}

export const people: Readonly<Record<Culture, PersonPool>> = {
  uk: {
    maleFirst: ['Олександр', 'Андрій', 'Богдан', 'Василь', 'Дмитро', 'Іван', 'Максим', 'Микола', 'Олег', 'Петро', 'Тарас', 'Юрій', 'Ярослав', 'Степан', 'Назар', 'Остап'],
    femaleFirst: ['Оксана', 'Ганна', 'Олена', 'Ірина', 'Катерина', 'Марія', 'Наталія', 'Світлана', 'Тетяна', 'Юлія', 'Мар’яна', 'Соломія', 'Христина', 'Віра', 'Леся', 'Зоряна'],
    last: [
      ['Шевченко', 'Шевченко'], ['Коваленко', 'Коваленко'], ['Бондаренко', 'Бондаренко'], ['Ткаченко', 'Ткаченко'],
      ['Кравчук', 'Кравчук'], ['Мельник', 'Мельник'], ['Олійник', 'Олійник'], ['Лисенко', 'Лисенко'],
      ['Гнатюк', 'Гнатюк'], ['Савчук', 'Савчук'], ['Поліщук', 'Поліщук'], ['Білоус', 'Білоус'],
      ['Приходько', 'Приходько'], ['Зайченко', 'Зайченко'], ['Гончаренко', 'Гончаренко'], ['Руденко', 'Руденко'],
      ['Кузьменко', 'Кузьменко'], ['Левченко', 'Левченко'], ['Марченко', 'Марченко'], ['Костенко', 'Костенко'],
      ['Федорів', 'Федорів'], ['Яковенко', 'Яковенко'], ['Стельмах', 'Стельмах'], ['Дорошенко', 'Дорошенко'],
    ],
    patronymic: [['Олександрович', 'Олександрівна'], ['Іванович', 'Іванівна'], ['Петрович', 'Петрівна'], ['Миколайович', 'Миколаївна'], ['Васильович', 'Василівна'], ['Андрійович', 'Андріївна'], ['Богданович', 'Богданівна'], ['Степанович', 'Степанівна']],
    companyRoots: [
      'Агросвіт', 'Будмайстер', 'Дніпро', 'Карпати', 'Світанок', 'Поділля', 'Лан', 'Берегиня', 'Галич', 'Хмельтех',
      'Слобожанщина', 'Полісся', 'Таврія', 'Оберіг', 'Зоря', 'Сіверянка', 'Либідь', 'Золотий Колос', 'Ятрань', 'Говерла',
      'Прикарпаття', 'Волинь', 'Укрпостач', 'Бережани', 'Тернопіль', 'Десна', 'Рось', 'Смерічка', 'Черемош', 'Інгул',
    ],
    companyTrades: ['Трейд', 'Логістик', 'Агро', 'Сервіс', 'Пром', 'Буд', 'Техніка', 'Енерго', 'Маркет', 'Фарм', 'Текстиль', 'Меблі', 'Продукт', 'Транс', 'Пак', 'Хліб', 'Авто', 'Інвест', 'Постач', 'Склад'],
  },
  ru: {
    maleFirst: ['Алексей', 'Сергей', 'Владимир', 'Михаил', 'Николай', 'Павел', 'Роман', 'Евгений', 'Григорий', 'Фёдор', 'Артём', 'Кирилл', 'Дмитрий', 'Игорь'],
    femaleFirst: ['Анна', 'Елена', 'Ольга', 'Татьяна', 'Наталья', 'Светлана', 'Ксения', 'Людмила', 'Дарья', 'Алёна', 'Вера', 'Полина', 'Марина', 'Екатерина'],
    last: [
      ['Иванов', 'Иванова'], ['Смирнов', 'Смирнова'], ['Кузнецов', 'Кузнецова'], ['Попов', 'Попова'],
      ['Соколов', 'Соколова'], ['Лебедев', 'Лебедева'], ['Козлов', 'Козлова'], ['Новиков', 'Новикова'],
      ['Морозов', 'Морозова'], ['Волков', 'Волкова'], ['Семёнов', 'Семёнова'], ['Фёдоров', 'Фёдорова'],
      ['Васильев', 'Васильева'], ['Зайцев', 'Зайцева'], ['Павлов', 'Павлова'], ['Орлов', 'Орлова'],
    ],
    patronymic: [['Алексеевич', 'Алексеевна'], ['Сергеевич', 'Сергеевна'], ['Владимирович', 'Владимировна'], ['Николаевич', 'Николаевна'], ['Павлович', 'Павловна'], ['Михайлович', 'Михайловна']],
    companyRoots: [
      'Северный ветер', 'Волга', 'Уральские узоры', 'МирТорг', 'Альфа', 'Балтика', 'Светоч', 'Сибирь', 'Кама', 'Ока',
      'Заря', 'Русич', 'Вектор', 'Меридиан', 'Гранит', 'Исток', 'Полярис', 'Ладога', 'Енисей', 'Радуга',
    ],
    companyTrades: ['Снаб', 'Логистик', 'Инвест', 'Сервис', 'Пром', 'Строй', 'Техника', 'Энерго', 'Маркет', 'Фарм', 'Текстиль', 'Мебель', 'Продукт', 'Транс', 'Пак', 'Агро'],
  },
  pl: {
    maleFirst: ['Piotr', 'Jan', 'Tomasz', 'Marek', 'Krzysztof', 'Paweł'],
    femaleFirst: ['Katarzyna', 'Agnieszka', 'Anna', 'Magdalena', 'Joanna', 'Ewa'],
    last: [['Kowalski', 'Kowalska'], ['Nowak', 'Nowak'], ['Wiśniewski', 'Wiśniewska'], ['Lewandowski', 'Lewandowska'], ['Zieliński', 'Zielińska'], ['Wójcik', 'Wójcik']],
    patronymic: [],
    companyRoots: ['Vistula', 'Mazowsze', 'Baltic', 'Polonia', 'Tatry', 'Odra', 'Warta', 'Sudety'],
    companyTrades: ['Foods', 'Logistics', 'Trade', 'Systems', 'Agro', 'Pack'],
  },
  de: {
    maleFirst: ['Lukas', 'Jonas', 'Felix', 'Matthias', 'Stefan', 'Andreas'],
    femaleFirst: ['Laura', 'Julia', 'Sabine', 'Claudia', 'Lena', 'Katrin'],
    last: [['Müller', 'Müller'], ['Schneider', 'Schneider'], ['Fischer', 'Fischer'], ['Weber', 'Weber'], ['Becker', 'Becker'], ['Hoffmann', 'Hoffmann']],
    patronymic: [],
    companyRoots: ['Rhein', 'Alpen', 'Nordsee', 'Spree', 'Elbe', 'Isar', 'Harz', 'Main'],
    companyTrades: ['Components', 'Maschinenbau', 'Handel', 'Logistik', 'Technik', 'Verpackung'],
  },
  en: {
    maleFirst: ['James', 'Oliver', 'William', 'Henry', 'George', 'Thomas', 'Daniel', 'Michael', 'David', 'Samuel', 'Jack', 'Ethan'],
    femaleFirst: ['Emma', 'Olivia', 'Charlotte', 'Amelia', 'Sophie', 'Grace', 'Hannah', 'Emily', 'Lucy', 'Chloe', 'Isabella', 'Mia'],
    last: [
      ['Smith', 'Smith'], ['Johnson', 'Johnson'], ['Brown', 'Brown'], ['Taylor', 'Taylor'], ['Wilson', 'Wilson'], ['O’Connor', 'O’Connor'],
      ['Evans', 'Evans'], ['Walker', 'Walker'], ['Harris', 'Harris'], ['Clarke', 'Clarke'], ['Robinson', 'Robinson'], ['Wright', 'Wright'],
      ['Thompson', 'Thompson'], ['Hughes', 'Hughes'], ['Green', 'Green'], ['Hall', 'Hall'],
    ],
    patronymic: [],
    companyRoots: [
      'Brightline', 'Northwind', 'Blue Harbor', 'Atlas', 'Greenfield', 'Silverline', 'Redwood', 'Summit', 'Oakridge', 'Beacon',
      'Riverside', 'Keystone', 'Lakeshore', 'Pioneer', 'Harbour', 'Crown', 'Meridian', 'Westbrook', 'Evergreen', 'Granite',
    ],
    companyTrades: ['Traders', 'Freight', 'Foods', 'Tech', 'Supplies', 'Agro', 'Logistics', 'Components', 'Services', 'Packaging', 'Energy', 'Furniture', 'Textiles', 'Pharma', 'Retail', 'Motors'],
  },
};

const latin: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ё: 'e', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ь: '', ъ: '', ы: 'y', э: 'e', ю: 'iu', я: 'ia', ü: 'u', ö: 'o', ä: 'a', ß: 'ss',
  ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z',
};

/** A rough transliteration for demo e-mail addresses and web sites. */
export function toLatin(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += latin[ch] ?? (/[a-z0-9]/.test(ch) ? ch : '');
  return out;
}
