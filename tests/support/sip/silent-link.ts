import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay on 127.0.0.1 between the workstation and the PBX that can go silent: bytes stop
 * flowing both ways but no connection is closed, as when a network path dies without a FIN.
 * Only the WebSocket keep-alive can notice that.
 */
export class SilentLink {
  private server: Server | undefined;
  private silent = false;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly targetPort: number) {}

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((client) => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => undefined);
      if (this.silent) return; // accepted, and then nothing: a black hole
      const upstream = createConnection({ host: '127.0.0.1', port: this.targetPort });
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('data', (chunk) => {
        if (!this.silent) upstream.write(chunk);
      });
      upstream.on('data', (chunk) => {
        if (!this.silent) client.write(chunk);
      });
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  /** Drops every byte from now on, both ways, on old and new connections alike; closes nothing. */
  goSilent(): void {
    this.silent = true;
  }

  /** New connections work again (the old ones stay dead, as after a real outage). */
  restore(): void {
    this.silent = false;
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
