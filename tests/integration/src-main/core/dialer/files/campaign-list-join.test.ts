import ExcelJS from 'exceljs';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '#contract';
import type { Workstation } from '#core/app/workstation';
import { campaignEntries, contacts } from '#core/db/schema';
import { campaignWorkstation } from '#tests/support/campaigns';
import { ok } from '#tests/support/crm';
import { jobFinished, upload } from '#tests/support/transfers';
import { callApi } from '#tests/support/workstation';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** Uploads a file and imports it into a campaign's list with the mapping the preview suggests; the import's report. */
async function importIntoCampaign(workstation: Workstation, fileName: string, bytes: Uint8Array, campaign: NonNullable<MethodInput<'imports.start'>['campaign']>) {
  const uploadId = await upload(workstation, fileName, bytes);
  const preview = await ok(workstation, 'imports.preview', { uploadId });
  const started = await ok(workstation, 'imports.start', { uploadId, mapping: preview.suggestedMapping, duplicates: 'skip', campaign });
  expect((await jobFinished(workstation, started.jobId)).state).toBe('done');
  return ok(workstation, 'imports.get', { id: started.importId });
}

/** The campaign's list: each person's name, number and operator, by name. */
function listOf(workstation: Workstation, campaignId: string) {
  return workstation.database.read
    .select({ name: contacts.fullName, contactId: contacts.id, phone: campaignEntries.phone, operatorId: campaignEntries.operatorId, state: campaignEntries.state })
    .from(campaignEntries)
    .innerJoin(contacts, eq(contacts.id, campaignEntries.contactId))
    .where(eq(campaignEntries.campaignId, campaignId))
    .orderBy(asc(contacts.fullName))
    .all();
}

