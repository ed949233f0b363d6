import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILE_FILES, loadProfiles, PURPOSES } from '#core/dialer/rules/index';
import { rulePurposes } from '#core/dialer/rules/profile-schema';
import us from '#core/dialer/rules/profiles/us.json' with { type: 'json' };

describe('jurisdiction profile files', () => {
  const loaded = loadProfiles(BUILT_IN_PROFILE_FILES);

  it('load, all four, with nothing refused', () => {
    expect(loaded.rejected).toEqual([]);
    expect(loaded.accepted.map((p) => `${p.id}@${p.version}`)).toEqual(['US@2025.1', 'UK@2025.1', 'RU@2025.1', 'UA@2025.1']);
  });

  it('carry a legal source for every rule, and say why where no statute sets the rule', () => {
    for (const profile of loaded.accepted) {
      for (const rule of profile.rules) {
        expect(rule.sources.length, `${profile.id} ${rule.id}`).toBeGreaterThan(0);
        for (const source of rule.sources) {
          expect(source.act.length).toBeGreaterThan(0);
          if (source.basis === 'business_practice') expect(source.note, `${rule.id} says why`).toBeDefined();
        }
      }
    }
  });

  it('give every purpose a window and an abandon cap', () => {
    for (const profile of loaded.accepted) {
      for (const purpose of PURPOSES) {
        const kinds = profile.rules.filter((rule) => rulePurposes(rule).includes(purpose)).map((rule) => rule.kind);
        expect(kinds, `${profile.id} ${purpose}`).toEqual(expect.arrayContaining(['window', 'abandon_cap']));
      }
    }
  });

  it('hold the figures the law sets', () => {
    const byId = new Map(loaded.accepted.flatMap((p) => p.rules.map((rule) => [rule.id, rule] as const)));
    expect(byId.get('us.tcpa.hours')).toMatchObject({ weekdays: { from: '08:00', to: '21:00' }, weekends: { from: '08:00', to: '21:00' } });
    expect(byId.get('us.tcpa.abandon')).toMatchObject({ maxRate: 0.03, periodHours: 720 });
    expect(byId.get('us.tcpa.call-handling')).toMatchObject({ operatorWithinMs: 2000 });
    expect(byId.get('uk.ofcom.abandon')).toMatchObject({ maxRate: 0.03, periodHours: 24 });
    expect(byId.get('uk.ofcom.repeat-after-abandon')).toMatchObject({ hours: 72 });
    expect(byId.get('uk.ofcom.call-handling')).toMatchObject({ abandonMessage: true });
    expect(byId.get('ru.38fz.consent')).toMatchObject({ purposes: ['sales'] });
    expect(byId.get('ru.38fz.no-automatic-dialing')).toMatchObject({ purposes: ['sales'], modes: ['power'] });
    expect(byId.get('ru.230fz.hours')).toMatchObject({ weekdays: { from: '08:00', to: '22:00' }, weekends: { from: '09:00', to: '20:00' }, holidaysAsWeekend: true });
    expect(byId.get('ru.230fz.contacts')).toMatchObject({ day: 1, week: 2, month: 8 });
    expect(byId.get('ua.marketing.consent')).toMatchObject({ purposes: ['sales'] });
  });

  it('refuse a broken file whole, naming the file, the field and the reason', () => {
    const broken = structuredClone(us) as { rules: Record<string, unknown>[] };
    broken.rules[0]!.weekdays = { from: '21:00', to: '08:00' };
    delete broken.rules[4]!.sources;
    const result = loadProfiles([{ where: 'profiles/us-edited.json', json: broken }]);
    expect(result.accepted).toEqual([]);
    expect(result.rejected).toEqual(
      expect.arrayContaining([
        { where: 'profiles/us-edited.json', field: 'rules.0.weekdays.to', reason: 'a window opens before it closes' },
        expect.objectContaining({ where: 'profiles/us-edited.json', field: 'rules.4.sources' }),
      ]),
    );
  });

  it('refuse a purpose left without a window, and a rule from practice that does not say why', () => {
    const noWindow = structuredClone(us) as { rules: { id: string; sources: Record<string, unknown>[] }[] };
    noWindow.rules = noWindow.rules.filter((rule) => rule.id !== 'us.fdcpa.hours');
    delete noWindow.rules.find((rule) => rule.id === 'us.practice.hours')!.sources[0]!.note;
    const result = loadProfiles([{ where: 'us.json', json: noWindow }]);
    expect(result.rejected).toEqual(
      expect.arrayContaining([
        { where: 'us.json', field: 'rules', reason: 'no window rule for debt_collection: every purpose needs one' },
        expect.objectContaining({ field: expect.stringMatching(/^rules\.\d+\.sources\.0\.note$/) as string }),
      ]),
    );
  });

  it('refuse a file that is not JSON, and a second claim on an id or a country', () => {
    const result = loadProfiles([
      ...BUILT_IN_PROFILE_FILES,
      { where: 'custom/ru.json', text: '{ "id": "RU", ' },
      { where: 'custom/us-copy.json', json: us },
      { where: 'custom/us-states.json', json: { ...us, id: 'USX' } },
    ]);
    expect(result.accepted.map((p) => p.id)).toEqual(['US', 'UK', 'RU', 'UA']);
    expect(result.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ where: 'custom/ru.json', field: '', reason: expect.stringMatching(/^not JSON/) as string }),
        { where: 'custom/us-copy.json', field: 'id', reason: 'profile US is already loaded from another file' },
        { where: 'custom/us-states.json', field: 'countries.0', reason: 'US already belongs to profile US' },
      ]),
    );
  });
});
