import { describe, expect, it } from 'vitest';
import { generateDemo, type DemoBatch, type DemoOptions } from '#core/demo/generator';
import { readPhone } from '#core/shared/phone-reading';

const now = Date.UTC(2026, 10, 22, 9);

function collect(contacts: number, options: Partial<DemoOptions> = {}): DemoBatch[] {
  return [...generateDemo({ contacts, now, ...options })];
}

describe('demo data generator', () => {
  it('gives the same rows for the same options, and other rows for another seed', () => {
    expect(collect(300)).toEqual(collect(300));
    expect(collect(300, { seed: 7 })[0]?.contacts).not.toEqual(collect(300)[0]?.contacts);
  });

  it('gives exactly the number of contacts asked for, in batches, the office itself only in the first', () => {
    const batches = collect(2_345, { batchSize: 1_000 });
    expect(batches.reduce((n, b) => n + b.contacts.length, 0)).toBe(2_345);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches.map((b) => b.employees.length > 0 && b.stages.length > 0 && b.causes.length > 0)).toEqual([true, false, false]);
  });

  it('produces every kind of interaction, calls with what the phone recorded, deals, complaints, and meetings and planned contacts in the calendar', () => {
    const all = collect(2_000);
    const kinds = new Set(all.flatMap((b) => b.interactions.map((i) => i.kind)));
    // What happened is an interaction; what is planned is the calendar's.
    expect([...kinds].sort()).toEqual(['call', 'email', 'meeting', 'note']);
    expect(new Set(all.flatMap((b) => b.events.map((e) => e.kind)))).toEqual(new Set(['meeting', 'interaction']));
    expect(new Set(all.flatMap((b) => b.calls.map((c) => c.disposition)))).toEqual(new Set(['answered', 'missed', 'no_answer', 'busy']));
    expect(all.flatMap((b) => b.deals).length).toBeGreaterThan(200);
    expect(all.flatMap((b) => b.complaints).length).toBeGreaterThan(20);
    expect(all.flatMap((b) => b.events).length).toBeGreaterThan(50);
  });

  it('is Ukrainian unless told otherwise, Russian or English when asked', () => {
    const names = (options: Partial<DemoOptions>) => collect(500, options).flatMap((b) => b.contacts.map((c) => c.fullName)).join(' ');
    expect(names({})).toMatch(/[іїєґ]/);
    expect(names({ language: 'ru' })).toMatch(/[ыэъё]/);
    expect(names({ language: 'ru' })).not.toMatch(/[іїєґ]/);
    expect(names({ language: 'en' })).not.toMatch(/[а-яіїєґё]/i);
  });

  it('writes phones in mixed national and international forms that read back as the stored number', { timeout: 60_000 }, () => {
    for (const language of ['uk', 'ru', 'en'] as const) {
      const phones = collect(3_000, { language }).flatMap((b) => [...b.phones, ...b.companyPhones]);
      expect(new Set(phones.map((p) => p.raw.replace(/\d/g, '9'))).size).toBeGreaterThan(language === 'en' ? 5 : 10);
      for (const phone of phones) expect(readPhone(phone.raw, [phone.country]).best?.e164, phone.raw).toBe(phone.e164);
    }
  });

  it('gives contacts distinct numbers, so caller ID finds one person (200,000 checked)', { timeout: 120_000 }, () => {
    const seen = new Set<string>();
    let duplicates = 0;
    for (const batch of generateDemo({ contacts: 200_000, now, interactionsPerContact: 0 })) {
      for (const phone of batch.phones) {
        if (seen.has(phone.e164)) duplicates++;
        seen.add(phone.e164);
      }
    }
    expect(seen.size).toBeGreaterThan(200_000);
    expect(duplicates).toBe(0);
  });

  it('keeps the history before "now" and the plans after it, in the office’s working hours on working days', () => {
    const all = collect(1_000);
    const interactions = all.flatMap((b) => b.interactions);
    expect(interactions.filter((i) => i.kind === 'planned').every((i) => i.occurredAt > now)).toBe(true);
    expect(interactions.filter((i) => i.kind !== 'planned').every((i) => i.occurredAt < now)).toBe(true);
    const kyiv = (at: number) => new Date(at + 2 * 3_600_000);
    for (const at of [...interactions.map((i) => i.occurredAt), ...all.flatMap((b) => b.events.map((e) => e.startsAt))]) {
      expect(kyiv(at).getUTCHours()).toBeGreaterThanOrEqual(9);
      expect(kyiv(at).getUTCHours()).toBeLessThan(18);
      expect([0, 6]).not.toContain(kyiv(at).getUTCDay());
    }
  });
});
