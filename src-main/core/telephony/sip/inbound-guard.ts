import type { Core } from 'sip.js';
import { parseScreened } from './parse-once';

/**
 * What reaches sip.js from the PBX passes here first. sip.js trusts what it parses: it echoes
 * every Via/From/To of a request however long, arms timers straight from `Expires` (a huge one
 * overflows Node's timer and fires at once), and drops what it cannot parse without a word, so
 * the caller hears silence and no missed call is written. This screen:
 * - answers requests over {@link maxSipRequestBytes} itself with `513 Message Too Large`;
 * - answers requests sip.js cannot parse with `400 Bad Request` and says which header failed;
 * - clamps every expiry to {@link maxExpiresSeconds} (a bad `Expires` is removed);
 * - turns `tel:` identities in From/To into `sip:…;user=phone`, which sip.js's grammar reads
 *   (RFC 3261 allows tel: there and real trunks send it), keeping the original text;
 * and never echoes an unbounded header in its own answers.
 */

/** Larger requests get 513: a PBX's WebSocket read buffer is often 16 KB, and our reply must fit in it. */
export const maxSipRequestBytes = 16 * 1024;
/** Larger responses are dropped (logged): nothing we send asks for an answer this big. */
export const maxSipResponseBytes = 64 * 1024;
/** A day: far beyond any ring or registration interval, and well inside Node's 24.8-day timer limit. */
export const maxExpiresSeconds = 86_400;
/** Our answers echo Via/From/To/Call-ID/CSeq; longer ones than this are not echoed (the request is dropped). */
const maxEchoedHeaderBytes = 2_048;
const maxVias = 16;
/** The header a rewritten identity's original text travels in (set only by this guard). */
export const originalFromHeader = 'X-Original-From';

/** A request the workstation answered itself instead of handing it to sip.js. */
export interface RefusedRequest {
  method: string;
  status: number;
  reason: string;
  callId: string | null;
  /** The From and P-Asserted-Identity as sent, cut to a sane length: who was calling. */
  rawFrom: string | null;
  rawAssertedIdentity: string | null;
}

export type InboundVerdict =
  | { kind: 'pass'; text: string; changes: string[] }
  | { kind: 'answer'; reply: string; refused: RefusedRequest }
  | { kind: 'drop'; reason: string };

interface Head {
  firstLine: string;
  headers: { name: string; value: string }[];
  body: string;
  isRequest: boolean;
  method: string;
}

const compactNames: Record<string, string> = { v: 'via', f: 'from', t: 'to', i: 'call-id', m: 'contact', l: 'content-length' };
const canonical = (name: string) => {
  const lower = name.trim().toLowerCase();
  return compactNames[lower] ?? lower;
};

function splitHead(text: string): Head | null {
  const end = text.indexOf('\r\n\r\n');
  const headText = end === -1 ? text : text.slice(0, end);
  const body = end === -1 ? '' : text.slice(end + 4);
  const lines = headText.split('\r\n');
  const firstLine = lines.shift() ?? '';
  const request = /^([A-Za-z]+) \S+ SIP\/2\.0$/.exec(firstLine);
  if (!request && !/^SIP\/2\.0 \d{3}/.test(firstLine)) return null;
  const headers: Head['headers'] = [];
  for (const line of lines) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return { firstLine, headers, body, isRequest: request !== null, method: request?.[1]?.toUpperCase() ?? '' };
}

function join(head: Head): string {
  return [head.firstLine, ...head.headers.map((h) => `${h.name}: ${h.value}`), '', head.body].join('\r\n');
}

const values = (head: Head, name: string) => head.headers.filter((h) => canonical(h.name) === name).map((h) => h.value);
const cut = (text: string | undefined, length = 256) => (text === undefined ? null : text.length > length ? `${text.slice(0, length)}…` : text);

/**
 * A stateless answer built only from the headers a response must carry, each bounded; null when
 * they are missing or too long to echo safely (then the request is dropped and logged).
 */
