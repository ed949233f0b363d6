import type { UnreadableLinkReason } from '#contract';

/** What a link from another program, or an argument of a second launch, asks us to dial. */
export type DialLink = { kind: 'none' } | { kind: 'target'; target: string } | { kind: 'unreadable'; link: string; reason: UnreadableLinkReason };

const linkPattern = /^(tel|callto|sips?):(\/\/)?(.*)$/is;

/**
 * Reads "tel:+380-44-123-45-67", "tel:0671234567;phone-context=+380", "sip:101@pbx", "callto:…".
 * Not a phone link at all → `none`; a phone link we cannot read (a broken `%` escape, nothing
 * dialable) → `unreadable`, so the window can say so instead of failing. Never throws.
 */
export function readDialLink(link: string): DialLink {
  const text = link.trim();
  const match = linkPattern.exec(text);
  if (!match) return { kind: 'none' };
  const shown = text.length > 120 ? `${text.slice(0, 120)}…` : text;
  const scheme = (match[1] ?? '').toLowerCase();
  let rest: string;
  try {
    rest = decodeURIComponent(match[3] ?? '');
  } catch {
    return { kind: 'unreadable', link: shown, reason: 'broken_escape' };
  }
  if (scheme === 'sip' || scheme === 'sips') {
    const address = rest.split(/[?;]/)[0] ?? '';
    return /^[^@\s]+@[^@\s]+$/.test(address) ? { kind: 'target', target: `sip:${address}` } : { kind: 'unreadable', link: shown, reason: 'no_sip_address' };
  }
  const number = (rest.split(';')[0] ?? '').replace(/[\s().-]/g, '');
  return /^\+?[\d*#]{2,20}$/.test(number) ? { kind: 'target', target: number } : { kind: 'unreadable', link: shown, reason: 'no_number' };
}

/** The number or SIP address in a link; null when there is nothing dialable. */
export function dialTargetOf(link: string): string | null {
  const read = readDialLink(link);
  return read.kind === 'target' ? read.target : null;
}

/** The first phone link among a launch's arguments, readable or not. */
export function dialLinkInArgs(args: readonly string[]): DialLink {
  for (const arg of args) {
    const read = readDialLink(arg);
    if (read.kind !== 'none') return read;
  }
  return { kind: 'none' };
}