describe("a campaign's list from a file", () => {
  it('puts a CSV’s people into the list split evenly: new ones created, known ones under their contact, bad rows reported, good rows through', async () => {
    const { workstation, campaign, person, me, colleague } = await campaignWorkstation();
    const survey = await campaign({ operatorIds: [me.id, colleague.id] });
    const taras = await person('Шевченко', '+380671234567');
    const olena = await person('Коваль', '+380501112233');
    await ok(workstation, 'campaigns.addContacts', { campaignId: survey.id, contactIds: [olena], split: 'even' });

    const csv = [
      "Прізвище,Ім'я,Телефон,Email",
      'Бондаренко,Ірина,0671112233,i.bondarenko@example.com',
      'Шевченко,Тарас,+380 67 123 45 67,',
      'Коваль,Олена,050 111 22 33,',
      'Лисенко,Олег,12-34,',
      'Кравчук,Іван,0673334455,not-an-email',
      ',,0676667788,',
      'Савчук,Ніна,+380 50 999 88 77,',
    ].join('\n');
    const report = await importIntoCampaign(workstation, 'обдзвін.csv', utf8(csv), { id: survey.id, split: 'even' });

    expect(report).toMatchObject({ state: 'done', rows: 7, created: 3, skipped: 2, rejected: 2, phoneIssues: 1 });
    expect(report.rejections).toEqual([
      { line: 6, field: 'Email', reason: 'not-an-email: not an e-mail address', code: 'row_not_an_email', params: { value: 'not-an-email' } },
      { line: 7, field: null, reason: 'has neither a person’s name nor a company', code: 'row_without_name' },
    ]);
    // Taras was skipped as a duplicate yet joins under his contact; Olena was there already; Oleh's number reads as none.
    expect(report.campaignList).toEqual({ campaignId: survey.id, split: 'even', joined: 3, alreadyThere: 1, withoutNumber: 1 });
    const list = listOf(workstation, survey.id);
    expect(list.map((e) => [e.name, e.phone, e.state])).toEqual([
      ['Бондаренко Ірина', '+380671112233', 'waiting'],
      ['Коваль Тест', '+380501112233', 'waiting'],
      ['Савчук Ніна', '+380509998877', 'waiting'],
      ['Шевченко Тест', '+380671234567', 'waiting'],
    ]);
    expect(list.find((e) => e.name === 'Шевченко Тест')?.contactId).toBe(taras);
    // Even: two numbers each, Olena's included.
    expect(list.filter((e) => e.operatorId === me.id)).toHaveLength(2);
    expect(list.filter((e) => e.operatorId === colleague.id)).toHaveLength(2);
    // The import's counts are the campaign's too.
    expect((await ok(workstation, 'campaigns.list', {})).find((c) => c.id === survey.id)?.entries).toMatchObject({ total: 4, remaining: 4 });
  });

  it('puts an XLSX’s people into the list by responsible employee', async () => {
    const { workstation, campaign, person, me, colleague } = await campaignWorkstation();
    const survey = await campaign({ operatorIds: [me.id, colleague.id] });
    const known = await person('Руденко', '+380671234500', { responsibleId: colleague.id });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Клієнти');
    sheet.addRow(['Прізвище', "Ім'я", 'Мобільний']);
    sheet.addRow(['Олійник', 'Ірина', '0931234567']);
    sheet.addRow(['Руденко', 'Павло', 380671234500]);
    sheet.addRow(['Зайченко', 'Петро', 'немає']);
    const report = await importIntoCampaign(workstation, 'clients.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()), { id: survey.id, split: 'responsible' });

    expect(report).toMatchObject({ format: 'xlsx', rows: 3, created: 2, skipped: 1, rejected: 0 });
    expect(report.campaignList).toEqual({ campaignId: survey.id, split: 'responsible', joined: 2, alreadyThere: 0, withoutNumber: 1 });
    // New people are the importer's (responsible: me); the known one stays with his responsible colleague.
    expect(listOf(workstation, survey.id).map((e) => [e.name, e.contactId === known ? 'known' : 'new', e.operatorId])).toEqual([
      ['Олійник Ірина', 'new', me.id],
      ['Руденко Тест', 'known', colleague.id],
    ]);
  });

  it('keeps each callee time zone with one operator', async () => {
    const { workstation, campaign, me, colleague } = await campaignWorkstation();
    const survey = await campaign({ operatorIds: [me.id, colleague.id] });
    const csv = [
      'Name,Phone',
      'Іванов Сергій,+7 495 123-45-61',
      'Петров Олег,+7 495 123-45-62',
      'Сидоров Ілля,+7 495 123-45-63',
      'Орлова Ніна,+7 423 222-33-41',
      'Лебедєва Інна,+7 423 222-33-42',
      'Козлов Павло,+7 343 355-11-21',
    ].join('\n');
    const report = await importIntoCampaign(workstation, 'regions.csv', utf8(csv), { id: survey.id, split: 'time_zone' });
    expect(report.campaignList).toMatchObject({ joined: 6 });
    const operatorOf = (prefix: string) => [...new Set(listOf(workstation, survey.id).filter((e) => e.phone.startsWith(prefix)).map((e) => e.operatorId))];
    // Moscow (3) to one operator, Vladivostok (2) to the other, Yekaterinburg (1) to whoever had less then.
    expect(operatorOf('+7495')).toHaveLength(1);
    expect(operatorOf('+7423')).toHaveLength(1);
    expect(operatorOf('+7423')).not.toEqual(operatorOf('+7495'));
    expect(operatorOf('+7343')).toEqual(operatorOf('+7423'));
  });

  it('refuses an import into a campaign that is not there before reading the file', async () => {
    const { workstation } = await campaignWorkstation();
    const uploadId = await upload(workstation, 'a.csv', utf8('Name,Phone\nОлена Коваль,0501112233\n'));
    const refused = await callApi(workstation, 'imports.start', { uploadId, mapping: ['fullName', 'phone'], campaign: { id: 'no-such-campaign' } });
    expect(!refused.ok && refused.error).toMatchObject({ code: 'not_found', reason: 'record_gone' });
    expect(await ok(workstation, 'imports.list', {})).toEqual([]);
  });
});
