import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A stand-in PBX endpoint for the SIP transport's own tests: it accepts SIP-over-WebSocket,
 * answers REGISTER with 200 OK (echoing Via, From, To, Call-ID, CSeq and Contact), and lets a test
 * write any bytes on the raw connection, such as malformed WebSocket frames. Not a PBX: calls go
 * through the real Kamailio elsewhere.
 */
export class FakePbx {
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private rawSockets: Duplex[] = [];
  registrations = 0;
  connections = 0;

  async start(): Promise<string> {
    const wss = new WebSocketServer({ noServer: true, handleProtocols: () => 'sip' });
    this.wss = wss;
    const server = createServer((_req, res) => res.writeHead(404).end());
    server.on('upgrade', (request, socket, head) => {
      wss.handleUpgrade(request, socket, head, (ws) => {
        this.connections++;
        this.rawSockets.push(socket);
        socket.on('close', () => (this.rawSockets = this.rawSockets.filter((s) => s !== socket)));
        ws.on('error', () => undefined);
        ws.on('message', (data: Buffer) => this.answer(ws, data.toString('utf8')));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.server = server;
    return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  private answer(ws: WebSocket, text: string): void {
    if (!text.startsWith('REGISTER ')) return;
    const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(text)?.[1]?.trim() ?? '';
    this.registrations++;
    ws.send(
      [
        'SIP/2.0 200 OK',
        `Via: ${header('Via')}`,
        `From: ${header('From')}`,
        `To: ${header('To')};tag=fake${this.registrations}`,
        `Call-ID: ${header('Call-ID')}`,
        `CSeq: ${header('CSeq')}`,
        `Contact: ${header('Contact')};expires=300`,
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n'),
    );
  }

  /** Writes bytes straight onto every open connection, bypassing WebSocket framing. */
  inject(bytes: Buffer): number {
    for (const socket of this.rawSockets) socket.write(bytes);
    return this.rawSockets.length;
  }

  async stop(): Promise<void> {
    for (const socket of this.rawSockets) socket.destroy();
    for (const client of this.wss?.clients ?? []) client.terminate();
    this.wss?.close();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
