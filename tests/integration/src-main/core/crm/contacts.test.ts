import { describe, expect, it } from 'vitest';
import { callApi } from '#tests/support/workstation';
import { crmWorkstation, ok } from '#tests/support/crm';

describe('contacts and companies', () => {
  it('stores a contact with several phones read into E.164, e-mails, addresses, tags and consent', async () => {
    const { workstation, me } = await crmWorkstation();
    const company = await ok(workstation, 'companies.create', { name: 'ТОВ «Агросвіт»', city: 'Київ', phones: [{ kind: 'work', raw: '044 200 10 20' }] });
    const card = await ok(workstation, 'contacts.create', {
      lastName: 'Шевченко',
      firstName: 'Тарас',
      middleName: 'Григорович',
      companyId: company.id,
      position: 'Директор',
      responsibleId: me.id,
      phones: [
        { kind: 'mobile', raw: '067 123 45 67' },
        { kind: 'work', raw: '+380 (44) 200-10-21' },
        { kind: 'home', raw: '8 044 200 10 22' },
      ],
      emails: ['t.shevchenko@agro.example'],
      addresses: [{ kind: 'work', text: 'Київ, вул. Хрещатик, 1' }],
      tags: ['VIP', 'опт'],
      doNotCall: true,
      source: 'виставка',
    });
    expect(card.fullName).toBe('Шевченко Тарас Григорович');
    expect(card.phones.map((p) => p.e164)).toEqual(['+380671234567', '+380442001021', '+380442001022']);
    expect(card.phones.map((p) => p.raw)).toEqual(['067 123 45 67', '+380 (44) 200-10-21', '8 044 200 10 22']);
    expect(card.company).toEqual({ id: company.id, name: 'ТОВ «Агросвіт»' });
    expect(card.tags.map((t) => t.name).sort()).toEqual(['VIP', 'опт']);
    expect(card).toMatchObject({ doNotCall: true, noEmail: false, source: 'виставка', responsible: { id: me.id } });
    expect(card.addresses).toEqual([{ kind: 'work', text: 'Київ, вул. Хрещатик, 1' }]);
  });

  it('keeps a phone it cannot read, flagged, rather than refusing the person', async () => {
    const { workstation } = await crmWorkstation();
    const created = await ok(workstation, 'contacts.create', {
      lastName: 'Коваль',
      phones: [{ kind: 'mobile', raw: '067 123 45 67' }, { kind: 'work', raw: '12-34' }],
    });
    expect(created.phones).toMatchObject([
      { raw: '067 123 45 67', e164: '+380671234567', country: 'UA', status: 'ok', alternatives: [] },
      { raw: '12-34', e164: null, status: 'invalid' },
    ]);
    expect((await ok(workstation, 'phones.review', {})).rows).toMatchObject([{ owner: 'contact', ownerId: created.id, raw: '12-34', status: 'invalid' }]);
  });

  it('reads a Russian number written the Russian way in a Ukrainian office, and takes the reading the operator picks', async () => {
    const { workstation } = await crmWorkstation();
    const [verdict] = await ok(workstation, 'phones.read', { items: [{ raw: '8 (343) 288-22-10' }] });
    expect(verdict).toMatchObject({ status: 'ok', readings: [{ e164: '+73432882210', country: 'RU', readAs: 'RU' }] });
    await ok(workstation, 'settings.update', { workingCountries: ['UA', 'RU', 'DE'] });
    const [ambiguous] = await ok(workstation, 'phones.read', { items: [{ raw: '044 123 45 67' }] });
    expect(ambiguous).toMatchObject({ status: 'ambiguous', readings: [{ e164: '+380441234567' }, { e164: '+49441234567' }] });
    const saved = await ok(workstation, 'contacts.create', { lastName: 'Шмідт', phones: [{ kind: 'work', raw: '044 123 45 67' }] });
    expect(saved.phones[0]).toMatchObject({ e164: '+380441234567', status: 'ambiguous', alternatives: ['+49441234567'] });
    const picked = await ok(workstation, 'contacts.update', { id: saved.id, contact: { lastName: 'Шмідт', phones: [{ id: saved.phones[0]?.id, kind: 'work', raw: '044 123 45 67', e164: '+49441234567' }] } });
    // The same phone row, now settled on the German reading.
    expect(picked.phones).toMatchObject([{ id: saved.phones[0]?.id, e164: '+49441234567', country: 'DE', status: 'ok', alternatives: [] }]);
    // Editing the name later does not undo the operator's choice.
    const renamed = await ok(workstation, 'contacts.update', { id: saved.id, contact: { lastName: 'Schmidt', phones: [{ id: saved.phones[0]?.id, kind: 'work', raw: '044 123 45 67' }] } });
    expect(renamed.phones).toMatchObject([{ id: saved.phones[0]?.id, e164: '+49441234567', status: 'ok' }]);
    expect(await callApi(workstation, 'contacts.update', { id: saved.id, contact: { lastName: 'Шмідт', phones: [{ kind: 'work', raw: '044 123 45 67', e164: '+999123' }] } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', issues: [{ path: 'phones.0.e164' }] },
    });
  });

  it('refuses a contact without a name, and a reference to a company that does not exist', async () => {
    const { workstation } = await crmWorkstation();
    expect(await callApi(workstation, 'contacts.create', { phones: [{ kind: 'mobile', raw: '0671234567' }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', issues: [{ path: 'lastName' }] },
    });
    expect(await callApi(workstation, 'contacts.create', { lastName: 'Коваль', companyId: 'co-missing' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', issues: [{ path: 'companyId' }] },
    });
  });

  it('checks custom values against their fields: number, date, choice', async () => {
    const { workstation } = await crmWorkstation();
    const volume = await ok(workstation, 'customFields.save', { entity: 'contact', name: 'Обсяг, т', type: 'number' });
    const since = await ok(workstation, 'customFields.save', { entity: 'contact', name: 'Клієнт з', type: 'date' });
    const level = await ok(workstation, 'customFields.save', { entity: 'contact', name: 'Рівень', type: 'choice', options: ['A', 'B'] });
    const bad = await callApi(workstation, 'contacts.create', { lastName: 'Бойко', custom: { [volume.id]: 'багато', [since.id]: '31.12.2024', [level.id]: 'C' } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.issues?.map((i) => i.path).sort()).toEqual([`custom.${level.id}`, `custom.${since.id}`, `custom.${volume.id}`].sort());
    const good = await ok(workstation, 'contacts.create', { lastName: 'Бойко', custom: { [volume.id]: 12.5, [since.id]: '2024-12-31', [level.id]: 'A' } });
    expect(good.custom).toEqual([
      { fieldId: volume.id, name: 'Обсяг, т', type: 'number', value: 12.5 },
      { fieldId: since.id, name: 'Клієнт з', type: 'date', value: '2024-12-31' },
      { fieldId: level.id, name: 'Рівень', type: 'choice', value: 'A' },
    ]);
  });

  it('keeps one tag per spelling, whatever the case', async () => {
    const { workstation } = await crmWorkstation();
    await ok(workstation, 'contacts.create', { lastName: 'Один', tags: ['VIP'] });
    await ok(workstation, 'contacts.create', { lastName: 'Два', tags: ['vip', 'Опт'] });
    expect((await ok(workstation, 'tags.list', {})).map((t) => t.name)).toEqual(['VIP', 'Опт']);
  });

  it('replaces phones, e-mails and tags on update, and a renamed company is found by its new name', async () => {
    const { workstation } = await crmWorkstation();
    const company = await ok(workstation, 'companies.create', { name: 'Лан' });
    const created = await ok(workstation, 'contacts.create', { lastName: 'Мельник', companyId: company.id, phones: [{ kind: 'mobile', raw: '0501112233' }], tags: ['старий'] });
    const updated = await ok(workstation, 'contacts.update', {
      id: created.id,
      contact: { lastName: 'Мельник', firstName: 'Ольга', companyId: company.id, phones: [{ kind: 'work', raw: '0442223344' }], emails: ['o.melnyk@lan.example'], tags: ['новий'] },
    });
    expect(updated.phones.map((p) => p.e164)).toEqual(['+380442223344']);
    expect(updated.tags.map((t) => t.name)).toEqual(['новий']);
    await ok(workstation, 'companies.update', { id: company.id, company: { name: 'Поділля Агро' } });
    const hits = await ok(workstation, 'search.quick', { text: 'поділля', limit: 10 });
    expect(hits.map((h) => h.id)).toEqual(expect.arrayContaining([company.id, created.id]));
  });

  it('shows a company with its people', async () => {
    const { workstation } = await crmWorkstation();
    const company = await ok(workstation, 'companies.create', { name: 'Brightline Ltd', phones: [{ kind: 'work', raw: '+44 20 7946 0958' }] });
    await ok(workstation, 'contacts.create', { firstName: 'Emma', lastName: 'Smith', companyId: company.id, phones: [{ kind: 'mobile', raw: '+44 7700 900123' }] });
    const card = await ok(workstation, 'companies.get', { id: company.id });
    expect(card.contacts.map((c) => [c.fullName, c.phone])).toEqual([['Smith Emma', '+44 7700 900123']]);
    expect(card.phones[0]?.e164).toBe('+442079460958');
    expect((await ok(workstation, 'companies.list', { search: 'bright' })).rows.map((r) => r.name)).toEqual(['Brightline Ltd']);
  });

  it.each(['%', '*', "'", '(', '🙂', ' " '])('a search made only of %s finds nobody, and says there is nothing to search for', async (text) => {
    const { workstation } = await crmWorkstation();
    await ok(workstation, 'companies.create', { name: 'Brightline Ltd' });
    await ok(workstation, 'contacts.create', { firstName: 'Emma', lastName: 'Smith' });
    expect(await ok(workstation, 'contacts.list', { search: text })).toEqual({ total: 0, truncated: false, unsearchable: true, rows: [] });
    expect(await ok(workstation, 'companies.list', { search: text })).toEqual({ total: 0, unsearchable: true, rows: [] });
    expect(await ok(workstation, 'search.quick', { text })).toEqual([]);
  });
});
