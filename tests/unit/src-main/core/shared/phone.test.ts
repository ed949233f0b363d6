import { describe, expect, it } from 'vitest';
import { normalizePhone } from '#core/shared/phone';

describe('normalizePhone', () => {
  it.each([
    ['+380 44 123-45-67', 'UA', '+380441234567'],
    ['044 123 45 67', 'UA', '+380441234567'],
    ['(067) 123 4567', 'UA', '+380671234567'],
    ['00 44 20 7946 0958', 'UA', '+442079460958'],
    ['8 (495) 123-45-67', 'RU', '+74951234567'],
    ['+7 495 1234567', 'UA', '+74951234567'],
    ['(212) 555-0142', 'US', '+12125550142'],
  ])('reads %s (default %s) as %s', (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['', 'empty'],
    ['call me maybe', 'not a number'],
    ['12', 'not a possible number'],
  ])('rejects %j with a reason', (raw, reason) => {
    expect(normalizePhone(raw, 'UA')).toEqual({ ok: false, reason: expect.stringContaining(reason.split(' ')[0] ?? '') });
  });
});
