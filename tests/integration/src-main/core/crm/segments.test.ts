import { describe, expect, it } from 'vitest';
import type { SegmentCondition } from '#contract';
import { crmWorkstation, ok } from '#tests/support/crm';
import { testNow } from '#tests/support/workstation';

const day = 86_400_000;

async function clients() {
  const setup = await crmWorkstation();
  const { workstation, me, colleague } = setup;
  const kyiv = await ok(workstation, 'companies.create', { name: 'Київ-Сервіс', city: 'Київ' });
  const lviv = await ok(workstation, 'companies.create', { name: 'Галич Пром', city: 'Львів' });
  const volume = await ok(workstation, 'customFields.save', { entity: 'contact', name: 'Обсяг', type: 'number' });
  const a = await ok(workstation, 'contacts.create', { lastName: 'Антоненко', companyId: kyiv.id, position: 'Директор', responsibleId: me.id, tags: ['опт'], custom: { [volume.id]: 120 }, phones: [{ kind: 'mobile', raw: '0501112233' }] });
  const b = await ok(workstation, 'contacts.create', { lastName: 'Бондар', companyId: lviv.id, position: 'Бухгалтер', responsibleId: colleague.id, custom: { [volume.id]: 5 }, doNotCall: true });
  const c = await ok(workstation, 'contacts.create', { lastName: 'Василенко', responsibleId: null, tags: ['опт', 'VIP'], noEmail: true, phones: [{ kind: 'mobile', raw: '0672223344' }] });
  await ok(workstation, 'interactions.create', { kind: 'call', direction: 'out', occurredAt: testNow - 10 * day, contactId: a.id, subject: 'дзвінок' });
  await ok(workstation, 'interactions.create', { kind: 'meeting', occurredAt: testNow - 100 * day, contactId: b.id, subject: 'зустріч' });
  const tags = await ok(workstation, 'tags.list', {});
  return { ...setup, a, b, c, volume, wholesale: tags.find((t) => t.name === 'опт')!.id };
}

async function members(workstation: Awaited<ReturnType<typeof clients>>['workstation'], conditions: SegmentCondition[]): Promise<string[]> {
  return (await ok(workstation, 'contacts.list', { filter: { conditions }, limit: 100 })).rows.map((r) => r.fullName).sort();
}

describe('segments', () => {
  it('select by field, responsible, tag, custom field, consent and phone', async () => {
    const { workstation, colleague, volume, wholesale } = await clients();
    expect(await members(workstation, [{ type: 'field', field: 'city', op: 'equals', value: 'київ' }])).toEqual(['Антоненко']);
    expect(await members(workstation, [{ type: 'field', field: 'company', op: 'empty', value: '' }])).toEqual(['Василенко']);
    expect(await members(workstation, [{ type: 'field', field: 'position', op: 'contains', value: 'бух' }])).toEqual(['Бондар']);
    expect(await members(workstation, [{ type: 'responsible', employeeId: colleague.id }])).toEqual(['Бондар']);
    expect(await members(workstation, [{ type: 'responsible', employeeId: null }])).toEqual(['Василенко']);
    expect(await members(workstation, [{ type: 'tag', tagId: wholesale, has: true }])).toEqual(['Антоненко', 'Василенко']);
    expect(await members(workstation, [{ type: 'tag', tagId: wholesale, has: false }])).toEqual(['Бондар']);
    expect(await members(workstation, [{ type: 'custom', fieldId: volume.id, op: 'gt', value: 100 }])).toEqual(['Антоненко']);
    expect(await members(workstation, [{ type: 'custom', fieldId: volume.id, op: 'empty', value: '' }])).toEqual(['Василенко']);
    expect(await members(workstation, [{ type: 'consent', flag: 'doNotCall', value: false }])).toEqual(['Антоненко', 'Василенко']);
    expect(await members(workstation, [{ type: 'has_phone', value: true }, { type: 'consent', flag: 'noEmail', value: false }])).toEqual(['Антоненко']);
  });

  it('select by contact recency: "no call in the last 30 days", "met in the last 200"', async () => {
    const { workstation } = await clients();
    expect(await members(workstation, [{ type: 'recency', kind: 'call', days: 30, mode: 'none_within' }])).toEqual(['Бондар', 'Василенко']);
    expect(await members(workstation, [{ type: 'recency', kind: 'any', days: 30, mode: 'none_within' }])).toEqual(['Бондар', 'Василенко']);
    expect(await members(workstation, [{ type: 'recency', kind: 'meeting', days: 200, mode: 'some_within' }])).toEqual(['Бондар']);
  });

  it('are saved, listed and deleted; a count comes with the list', async () => {
    const { workstation, wholesale } = await clients();
    const saved = await ok(workstation, 'segments.save', { name: 'Опт без дзвінків', definition: { conditions: [{ type: 'tag', tagId: wholesale, has: true }, { type: 'recency', kind: 'call', days: 30, mode: 'none_within' }] } });
    expect((await ok(workstation, 'segments.list', {})).map((s) => s.name)).toEqual(['Опт без дзвінків']);
    expect((await ok(workstation, 'contacts.list', { filter: saved.definition })).total).toBe(1);
    await ok(workstation, 'segments.delete', { id: saved.id });
    expect(await ok(workstation, 'segments.list', {})).toEqual([]);
  });
});

