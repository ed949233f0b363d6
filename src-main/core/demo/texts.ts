/**
 * What the office writes, in its own language: job titles, subjects, call results, notes, deal names,
 * complaints. A Ukrainian office writes Ukrainian about its Polish partners too.
 */
import type { DealStageKey, Language } from '#contract';

export type InteractionKind = 'call' | 'meeting' | 'planned' | 'email' | 'note';

export interface OfficeTexts {
  /** The colleagues: operators, managers, a secretary. */
  employees: readonly string[];
  /** The teams they work in (reports add operators up by team). */
  teams: readonly string[];
  positions: readonly string[];
  subjects: Readonly<Record<InteractionKind, readonly string[]>>;
  /** Results of answered calls, meetings and e-mails. */
  outcomes: readonly string[];
  /** The result an operator writes when nobody picked up. */
  noAnswer: string;
  busy: string;
  /** About a person (their card's note field), and about a company. */
  contactNotes: readonly string[];
  companyNotes: readonly string[];
  deals: readonly string[];
  stageNames: Readonly<Record<DealStageKey, string>>;
  meetingTitle: string;
  onlineLocation: string;
  complaints: {
    causes: readonly string[];
    /** [subject, description] */
    cases: readonly (readonly [string, string])[];
    actions: readonly string[];
    steps: readonly string[];
    investigating: readonly string[];
    resolutions: readonly string[];
    closing: readonly string[];
  };
}

