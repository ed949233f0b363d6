import { safeDecodeURIComponent } from '#core/shared/text';

/**
 * Who is calling, read from the identity headers as carriers and PBXs write them:
 * P-Asserted-Identity when the network vouches for the caller, else Remote-Party-ID, else From.
 * Handles `sip:` and `sips:` URIs (with `;user=phone`), `tel:` URIs, URL escapes
 * (`+7%20(343)%20288-22-10`), quoted and bare display names, and visual separators in numbers.
 */
export interface CallerIdentity {
  /** The number (digits, `+`, `*`, `#`) or, for a non-numeric user part, that text ("alice"). */
  number: string;
  name: string | null;
  /** The header text it was read from, kept beside the canonical number in the history. */
  raw: string;
}

export interface IdentityHeaders {
  assertedIdentity?: string | null | undefined;
  remotePartyId?: string | null | undefined;
  from?: string | null | undefined;
}

function displayNameOf(value: string): string | null {
  const quoted = /^\s*"((?:[^"\\]|\\.)*)"\s*</.exec(value);
  if (quoted) return safeDecodeURIComponent((quoted[1] ?? '').replace(/\\(.)/g, '$1')).trim() || null;
  const bare = /^\s*([^<"]+?)\s*</.exec(value);
  return bare ? bare[1]?.trim() || null : null;
}

/** The user part of the first URI in a name-addr or addr-spec, decoded; null when there is none. */
function userOf(value: string): string | null {
  const inBrackets = /<([^>]*)>/.exec(value)?.[1];
  const uri = (inBrackets ?? value.split(/[;,]/)[0] ?? '').trim();
  const tel = /^tel:([^;?]+)/i.exec(uri);
  if (tel) return safeDecodeURIComponent(tel[1] ?? '');
  const sip = /^sips?:([^@;?]+)@/i.exec(uri);
  if (sip) return safeDecodeURIComponent(sip[1] ?? '');
  const hostOnly = /^sips?:([^;?>]+)/i.exec(uri);
  return hostOnly ? safeDecodeURIComponent(hostOnly[1] ?? '') : null;
}

/** "+7 (343) 288-22-10" → "+73432882210"; a user part that is not a number stays as it is. */
export function dialableOf(user: string): string {
  const text = user.split(';')[0]?.trim() ?? '';
  const compact = text.replace(/[\s().\-/]/g, '');
  return /^\+?[\d*#]+$/.test(compact) ? compact : text;
}

/** The caller, from the first identity header that names one. */
export function callerIdentity(headers: IdentityHeaders): CallerIdentity | null {
  const name = headers.from ? displayNameOf(headers.from) : null;
  for (const raw of [headers.assertedIdentity, headers.remotePartyId, headers.from]) {
    if (!raw) continue;
    const user = userOf(raw);
    if (user === null || user === '') continue;
    return { number: dialableOf(user), name: displayNameOf(raw) ?? name, raw };
  }
  return null;
}
