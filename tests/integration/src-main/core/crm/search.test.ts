import { describe, expect, it } from 'vitest';
import { crmWorkstation, ok } from '#tests/support/crm';

async function people() {
  const setup = await crmWorkstation();
  const { workstation } = setup;
  const agro = await ok(workstation, 'companies.create', { name: 'ТОВ «Агросвіт»', phones: [{ kind: 'work', raw: '044 200 10 20' }] });
  const taras = await ok(workstation, 'contacts.create', { lastName: 'Шевченко', firstName: 'Тарас', companyId: agro.id, phones: [{ kind: 'mobile', raw: '+380 67 123 45 67' }], emails: ['taras.shevchenko@agro.example'] });
  const maryana = await ok(workstation, 'contacts.create', { lastName: 'Гнатюк', firstName: 'Мар’яна', phones: [{ kind: 'mobile', raw: '050-765-43-21' }] });
  const semen = await ok(workstation, 'contacts.create', { lastName: 'Семёнов', firstName: 'Алексей', phones: [{ kind: 'work', raw: '+7 (495) 123-45-67' }] });
  const muller = await ok(workstation, 'contacts.create', { lastName: 'Müller', firstName: 'Lukas', phones: [{ kind: 'work', raw: '+49 30 1234567' }] });
  return { ...setup, agro, taras, maryana, semen, muller };
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('search as you type (full-text index)', () => {
  it('finds people by any part of the name, by prefix, in Cyrillic and Latin', async () => {
    const { workstation, taras, maryana, semen, muller } = await people();
    expect(ids(await ok(workstation, 'search.quick', { text: 'шевч' }))).toContain(taras.id);
    expect(ids(await ok(workstation, 'search.quick', { text: 'Тарас Шев' }))).toEqual([taras.id]);
    expect(ids(await ok(workstation, 'search.quick', { text: "мар'яна" }))).toEqual([maryana.id]);
    expect(ids(await ok(workstation, 'search.quick', { text: 'семенов' }))).toEqual([semen.id]);
    expect(ids(await ok(workstation, 'search.quick', { text: 'muller' }))).toEqual([muller.id]);
  });

  it.each([
    ['067 123', 'national with trunk prefix'],
    ['0671234567', 'national digits'],
    ['(067) 123-45', 'with separators'],
    ['+38067123', 'international'],
    ['380 67 12', 'international without plus'],
    ['8 067 123 45', 'old Ukrainian long-distance 8'],
    ['67 123 45', 'subscriber digits'],
  ])('finds a person by part of the phone typed as %s (%s)', async (text) => {
    const { workstation, taras } = await people();
    expect(ids(await ok(workstation, 'search.quick', { text }))).toEqual([taras.id]);
  });

  it('finds people by e-mail and by company, and companies by name and switchboard', async () => {
    const { workstation, taras, agro } = await people();
    expect(ids(await ok(workstation, 'search.quick', { text: 'taras.shev' }))).toEqual([taras.id]);
    expect(ids(await ok(workstation, 'search.quick', { text: 'агросвіт' })).sort()).toEqual([agro.id, taras.id].sort());
    expect(ids(await ok(workstation, 'search.quick', { text: '044 200 10' }))).toEqual([agro.id]);
  });

  it('filters the contact list by the same search', async () => {
    const { workstation, taras } = await people();
    const page = await ok(workstation, 'contacts.list', { search: '+380 67' });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ id: taras.id, phone: '+380 67 123 45 67', companyName: 'ТОВ «Агросвіт»' });
  });

  it('takes search syntax as plain words: operators find nobody, words inside them still match', async () => {
    const { workstation, taras } = await people();
    for (const text of ['"', 'AND', 'a OR b', 'NEAR(x y)', '*', 'col:val', '-', "'"]) {
      expect(await ok(workstation, 'search.quick', { text }), text).toEqual([]);
    }
    // A stray quote does not hide the word after it; a column-like prefix is one more word to match, not FTS syntax.
    expect(ids(await ok(workstation, 'search.quick', { text: '"Шевченко' }))).toEqual([taras.id]);
    expect(ids(await ok(workstation, 'search.quick', { text: 'name:Шевч' }))).toEqual([]);
  });
});

describe('caller ID', () => {
  it.each(['+380671234567', '380671234567', '0671234567', '671234567', '80671234567', '+380 (67) 123-45-67'])(
    'maps the incoming %s to the stored contact and their company',
    async (number) => {
      const { workstation, taras, agro } = await people();
      const match = await ok(workstation, 'callerId.lookup', { number });
      expect(match.contacts).toEqual([{ id: taras.id, fullName: 'Шевченко Тарас', companyId: agro.id, companyName: 'ТОВ «Агросвіт»', phone: '+380 67 123 45 67' }]);
    },
  );

  it('finds a company by its switchboard number', async () => {
    const { workstation, agro } = await people();
    const match = await ok(workstation, 'callerId.lookup', { number: '+380442001020' });
    expect(match.companies).toEqual([{ id: agro.id, name: 'ТОВ «Агросвіт»', phone: '044 200 10 20' }]);
    expect(match.contacts).toEqual([]);
  });

  it('finds international callers, and nobody for an unknown or anonymous number', async () => {
    const { workstation, semen } = await people();
    expect((await ok(workstation, 'callerId.lookup', { number: '+74951234567' })).contacts.map((c) => c.id)).toEqual([semen.id]);
    expect(await ok(workstation, 'callerId.lookup', { number: '0939998877' })).toMatchObject({ contacts: [], companies: [] });
    expect(await ok(workstation, 'callerId.lookup', { number: 'anonymous' })).toEqual({ candidates: [], contacts: [], companies: [] });
  });
});

describe('a broad search over many people', () => {
  it('caps the list and says the search should be narrowed', async () => {
    const { workstation } = await crmWorkstation();
    await workstation.seedDemoIfEmpty(3_000);
    const broad = await ok(workstation, 'contacts.list', { search: '+380', limit: 20 });
    expect(broad.truncated).toBe(true);
    expect(broad.total).toBe(1_000);
    const narrow = await ok(workstation, 'contacts.list', { search: 'шевченко тарас' });
    expect(narrow.truncated).toBe(false);
  });
});