export const texts: Readonly<Record<Language, OfficeTexts>> = {
  uk: {
    employees: ['Оксана Литвин', 'Андрій Мороз', 'Ірина Коваль', 'Сергій Петренко', 'Наталія Гуменюк', 'Олег Дяченко', 'Марта Онищенко', 'Тетяна Бойко'],
    teams: ['Відділ продажів', 'Підтримка клієнтів', 'Опитування'],
    positions: ['Директор', 'Головний бухгалтер', 'Менеджер із закупівель', 'Комерційний директор', 'Офіс-менеджер', 'Інженер', 'Керівник відділу продажів', 'Логіст', 'Завідувач складу', 'Юрист'],
    subjects: {
      call: ['Уточнення замовлення', 'Питання щодо оплати', 'Дзвінок щодо доставки', 'Нагадування про рахунок', 'Презентація нової лінійки', 'Погодження знижки', 'Питання щодо гарантії', 'Повторне замовлення'],
      meeting: ['Зустріч в офісі клієнта', 'Презентація продукту', 'Підписання договору', 'Огляд складу', 'Навчання персоналу клієнта'],
      planned: ['Передзвонити щодо пропозиції', 'Узгодити графік поставок', 'Запропонувати знижку на обсяг', 'Нагадати про оплату рахунку', 'Дізнатися враження від поставки'],
      email: ['Комерційна пропозиція', 'Рахунок на оплату', 'Акт звірки', 'Прайс-лист на квартал', 'Договір на підпис', 'Сертифікати якості'],
      note: ['Клієнт просить дзвонити після 14:00', 'Цікавиться оптовими цінами', 'Рішення приймає директор', 'У відпустці до кінця місяця', 'Бюджет затверджують у понеділок', 'Віддає перевагу листам, а не дзвінкам'],
    },
    outcomes: ['Домовились про поставку', 'Передзвонити наступного тижня', 'Надіслано пропозицію', 'Замовлення оформлено', 'Клієнт думає', 'Відмова: дорого', 'Узгодили дату зустрічі', 'Рахунок оплачено'],
    noAnswer: 'Не відповідає',
    busy: 'Зайнято',
    contactNotes: ['Просить дзвонити після 14:00', 'Телефонувати на мобільний', 'Спілкується тільки українською', 'Підписує договори особисто', 'Постійний клієнт з 2019 року'],
    companyNotes: ['Оплата з відстрочкою 14 днів', 'Доставка тільки до обіду', 'Потрібен оригінал накладної', 'Ключовий клієнт регіону'],
    deals: ['Поставка обладнання', 'Річний договір на обслуговування', 'Оптова партія на сезон', 'Запуск нової точки продажу', 'Заміна парку техніки', 'Пілотне замовлення', 'Розширення асортименту', 'Договір на логістику'],
    stageNames: { new_request: 'Новий запит', qualification: 'Кваліфікація', proposal: 'Комерційна пропозиція', negotiation: 'Переговори', won: 'Виграно', lost: 'Програно' },
    meetingTitle: 'Зустріч',
    onlineLocation: 'Онлайн, Google Meet',
    complaints: {
      causes: ['Затримка доставки', 'Брак товару', 'Помилка в рахунку', 'Пошкодження під час перевезення', 'Неввічливе обслуговування'],
      cases: [
        ['Партію доставлено на три дні пізніше', 'Клієнт чекав поставку в понеділок, машина приїхала в четвер; простій виробництва.'],
        ['Брак у партії: 12 одиниць', 'Під час приймання знайшли 12 несправних одиниць, клієнт просить заміну.'],
        ['Подвійне списання за рахунком', 'Рахунок оплачено двічі, клієнт просить повернути переплату.'],
        ['Пошкоджена упаковка', 'Коробки пом’яті, частина товару розбита; є фото від водія.'],
        ['Оператор не передзвонив', 'Клієнт двічі залишав заявку, але йому так і не передзвонили.'],
        ['Не той артикул у поставці', 'Замість замовленої моделі привезли іншу.'],
      ],
      actions: ['Запросили фото та акт приймання', 'Зв’язалися з перевізником', 'Передали на склад для перевірки', 'Бухгалтерія перевіряє платежі'],
      steps: ['Перевірити накладні', 'Отримати пояснення від перевізника', 'Підготувати заміну товару', 'Погодити компенсацію з керівником', 'Повідомити клієнта про рішення'],
      investigating: ['Взято в роботу', 'Розбираємось із перевізником', 'Чекаємо відповіді складу'],
      resolutions: ['Товар замінено за наш рахунок', 'Переплату повернуто на рахунок клієнта', 'Надано знижку 10% на наступне замовлення', 'Перевізнику виставлено претензію, клієнту компенсовано доставку'],
      closing: ['Клієнт підтвердив, що задоволений', 'Закрито після дзвінка клієнту', 'Клієнт не має претензій'],
    },
  },
  ru: {
    employees: ['Ольга Литвинова', 'Андрей Морозов', 'Ирина Ковалёва', 'Сергей Петров', 'Наталья Гусева', 'Олег Дьяченко', 'Марина Белова', 'Татьяна Бойко'],
    teams: ['Отдел продаж', 'Поддержка клиентов', 'Опросы'],
    positions: ['Генеральный директор', 'Главный бухгалтер', 'Менеджер по закупкам', 'Начальник склада', 'Секретарь', 'Коммерческий директор', 'Юрист', 'Инженер', 'Логист', 'Руководитель отдела продаж'],
    subjects: {
      call: ['Уточнение заказа', 'Вопрос по оплате', 'Звонок по доставке', 'Напоминание о счёте', 'Презентация новой линейки', 'Согласование скидки', 'Вопрос по гарантии', 'Повторный заказ'],
      meeting: ['Встреча в офисе клиента', 'Презентация продукта', 'Подписание договора', 'Осмотр склада', 'Обучение персонала клиента'],
      planned: ['Перезвонить по предложению', 'Согласовать график поставок', 'Предложить скидку на объём', 'Напомнить об оплате счёта', 'Узнать впечатления от поставки'],
      email: ['Коммерческое предложение', 'Счёт на оплату', 'Акт сверки', 'Прайс-лист на квартал', 'Договор на подпись', 'Сертификаты качества'],
      note: ['Просит звонить после обеда', 'Интересуется оптовыми ценами', 'Решение принимает директор', 'В отпуске до конца месяца', 'Бюджет утверждают в понедельник', 'Предпочитает письма звонкам'],
    },
    outcomes: ['Договорились о поставке', 'Перезвонить на следующей неделе', 'Отправлено предложение', 'Заказ оформлен', 'Клиент думает', 'Отказ: дорого', 'Согласовали дату встречи', 'Счёт оплачен'],
    noAnswer: 'Не отвечает',
    busy: 'Занято',
    contactNotes: ['Просит звонить после 14:00', 'Звонить на мобильный', 'Подписывает договоры лично', 'Постоянный клиент с 2019 года', 'Не звонить по пятницам'],
    companyNotes: ['Оплата с отсрочкой 14 дней', 'Доставка только до обеда', 'Нужен оригинал накладной', 'Ключевой клиент региона'],
    deals: ['Поставка оборудования', 'Годовой договор на обслуживание', 'Оптовая партия на сезон', 'Открытие новой точки продаж', 'Замена парка техники', 'Пилотный заказ', 'Расширение ассортимента', 'Договор на логистику'],
    stageNames: { new_request: 'Новый запрос', qualification: 'Квалификация', proposal: 'Коммерческое предложение', negotiation: 'Переговоры', won: 'Выиграно', lost: 'Проиграно' },
    meetingTitle: 'Встреча',
    onlineLocation: 'Онлайн, Google Meet',
    complaints: {
      causes: ['Задержка доставки', 'Брак товара', 'Ошибка в счёте', 'Повреждение при перевозке', 'Невежливое обслуживание'],
      cases: [
        ['Партию доставили на три дня позже', 'Клиент ждал поставку в понедельник, машина приехала в четверг; простой производства.'],
        ['Брак в партии: 12 единиц', 'При приёмке нашли 12 неисправных единиц, клиент просит замену.'],
        ['Двойное списание по счёту', 'Счёт оплачен дважды, клиент просит вернуть переплату.'],
        ['Повреждённая упаковка', 'Коробки смяты, часть товара разбита; есть фото от водителя.'],
        ['Оператор не перезвонил', 'Клиент дважды оставлял заявку, но ему так и не перезвонили.'],
        ['Не тот артикул в поставке', 'Вместо заказанной модели привезли другую.'],
      ],
      actions: ['Запросили фото и акт приёмки', 'Связались с перевозчиком', 'Передали на склад для проверки', 'Бухгалтерия проверяет платежи'],
      steps: ['Проверить накладные', 'Получить объяснение от перевозчика', 'Подготовить замену товара', 'Согласовать компенсацию с руководителем', 'Сообщить клиенту о решении'],
      investigating: ['Взято в работу', 'Разбираемся с перевозчиком', 'Ждём ответа склада'],
      resolutions: ['Товар заменён за наш счёт', 'Переплата возвращена на счёт клиента', 'Предоставлена скидка 10% на следующий заказ', 'Перевозчику выставлена претензия, клиенту компенсирована доставка'],
      closing: ['Клиент подтвердил, что доволен', 'Закрыто после звонка клиенту', 'У клиента нет претензий'],
    },
  },
  en: {
    employees: ['Emily Carter', 'Andrew Moore', 'Rachel Adams', 'Simon Peters', 'Natalie Gordon', 'Oliver Dean', 'Martha Owens', 'Tanya Boyd'],
    teams: ['Sales', 'Customer care', 'Surveys'],
    positions: ['CEO', 'Chief Accountant', 'Procurement Manager', 'Commercial Director', 'Office Manager', 'Engineer', 'Head of Sales', 'Logistics Coordinator', 'Warehouse Manager', 'Legal Counsel'],
    subjects: {
      call: ['Order follow-up', 'Payment question', 'Delivery call', 'Invoice reminder', 'New range presentation', 'Discount approval', 'Warranty question', 'Repeat order'],
      meeting: ['Meeting at the client’s office', 'Product demo', 'Contract signing', 'Warehouse visit', 'Training for the client’s staff'],
      planned: ['Call back about the offer', 'Agree the delivery schedule', 'Offer a volume discount', 'Remind about the invoice', 'Ask how the delivery went'],
      email: ['Commercial offer', 'Invoice', 'Statement of account', 'Quarterly price list', 'Contract for signature', 'Quality certificates'],
      note: ['Prefers calls after 2 pm', 'Asking about wholesale prices', 'The director decides', 'On holiday until the end of the month', 'Budget is approved on Mondays', 'Prefers e-mail to calls'],
    },
    outcomes: ['Delivery agreed', 'Call back next week', 'Offer sent', 'Order placed', 'Client is thinking it over', 'Declined: too expensive', 'Meeting date agreed', 'Invoice paid'],
    noAnswer: 'No answer',
    busy: 'Busy',
    contactNotes: ['Call after 2 pm', 'Call the mobile first', 'Signs contracts in person', 'Regular client since 2019', 'No calls on Fridays'],
    companyNotes: ['Pays within 14 days', 'Deliveries in the morning only', 'Needs the original delivery note', 'Key account in the region'],
    deals: ['Equipment supply', 'Annual service contract', 'Seasonal wholesale order', 'New outlet opening', 'Fleet replacement', 'Pilot order', 'Range extension', 'Logistics contract'],
    stageNames: { new_request: 'New request', qualification: 'Qualification', proposal: 'Proposal', negotiation: 'Negotiation', won: 'Won', lost: 'Lost' },
    meetingTitle: 'Meeting',
    onlineLocation: 'Online, Google Meet',
    complaints: {
      causes: ['Late delivery', 'Defective goods', 'Billing error', 'Damaged in transit', 'Rude service'],
      cases: [
        ['Shipment three days late', 'The client expected the delivery on Monday; the lorry came on Thursday and production stood still.'],
        ['12 defective units in the batch', 'Twelve faulty units were found on receipt; the client wants them replaced.'],
        ['Invoice charged twice', 'The invoice was paid twice; the client asks for the overpayment back.'],
        ['Damaged packaging', 'Boxes crushed and part of the goods broken; the driver took photos.'],
        ['Nobody called back', 'The client left a request twice and was never called back.'],
        ['Wrong item delivered', 'A different model came instead of the one ordered.'],
      ],
      actions: ['Asked for photos and the receiving report', 'Contacted the carrier', 'Passed to the warehouse to check', 'Accounts are checking the payments'],
      steps: ['Check the delivery notes', 'Get the carrier’s explanation', 'Prepare replacement goods', 'Agree compensation with the manager', 'Tell the client the decision'],
      investigating: ['Taken on', 'Sorting it out with the carrier', 'Waiting for the warehouse'],
      resolutions: ['Goods replaced at our cost', 'Overpayment refunded to the client', '10% off the next order', 'Claim filed with the carrier; delivery refunded to the client'],
      closing: ['Client confirmed they are satisfied', 'Closed after a call to the client', 'Client has no further claims'],
    },
  },
};

/**
 * The pipeline we ship: each stage carries its key, so the renderer words it in the interface language
 * (until someone renames it in Settings); the stored name is the office's own word for it.
 */
export const dealStages: readonly { key: DealStageKey; probability: number; outcome: 'open' | 'won' | 'lost' }[] = [
  { key: 'new_request', probability: 10, outcome: 'open' },
  { key: 'qualification', probability: 25, outcome: 'open' },
  { key: 'proposal', probability: 50, outcome: 'open' },
  { key: 'negotiation', probability: 75, outcome: 'open' },
  { key: 'won', probability: 100, outcome: 'won' },
  { key: 'lost', probability: 0, outcome: 'lost' },
];
