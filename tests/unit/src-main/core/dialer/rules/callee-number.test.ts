import { describe, expect, it } from 'vitest';
import { readCalleeNumber } from '#core/dialer/rules/callee-number';

describe('where a number’s callee is', () => {
  it('+7 343 is Yekaterinburg and +7 423 Vladivostok', async () => {
    expect(await readCalleeNumber('+73432123456')).toEqual({ e164: '+73432123456', country: 'RU', zones: ['Asia/Yekaterinburg'] });
    expect(await readCalleeNumber('+74232123456')).toEqual({ e164: '+74232123456', country: 'RU', zones: ['Asia/Vladivostok'] });
  });

  it('gives every zone of a range that spans several', async () => {
    const tollFree = await readCalleeNumber('+18002345678');
    expect(tollFree.country).toBe('US');
    expect(tollFree.zones).toEqual(expect.arrayContaining(['America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu']));
  });

  it('tells a Kazakh +7 number from a Russian one', async () => {
    expect(await readCalleeNumber('+77012345678')).toMatchObject({ country: 'KZ' });
  });
});
