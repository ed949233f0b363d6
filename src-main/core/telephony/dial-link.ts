/**
 * The number or SIP address in a link another program opened ("tel:+380-44-123-45-67",
 * "tel:0671234567;phone-context=+380", "sip:101@pbx", "callto:…"), or in the command line of a
 * second launch. Null when nothing dialable is there.
 */
export function dialTargetOf(link: string): string | null {
  const text = link.trim();
  const match = /^(tel|callto|sips?):(\/\/)?(.+)$/i.exec(text);
  if (!match) return null;
  const scheme = (match[1] ?? '').toLowerCase();
  let rest = decodeURIComponent(match[3] ?? '');
  if (scheme === 'sip' || scheme === 'sips') {
    const address = rest.split(/[?;]/)[0] ?? '';
    return /^[^@\s]+@[^@\s]+$/.test(address) ? `sip:${address}` : null;
  }
  rest = rest.split(';')[0] ?? '';
  const number = rest.replace(/[\s().-]/g, '');
  return /^\+?[\d*#]{2,20}$/.test(number) ? number : null;
}

/** The first dialable link among a launch's arguments. */
export function dialTargetInArgs(args: readonly string[]): string | null {
  for (const arg of args) {
    const target = dialTargetOf(arg);
    if (target) return target;
  }
  return null;
}
