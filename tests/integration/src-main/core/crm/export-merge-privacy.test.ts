import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { crmWorkstation, ok } from '#tests/support/crm';
import { download, importFile, jobFinished } from '#tests/support/transfers';
import { callApi, testNow } from '#tests/support/workstation';

async function someone(workstation: Awaited<ReturnType<typeof crmWorkstation>>['workstation']) {
  const company = await ok(workstation, 'companies.create', { name: 'ТОВ «Лан»' });
  return ok(workstation, 'contacts.create', {
    lastName: 'Шевченко',
    firstName: 'Тарас',
    companyId: company.id,
    position: '=HYPERLINK("http://evil.example")',
    phones: [{ kind: 'mobile', raw: '067 123 45 67' }, { kind: 'work', raw: '044 200 10 20' }],
    emails: ['taras@lan.example'],
    city: 'Полтава',
    tags: ['опт'],
    notes: 'Дзвонити після 14:00; "важливий"',
  });
}

describe('export', () => {
  it('writes CSV that Excel opens (BOM, ";") and that imports back', async () => {
    const { workstation } = await crmWorkstation();
    await someone(workstation);
    const started = await ok(workstation, 'exports.start', { format: 'csv' });
    await jobFinished(workstation, started.jobId);
    const file = await download(workstation, started.fileId);
    expect(file.fileName).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = file.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain("'=HYPERLINK"); // a formula is written as text, not run by Excel
    expect(text).toContain('+380671234567, +380442001020');
    expect(text).toContain('"Дзвонити після 14:00; ""важливий"""');

    const { workstation: other } = await crmWorkstation();
    const report = await importFile(other, file.fileName, new Uint8Array(file.bytes));
    expect(report).toMatchObject({ created: 1, rejected: 0 });
    const back = await ok(other, 'contacts.get', { id: (await ok(other, 'contacts.list', {})).rows[0]!.id });
    // The person's city goes out and comes back in on the person.
    expect(back).toMatchObject({ fullName: 'Шевченко Тарас', city: 'Полтава', company: { name: 'ТОВ «Лан»' }, emails: ['taras@lan.example'], notes: 'Дзвонити після 14:00; "важливий"' });
    expect(back.phones.map((p) => p.e164)).toEqual(['+380671234567', '+380442001020']);
  });

  it('carries the responsible colleague, the source and every custom field, and the import maps the source and fields back', async () => {
    const { workstation, colleague } = await crmWorkstation();
    const volume = await ok(workstation, 'customFields.save', { entity: 'contact', name: 'Обсяг закупівель', type: 'number' });
    const day = await ok(workstation, 'customFields.save', { entity: 'contact', name: 'День доставки', type: 'text' });
    await ok(workstation, 'contacts.create', { lastName: 'Ткаченко', responsibleId: colleague.id, source: 'Виставка «Агро-2026»', custom: { [volume.id]: 120, [day.id]: 'вівторок' } });
    await ok(workstation, 'contacts.create', { lastName: 'Юрченко' });
    const started = await ok(workstation, 'exports.start', { format: 'csv' });
    await jobFinished(workstation, started.jobId);
    const file = await download(workstation, started.fileId);
    const [header, ...lines] = file.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header!.split(';').slice(-4)).toEqual(['Відповідальний / Responsible', 'Джерело / Source', 'Обсяг закупівель', 'День доставки']);
    expect(lines.find((l) => l.startsWith('Ткаченко'))!.split(';').slice(-4)).toEqual(['Андрій Мороз', 'Виставка «Агро-2026»', '120', 'вівторок']);
    expect(lines.find((l) => l.startsWith('Юрченко'))!.split(';').slice(-4)).toEqual(['', '', '', '']);

    const { workstation: other } = await crmWorkstation();
    const otherVolume = await ok(other, 'customFields.save', { entity: 'contact', name: 'Обсяг закупівель', type: 'number' });
    expect(await importFile(other, file.fileName, new Uint8Array(file.bytes))).toMatchObject({ created: 2, rejected: 0 });
    const rows = (await ok(other, 'contacts.list', { search: 'Ткаченко' })).rows;
    const back = await ok(other, 'contacts.get', { id: rows[0]!.id });
    expect(back).toMatchObject({ source: 'Виставка «Агро-2026»', custom: [{ fieldId: otherVolume.id, value: 120 }] });
  });

  it('writes XLSX and vCard, and exports only a segment when given one', async () => {
    const { workstation } = await crmWorkstation();
    await someone(workstation);
    await ok(workstation, 'contacts.create', { lastName: 'Інший', phones: [{ kind: 'mobile', raw: '0501112233' }] });
    const xlsx = await ok(workstation, 'exports.start', { format: 'xlsx', filter: { conditions: [{ type: 'field', field: 'company', op: 'not_empty', value: '' }] } });
    await jobFinished(workstation, xlsx.jobId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(workstation, xlsx.fileId)).bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('Шевченко');

    const vcf = await ok(workstation, 'exports.start', { format: 'vcard' });
    await jobFinished(workstation, vcf.jobId);
    const cards = (await download(workstation, vcf.fileId)).bytes.toString('utf8');
    expect(cards.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(cards).toContain('N:Шевченко;Тарас;;;');
    expect(cards).toContain('NOTE:Дзвонити після 14:00\\; "важливий"');
    const { workstation: other } = await crmWorkstation();
    expect(await importFile(other, 'back.vcf', new Uint8Array(Buffer.from(cards)))).toMatchObject({ created: 2, rejected: 0 });
  });

  it('will not hand out a file that is still being written, or one that does not exist', async () => {
    const { workstation } = await crmWorkstation();
    expect(await callApi(workstation, 'files.download', { fileId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await callApi(workstation, 'files.download', { fileId: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('duplicates', () => {
  it('finds people who share a phone, an e-mail, or a name at one company', async () => {
    const { workstation } = await crmWorkstation();
    const company = await ok(workstation, 'companies.create', { name: 'Лан' });
    await ok(workstation, 'contacts.create', { lastName: 'Коваль', firstName: 'Олена', phones: [{ kind: 'mobile', raw: '0501112233' }] });
    await ok(workstation, 'contacts.create', { lastName: 'Коваль', firstName: 'Олена Петрівна', phones: [{ kind: 'work', raw: '+380501112233' }] });
    await ok(workstation, 'contacts.create', { lastName: 'Ткач', emails: ['T.Tkach@lan.example'] });
    await ok(workstation, 'contacts.create', { lastName: 'Ткач', firstName: 'Ігор', emails: ['t.tkach@lan.example'] });
    await ok(workstation, 'contacts.create', { lastName: 'Бойко', companyId: company.id });
    await ok(workstation, 'contacts.create', { lastName: 'Бойко', companyId: company.id });
    const groups = await ok(workstation, 'contacts.duplicates', {});
    expect(groups.map((g) => [g.reason, g.contacts.length])).toEqual([
      ['phone', 2],
      ['email', 2],
      ['name', 2],
    ]);
  });

  it('merge keeps every phone, e-mail and the whole history, and the old id leads to the kept contact', async () => {
    const { workstation } = await crmWorkstation();
    const stages = await ok(workstation, 'deals.saveStages', { stages: [{ name: 'Новий', probability: 10 }, { name: 'Виграно', probability: 100, outcome: 'won' }] });
    const keep = await ok(workstation, 'contacts.create', { lastName: 'Коваль', firstName: 'Олена', phones: [{ kind: 'mobile', raw: '0501112233' }], tags: ['опт'] });
    const dupe = await ok(workstation, 'contacts.create', {
      lastName: 'Коваль',
      firstName: 'Олена',
      position: 'Закупівлі',
      phones: [{ kind: 'work', raw: '+380501112233' }, { kind: 'work', raw: '0442223344' }],
      emails: ['o.koval@example.com'],
      tags: ['VIP'],
      noEmail: true,
    });
    await ok(workstation, 'interactions.create', { kind: 'call', direction: 'in', occurredAt: testNow - 1000, contactId: dupe.id, subject: 'Дзвінок до дубліката' });
    await ok(workstation, 'deals.create', { title: 'Угода дубліката', stageId: stages[0]!.id, contactId: dupe.id });
    await ok(workstation, 'complaints.create', { contactId: dupe.id, subject: 'Скарга дубліката' });

    const merged = await ok(workstation, 'contacts.merge', { keepId: keep.id, mergeIds: [dupe.id] });
    expect(merged.phones.map((p) => p.e164)).toEqual(['+380501112233', '+380442223344']);
    expect(merged.emails).toEqual(['o.koval@example.com']);
    expect(merged.tags.map((t) => t.name).sort()).toEqual(['VIP', 'опт']);
    expect(merged).toMatchObject({ position: 'Закупівлі', noEmail: true });
    const history = await ok(workstation, 'timeline.list', { contactId: keep.id });
    expect(history.items.map((i) => i.subject)).toEqual(['Merged duplicates: Коваль Олена', 'Дзвінок до дубліката']);
    expect((await ok(workstation, 'deals.list', { contactId: keep.id })).total).toBe(1);
    expect((await ok(workstation, 'complaints.list', { contactId: keep.id })).total).toBe(1);
    expect(await callApi(workstation, 'contacts.get', { id: dupe.id })).toMatchObject({ ok: false, error: { code: 'not_found', reason: 'contact_merged', params: { mergedInto: keep.id } } });
    expect((await ok(workstation, 'contacts.list', {})).total).toBe(1);
    expect((await ok(workstation, 'callerId.lookup', { number: '0442223344' })).contacts.map((c) => c.id)).toEqual([keep.id]);
  });
});

describe('personal data', () => {
  it('exports everything held about a person in one JSON document', async () => {
    const { workstation } = await crmWorkstation();
    const person = await someone(workstation);
    await ok(workstation, 'interactions.create', { kind: 'meeting', occurredAt: testNow, contactId: person.id, subject: 'Зустріч' });
    await ok(workstation, 'complaints.create', { contactId: person.id, subject: 'Скарга' });
    const started = await ok(workstation, 'privacy.export', { contactId: person.id });
    await jobFinished(workstation, started.jobId);
    const doc = JSON.parse((await download(workstation, started.fileId)).bytes.toString('utf8')) as Record<string, unknown> & { subject: { fullName: string }; interactions: unknown[]; complaints: unknown[] };
    expect(doc.subject.fullName).toBe('Шевченко Тарас');
    expect(doc.interactions).toHaveLength(1);
    expect(doc.complaints).toHaveLength(1);
  });

  it('erases a person on request and keeps the anonymous counts', async () => {
    const { workstation } = await crmWorkstation();
    const stages = await ok(workstation, 'deals.saveStages', { stages: [{ name: 'Новий', probability: 10 }, { name: 'Виграно', probability: 100, outcome: 'won' }] });
    const person = await someone(workstation);
    await ok(workstation, 'interactions.create', { kind: 'call', direction: 'in', occurredAt: testNow, contactId: person.id, subject: 'Тарас питав про ціни', durationSeconds: 60 });
    await ok(workstation, 'deals.create', { title: 'Поставка для Тараса', stageId: stages[0]!.id, amount: 1000, contactId: person.id });
    const complaint = await ok(workstation, 'complaints.create', { contactId: person.id, subject: 'Тарас скаржиться', description: 'Подробиці про Тараса' });
    // The anonymous figures: open deals by stage and complaints by state, over the day of the erasure.
    const filters = { from: testNow - 86_400_000, to: testNow + 86_400_000 };
    const figures = async () =>
      Promise.all(
        (['sales:pipeline', 'complaints:state'] as const).map(async (name) => {
          const [report, view] = name.split(':') as ['sales' | 'complaints', string];
          const { rows, totals } = await ok(workstation, 'reports.run', { request: { report, view, filters } });
          return { rows, totals };
        }),
      );
    const before = await figures();
    expect(before.map(({ totals }) => totals)).toEqual([expect.objectContaining({ deals: 1, 'amount:UAH': 1000 }), expect.objectContaining({ complaints: 1 })]);

    expect(await callApi(workstation, 'privacy.erase', { contactId: person.id, reason: 'request', confirmName: 'Інше імʼя' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const erasure = await ok(workstation, 'privacy.erase', { contactId: person.id, reason: 'Запит суб’єкта даних від 22.11.2026', confirmName: 'шевченко тарас' });
    expect(erasure.counts).toMatchObject({ contact: 1, interactions: 1, deals: 1, complaints: 1 });

    expect(await callApi(workstation, 'contacts.get', { id: person.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ok(workstation, 'search.quick', { text: 'шевченко' })).toEqual([]);
    expect(await ok(workstation, 'search.quick', { text: '067 123' })).toEqual([]);
    expect((await ok(workstation, 'callerId.lookup', { number: '0671234567' })).contacts).toEqual([]);
    expect(await figures()).toEqual(before);
    const left = await ok(workstation, 'complaints.get', { id: complaint.id });
    expect(left).toMatchObject({ subject: '[erased]', description: '', contact: null });
    const dump = workstation.database.sqlite.prepare("SELECT group_concat(subject) AS s FROM interactions").get() as { s: string };
    expect(dump.s).not.toContain('Тарас');
  });
});
