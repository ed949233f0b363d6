import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callerIdentity } from '#core/telephony/caller-identity';

describe('caller identity from SIP headers', () => {
  it('prefers P-Asserted-Identity, then Remote-Party-ID, then From', () => {
    const from = '"Anna" <sip:101@pbx.local>;tag=a1';
    expect(callerIdentity({ assertedIdentity: '<sip:+380441234567@trunk>', remotePartyId: '<sip:222@x>', from })).toMatchObject({ number: '+380441234567', name: 'Anna' });
    expect(callerIdentity({ remotePartyId: '"Desk" <sip:0441234567@x>;party=calling', from })).toMatchObject({ number: '0441234567', name: 'Desk' });
    expect(callerIdentity({ from })).toEqual({ number: '101', name: 'Anna', raw: from });
  });

  it('decodes URL escapes and drops visual separators', () => {
    expect(callerIdentity({ assertedIdentity: '<sip:+7%20(343)%20288-22-10@trunk;user=phone>' })?.number).toBe('+73432882210');
    expect(callerIdentity({ from: '<tel:+7-343-288-22-10>;tag=x' })?.number).toBe('+73432882210');
    expect(callerIdentity({ from: 'sip:8.343.288.22.10@gw;user=phone' })?.number).toBe('83432882210');
    expect(callerIdentity({ from: '"%D0%86%D0%B2%D0%B0%D0%BD" <sip:0671234567@gw>' })).toMatchObject({ name: 'Іван', number: '0671234567' });
  });

  it('keeps a broken escape as written rather than failing', () => {
    expect(callerIdentity({ from: '<sip:%E0%A4%A@gw>' })?.number).toBe('%E0%A4%A');
    expect(callerIdentity({ from: '<sip:12%3@gw>' })?.number).toBe('12%3');
  });

  it('keeps a non-numeric user as it is', () => {
    expect(callerIdentity({ from: '<sip:alice@example.org>' })?.number).toBe('alice');
  });

  it('finds nobody in headers without a URI', () => {
    expect(callerIdentity({ from: 'garbage' })).toBeNull();
    expect(callerIdentity({})).toBeNull();
  });

  it('never throws on any header text', () => {
    fc.assert(
      fc.property(fc.record({ assertedIdentity: fc.option(fc.string()), remotePartyId: fc.option(fc.string()), from: fc.option(fc.string({ unit: 'binary' })) }), (headers) => {
        const identity = callerIdentity(headers);
        if (identity) expect(typeof identity.number).toBe('string');
      }),
      { numRuns: 3_000 },
    );
  });
});
