import { describe, expect, it } from 'vitest';
import { spellingsOf, typedDigitAlternatives } from '#core/shared/phone';

describe('spellingsOf', () => {
  it('gives the spellings people type: national with trunk prefix, and the subscriber digits', () => {
    expect(spellingsOf('+380671234567')).toEqual({ e164: '+380671234567', nationalDigits: '0671234567', subscriberDigits: '671234567' });
    expect(spellingsOf('+74951234567')).toEqual({ e164: '+74951234567', nationalDigits: '84951234567', subscriberDigits: '4951234567' });
    expect(spellingsOf('not a number')).toBeNull();
  });
});

describe('typedDigitAlternatives', () => {
  it('also searches without the old Ukrainian "8" and the "00" international prefix', () => {
    expect(typedDigitAlternatives('8067123', ['UA'])).toEqual(['8067123', '067123']);
    expect(typedDigitAlternatives('0044207', ['UA'])).toEqual(['0044207', '44207']);
    expect(typedDigitAlternatives('38067', ['UA'])).toEqual(['38067']);
    expect(typedDigitAlternatives('8912345', ['RU'])).toEqual(['8912345']);
  });
});
