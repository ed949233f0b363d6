import { EmitterImpl, TransportState, type Emitter, type Transport } from 'sip.js';
import WebSocket from 'ws';
import { assertNever } from '#contract';
import type { Logger } from '#core/shared/logger';
import { screenInbound, type RefusedRequest } from './inbound-guard';

/**
 * The largest WebSocket message taken from the PBX. SIP messages are a few kilobytes; anything
 * near this is a broken or hostile peer, and ws refuses it (close 1009) before buffering it.
 */
export const maxSipFrameBytes = 256 * 1024;

export interface WsTransportOptions {
  server: string;
  logger?: Logger;
  /** A request the transport answered itself (too large, unreadable): the phone may log it as a missed call. */
  onRefused?: (request: RefusedRequest) => void;
  /** A WebSocket ping every this many ms; no pong before the next one means the link is dead. */
  keepAliveMs?: number;
  connectTimeoutMs?: number;
}

/**
 * SIP over WebSocket (RFC 7118) for sip.js in Node, on the `ws` package (Node 20 has no global
 * WebSocket). Pings keep NAT bindings open and notice a dead link within two intervals, which
 * sip.js's own transport does not. Reconnecting is the account's job (see SipAccount).
 */
export class WsTransport implements Transport {
  readonly protocol = 'WSS';
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;
  private readonly emitter = new EmitterImpl<TransportState>();
  private current: TransportState = TransportState.Disconnected;
  private socket: WebSocket | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private readonly options: Required<Omit<WsTransportOptions, 'logger' | 'onRefused'>>;
  private readonly logger: Logger | undefined;
  private readonly onRefused: ((request: RefusedRequest) => void) | undefined;

  constructor(_logger: unknown, options: WsTransportOptions) {
    const { logger, onRefused, ...rest } = options;
    this.logger = logger;
    this.onRefused = onRefused;
    this.options = { keepAliveMs: 4_000, connectTimeoutMs: 5_000, ...rest };
  }

  get state(): TransportState {
    return this.current;
  }

  get stateChange(): Emitter<TransportState> {
    return this.emitter;
  }

  private transition(next: TransportState, error?: Error): void {
    if (this.current === next) return;
    this.current = next;
    this.emitter.emit(next);
    if (next === TransportState.Connected) this.onConnect?.();
    if (next === TransportState.Disconnected) this.onDisconnect?.(error);
  }

  connect(): Promise<void> {
    if (this.current === TransportState.Connected) return Promise.resolve();
    this.transition(TransportState.Connecting);
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.options.server, 'sip', { handshakeTimeout: this.options.connectTimeoutMs, maxPayload: maxSipFrameBytes });
      this.socket = socket;
      let opened = false;
      socket.on('open', () => {
        opened = true;
        this.startKeepAlive(socket);
        this.transition(TransportState.Connected);
        resolve();
      });
      socket.on('message', (data) => {
        const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
        this.receive(text);
      });
      socket.on('error', (error: Error & { code?: string }) => {
        if (!opened) {
          this.socket = undefined;
          this.transition(TransportState.Disconnected, error);
          reject(error);
          return;
        }
        // A bad frame from the PBX or a proxy (ws closes with 1002/1007/1009 and 'close' follows):
        // it costs a reconnect, never the process.
        this.logger?.warn('SIP WebSocket closed on a bad frame from the PBX', { server: this.options.server, code: error.code ?? null, error: error.message });
      });
      socket.on('close', (code, reason) => {
        if (this.socket !== socket) return;
        this.stopKeepAlive();
        this.socket = undefined;
        if (opened) this.transition(TransportState.Disconnected, code === 1000 ? undefined : new Error(`connection closed (${code}${reason.length ? ` ${reason.toString()}` : ''})`));
      });
    });
  }

  disconnect(): Promise<void> {
    const socket = this.socket;
    this.stopKeepAlive();
    this.socket = undefined;
    if (socket && socket.readyState !== WebSocket.CLOSED) socket.close(1000);
    this.transition(TransportState.Disconnected);
    return Promise.resolve();
  }

  async dispose(): Promise<void> {
    await this.disconnect();
  }

  isConnected(): boolean {
    return this.current === TransportState.Connected;
  }

  send(message: string): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return Promise.reject(new Error('Not connected to the PBX'));
    return new Promise((resolve, reject) => socket.send(message, (error) => (error ? reject(error) : resolve())));
  }

  /** One message from the PBX: screened, then handed to sip.js; nothing in it may throw out of ws's event. */
  private receive(text: string): void {
    const verdict = screenInbound(text);
    switch (verdict.kind) {
      case 'drop':
        this.logger?.warn('SIP message from the PBX dropped', { reason: verdict.reason });
        return;
      case 'answer':
        this.logger?.warn('SIP request answered by the workstation', { status: verdict.refused.status, method: verdict.refused.method, reason: verdict.refused.reason });
        this.send(verdict.reply).catch((error: unknown) => this.logger?.warn('SIP refusal not sent', { error: String(error) }));
        this.onRefused?.(verdict.refused);
        return;
      case 'pass':
        if (verdict.changes.length > 0) this.logger?.info('SIP message from the PBX adjusted', { changes: verdict.changes });
        try {
          this.onMessage?.(verdict.text);
        } catch (error) {
          this.logger?.error('sip.js failed on a message from the PBX', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        }
        return;
      default:
        return assertNever(verdict, 'inbound verdict');
    }
  }

  private startKeepAlive(socket: WebSocket): void {
    let alive = true;
    socket.on('pong', () => (alive = true));
    this.pingTimer = setInterval(() => {
      if (!alive) {
        // No answer to the last ping: the PBX or the network is gone. terminate() fires 'close'.
        socket.terminate();
        return;
      }
      alive = false;
      socket.ping();
    }, this.options.keepAliveMs);
    this.pingTimer.unref();
  }

  private stopKeepAlive(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = undefined;
  }
}
