import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * WebSocket frames, good and bad, written byte by byte (RFC 6455 §5.2), for fuzzing both ends
 * of the app's sockets: the browser host's API socket (frames from a client, masked) and the SIP
 * transport (frames from a PBX, unmasked).
 */
export interface FrameCase {
  name: string;
  bytes: Buffer;
  /** Close codes a correct peer answers with (RFC 6455 §7.4.1), when the case is a named protocol error. */
  expectClose?: readonly number[];
}

interface FrameSpec {
  fin?: boolean;
  rsv?: number;
  opcode: number;
  masked: boolean;
  payload: Buffer;
  /** Announce this length instead of the payload's own. */
  announcedLength?: number;
}

/** One frame: header, optional mask, payload (masked when asked). */
export function frame(spec: FrameSpec): Buffer {
  const length = spec.announcedLength ?? spec.payload.length;
  const first = ((spec.fin ?? true) ? 0x80 : 0) | ((spec.rsv ?? 0) << 4) | (spec.opcode & 0x0f);
  const maskBit = spec.masked ? 0x80 : 0;
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, maskBit | length]);
  else if (length < 65_536) {
    header = Buffer.alloc(4);
    header[0] = first;
    header[1] = maskBit | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = maskBit | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!spec.masked) return Buffer.concat([header, spec.payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(spec.payload);
  for (let i = 0; i < body.length; i++) body[i] = (body[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return Buffer.concat([header, mask, body]);
}

const closePayload = (code: number, reason = '') => {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code, 0);
  payload.write(reason, 2);
  return payload;
};

/**
 * The named bad frames, as a client (masked = true) or a server (masked = false) would send them.
 * `maxPayload` is the receiver's limit, for the oversize cases.
 */
export function namedBadFrames(fromClient: boolean, maxPayload: number): FrameCase[] {
  const m = fromClient;
  const text = Buffer.from('{"id":1,"method":"app.info","input":{}}');
  const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`);
  return [
    { name: 'RSV1 set without an extension', bytes: frame({ rsv: 4, opcode: 1, masked: m, payload: text }), expectClose: [1002] },
    { name: 'RSV2 and RSV3 set', bytes: frame({ rsv: 3, opcode: 1, masked: m, payload: text }), expectClose: [1002] },
    { name: fromClient ? 'unmasked client frame' : 'masked server frame', bytes: frame({ opcode: 1, masked: !m, payload: text }), expectClose: [1002] },
    { name: 'unknown data opcode 0x3', bytes: frame({ opcode: 0x3, masked: m, payload: text }), expectClose: [1002] },
    { name: 'unknown control opcode 0xB', bytes: frame({ opcode: 0xb, masked: m, payload: Buffer.alloc(0) }), expectClose: [1002] },
    { name: 'invalid UTF-8 in a text frame', bytes: frame({ opcode: 1, masked: m, payload: Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28]) }), expectClose: [1007] },
    { name: 'close code 999', bytes: frame({ opcode: 8, masked: m, payload: closePayload(999) }), expectClose: [1002] },
    { name: 'close code 1005 on the wire', bytes: frame({ opcode: 8, masked: m, payload: closePayload(1005) }), expectClose: [1002] },
    { name: 'close frame with one payload byte', bytes: frame({ opcode: 8, masked: m, payload: Buffer.from([3]) }), expectClose: [1002] },
    { name: 'close reason not UTF-8', bytes: frame({ opcode: 8, masked: m, payload: Buffer.concat([closePayload(1000), Buffer.from([0xff, 0xfe])]) }), expectClose: [1007] },
    { name: 'fragmented ping', bytes: frame({ fin: false, opcode: 9, masked: m, payload: Buffer.from('hi') }), expectClose: [1002] },
    { name: 'ping over 125 bytes', bytes: frame({ opcode: 9, masked: m, payload: Buffer.alloc(200, 0x61) }), expectClose: [1002] },
    { name: 'continuation without a first fragment', bytes: frame({ opcode: 0, masked: m, payload: text }), expectClose: [1002] },
    {
      name: 'new text frame inside a fragmented message',
      bytes: Buffer.concat([frame({ fin: false, opcode: 1, masked: m, payload: Buffer.from('{"id":') }), frame({ opcode: 1, masked: m, payload: text })]),
      expectClose: [1002],
    },
    { name: '64-bit length with the top bit set', bytes: Buffer.concat([Buffer.from([0x81, (m ? 0x80 : 0) | 127, 0x80, 0, 0, 0, 0, 0, 0, 1]), randomBytes(8)]), expectClose: [1002, 1009] },
    { name: `header announcing ${size(maxPayload * 1.25)}`, bytes: frame({ opcode: 1, masked: m, payload: Buffer.from('{"id":1'), announcedLength: Math.round(maxPayload * 1.25) }), expectClose: [1009] },
    { name: `message of ${size(maxPayload * 2.5)}`, bytes: frame({ opcode: 2, masked: m, payload: Buffer.alloc(Math.round(maxPayload * 2.5), 0x20) }), expectClose: [1009] },
    {
      name: 'fragments adding up past the limit',
      bytes: Buffer.concat([
        frame({ fin: false, opcode: 2, masked: m, payload: Buffer.alloc(Math.ceil(maxPayload / 2) + 1, 0x20) }),
        frame({ opcode: 0, masked: m, payload: Buffer.alloc(Math.ceil(maxPayload / 2) + 1, 0x20) }),
      ]),
      expectClose: [1009],
    },
  ];
}

/** A small deterministic generator, so a failing random case can be replayed by its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

/** Random frames: valid-looking headers with random bits flipped, random lengths and random bytes. */
export function randomFrames(count: number, seed: number, fromClient: boolean): FrameCase[] {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  const cases: FrameCase[] = [];
  for (let i = 0; i < count; i++) {
    const kind = int(4);
    let out: Buffer;
    if (kind === 0) out = bytes(1 + int(64));
    else {
      const base = frame({
        fin: random() < 0.8,
        rsv: random() < 0.2 ? int(8) : 0,
        opcode: random() < 0.7 ? [0, 1, 2, 8, 9, 10][int(6)] ?? 1 : int(16),
        masked: random() < 0.9 ? fromClient : !fromClient,
        payload: kind === 1 ? Buffer.from(JSON.stringify({ id: int(1e6), method: ['app.info', 'contacts.list', 'x'][int(3)], input: {} })) : bytes(int(300)),
      });
      out = Buffer.from(base);
      if (kind === 3) for (let f = 0; f < 1 + int(3); f++) out[int(out.length)] = int(256);
    }
    cases.push({ name: `random #${i} (seed ${seed})`, bytes: out });
  }
  return cases;
}

export interface RawExchange {
  /** The close code the server sent, or null when it only dropped the connection. */
  closeCode: number | null;
  /** The connection ended (closed or dropped) within the wait. */
  ended: boolean;
}

/**
 * Opens a WebSocket by hand (so any bytes can follow the handshake), writes `bytes`, and waits
 * for the server to close or drop the connection (or `waitMs` to pass: some frames, like a valid
 * ping, are fine and leave it open).
 */
export function sendRawFrames(options: { port: number; path: string; origin: string; bytes: Buffer; waitMs: number }): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const key = randomBytes(16).toString('base64');
    const socket: Socket = connect(options.port, '127.0.0.1');
    let upgraded = false;
    let buffer = Buffer.alloc(0);
    let closeCode: number | null = null;
    let done = false;
    const finish = (ended: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ closeCode, ended });
    };
    const timer = setTimeout(() => finish(false), options.waitMs);
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => {
      socket.write(
        [
          `GET ${options.path} HTTP/1.1`,
          `Host: 127.0.0.1:${options.port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${key}`,
          'Sec-WebSocket-Version: 13',
          `Origin: ${options.origin}`,
          '',
          '',
        ].join('\r\n'),
      );
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) return;
        const head = buffer.subarray(0, end).toString('latin1');
        if (!head.startsWith('HTTP/1.1 101')) {
          clearTimeout(timer);
          done = true;
          socket.destroy();
          reject(new Error(`handshake refused: ${head.split('\r\n')[0] ?? ''}`));
          return;
        }
        upgraded = true;
        buffer = buffer.subarray(end + 4);
        socket.write(options.bytes);
      }
      // Server frames are unmasked: a close frame is 0x88, length, code.
      for (let at = 0; at + 1 < buffer.length; ) {
        const opcode = (buffer[at] ?? 0) & 0x0f;
        let length = (buffer[at + 1] ?? 0) & 0x7f;
        let offset = at + 2;
        if (length === 126) {
          if (buffer.length < at + 4) break;
          length = buffer.readUInt16BE(at + 2);
          offset = at + 4;
        } else if (length === 127) {
          if (buffer.length < at + 10) break;
          length = Number(buffer.readBigUInt64BE(at + 2));
          offset = at + 10;
        }
        if (buffer.length < offset + length) break;
        if (opcode === 8 && length >= 2) closeCode = buffer.readUInt16BE(offset);
        at = offset + length;
      }
    });
  });
}
