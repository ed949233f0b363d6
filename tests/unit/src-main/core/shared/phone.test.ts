import { describe, expect, it } from 'vitest';
import { callerIdCandidates, normalizePhone, spellingsOf, typedDigitAlternatives } from '#core/shared/phone';

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
