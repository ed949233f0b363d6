import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalNumber, nationalSignificantCandidates, readPhone } from '#core/shared/phone-reading';

/**
 * Real-world written forms across UA, RU, KZ, BY, PL, DE, US and the UK, read by an office that
 * works with all eight, in two orders: a Kyiv call centre (Ukraine first) and a Yekaterinburg one
 * (Russia first). The expected verdict: one E.164 number, "ambiguous: best | others" (the best
 * depends on the order), or "invalid". Germany's numbering plan accepts almost any length, so many
 * national forms also read as German numbers: that is an honest ambiguity, flagged for review.
 */
const kyiv = ['UA', 'RU', 'KZ', 'BY', 'PL', 'DE', 'US', 'GB'];
const yekaterinburg = ['RU', 'UA', 'US', 'GB', 'DE', 'PL', 'KZ', 'BY'];

const forms: [written: string, kyivVerdict: string, yekaterinburgVerdict: string][] = [
  // Ukraine
  ['+380 44 123-45-67', '+380441234567', '+380441234567'],
  ['044 123 45 67', 'ambiguous: +380441234567 | +49441234567 +375441234567', 'ambiguous: +380441234567 | +49441234567 +375441234567'],
  ['(044) 123-45-67', 'ambiguous: +380441234567 | +49441234567 +375441234567', 'ambiguous: +380441234567 | +49441234567 +375441234567'],
  ['8 044 123 45 67', 'ambiguous: +380441234567 | +375441234567 +4980441234567', 'ambiguous: +380441234567 | +375441234567 +4980441234567'],
  ['380441234567', '+380441234567', '+380441234567'],
  ['00380441234567', '+380441234567', '+380441234567'],
  ['8 10 380 44 123 45 67', '+380441234567', '+380441234567'],
  ['011 380 44 123 4567', '+380441234567', '+380441234567'],
  ['+380671234567', '+380671234567', '+380671234567'],
  ['380 (67) 123-45-67', '+380671234567', '+380671234567'],
  ['067 123 45 67', 'ambiguous: +380671234567 | +49671234567', 'ambiguous: +380671234567 | +49671234567'],
  ['671234567', 'ambiguous: +380671234567 | +48671234567 +49671234567', 'ambiguous: +380671234567 | +49671234567 +48671234567'],
  ['044.123.45.67', 'ambiguous: +380441234567 | +49441234567 +375441234567', 'ambiguous: +380441234567 | +49441234567 +375441234567'],
  ['067 123 45 67 доб. 123', 'ambiguous: +380671234567 | +49671234567', 'ambiguous: +380671234567 | +49671234567'],
  ['+380 44 123 45 67 ext 5', '+380441234567', '+380441234567'],
  // Russia
  ['+7 912 345 67 89', '+79123456789', '+79123456789'],
  ['8 (912) 345-67-89', 'ambiguous: +79123456789 | +4989123456789', 'ambiguous: +79123456789 | +4989123456789'],
  ['9123456789', 'ambiguous: +79123456789 | +499123456789 +19123456789 +449123456789', 'ambiguous: +79123456789 | +19123456789 +449123456789 +499123456789'],
  ['79123456789', 'ambiguous: +79123456789 | +4979123456789', 'ambiguous: +79123456789 | +4979123456789'],
  ['8-800-555-35-35', 'ambiguous: +78005553535 | +3758005553535 +4988005553535', 'ambiguous: +78005553535 | +3758005553535 +4988005553535'],
  ['8 (343) 288-22-10', 'ambiguous: +73432882210 | +4983432882210', 'ambiguous: +73432882210 | +4983432882210'],
  ['+7 (343) 288-22-10', '+73432882210', '+73432882210'],
  ['8 495 123-45-67', '+74951234567', '+74951234567'],
  ['(495) 123-45-67', 'ambiguous: +74951234567 | +494951234567', 'ambiguous: +74951234567 | +494951234567'],
  ['8 10 49 30 1234567', '+49301234567', '+49301234567'],
  // Kazakhstan
  ['+7 701 234 5678', '+77012345678', '+77012345678'],
  ['8 (701) 234-56-78', 'ambiguous: +77012345678 | +4987012345678', 'ambiguous: +77012345678 | +4987012345678'],
  ['77012345678', 'ambiguous: +77012345678 | +4977012345678', 'ambiguous: +77012345678 | +4977012345678'],
  ['8 (727) 250-12-34', 'ambiguous: +77272501234 | +4987272501234', 'ambiguous: +77272501234 | +4987272501234'],
  ['+7 727 250 12 34', '+77272501234', '+77272501234'],
  // Belarus
  ['+375 29 123-45-67', '+375291234567', '+375291234567'],
  ['8 029 123-45-67', 'ambiguous: +375291234567 | +4980291234567', 'ambiguous: +375291234567 | +4980291234567'],
  ['8 017 123-45-67', '+375171234567', '+375171234567'],
  ['375291234567', 'ambiguous: +375291234567 | +49375291234567', 'ambiguous: +375291234567 | +49375291234567'],
  ['+375 17 123 45 67', '+375171234567', '+375171234567'],
  // Poland
  ['+48 22 123 45 67', '+48221234567', '+48221234567'],
  ['0048 22 123 45 67', '+48221234567', '+48221234567'],
  ['22 123 45 67', 'ambiguous: +48221234567 | +49221234567', 'ambiguous: +49221234567 | +48221234567'],
  ['600 123 456', 'ambiguous: +48600123456 | +49600123456', 'ambiguous: +49600123456 | +48600123456'],
  ['+48 600-123-456', '+48600123456', '+48600123456'],
  // Germany
  ['+49 30 1234567', '+49301234567', '+49301234567'],
  ['030 1234567', '+49301234567', '+49301234567'],
  ['030/1234567', '+49301234567', '+49301234567'],
  ['0049 30 1234567', '+49301234567', '+49301234567'],
  ['0151 23456789', '+4915123456789', '+4915123456789'],
  ['+49 (0)30 1234567', '+49301234567', '+49301234567'],
  // United States
  ['+1 212 555 5833', '+12125555833', '+12125555833'],
  ['(212) 555-5833', 'ambiguous: +492125555833 | +12125555833', 'ambiguous: +12125555833 | +492125555833'],
  ['212-555-5833', 'ambiguous: +492125555833 | +12125555833', 'ambiguous: +12125555833 | +492125555833'],
  ['1 212 555 5833', '+12125555833', '+12125555833'],
  ['+1 (212) 555-5833 x204', '+12125555833', '+12125555833'],
  // United Kingdom
  ['+44 20 7946 0958', '+442079460958', '+442079460958'],
  ['020 7946 0958', '+442079460958', '+442079460958'],
  ['00 44 20 7946 0958', '+442079460958', '+442079460958'],
  ['+44 7911 123456', '+447911123456', '+447911123456'],
  ['07911 123456', 'ambiguous: +497911123456 | +447911123456', 'ambiguous: +447911123456 | +497911123456'],
  ['+44 (0) 20 7946 0958', '+442079460958', '+442079460958'],
  // Not numbers
  ['call me', 'invalid', 'invalid'],
  ['12345', 'invalid', 'invalid'],
  ['+999 123 456', 'invalid', 'invalid'],
  ['+380 44 123', 'invalid', 'invalid'],
  ['', 'invalid', 'invalid'],
  ['1'.repeat(40), 'invalid', 'invalid'],
];

