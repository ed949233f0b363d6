import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dialLinkInArgs, dialTargetOf, readDialLink } from '#core/telephony/dial-link';

describe('links other programs open', () => {
  it('reads tel: and callto: numbers in any punctuation, dropping parameters', () => {
    expect(dialTargetOf('tel:+380-44-123-45-67')).toBe('+380441234567');
    expect(dialTargetOf('tel:0671234567;phone-context=+380')).toBe('0671234567');
    expect(dialTargetOf('TEL:%2B380%20(67)%20123%2045%2067')).toBe('+380671234567');
    expect(dialTargetOf('callto://+442079460958')).toBe('+442079460958');
    expect(dialTargetOf('tel:*21#')).toBe('*21#');
  });

  it('reads sip: addresses and refuses anything that is not dialable', () => {
    expect(dialTargetOf('sip:101@pbx.example.com;transport=ws')).toBe('sip:101@pbx.example.com');
    expect(dialTargetOf('sips:anna@example.org?subject=hi')).toBe('sip:anna@example.org');
    expect(dialTargetOf('sip:nobody')).toBeNull();
    expect(dialTargetOf('https://example.com')).toBeNull();
    expect(dialTargetOf('tel:call-me-maybe')).toBeNull();
    expect(dialTargetOf('tel:')).toBeNull();
  });

  it('finds the link among a second launch’s arguments', () => {
    expect(dialLinkInArgs(['/opt/app/workstation', '--data-dir', '/tmp/x', 'tel:0442001020'])).toEqual({ kind: 'target', target: '0442001020' });
    expect(dialLinkInArgs(['/opt/app/workstation', '--demo'])).toEqual({ kind: 'none' });
  });

  it('says a link is unreadable instead of throwing on a broken % escape', () => {
    expect(readDialLink('tel:%')).toEqual({ kind: 'unreadable', link: 'tel:%', reason: 'broken_escape' });
    expect(readDialLink('callto:%ZZ')).toMatchObject({ kind: 'unreadable', reason: 'broken_escape' });
    expect(readDialLink('sip:%E0%A4%A')).toMatchObject({ kind: 'unreadable', reason: 'broken_escape' });
    expect(readDialLink('tel:call-me-maybe')).toMatchObject({ kind: 'unreadable', reason: 'no_number' });
    expect(readDialLink('sip:nobody')).toMatchObject({ kind: 'unreadable', reason: 'no_sip_address' });
    expect(readDialLink('--data-dir')).toEqual({ kind: 'none' });
    expect(dialLinkInArgs(['/opt/app/workstation', 'tel:%E0%A4%A'])).toMatchObject({ kind: 'unreadable' });
  });

  it('never throws, whatever the link', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string().map((s) => `tel:${s}`), fc.string({ unit: 'binary' }).map((s) => `sip:${s}`)), (link) => {
        expect(['none', 'target', 'unreadable']).toContain(readDialLink(link).kind);
      }),
      { numRuns: 3_000 },
    );
  });
});