describe('collision guard', () => {
  it('tells me what colleagues have going with the client and its company, not what I have', async () => {
    const { workstation, colleague } = await crmWorkstation();
    const stages = await ok(workstation, 'deals.saveStages', { stages: [{ name: 'Новий', probability: 10 }, { name: 'Виграно', probability: 100, outcome: 'won' }] });
    const company = await ok(workstation, 'companies.create', { name: 'Світанок' });
    const olena = await ok(workstation, 'contacts.create', { lastName: 'Коваленко', companyId: company.id });
    const ivan = await ok(workstation, 'contacts.create', { lastName: 'Савчук', companyId: company.id });
    await ok(workstation, 'deals.create', { title: 'Оренда складу', stageId: stages[0]!.id, contactId: ivan.id, ownerId: colleague.id });
    await ok(workstation, 'deals.create', { title: 'Моя угода', stageId: stages[0]!.id, contactId: olena.id });
    await ok(workstation, 'deals.create', { title: 'Закрита', stageId: stages[1]!.id, contactId: olena.id, ownerId: colleague.id });
    await ok(workstation, 'interactions.create', { kind: 'planned', occurredAt: testNow + day, contactId: olena.id, subject: 'Запропонувати знижку', employeeId: colleague.id });
    await ok(workstation, 'complaints.create', { contactId: olena.id, subject: 'Брак партії', responsibleId: colleague.id });

    const collisions = await ok(workstation, 'collisions.check', { contactId: olena.id });
    expect(collisions.map((c) => [c.kind, c.subject, c.employee?.name])).toEqual([
      ['deal', 'Оренда складу', 'Андрій Мороз'],
      ['complaint', 'Брак партії', 'Андрій Мороз'],
      ['planned', 'Запропонувати знижку', 'Андрій Мороз'],
    ]);
  });

  it('before anyone says who works here, counts only records a colleague owns, not the ones made here', async () => {
    const { workstation, colleague } = await crmWorkstation();
    await ok(workstation, 'settings.update', { currentEmployeeId: null });
    const stages = await ok(workstation, 'deals.saveStages', { stages: [{ name: 'Новий', probability: 10 }, { name: 'Виграно', probability: 100, outcome: 'won' }] });
    const olena = await ok(workstation, 'contacts.create', { lastName: 'Коваленко' });
    await ok(workstation, 'deals.create', { title: 'Зроблена тут', stageId: stages[0]!.id, contactId: olena.id });
    await ok(workstation, 'interactions.create', { kind: 'planned', occurredAt: testNow + day, contactId: olena.id, subject: 'Передзвонити' });
    await ok(workstation, 'deals.create', { title: 'Угода колеги', stageId: stages[0]!.id, contactId: olena.id, ownerId: colleague.id });

    const collisions = await ok(workstation, 'collisions.check', { contactId: olena.id });
    expect(collisions.map((c) => [c.kind, c.subject, c.employee?.name])).toEqual([['deal', 'Угода колеги', 'Андрій Мороз']]);
  });
});
