import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';
import { callerIdCandidates, fastNormalize, normalizePhone, spellingsOf, typedDigitAlternatives } from '#core/shared/phone';

describe('normalizePhone', () => {
  it.each([
    ['+380 44 123-45-67', 'UA', '+380441234567'],
    ['044 123 45 67', 'UA', '+380441234567'],
    ['(067) 123 4567', 'UA', '+380671234567'],
    ['8 044 123 45 67', 'UA', '+380441234567'],
    ['8(067)1234567', 'UA', '+380671234567'],
    ['00 44 20 7946 0958', 'UA', '+442079460958'],
    ['0044 20 7946 0958', 'PL', '+442079460958'],
    ['8 (495) 123-45-67', 'RU', '+74951234567'],
    ['+7 495 1234567', 'UA', '+74951234567'],
    ['(212) 555-0142', 'US', '+12125550142'],
    ['380671234567', 'UA', '+380671234567'],
  ])('reads %s (default %s) as %s', (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toMatchObject({ ok: true, e164 });
  });

  it('gives the spellings people type: national with trunk prefix and subscriber digits', () => {
    expect(normalizePhone('+380 67 123 45 67', 'UA')).toEqual({
      ok: true,
      e164: '+380671234567',
      nationalDigits: '0671234567',
      subscriberDigits: '671234567',
    });
    expect(spellingsOf('+74951234567')).toEqual({ e164: '+74951234567', nationalDigits: '84951234567', subscriberDigits: '4951234567' });
  });

  it.each([
    ['', 'empty'],
    ['call me maybe', 'not a number'],
    ['12', 'not a possible number'],
    ['8 (495) 123-45-67', 'not a possible number'],
    ['1'.repeat(80), 'too long'],
  ])('rejects %j with a reason', (raw, reason) => {
    expect(normalizePhone(raw, 'UA')).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });
});

describe('callerIdCandidates', () => {
  it.each([
    ['+380671234567', ['+380671234567']],
    ['380671234567', ['+380671234567']],
    ['0671234567', ['+380671234567']],
    ['671234567', ['+380671234567']],
    ['80671234567', ['+380671234567']],
    ['74951234567', ['+74951234567']],
  ])('maps %s to %j with Ukraine as the default country', (raw, expected) => {
    expect(callerIdCandidates(raw, 'UA')).toEqual(expected);
  });

  it('gives nothing for an anonymous caller', () => {
    expect(callerIdCandidates('anonymous', 'UA')).toEqual([]);
  });
});

describe('typedDigitAlternatives', () => {
  it('also searches without the old Ukrainian "8" and the "00" international prefix', () => {
    expect(typedDigitAlternatives('8067123', 'UA')).toEqual(['8067123', '067123']);
    expect(typedDigitAlternatives('0044207', 'UA')).toEqual(['0044207', '44207']);
    expect(typedDigitAlternatives('38067', 'UA')).toEqual(['38067']);
  });
});

describe('the quick path agrees with libphonenumber', () => {
  // The slow path alone: libphonenumber's own answer for the same text.
  function slow(raw: string, country: string): string | null {
    try {
      const parsed = parsePhoneNumberWithError(raw.startsWith('00') ? `+${raw.slice(2)}` : raw, country as CountryCode);
      return parsed.isPossible() ? `${parsed.number}|${parsed.formatNational().replace(/\D/g, '')}|${parsed.nationalNumber}` : null;
    } catch {
      return null;
    }
  }

  it.each(['UA', 'PL', 'GB', 'US', 'DE'])('for every shape of number it takes, in %s', (country) => {
    let random = 12345;
    const next = () => (random = (random * 1103515245 + 12345) % 2147483648);
    const plan = { UA: '380', PL: '48', GB: '44', US: '1', DE: '49' }[country] as string;
    let checked = 0;
    for (let i = 0; i < 20_000; i++) {
      const length = 6 + (next() % 8);
      let digits = '';
      for (let k = 0; k < length; k++) digits += String(next() % 10);
      const shapes = [digits, `0${digits}`, `+${plan}${digits}`, `${plan}${digits}`, `(0${digits.slice(0, 2)}) ${digits.slice(2)}`, `+${plan} ${digits.slice(0, 2)}-${digits.slice(2)}`];
      for (const raw of shapes) {
        const quick = fastNormalize(raw, country);
        if (!quick) continue;
        checked++;
        expect(`${quick.e164}|${quick.nationalDigits}|${quick.subscriberDigits}`).toBe(slow(raw, country));
      }
    }
    // Ukraine, the default, takes the quick path for most shapes; countries with special rules never do.
    if (country === 'UA') expect(checked).toBeGreaterThan(1_000);
  });
});

describe('reading numbers never throws', () => {
  it('answers ok or a reason for any text, in any country', () => {
    const countries = ['UA', 'RU', 'KZ', 'BY', 'PL', 'DE', 'US', 'GB', 'XX'];
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[+0-9 ()\-.]{0,30}$/)), fc.constantFrom(...countries), (text, country) => {
        const parsed = normalizePhone(text, country);
        expect(typeof parsed.ok).toBe('boolean');
        expect(Array.isArray(callerIdCandidates(text, country))).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });
});
