import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Workstation } from '#core/app/workstation';
import type { Logger } from '#core/shared/logger';
import { createStaticHandler } from './static-server';
import { attachApiSocket } from './ws-server';

export interface WebHostOptions {
  workstation: Workstation;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port: number;
  logger: Logger;
}

export interface RunningWebHost {
  /** The URL to open, token included. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser host: serves the renderer and carries the API over a WebSocket, on 127.0.0.1 only,
 * behind a token made fresh at every start.
 */
export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const token = randomBytes(24).toString('base64url');
  const server: Server = createServer(createStaticHandler(options.rendererDir));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const api = attachApiSocket({
    server,
    token,
    // "localhost" names the same loopback socket; browsers send whichever the user typed.
    allowedOrigins: () => [origin, `http://localhost:${port}`],
    dispatch: options.workstation.dispatch,
    events: options.workstation.events,
    logger: options.logger,
  });
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: async () => {
      await api.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
