import { describe, expect, it } from 'vitest';
import { parseHostFlags } from '#hosts/common/host-flags';

describe('host flags', () => {
  it('has safe defaults: any free port, no demo', () => {
    expect(parseHostFlags([])).toEqual({ ok: true, flags: { dataDir: undefined, port: 0, demo: false, demoSize: 2_000 } });
  });

  it('reads every option, in both spellings', () => {
    expect(parseHostFlags(['--data-dir', '/tmp/d', '--port=8080', '--demo', '--demo-size', '500', '--demo-language=ru'])).toEqual({
      ok: true,
      flags: { dataDir: '/tmp/d', port: 8080, demo: true, demoSize: 500, demoLanguage: 'ru' },
    });
  });

  it.each([
    [['--port', 'eighty'], /--port/],
    [['--port', '70000'], /--port/],
    [['--data-dir'], /--data-dir/],
    [['--demo-size', '5'], /--demo-size/],
    [['--demo-language', 'de'], /--demo-language needs uk, ru or en/],
    [['--verbose'], /Unknown option --verbose/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseHostFlags(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('ignores switches it does not know when not strict (Electron adds its own)', () => {
    expect(parseHostFlags(['--no-sandbox', '--demo'], false)).toMatchObject({ ok: true, flags: { demo: true } });
  });
});
