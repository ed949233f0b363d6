import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxExpiresSeconds, maxSipRequestBytes, originalFromHeader, screenInbound } from '#core/telephony/sip/inbound-guard';

function invite(headers: Record<string, string> = {}, body = ''): string {
  const base: Record<string, string> = {
    Via: 'SIP/2.0/WSS 127.0.0.1:5060;branch=z9hG4bK-1;rport',
    'Max-Forwards': '70',
    From: '"Caller" <sip:+380441234567@pbx.local>;tag=from1',
    To: '<sip:101@pbx.local>',
    'Call-ID': 'call-1@test',
    CSeq: '1 INVITE',
    Contact: '<sip:caller@127.0.0.1:5070>',
    ...headers,
  };
  const lines = Object.entries(base).map(([name, value]) => `${name}: ${value}`);
  return ['INVITE sip:101@pbx.local SIP/2.0', ...lines, `Content-Length: ${Buffer.byteLength(body)}`, '', body].join('\r\n');
}

describe('screening SIP messages from the PBX', () => {
  it('passes an ordinary request unchanged', () => {
    const text = invite();
    expect(screenInbound(text)).toEqual({ kind: 'pass', text, changes: [] });
  });

  it('answers an oversized request with 513 and echoes only bounded headers', () => {
    const verdict = screenInbound(invite({ 'X-Padding': 'x'.repeat(maxSipRequestBytes) }));
    expect(verdict.kind).toBe('answer');
    if (verdict.kind !== 'answer') return;
    expect(verdict.reply).toMatch(/^SIP\/2\.0 513 Message Too Large\r\n/);
    expect(verdict.reply).not.toContain('X-Padding');
    expect(verdict.reply.length).toBeLessThan(1_000);
    expect(verdict.reply).toMatch(/\r\nTo: <sip:101@pbx\.local>;tag=\w+\r\n/);
    expect(verdict.refused).toMatchObject({ method: 'INVITE', status: 513, callId: 'call-1@test', rawFrom: '"Caller" <sip:+380441234567@pbx.local>;tag=from1' });
  });

  it('drops an oversized request whose own routing headers are too long to echo', () => {
    const verdict = screenInbound(invite({ Via: `SIP/2.0/WSS 127.0.0.1;branch=z9hG4bK-${'9'.repeat(20_000)}` }));
    expect(verdict.kind).toBe('drop');
  });

  it('clamps a huge Expires and removes one that is not a number', () => {
    const huge = screenInbound(invite({ Expires: '99999999999' }));
    expect(huge.kind).toBe('pass');
    if (huge.kind === 'pass') expect(huge.text).toContain(`Expires: ${maxExpiresSeconds}\r\n`);
    const bad = screenInbound(invite({ Expires: 'soon' }));
    expect(bad.kind).toBe('pass');
    if (bad.kind === 'pass') expect(bad.text).not.toMatch(/^Expires:/m);
  });

  it('clamps expires parameters in a REGISTER answer', () => {
    const response = [
      'SIP/2.0 200 OK',
      'Via: SIP/2.0/WSS abc.invalid;branch=z9hG4bK-2',
      'From: <sip:101@pbx.local>;tag=a',
      'To: <sip:101@pbx.local>;tag=b',
      'Call-ID: reg-1',
      'CSeq: 2 REGISTER',
      'Contact: <sip:101@abc.invalid;transport=ws>;expires=4294967296',
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
    const verdict = screenInbound(response);
    expect(verdict.kind).toBe('pass');
    if (verdict.kind === 'pass') expect(verdict.text).toContain(`;expires=${maxExpiresSeconds}`);
  });

  it('reads a tel: From as a sip: URI and keeps the original text', () => {
    const verdict = screenInbound(invite({ From: '<tel:+7-343-288-22-10>;tag=t1' }));
    expect(verdict.kind).toBe('pass');
    if (verdict.kind !== 'pass') return;
    expect(verdict.text).toContain('From: <sip:+73432882210@pbx.local;user=phone>;tag=t1\r\n');
    expect(verdict.text).toContain(`${originalFromHeader}: <tel:+7-343-288-22-10>;tag=t1\r\n`);
  });

  it('does not trust an X-Original-From sent by the peer', () => {
    const verdict = screenInbound(invite({ [originalFromHeader]: '<sip:boss@x>' }));
    expect(verdict.kind).toBe('pass');
    if (verdict.kind === 'pass') expect(verdict.text).not.toContain('boss@x');
  });

  it('answers 400 when sip.js cannot read a header, naming it', () => {
    const verdict = screenInbound(invite({ From: '"unterminated <sip:1@x>;tag=1' }));
    expect(verdict.kind).toBe('answer');
    if (verdict.kind !== 'answer') return;
    expect(verdict.reply).toMatch(/^SIP\/2\.0 400 Bad Request/);
    expect(verdict.refused.reason).toMatch(/From/i);
  });

  it('never answers an ACK', () => {
    const ack = invite({ CSeq: '1 ACK', 'X-Padding': 'x'.repeat(maxSipRequestBytes) }).replace(/^INVITE/, 'ACK');
    expect(screenInbound(ack).kind).toBe('drop');
  });

  it('drops what is not SIP at all', () => {
    expect(screenInbound('GET / HTTP/1.1\r\n\r\n').kind).toBe('drop');
    expect(screenInbound('\r\n\r\n').kind).toBe('drop');
  });

  it('never throws, on mutated requests or random text', () => {
    const base = invite({}, 'v=0\r\n');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 2_000 }),
          fc.tuple(fc.nat(base.length), fc.string({ unit: 'binary', maxLength: 50 })).map(([at, junk]) => base.slice(0, at) + junk + base.slice(at)),
          fc.tuple(fc.nat(base.length), fc.nat(200)).map(([at, cut]) => base.slice(0, at) + base.slice(at + cut)),
        ),
        (text) => {
          const verdict = screenInbound(text);
          expect(['pass', 'answer', 'drop']).toContain(verdict.kind);
        },
      ),
      { numRuns: 3_000 },
    );
    // 3,000 messages screened: seconds on a loaded two-core machine, not a figure (the robustness bench has those).
  }, 60_000);
});
