import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';

/** A request to send as it is: start line and headers, Via/Call-ID/CSeq/From/To filled in by the caller unless given. */
export interface CraftedInvite {
  name: string;
  /** Header lines to use instead of the defaults (by name), or to add. `null` leaves a default header out. */
  headers?: Record<string, string | null>;
  /** Extra raw header lines, for duplicates and odd spellings. */
  extraLines?: string[];
  body?: Buffer | string;
  /** A Content-Length to write instead of the body's own. */
  contentLength?: string;
  requestUri?: string;
  /** Bytes written instead of everything above (for what is not SIP at all). */
  raw?: Buffer;
}

export interface SentInvite {
  callId: string;
  branch: string;
  fromTag: string;
  /** Every status code received for it, in order. */
  statuses: number[];
}

/**
 * A SIP caller on Kamailio's UDP side that writes requests byte by byte, so they can be as
 * malformed as a broken trunk's: the other half of the malformed-signalling tests. It ACKs final
 * answers and can CANCEL (the caller gives up), as a real UAC would.
 */
export class UdpCaller {
  private readonly socket: Socket = createSocket('udp4');
  private port = 0;
  private readonly sent = new Map<string, SentInvite & { to: string; cseq: number; uri: string; via: string }>();

  constructor(
    private readonly pbxPort: number,
    private readonly target: string,
  ) {}

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.socket.bind(0, '127.0.0.1', () => resolve()));
    this.port = this.socket.address().port;
    this.socket.on('message', (data) => this.received(data.toString('latin1')));
  }

  private received(text: string): void {
    const status = /^SIP\/2\.0 (\d{3})/.exec(text)?.[1];
    const callId = /^(?:Call-ID|i):\s*(.+)$/im.exec(text)?.[1]?.trim();
    const cseqMethod = /^CSeq:\s*\d+\s+(\w+)/im.exec(text)?.[1];
    const invite = callId ? this.sent.get(callId) : undefined;
    if (!status || !invite || cseqMethod !== 'INVITE') return;
    invite.statuses.push(Number(status));
    if (Number(status) >= 300) {
      const to = /^(?:To|t):\s*(.+)$/im.exec(text)?.[1]?.trim() ?? invite.to;
      this.write(this.request('ACK', invite, to, `${invite.cseq} ACK`));
    }
  }

  /** ACK and CANCEL carry the INVITE's own top Via (RFC 3261 §9.1, §17.1.1.3), however odd it was. */
  private request(method: string, invite: { uri: string; via: string; fromTag: string; callId: string }, to: string, cseq: string): string {
    return [
      `${method} ${invite.uri} SIP/2.0`,
      `Via: ${invite.via}`,
      'Max-Forwards: 70',
      `From: <sip:fuzzer@127.0.0.1:${this.port}>;tag=${invite.fromTag}`,
      `To: ${to}`,
      `Call-ID: ${invite.callId}`,
      `CSeq: ${cseq}`,
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
  }

  private write(text: string | Buffer): void {
    this.socket.send(typeof text === 'string' ? Buffer.from(text, 'latin1') : text, this.pbxPort, '127.0.0.1');
  }

  /** Sends one INVITE (crafted as asked) and returns its identifiers; answers arrive into `statuses`. */
  invite(crafted: CraftedInvite): SentInvite {
    const callId = `${randomBytes(8).toString('hex')}@fuzz`;
    const branch = `z9hG4bK-${randomBytes(6).toString('hex')}`;
    const fromTag = randomBytes(4).toString('hex');
    const uri = crafted.requestUri ?? `sip:${this.target}@127.0.0.1:${this.pbxPort}`;
    const to = `<sip:${this.target}@127.0.0.1>`;
    const defaultVia = `SIP/2.0/UDP 127.0.0.1:${this.port};branch=${branch};rport`;
    const record = { callId, branch, fromTag, statuses: [] as number[], to, cseq: 1, uri, via: crafted.headers?.Via ?? defaultVia };
    this.sent.set(callId, record);
    if (crafted.raw) {
      this.write(crafted.raw);
      return record;
    }
    const body = typeof crafted.body === 'string' ? Buffer.from(crafted.body, 'latin1') : (crafted.body ?? Buffer.alloc(0));
    const defaults: Record<string, string> = {
      Via: defaultVia,
      'Max-Forwards': '70',
      From: `"Fuzz" <sip:+380441234567@127.0.0.1:${this.port}>;tag=${fromTag}`,
      To: to,
      'Call-ID': callId,
      CSeq: '1 INVITE',
      Contact: `<sip:fuzzer@127.0.0.1:${this.port}>`,
      ...(body.length > 0 ? { 'Content-Type': 'application/sdp' } : {}),
    };
    const merged: Record<string, string | null> = { ...defaults, ...crafted.headers };
    const lines = Object.entries(merged)
      .filter((entry): entry is [string, string] => entry[1] !== null)
      .map(([name, value]) => `${name}: ${value}`);
    const head = [`INVITE ${uri} SIP/2.0`, ...lines, ...(crafted.extraLines ?? []), `Content-Length: ${crafted.contentLength ?? body.length}`, '', ''].join('\r\n');
    // Header text with letters beyond Latin-1 is UTF-8 (as a trunk sends Cyrillic); \xNN escapes are raw bytes.
    this.write(Buffer.concat([Buffer.from(head, [...head].some((c) => c.charCodeAt(0) > 0xff) ? 'utf8' : 'latin1'), body]));
    return record;
  }

  /** The caller gives up: CANCEL, as RFC 3261 §9.1 builds it from the INVITE. */
  cancel(sent: SentInvite): void {
    const invite = this.sent.get(sent.callId);
    if (invite) this.write(this.request('CANCEL', invite, invite.to, `${invite.cseq} CANCEL`));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}

/** An SDP offer of plain PCMA audio, as a trunk sends it. */
export const plainSdp = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', 'm=audio 40000 RTP/AVP 8', 'a=rtpmap:8 PCMA/8000', ''].join('\r\n');

/**
 * The malformed-signalling corpus: each case is one thing a broken or hostile trunk sends.
 * Some stop at Kamailio (its sanity checks), the rest reach the workstation; either way the
 * workstation must stay up and ring for the next clean call.
 */
export function malformedInvites(): CraftedInvite[] {
  const long = (n: number, unit = 'x') => unit.repeat(n);
  return [
    { name: 'a 20 KB header', headers: { 'X-Padding': long(20_000) } },
    { name: 'a 40 KB header', headers: { 'X-Padding': long(40_000) } },
    { name: 'a 12 KB display name', headers: { From: `"${long(12_000, 'Я')}" <sip:+380441234567@127.0.0.1>;tag=big` } },
    { name: 'Content-Length larger than the body', body: plainSdp, contentLength: '5000' },
    { name: 'Content-Length smaller than the body', body: plainSdp, contentLength: '10' },
    { name: 'Content-Length not a number', body: plainSdp, contentLength: 'ten' },
    { name: 'negative Content-Length', body: plainSdp, contentLength: '-5' },
    { name: 'From with an empty URI', headers: { From: '<sip:@>;tag=a' } },
    { name: 'From with no tag and no URI', headers: { From: 'nobody' } },
    { name: 'From as a tel: URI', headers: { From: '<tel:+7-343-288-22-10>;tag=tel1' } },
    { name: 'From as a bare tel: URI', headers: { From: 'tel:+380441234567;tag=tel2' } },
    { name: 'To with a broken URI', headers: { To: '<sip:op@>' } },
    { name: 'Request-URI with spaces', requestUri: 'sip:op 900@127.0.0.1' },
    { name: 'Contact that is not a URI', headers: { Contact: '<<<>>>' } },
    { name: 'Expires of 99999999999', headers: { Expires: '99999999999' } },
    { name: 'Expires of 2^31', headers: { Expires: '2147483648' } },
    { name: 'Expires not a number', headers: { Expires: 'soon' } },
    { name: 'Expires negative', headers: { Expires: '-1' } },
    { name: 'unterminated quoted display name', headers: { From: '"Unterminated <sip:+380441234567@127.0.0.1>;tag=q1' } },
    { name: 'display name with escaped quotes and a backslash', headers: { From: '"O\\"Brien \\\\ Co" <sip:+380441234567@127.0.0.1>;tag=q2' } },
    { name: 'display name with control characters', headers: { From: `"A\u0001B\u0007" <sip:+380441234567@127.0.0.1>;tag=q3` } },
    { name: 'display name in Cyrillic, unquoted', headers: { From: 'Іван Петренко <sip:+380441234567@127.0.0.1>;tag=q4' } },
    { name: 'two From headers', extraLines: ['From: <sip:second@127.0.0.1>;tag=dup'] },
    { name: 'two Call-ID headers', extraLines: ['Call-ID: other@fuzz'] },
    { name: 'two CSeq headers', extraLines: ['CSeq: 2 INVITE'] },
    { name: 'CSeq method not INVITE', headers: { CSeq: '1 BYE' } },
    { name: 'CSeq not a number', headers: { CSeq: 'one INVITE' } },
    { name: 'non-UTF-8 bytes in the display name', headers: { From: `"\xff\xfe\xc3(" <sip:+380441234567@127.0.0.1>;tag=u1` } },
    { name: 'non-UTF-8 bytes in a header', headers: { Subject: '\xff\xfe\xfd\xfc' } },
    { name: 'a P-Asserted-Identity that is not a URI', headers: { 'P-Asserted-Identity': '"x" <not a uri' } },
    { name: 'a URL-escaped P-Asserted-Identity', headers: { 'P-Asserted-Identity': '<sip:+7%20(343)%20288-22-10@127.0.0.1;user=phone>' } },
    { name: 'a broken % escape in P-Asserted-Identity', headers: { 'P-Asserted-Identity': '<sip:%E0%A4%A@127.0.0.1>' } },
    { name: 'an SDP body that is garbage', body: 'this is not SDP\r\n\x00\x01' },
    { name: 'a header line without a colon', extraLines: ['NoColonHere'] },
    { name: 'a 200-hop Via stack', extraLines: Array.from({ length: 200 }, (_, i) => `Via: SIP/2.0/UDP 10.0.${Math.floor(i / 250)}.${i % 250}:5060;branch=z9hG4bK-hop${i}`) },
    { name: 'a Via with a 5 KB branch', headers: { Via: `SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK-${long(5_000, '9')};rport` } },
    { name: 'Max-Forwards 0', headers: { 'Max-Forwards': '0' } },
    { name: 'no Call-ID', headers: { 'Call-ID': null } },
    { name: 'not SIP at all', raw: Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n') },
    { name: 'random bytes', raw: randomBytes(512) },
  ];
}
