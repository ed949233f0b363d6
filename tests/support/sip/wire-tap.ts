import WebSocket from 'ws';

/**
 * Every SIP message on every `ws` socket of this process, with its time: the moment an INVITE
 * reaches a user agent and the moment a 200 OK answers one are read here, below sip.js.
 */
export function watchSipWire() {
  const seen: { at: number; direction: 'in' | 'out'; text: string }[] = [];
  const proto = WebSocket.prototype as unknown as { emit: (event: string, ...args: unknown[]) => boolean; send: (data: unknown, ...rest: unknown[]) => void };
  const emit = proto.emit;
  const send = proto.send;
  proto.emit = function (this: unknown, event: string, ...args: unknown[]) {
    if (event === 'message') seen.push({ at: performance.now(), direction: 'in', text: String(args[0]) });
    return emit.call(this, event, ...args);
  };
  proto.send = function (this: unknown, data: unknown, ...rest: unknown[]) {
    seen.push({ at: performance.now(), direction: 'out', text: String(data) });
    return send.call(this, data, ...rest);
  };
  const callId = (text: string) => /^Call-ID:\s*(\S+)/im.exec(text)?.[1];
  return {
    clear: () => (seen.length = 0),
    /** The SIP messages seen, in order. */
    messages: () => [...seen],
    /** When the last INVITE addressed to `user` arrived. */
    inviteArrived(user: string): number | undefined {
      return seen.findLast((m) => m.direction === 'in' && m.text.startsWith(`INVITE sip:`) && m.text.includes(`To: <sip:${user}@`))?.at;
    },
    /** When the 200 OK to the last INVITE `fromUser` sent arrived. */
    last200(fromUser: string): number | undefined {
      const invite = seen.findLast((m) => m.direction === 'out' && m.text.startsWith('INVITE ') && new RegExp(`^From:[^\\n]*sip:${fromUser}@`, 'im').test(m.text));
      const id = invite ? callId(invite.text) : undefined;
      return seen.find((m) => m.direction === 'in' && m.text.startsWith('SIP/2.0 200') && /^CSeq:\s*\d+ INVITE/im.test(m.text) && callId(m.text) === id)?.at;
    },
    restore() {
      proto.emit = emit;
      proto.send = send;
    },
  };
}
