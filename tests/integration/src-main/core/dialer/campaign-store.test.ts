import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { campaignAttempts, campaignEntries } from '#core/db/schema';
import { campaignWorkstation, editable } from '#tests/support/campaigns';
import { ok } from '#tests/support/crm';
import { callApi } from '#tests/support/workstation';

describe('campaigns as the supervisor sets them up', () => {
  it('refuses rules looser than the law, naming the field and the limit, and takes stricter ones', async () => {
    const { workstation, campaign } = await campaignWorkstation();
    const looser = await callApi(workstation, 'campaigns.save', {
      name: 'Стягнення',
      purpose: 'debt_collection',
      startsAt: Date.now(),
      mode: 'progressive',
      profile: 'RU',
      rules: { contactCaps: { day: 3 }, window: { weekdays: { from: '07:00', to: '22:00' } } },
    });
    expect(looser.ok).toBe(false);
    if (looser.ok) return;
    expect(looser.error.issues?.map((i) => [i.path, i.code])).toEqual(expect.arrayContaining([
      ['rules.contactCaps.day', 'rule_looser_than_profile'],
      ['rules.window.weekdays', 'rule_looser_than_profile'],
    ]));
    const unknown = await callApi(workstation, 'campaigns.save', { name: 'X', purpose: 'survey', startsAt: Date.now(), mode: 'preview', profile: 'XX' });
    expect(!unknown.ok && unknown.error.issues?.[0]).toMatchObject({ path: 'profile', code: 'unknown_calling_profile' });
    const stricter = await campaign({ profile: 'RU', purpose: 'debt_collection', rules: { contactCaps: { day: 1, week: 1 }, window: { weekdays: { from: '10:00', to: '18:00' } } } });
    expect(stricter.rules).toEqual({ contactCaps: { day: 1, week: 1 }, window: { weekdays: { from: '10:00', to: '18:00' } } });
  });

  it('tells the editor what each profile allows for every rule a campaign may tighten, the figures main refuses looser values by', async () => {
    const { workstation } = await campaignWorkstation();
    const [ru] = await ok(workstation, 'campaigns.ruleLimits', { purpose: 'debt_collection', profile: 'RU' });
    // 230-FZ art. 7: weekdays 08:00-22:00, weekends 09:00-20:00; at most one contact a day, two a week, eight a month.
    expect(ru).toMatchObject({ profile: 'RU', limits: { 'window.weekdays': '08:00-22:00', 'window.weekends': '09:00-20:00', 'contactCaps.day': 1, 'contactCaps.week': 2, 'contactCaps.month': 8 } });
    const looser = await callApi(workstation, 'campaigns.save', { name: 'X', purpose: 'debt_collection', startsAt: Date.now(), mode: 'preview', profile: 'RU', rules: { contactCaps: { week: (ru!.limits['contactCaps.week'] as number) + 1 } } });
    expect(!looser.ok && looser.error.issues?.[0]).toMatchObject({ path: 'rules.contactCaps.week', code: 'rule_looser_than_profile' });
    const everyProfile = await ok(workstation, 'campaigns.ruleLimits', { purpose: 'survey', profile: 'by_number' });
    expect(everyProfile.map((p) => p.profile).sort()).toEqual(['RU', 'UA', 'UK', 'US']);
    expect(everyProfile.find((p) => p.profile === 'US')!.limits).toMatchObject({ 'window.weekdays': '08:00-21:00', abandonRate: 0.03, minRingSeconds: 15 });
  });

  it('updates dispositions and operators in place, with tombstones for the ones taken off', async () => {
    const { workstation, campaign, colleague, me } = await campaignWorkstation();
    const { state: _state, updatedAt: _updatedAt, messages: _messages, ...saved } = await campaign();
    const [done, retry] = saved.dispositions;
    const edited = await ok(workstation, 'campaigns.save', {
      ...saved,
      operatorIds: [colleague.id],
      dispositions: [{ ...done!, label: 'Опитано повністю' }, retry!],
    });
    expect(edited.dispositions.map((d) => [d.id, d.label])).toEqual([
      [done!.id, 'Опитано повністю'],
      [retry!.id, retry!.label],
    ]);
    expect(edited.operatorIds).toEqual([colleague.id]);
    const back = await ok(workstation, 'campaigns.save', { ...saved, operatorIds: [colleague.id, me.id] });
    expect(back.operatorIds.sort()).toEqual([colleague.id, me.id].sort());
  });

  it('moves along its lifecycle and says why a move is refused', async () => {
    const { workstation, campaign } = await campaignWorkstation();
    const saved = await campaign();
    expect((await ok(workstation, 'campaigns.setState', { id: saved.id, state: 'running' })).state).toBe('running');
    expect((await ok(workstation, 'campaigns.setState', { id: saved.id, state: 'paused' })).state).toBe('paused');
    expect((await ok(workstation, 'campaigns.setState', { id: saved.id, state: 'finished' })).state).toBe('finished');
    const again = await callApi(workstation, 'campaigns.setState', { id: saved.id, state: 'running' });
    expect(!again.ok && again.error).toMatchObject({ reason: 'campaign_state_refused', params: { from: 'finished', to: 'running' } });
  });

  it('splits the list evenly, by responsible employee, or by time zone; never adds a person twice; counts those without a number', async () => {
    const { workstation, campaign, person, me, colleague } = await campaignWorkstation();
    const ids = [
      await person('Київ1', '+380 44 111 22 01', { responsibleId: colleague.id }),
      await person('Київ2', '+380 44 111 22 02', { responsibleId: colleague.id }),
      await person('Урал1', '+7 343 111 22 03'),
      await person('Урал2', '+7 343 111 22 04'),
      await person('Владивосток', '+7 423 111 22 05'),
    ];
    const noNumber = (await ok(workstation, 'contacts.create', { lastName: 'Безномерний' })).id;
    const operatorsOf = (campaignId: string) =>
      Object.fromEntries(workstation.database.read.select({ contactId: campaignEntries.contactId, operatorId: campaignEntries.operatorId }).from(campaignEntries).where(eq(campaignEntries.campaignId, campaignId)).all().map((e) => [e.contactId, e.operatorId]));

    const even = await campaign({ operatorIds: [me.id, colleague.id] });
    expect(await ok(workstation, 'campaigns.addContacts', { campaignId: even.id, contactIds: [...ids, noNumber] })).toEqual({ added: 5, alreadyThere: 0, withoutNumber: 1 });
    const evenSplit = Object.values(operatorsOf(even.id));
    expect([evenSplit.filter((o) => o === me.id).length, evenSplit.filter((o) => o === colleague.id).length].sort()).toEqual([2, 3]);
    expect(await ok(workstation, 'campaigns.addContacts', { campaignId: even.id, contactIds: ids })).toEqual({ added: 0, alreadyThere: 5, withoutNumber: 0 });

    const byResponsible = await campaign({ operatorIds: [me.id, colleague.id] });
    await ok(workstation, 'campaigns.addContacts', { campaignId: byResponsible.id, contactIds: ids, split: 'responsible' });
    const responsible = operatorsOf(byResponsible.id);
    expect([responsible[ids[0]!], responsible[ids[1]!]]).toEqual([colleague.id, colleague.id]);

    const byZone = await campaign({ operatorIds: [me.id, colleague.id] });
    await ok(workstation, 'campaigns.addContacts', { campaignId: byZone.id, contactIds: ids, split: 'time_zone' });
    const zoned = operatorsOf(byZone.id);
    // Each zone stays with one operator.
    expect(zoned[ids[0]!]).toBe(zoned[ids[1]!]);
    expect(zoned[ids[2]!]).toBe(zoned[ids[3]!]);
  });

  it('re-balances the waiting numbers among the operators it has now, keeping promised callbacks and numbers being dialed where they are', async () => {
    const { workstation, campaign, person, me, colleague } = await campaignWorkstation();
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await person(`Клієнт${i}`, `+380 67 111 22 1${i}`));
    const saved = await campaign({ operatorIds: [me.id] });
    await ok(workstation, 'campaigns.addContacts', { campaignId: saved.id, contactIds: ids });
    const entries = () => workstation.database.read.select().from(campaignEntries).where(eq(campaignEntries.campaignId, saved.id)).orderBy(campaignEntries.contactId).all();
    const [promised, dialing] = entries();
    workstation.database.write((tx) => {
      tx.update(campaignEntries).set({ callbackAt: 1, priority: 0 }).where(eq(campaignEntries.id, promised!.id)).run();
      tx.update(campaignEntries).set({ state: 'dialing' }).where(eq(campaignEntries.id, dialing!.id)).run();
    });
    // A colleague joins: half of what waits moves to them; the callback and the number on the line stay mine.
    await ok(workstation, 'campaigns.save', { ...editable(saved), operatorIds: [me.id, colleague.id] });
    const { moved } = await ok(workstation, 'campaigns.rebalance', { id: saved.id, split: 'even' });
    const after = entries();
    expect(after.map((e) => e.id)).toEqual(entries().map((e) => e.id));
    expect(after.find((e) => e.id === promised!.id)!.operatorId).toBe(me.id);
    expect(after.find((e) => e.id === dialing!.id)!.operatorId).toBe(me.id);
    const waiting = after.filter((e) => e.state === 'waiting');
    // Five wait: the callback stays mine, the other four are shared so that each of us has as even a load as can be.
    expect([waiting.filter((e) => e.operatorId === me.id).length, waiting.filter((e) => e.operatorId === colleague.id).length]).toEqual([3, 2]);
    expect(moved).toBe(2);
    // Asking again moves nothing.
    expect(await ok(workstation, 'campaigns.rebalance', { id: saved.id, split: 'even' })).toEqual({ moved: 0 });
  });

  it('a merge of duplicates keeps the merged person’s campaign entries and attempts with the kept one', async () => {
    const { workstation, campaign, person } = await campaignWorkstation();
    const kept = await person('Дубль', '+380 67 555 00 01');
    const merged = await person('Дубль', '+380 67 555 00 02');
    const saved = await campaign();
    await ok(workstation, 'campaigns.addContacts', { campaignId: saved.id, contactIds: [kept, merged] });
    const entryOfMerged = workstation.database.read.select({ id: campaignEntries.id }).from(campaignEntries).where(eq(campaignEntries.contactId, merged)).get()!;
    workstation.database.write((tx) =>
      tx.insert(campaignAttempts).values({ id: 'a1', campaignId: saved.id, entryId: entryOfMerged.id, contactId: merged, phone: '+380675550002', operatorId: null, mode: 'progressive', state: 'ended', startedAt: 1, outcome: 'busy', allowedBecause: '{}', updatedAt: 1, updatedBy: null }).run(),
    );
    await ok(workstation, 'contacts.merge', { keepId: kept, mergeIds: [merged] });
    expect(workstation.database.read.select({ contactId: campaignEntries.contactId }).from(campaignEntries).where(eq(campaignEntries.campaignId, saved.id)).all()).toEqual([{ contactId: kept }, { contactId: kept }]);
    expect(workstation.database.read.select({ contactId: campaignAttempts.contactId, entryId: campaignAttempts.entryId }).from(campaignAttempts).all()).toEqual([{ contactId: kept, entryId: entryOfMerged.id }]);
  });
});
