import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '#contract';
import { crmWorkstation, ok } from '#tests/support/crm';
import { importFile, jobFinished, upload } from '#tests/support/transfers';
import { callApi } from '#tests/support/workstation';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('importing contact lists', () => {
  it('imports a CSV as people have it: Cyrillic headers, ";" separators, quoted cells, phones in every format', async () => {
    const { workstation } = await crmWorkstation();
    const csv = [
      'ПІБ;Компанія;Посада;Телефон;E-mail;Теги',
      'Шевченко Тарас Григорович;ТОВ «Агросвіт»;Директор;067 123 45 67;t.shevchenko@agro.example;опт, VIP',
      'Коваленко Олена;ТОВ «Агросвіт»;"Бухгалтер; головний";+380 (44) 200-10-21, 050 765 43 21;;опт',
      '"Гнатюк Мар\'яна";;;8 044 200 10 22;m.hnatiuk@mail.example;',
    ].join('\r\n');
    const report = await importFile(workstation, 'клієнти.csv', utf8(`\uFEFF${csv}`));
    expect(report).toMatchObject({ state: 'done', rows: 3, created: 3, rejected: 0, rejections: [] });
    const list = await ok(workstation, 'contacts.list', { limit: 10 });
    expect(list.rows.map((r) => [r.fullName, r.companyName])).toEqual([
      ['Гнатюк Мар\'яна', null],
      ['Коваленко Олена', 'ТОВ «Агросвіт»'],
      ['Шевченко Тарас Григорович', 'ТОВ «Агросвіт»'],
    ]);
    const olena = await ok(workstation, 'contacts.get', { id: list.rows[1]!.id });
    expect(olena.phones.map((p) => p.e164)).toEqual(['+380442001021', '+380507654321']);
    expect(olena.position).toBe('Бухгалтер; головний');
    // One company for both, and the people are found by search and caller ID at once.
    expect((await ok(workstation, 'companies.list', {})).total).toBe(1);
    expect((await ok(workstation, 'callerId.lookup', { number: '+380442001022' })).contacts.map((c) => c.fullName)).toEqual(['Гнатюк Мар\'яна']);
  });

  it('reports every bad row precisely and imports the good ones (an odd phone never refuses its person)', async () => {
    const { workstation } = await crmWorkstation();
    const header = 'Прізвище,Ім\'я,Телефон,Email\n';
    const good1 = 'Бондаренко,Ірина,0671112233,i.bondarenko@example.com\n';
    const wrongColumns = 'Ткаченко,Петро,0672223344\n';
    const badPhone = 'Лисенко,Олег,12-34,\n';
    const badEmail = 'Кравчук,Іван,0673334455,not-an-email\n';
    const brokenUtf8 = Buffer.concat([Buffer.from('Мельник,'), Buffer.from([0xc3, 0x28]), Buffer.from(',0674445566,\n')]);
    const hugeCell = `Поліщук,${'я'.repeat(5 * 1024 * 1024)},0675556677,\n`;
    const noName = ',,0676667788,\n';
    const unclosed = 'Білоус,"Катерина,0677778899,\n';
    const good2 = 'Савчук,Ніна,+380 50 999 88 77,\n';
    const bytes = Buffer.concat([Buffer.from(header + good1 + wrongColumns + badPhone + badEmail), brokenUtf8, Buffer.from(hugeCell + noName + good2 + unclosed)]);

    const report = await importFile(workstation, 'list.csv', new Uint8Array(bytes));

    expect(report).toMatchObject({ state: 'done', created: 3, rejected: 6, phoneIssues: 1 });
    expect(report.phoneIssueList).toEqual([
      { line: 4, field: 'Телефон', value: '12-34', status: 'invalid', reason: 'too short for a phone number; kept as written, marked for review', tried: [], readings: [] },
    ]);
    // Each rejection carries a code and its parameters for the window to word; `reason` is the English for the log.
    expect(report.rejections).toEqual([
      { line: 3, field: null, reason: 'has 3 columns, the file\'s header has 4', code: 'row_column_count', params: { count: 3, expected: 4 } },
      { line: 5, field: 'Email', reason: 'not-an-email: not an e-mail address', code: 'row_not_an_email', params: { value: 'not-an-email' } },
      { line: 6, field: null, reason: expect.stringMatching(/not valid UTF-8 text \(column 2, byte 0xC3|column 2, byte 0x28/), code: 'row_unreadable', params: { detail: expect.any(String) } },
      { line: 7, field: null, reason: 'the row is longer than 256 KB (a cell may hold at most 64 KB); the row is skipped', code: 'row_unreadable', params: { detail: expect.any(String) } },
      { line: 8, field: null, reason: 'has neither a person’s name nor a company', code: 'row_without_name' },
      { line: 10, field: null, reason: 'a quoted cell opened on line 10 is never closed; the row is skipped', code: 'row_unreadable', params: { detail: expect.any(String) } },
    ]);
    expect((await ok(workstation, 'contacts.list', {})).rows.map((r) => r.fullName)).toEqual(['Бондаренко Ірина', 'Лисенко Олег', 'Савчук Ніна']);
    const lysenko = (await ok(workstation, 'contacts.list', { search: 'Лисенко' })).rows[0];
    expect((await ok(workstation, 'contacts.get', { id: lysenko?.id ?? '' })).phones).toMatchObject([{ raw: '12-34', e164: null, status: 'invalid' }]);
  });

  it('refuses an empty file with a clear message', async () => {
    const { workstation } = await crmWorkstation();
    const uploadId = await upload(workstation, 'empty.csv', new Uint8Array());
    expect(await callApi(workstation, 'imports.preview', { uploadId })).toMatchObject({ ok: false, error: { code: 'invalid_payload', message: 'empty.csv is empty: there is nothing to import' } });
    const headerOnly = await upload(workstation, 'header.csv', utf8('Name,Phone\n'));
    const preview = await ok(workstation, 'imports.preview', { uploadId: headerOnly });
    expect(preview.sample).toEqual([]);
  });

  it('reads a Windows-1251 file from an old Excel or 1C', async () => {
    const { workstation } = await crmWorkstation();
    const text = 'Фамилия;Имя;Телефон\r\nИванов;Сергей;+7 495 123-45-67\r\nСмирнова;Ольга;+7 916 765-43-21\r\n';
    const cp1251 = new Uint8Array(iconv.encode(text, 'win1251'));
    const uploadId = await upload(workstation, 'export1c.csv', cp1251);
    expect(await ok(workstation, 'imports.preview', { uploadId })).toMatchObject({ encoding: 'windows-1251', delimiter: ';', headers: ['Фамилия', 'Имя', 'Телефон'] });
    const report = await importFile(workstation, 'export1c.csv', cp1251);
    expect(report).toMatchObject({ created: 2, rejected: 0 });
    expect((await ok(workstation, 'contacts.list', {})).rows.map((r) => r.fullName)).toEqual(['Иванов Сергей', 'Смирнова Ольга']);
  });

  it('finds duplicates by phone and e-mail: skip, merge or create', async () => {
    const { workstation } = await crmWorkstation();
    const existing = await ok(workstation, 'contacts.create', { lastName: 'Шевченко', firstName: 'Тарас', phones: [{ kind: 'mobile', raw: '0671234567' }] });
    const csv = utf8('Name,Phone,Email,Tags\nТарас Шевченко,+380671234567,taras@example.com,новий\nТарас Шевченко,+380671234567,,\n');
    expect(await importFile(workstation, 'a.csv', csv, { duplicates: 'skip' })).toMatchObject({ created: 0, skipped: 2 });
    expect(await importFile(workstation, 'b.csv', csv, { duplicates: 'merge' })).toMatchObject({ created: 0, merged: 2 });
    const merged = await ok(workstation, 'contacts.get', { id: existing.id });
    expect(merged.emails).toEqual(['taras@example.com']);
    expect(merged.tags.map((t) => t.name)).toEqual(['новий']);
    expect(merged.phones).toHaveLength(1);
    expect(await importFile(workstation, 'c.csv', csv, { duplicates: 'create' })).toMatchObject({ created: 2 });
  });

  it('catches duplicates within the same file', async () => {
    const { workstation } = await crmWorkstation();
    const csv = utf8('Name,Phone\nОлена Коваль,0501112233\nКоваль Олена,+380501112233\n');
    expect(await importFile(workstation, 'twice.csv', csv)).toMatchObject({ created: 1, skipped: 1 });
  });

  it('imports an XLSX workbook (first sheet), with numbers and dates as text', async () => {
    const { workstation } = await crmWorkstation();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Клієнти');
    sheet.addRow(['Прізвище', "Ім'я", 'Мобільний', 'Компанія']);
    sheet.addRow(['Олійник', 'Ірина', '0931234567', 'Лан']);
    sheet.addRow(['Руденко', 'Павло', 380671234500, 'Лан']);
    sheet.addRow(['Зайченко', null, 'немає', null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const report = await importFile(workstation, 'clients.xlsx', bytes);
    expect(report).toMatchObject({ format: 'xlsx', created: 3, rejected: 0, phoneIssues: 1, phoneIssueList: [{ line: 4, field: 'Мобільний', value: 'немає', status: 'invalid' }] });
    expect((await ok(workstation, 'contacts.list', { search: 'Руденко' })).rows[0]?.phone).toBe('380671234500');
  });

  it('imports vCards from a phone (2.1 with quoted-printable) and from a mail program (3.0)', async () => {
    const { workstation } = await crmWorkstation();
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=9A=D0=BE=D0=B2=D0=B0=D0=BB=D1=8C;=D0=86=D0=B2=D0=B0=D0=BD;;;',
      'TEL;CELL:+380671110000',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Emma Smith',
      'N:Smith;Emma;;;',
      'ORG:Brightline Ltd',
      'TEL;TYPE=WORK:+44 20 7946 0958',
      'EMAIL;TYPE=INTERNET:emma@brightline.example',
      'NOTE:Prefers e-mail\\, not calls',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'TEL:0501234567',
      'END:VCARD',
    ].join('\r\n');
    const report = await importFile(workstation, 'contacts.vcf', utf8(vcf));
    expect(report).toMatchObject({ format: 'vcard', created: 2, rejected: 1, rejections: [{ line: 15, reason: 'the card has no name (N, FN or ORG)' }] });
    const names = (await ok(workstation, 'contacts.list', {})).rows.map((r) => r.fullName);
    expect(names).toEqual(['Smith Emma', 'Коваль Іван']);
  });

  it('runs in a worker with progress, and can be undone', async () => {
    const { workstation } = await crmWorkstation();
    const rows = Array.from({ length: 12_000 }, (_, i) => `Контакт ${i},+38067${String(1_000_000 + i).padStart(7, '0')}`).join('\n');
    const uploadId = await upload(workstation, 'big.csv', utf8(`Name,Phone\n${rows}\n`));
    const progress: JobProgress[] = [];
    workstation.events.on('job.progress', (p) => progress.push(p));
    const started = await ok(workstation, 'imports.start', { uploadId, mapping: ['fullName', 'phone'] });
    await jobFinished(workstation, started.jobId);
    expect(progress.filter((p) => p.state === 'running' && p.done > 0).length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ state: 'done', kind: 'import.contacts' });
    expect((await ok(workstation, 'contacts.list', {})).total).toBe(12_000);

    const someone = (await ok(workstation, 'contacts.list', { limit: 1 })).rows[0]!;
    await ok(workstation, 'interactions.create', { kind: 'call', direction: 'out', occurredAt: 1, contactId: someone.id, subject: 'called' });
    const undone = await ok(workstation, 'imports.undo', { id: started.importId });
    expect(undone.state).toBe('undone');
    // The contact someone already worked with stays.
    expect((await ok(workstation, 'contacts.list', {})).rows.map((r) => r.id)).toEqual([someone.id]);
    expect(await ok(workstation, 'search.quick', { text: 'контакт 11' })).toEqual([]);
  });

  it('imports a Windows-1251 list from a Russian/Ukrainian office: mixed RU/UA/US numbers, a stray quote, a bad phone, a country column; nobody lost', async () => {
    const { workstation } = await crmWorkstation();
    const csv = [
      'Фамилия;Имя;Телефон;Страна;Город;Комментарий',
      'Петров;Иван;8 (343) 288-22-10;Россия;Екатеринбург;',
      'Шевченко;Тарас;044 123 45 67;Украина;Київ;Монитор 24" дюйма',
      'Smith;John;(212) 555-5833;США;New York;',
      'Сидоров;Пётр;8 (912) 345-67-89;;Пермь;',
      'Коваль;Олена;12-34;Україна;Львів;',
      'Ли;Ван;3432882211;;;',
      'Ким;Анна;8 029 123-45-67;Беларусь;Минск;',
    ].join('\r\n');
    const report = await importFile(workstation, 'база.csv', new Uint8Array(iconv.encode(csv, 'win1251')), { workingCountries: ['UA', 'RU'] });
    expect(report).toMatchObject({ state: 'done', rows: 7, created: 7, rejected: 0, phoneIssues: 1 });
    expect(report.phoneIssueList).toEqual([{ line: 6, field: 'Телефон', value: '12-34', status: 'invalid', reason: 'too short for a phone number; kept as written, marked for review', tried: [], readings: [] }]);
    const stored = workstation.database.sqlite.prepare('SELECT c.last_name AS name, p.e164, p.status, p.country, c.city FROM contact_phones p JOIN contacts c ON c.id = p.contact_id ORDER BY c.last_name').all();
    expect(stored).toEqual([
      { name: 'Smith', e164: '+12125555833', status: 'ok', country: 'US', city: 'New York' },
      { name: 'Ким', e164: '+375291234567', status: 'ok', country: 'BY', city: 'Минск' },
      { name: 'Коваль', e164: null, status: 'invalid', country: null, city: 'Львів' },
      { name: 'Ли', e164: '+73432882211', status: 'ok', country: 'RU', city: null },
      { name: 'Петров', e164: '+73432882210', status: 'ok', country: 'RU', city: 'Екатеринбург' },
      { name: 'Сидоров', e164: '+79123456789', status: 'ok', country: 'RU', city: 'Пермь' },
      { name: 'Шевченко', e164: '+380441234567', status: 'ok', country: 'UA', city: 'Київ' },
    ]);
    const shevchenko = (await ok(workstation, 'contacts.list', { search: 'Шевченко' })).rows[0];
    expect((await ok(workstation, 'contacts.get', { id: shevchenko?.id ?? '' })).notes).toBe('Монитор 24" дюйма');
  });
});
