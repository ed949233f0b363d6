import { describe, expect, it } from 'vitest';
import { generateDemo, type DemoBatch } from '#core/demo/generator';
import { readPhone } from '#core/shared/phone-reading';

const now = Date.UTC(2026, 10, 22, 9);

function collect(contacts: number, batchSize?: number): DemoBatch[] {
  return [...generateDemo({ contacts, now, ...(batchSize ? { batchSize } : {}) })];
}

describe('demo data generator', () => {
  it('gives the same rows for the same options', () => {
    expect(collect(300)).toEqual(collect(300));
  });

  it('gives exactly the number of contacts asked for, in batches', () => {
    const batches = collect(2_345, 1_000);
    expect(batches.reduce((n, b) => n + b.contacts.length, 0)).toBe(2_345);
    expect(batches.length).toBeGreaterThanOrEqual(3);
  });

  it('produces every kind of interaction, deals, events, and all three cultures', () => {
    const all = collect(2_000);
    const kinds = new Set(all.flatMap((b) => b.interactions.map((i) => i.kind)));
    expect([...kinds].sort()).toEqual(['call', 'email', 'meeting', 'note', 'planned']);
    expect(all.flatMap((b) => b.deals).length).toBeGreaterThan(50);
    expect(all.flatMap((b) => b.events).length).toBeGreaterThan(50);
    const names = all.flatMap((b) => b.contacts.map((c) => c.fullName)).join(' ');
    expect(names).toMatch(/[іїєґ]/);
    expect(names).toMatch(/[ыэъё]/);
    expect(names).toMatch(/[A-Za-z]/);
  });

  it('writes phones in mixed national formats that normalise to the stored E.164', () => {
    const phones = collect(3_000).flatMap((b) => b.phones);
    const formats = new Set(phones.map((p) => p.raw.replace(/\d/g, '9')));
    expect(formats.size).toBeGreaterThan(10);
    for (const phone of phones.slice(0, 3_000)) {
      const country = phone.e164?.startsWith('+380') ? 'UA' : phone.e164?.startsWith('+7') ? 'RU' : 'UA';
      expect(readPhone(phone.raw, [country]).best?.e164).toBe(phone.e164);
    }
  });

  it('gives contacts distinct numbers, so caller ID finds one person (200,000 checked)', () => {
    const seen = new Set<string>();
    let duplicates = 0;
    for (const batch of generateDemo({ contacts: 200_000, now, interactionsPerContact: 0 })) {
      for (const phone of batch.phones) {
        if (!phone.id.endsWith('-1') || !phone.e164?.startsWith('+380')) continue;
        if (seen.has(phone.e164)) duplicates++;
        seen.add(phone.e164);
      }
    }
    expect(seen.size).toBeGreaterThan(50_000);
    expect(duplicates / seen.size).toBeLessThan(0.01);
  });

  it('keeps the history before "now" and the plans after it', () => {
    const interactions = collect(1_000).flatMap((b) => b.interactions);
    expect(interactions.filter((i) => i.kind === 'planned').every((i) => i.occurredAt > now)).toBe(true);
    expect(interactions.filter((i) => i.kind !== 'planned').every((i) => i.occurredAt < now)).toBe(true);
  });
});
