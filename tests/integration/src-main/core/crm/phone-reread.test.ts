import { describe, expect, it } from 'vitest';
import { ok } from '#tests/support/crm';
import { eventually } from '#tests/support/sip/phone-harness';
import { createTestWorkstation } from '#tests/support/workstation';

describe('stored numbers re-read when the working countries change', () => {
  it('fills in what it can, marks new ambiguities, and lists changed readings for review without rewriting them', async () => {
    const workstation = createTestWorkstation({ rereadPhones: true });
    await ok(workstation, 'settings.update', { workingCountries: ['UA'] });
    const kyiv = await ok(workstation, 'contacts.create', { lastName: 'Шевченко', phones: [{ kind: 'work', raw: '044 123 45 67' }] });
    const yekaterinburg = await ok(workstation, 'contacts.create', { lastName: 'Петров', phones: [{ kind: 'work', raw: '8 (343) 288-22-10' }] });
    expect(yekaterinburg.phones[0]).toMatchObject({ e164: null, status: 'invalid' });

    await ok(workstation, 'settings.update', { workingCountries: ['UA', 'RU', 'DE'] });
    // Read the same way as before, but now a second reading exists: marked, not changed.
    const reread = await eventually(() => ok(workstation, 'contacts.get', { id: kyiv.id }), (card) => card.phones[0]?.status !== 'ok', 15_000, 'the re-read job');
    expect(reread.phones[0]).toMatchObject({ e164: '+380441234567', status: 'ambiguous', alternatives: ['+49441234567'] });
    await eventually(() => ok(workstation, 'jobs.list', {}), (jobs) => !jobs.some((j) => j.kind === 'phones.reread' && j.state === 'running'), 15_000, 'no re-read running');
    // Unreadable before, readable now: listed for a person, not silently rewritten.
    expect((await ok(workstation, 'contacts.get', { id: yekaterinburg.id })).phones[0]).toMatchObject({ e164: null, status: 'review', alternatives: ['+73432882210'] });
    const review = await ok(workstation, 'phones.review', {});
    expect(review.rows.map((r) => [r.ownerName, r.status])).toEqual(
      expect.arrayContaining([
        ['Петров', 'review'],
        ['Шевченко', 'ambiguous'],
      ]),
    );

    // A person confirms the new reading: it is stored, caller ID finds it, it leaves the list.
    const phoneId = review.rows.find((r) => r.ownerName === 'Петров')?.phoneId ?? '';
    await ok(workstation, 'phones.resolve', { phoneId, owner: 'contact', e164: '+73432882210' });
    expect((await ok(workstation, 'callerId.lookup', { number: '83432882210' })).contacts.map((c) => c.id)).toEqual([yekaterinburg.id]);
    expect((await ok(workstation, 'phones.review', {})).rows.map((r) => r.ownerName)).toEqual(['Шевченко']);

    // A settled reading is the person's: another change of countries leaves it alone.
    await ok(workstation, 'settings.update', { workingCountries: ['UA'] });
    await eventually(() => ok(workstation, 'contacts.get', { id: kyiv.id }), (card) => card.phones[0]?.status === 'ok', 15_000, 'the next re-read');
    expect((await ok(workstation, 'contacts.get', { id: yekaterinburg.id })).phones[0]).toMatchObject({ e164: '+73432882210', status: 'ok' });
  });

  it('does not run again for the same countries', async () => {
    const workstation = createTestWorkstation({ rereadPhones: true });
    await eventually(() => ok(workstation, 'jobs.list', {}), (jobs) => jobs.some((j) => j.kind === 'phones.reread' && j.state === 'done'), 15_000, 'the first re-read');
    await ok(workstation, 'settings.update', { theme: 'dark' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await ok(workstation, 'jobs.list', {})).filter((j) => j.kind === 'phones.reread')).toHaveLength(1);
  });
});