function verdictText(raw: string, countries: string[]): string {
  const verdict = readPhone(raw, countries);
  if (verdict.status === 'invalid') return 'invalid';
  if (verdict.status === 'ok') return verdict.best?.e164 ?? '';
  const [best, ...others] = verdict.readings.map((r) => r.e164);
  return `ambiguous: ${best ?? ''} | ${others.join(' ')}`;
}

describe('reading phone numbers with several working countries', () => {
  it(`has at least 60 written forms (${forms.length})`, () => {
    expect(forms.length).toBeGreaterThanOrEqual(60);
  });

  it.each(forms)('%j → Kyiv order: %s', (written, expected) => {
    expect(verdictText(written, kyiv)).toBe(expected);
  });

  it.each(forms.map(([written, , expected]) => [written, expected] as const))('%j → Yekaterinburg order: %s', (written, expected) => {
    expect(verdictText(written, yekaterinburg)).toBe(expected);
  });

  it('is unambiguous for an office that works with Ukraine and Russia only', () => {
    const both = ['UA', 'RU'];
    expect(readPhone('044 123 45 67', both)).toMatchObject({ status: 'ok', best: { e164: '+380441234567', country: 'UA', form: 'national_trunk', readAs: 'UA' } });
    expect(readPhone('8 (912) 345-67-89', both)).toMatchObject({ status: 'ok', best: { e164: '+79123456789', country: 'RU' } });
    expect(readPhone('3432882210', both)).toMatchObject({ status: 'ok', best: { e164: '+73432882210', form: 'national' } });
    expect(readPhone('0441234567', ['RU', 'UA']).best?.e164).toBe('+380441234567');
    expect(readPhone('83432882210', ['UA', 'RU']).best?.e164).toBe('+73432882210');
  });

  it('keeps the extension apart and says which readings it tried', () => {
    const verdict = readPhone('044 123-45-67 доб. 123', ['UA', 'RU']);
    expect(verdict).toMatchObject({ status: 'ok', extension: '123', best: { e164: '+380441234567' } });
    expect(verdict.tried).toEqual(['UA national', 'RU national']);
    expect(readPhone('8 800 555 35 35', ['UA']).tried).toEqual(['+88005553535 (country code without +)', 'UA national']);
    expect(readPhone('9999', ['UA'])).toMatchObject({ status: 'invalid', reason: 'too short for a phone number' });
  });

  it('gives the national significant number a caller ID may carry without its country part', () => {
    expect(nationalSignificantCandidates('83432882210')).toEqual(['83432882210', '3432882210']);
    expect(nationalSignificantCandidates('3432882210')).toEqual(['3432882210']);
    expect(nationalSignificantCandidates('+73432882210')).toEqual([]);
    expect(nationalSignificantCandidates('101')).toEqual([]);
  });

  it('reading a canonical number gives it back unchanged, whatever the working countries', () => {
    const countries = fc.shuffledSubarray(['UA', 'RU', 'KZ', 'BY', 'PL', 'DE', 'US', 'GB'], { minLength: 1 });
    const canonical = fc.constantFrom('+380441234567', '+380671234567', '+79123456789', '+77012345678', '+375291234567', '+48221234567', '+49301234567', '+12125555833', '+442079460958', '+73432882210');
    fc.assert(
      fc.property(canonical, countries, (e164, working) => {
        expect(canonicalNumber(e164, working)).toBe(e164);
        expect(readPhone(e164, working)).toMatchObject({ status: 'ok', best: { e164 } });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, whatever the text and the countries', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[+0-9 ()\-./]{0,30}$/)), fc.array(fc.constantFrom('UA', 'RU', 'KZ', 'BY', 'PL', 'DE', 'US', 'GB', 'XX', 'ZZ'), { maxLength: 4 }), (text, working) => {
        const verdict = readPhone(text, working);
        expect(['ok', 'ambiguous', 'invalid']).toContain(verdict.status);
      }),
      { numRuns: 3_000 },
    );
  });
});
