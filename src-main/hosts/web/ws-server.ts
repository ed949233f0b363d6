import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Result, WireMessage } from '#contract';
import type { Dispatch } from '#core/api/dispatch';
import type { EventBus } from '#core/api/event-bus';
import type { Logger } from '#core/shared/logger';

export interface ApiSocketOptions {
  server: Server;
  /** The per-start secret; a connection must present it as `?token=`. */
  token: string;
  /** Exact origins allowed to connect, e.g. `http://127.0.0.1:43121`. */
  allowedOrigins: () => readonly string[];
  dispatch: Dispatch;
  events: EventBus;
  logger: Logger;
}

export const apiPath = '/api';
const maxFrameBytes = 4 * 1024 * 1024;

export type UpgradeVerdict = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string };

/**
 * Who may open the API socket: only a page we served (exact Origin), naming us by our
 * loopback address (Host, against DNS rebinding), holding this start's token.
 */
export function judgeUpgrade(request: IncomingMessage, token: string, allowedOrigins: readonly string[]): UpgradeVerdict {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== apiPath) return { ok: false, status: 404, reason: 'unknown path' };
  const origin = request.headers.origin;
  if (!origin || !allowedOrigins.includes(origin)) return { ok: false, status: 403, reason: 'foreign or missing Origin' };
  const host = request.headers.host;
  if (!host || !allowedOrigins.some((o) => new URL(o).host === host)) return { ok: false, status: 403, reason: 'unexpected Host' };
  const presented = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    return { ok: false, status: 401, reason: 'wrong or missing token' };
  }
  return { ok: true };
}

/**
 * Carries the API contract over a WebSocket: requests in, results and events out.
 * The same dispatcher as Electron's IPC, so both hosts behave the same.
 */
export function attachApiSocket(options: ApiSocketOptions): { close(): Promise<void> } {
  const { server, token, dispatch, events, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  wss.on('error', (error) => logger.error('API socket server error', { error: error.message }));
  let connectionSerial = 0;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = judgeUpgrade(request, token, options.allowedOrigins());
    if (!verdict.ok) {
      logger.warn('API socket refused', { reason: verdict.reason, origin: request.headers.origin ?? null });
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : verdict.status === 403 ? 'Forbidden' : 'Not Found'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  server.on('upgrade', onUpgrade);

  wss.on('connection', (ws: WebSocket) => {
    const origin = `web:${++connectionSerial}`;
    const send = (message: WireMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = events.onAny((event, payload) => send({ type: 'event', event, payload }));
    ws.on('close', unsubscribe);
    // A malformed frame (bad opcode, RSV bits, invalid UTF-8, oversize, bad close code) is ws's
    // 'error': it has already chosen the close code (1002, 1007, 1009); we note it and the
    // connection ends, never the process.
    ws.on('error', (error: Error & { code?: string }) => logger.warn('API socket closed on a bad frame', { connection: origin, code: error.code ?? null, error: error.message }));
    ws.on('message', (data, isBinary) => {
      void handleFrame(isBinary ? null : rawDataToText(data), dispatch, origin).then(({ id, result }) => send({ type: 'result', id, result }));
    });
  });

  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.off('upgrade', onUpgrade);
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

/** ws hands text frames over as a Buffer, a list of fragments, or an ArrayBuffer. */
export function rawDataToText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

/** A frame that is not a request still gets an answer (id 0), never a dropped socket or a crash. */
async function handleFrame(text: string | null, dispatch: Dispatch, origin: string): Promise<{ id: number; result: Result<unknown> }> {
  let frame: unknown;
  try {
    frame = text === null ? null : JSON.parse(text);
  } catch {
    frame = null;
  }
  const request = frame as { id?: unknown; method?: unknown; input?: unknown } | null;
  if (!request || typeof request !== 'object' || typeof request.id !== 'number' || typeof request.method !== 'string') {
    const id = request && typeof request === 'object' && typeof request.id === 'number' ? request.id : 0;
    return { id, result: { ok: false, error: { code: 'invalid_payload', message: 'A request frame is JSON {id: number, method: string, input}' } } };
  }
  return { id: request.id, result: await dispatch(request.method, request.input, { origin }) };
}