function statelessReply(head: Head, status: number, reason: string): string | null {
  const vias = values(head, 'via');
  const [from] = values(head, 'from');
  const [to] = values(head, 'to');
  const [callId] = values(head, 'call-id');
  const [cseq] = values(head, 'cseq');
  if (vias.length === 0 || vias.length > maxVias || !from || !to || !callId || !cseq) return null;
  if ([...vias, from, to, callId, cseq].some((v) => v.length > maxEchoedHeaderBytes || /[\r\n]/.test(v))) return null;
  const toWithTag = /;\s*tag=/i.test(to) ? to : `${to};tag=${Math.random().toString(36).slice(2, 12)}`;
  return [
    `SIP/2.0 ${status} ${reason}`,
    ...vias.map((v) => `Via: ${v}`),
    `From: ${from}`,
    `To: ${toWithTag}`,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq}`,
    'Server: Operator Workstation',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

function refusal(head: Head, status: number, reason: string): RefusedRequest {
  return {
    method: head.method,
    status,
    reason,
    callId: cut(values(head, 'call-id')[0]),
    rawFrom: cut(values(head, 'from')[0]),
    rawAssertedIdentity: cut(values(head, 'p-asserted-identity')[0]),
  };
}

function answer(head: Head, status: number, phrase: string, reason: string): InboundVerdict {
  if (head.method === 'ACK') return { kind: 'drop', reason: `ACK not passed on: ${reason}` };
  const reply = statelessReply(head, status, phrase);
  if (!reply) return { kind: 'drop', reason: `${reason}; its Via/From/To/Call-ID/CSeq are missing or too long to answer` };
  return { kind: 'answer', reply, refused: refusal(head, status, reason) };
}

/** `Expires: 99999999999` → the cap; `Expires: soon` → removed; `;expires=` parameters likewise capped. */
function clampExpiries(head: Head, changes: string[]): void {
  head.headers = head.headers.filter((h) => {
    if (canonical(h.name) !== 'expires') return true;
    if (!/^\d+$/.test(h.value)) {
      changes.push(`removed Expires "${cut(h.value, 40) ?? ''}"`);
      return false;
    }
    if (Number(h.value) > maxExpiresSeconds) {
      changes.push(`Expires ${cut(h.value, 40) ?? ''} clamped to ${maxExpiresSeconds}`);
      h.value = String(maxExpiresSeconds);
    }
    return true;
  });
  for (const h of head.headers) {
    const name = canonical(h.name);
    if (name !== 'contact' && name !== 'subscription-state') continue;
    h.value = h.value.replace(/(;\s*expires\s*=\s*)(\d{7,})/gi, (_all, prefix: string, digits: string) => {
      if (Number(digits) <= maxExpiresSeconds) return `${prefix}${digits}`;
      changes.push(`${h.name} expires=${cut(digits, 40) ?? ''} clamped to ${maxExpiresSeconds}`);
      return `${prefix}${maxExpiresSeconds}`;
    });
  }
}

/** `<tel:+7-343-288-22-10>` → `<sip:+73432882210@host;user=phone>`; the host is the request's own. */
function telToSip(value: string, host: string): string | null {
  const match = /^(.*?<)?\s*tel:([^;>\s]+)((?:;[^>]*)?)(>.*)?$/i.exec(value);
  if (!match) return null;
  let digits = match[2] ?? '';
  try {
    digits = decodeURIComponent(digits);
  } catch {
    // A bad escape stays as sent; the visual separators are dropped below anyway.
  }
  const number = digits.replace(/[\s().-]/g, '');
  if (!/^\+?[\d*#]+$/.test(number)) return null;
  const uri = `sip:${number}@${host};user=phone`;
  return match[1] !== undefined ? `${match[1]}${uri}${match[4] ?? '>'}` : `<${uri}>${match[3] ?? ''}`;
}

function rewriteTelIdentities(head: Head, changes: string[]): void {
  const host = /^[A-Za-z]+ sips?:(?:[^@\s]*@)?([^;>\s?]+)/i.exec(head.firstLine)?.[1] ?? 'invalid';
  const originals: string[] = [];
  for (const h of head.headers) {
    const name = canonical(h.name);
    if (name !== 'from' && name !== 'to') continue;
    if (!/(^|<|\s)tel:/i.test(h.value)) continue;
    const rewritten = telToSip(h.value, host);
    if (!rewritten) continue;
    if (name === 'from') originals.push(h.value);
    changes.push(`${h.name} tel: URI read as ${cut(rewritten, 80) ?? ''}`);
    h.value = rewritten;
  }
  // Whatever the peer put in this header is not ours to trust; only the guard sets it.
  const before = head.headers.length;
  head.headers = head.headers.filter((h) => h.name.toLowerCase() !== originalFromHeader.toLowerCase());
  if (head.headers.length < before) changes.push(`removed ${originalFromHeader} sent by the peer`);
  for (const original of originals) head.headers.push({ name: originalFromHeader, value: original });
}

/** Which header sip.js's parser refused, from what it tells its logger. */
function parseProblem(text: string): string | null {
  let problem: string | null = null;
  const capture = (message: unknown) => {
    problem ??= typeof message === 'string' ? message : 'unreadable message';
  };
  const logger = { error: capture, warn: capture, log: () => undefined, debug: () => undefined } as unknown as Core.Logger;
  return parseScreened(text, logger) ? null : (problem ?? 'unreadable message');
}

/** Judges one message from the PBX; see the module comment. Never throws. */
export function screenInbound(text: string): InboundVerdict {
  if (/^\s*$/.test(text)) return { kind: 'drop', reason: 'keep-alive (CRLF)' };
  const head = splitHead(text.slice(0, maxSipResponseBytes + 1));
  if (!head) return { kind: 'drop', reason: `not a SIP message: ${cut(text.split('\r\n')[0], 80) ?? ''}` };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (!head.isRequest) {
    if (bytes > maxSipResponseBytes) return { kind: 'drop', reason: `response of ${bytes} bytes (limit ${maxSipResponseBytes})` };
  } else if (bytes > maxSipRequestBytes) {
    return answer(head, 513, 'Message Too Large', `${head.method} of ${bytes} bytes (limit ${maxSipRequestBytes})`);
  }
  const changes: string[] = [];
  clampExpiries(head, changes);
  if (head.isRequest) rewriteTelIdentities(head, changes);
  const screened = changes.length > 0 ? join(head) : text;
  const problem = parseProblem(screened);
  if (problem === null) return { kind: 'pass', text: screened, changes };
  if (!head.isRequest) return { kind: 'drop', reason: `unreadable response: ${problem}` };
  return answer(head, 400, 'Bad Request', problem);
}
