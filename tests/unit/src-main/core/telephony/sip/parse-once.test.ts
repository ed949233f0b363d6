import { Core } from 'sip.js';
import { describe, expect, it } from 'vitest';
import { screenInbound } from '#core/telephony/sip/inbound-guard';
import { parseScreened } from '#core/telephony/sip/parse-once';

const logger = { error: () => undefined, warn: () => undefined, log: () => undefined, debug: () => undefined } as unknown as Core.Logger;

function invite(callId: string): string {
  return [
    'INVITE sip:101@pbx.local SIP/2.0',
    'Via: SIP/2.0/WSS 127.0.0.1:5060;branch=z9hG4bK-1;rport',
    'Max-Forwards: 70',
    'From: "Caller" <sip:+380441234567@pbx.local>;tag=from1',
    'To: <sip:101@pbx.local>',
    `Call-ID: ${callId}`,
    'CSeq: 1 INVITE',
    'Contact: <sip:caller@127.0.0.1:5070>',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

describe('each message from the PBX parsed once', () => {
  it('hands sip.js the guard\'s parse of the message it passed, once, and parses anything else itself', () => {
    const text = invite('once@test');
    const verdict = screenInbound(text);
    expect(verdict.kind).toBe('pass');
    const first = Core.Parser.parseMessage(text, logger);
    expect(first).toBeInstanceOf(Core.IncomingRequestMessage);
    const guards = parseScreened(invite('kept@test'), logger);
    expect(Core.Parser.parseMessage(invite('kept@test'), logger)).toBe(guards);
    expect(first?.callId).toBe('once@test');
    // The guard's object went to the first parse; a second parse of the same text is sip.js's own.
    const second = Core.Parser.parseMessage(text, logger);
    expect(second).not.toBe(first);
    expect(second?.callId).toBe('once@test');
    // Another text after a screened one is parsed for what it is.
    screenInbound(invite('first@test'));
    expect(Core.Parser.parseMessage(invite('other@test'), logger)?.callId).toBe('other@test');
  });
});
