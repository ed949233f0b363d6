import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';

const sipJsDir = fileURLToPath(new URL('../../../node_modules/sip.js/lib', import.meta.url));
const pageFile = fileURLToPath(new URL('./browser-peer/peer.html', import.meta.url));
const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html' };

/**
 * A second phone in Chromium: sip.js (served from node_modules) with real WebRTC, on a page of
 * its own served from 127.0.0.1 (a secure context, so the fake microphone works).
 */
export class BrowserPeer {
  private constructor(
    private readonly server: Server,
    readonly page: Page,
  ) {}

  static async open(browser: Browser): Promise<BrowserPeer> {
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const file = path === '/' ? pageFile : path.startsWith('/sipjs/') ? normalize(join(sipJsDir, path.slice('/sipjs/'.length))) : '';
      if (!file || !file.startsWith(sipJsDir) && file !== pageFile || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction('window.peerReady === true');
    return new BrowserPeer(server, page);
  }

  private run<T>(script: string): Promise<T> {
    return this.page.evaluate<T>(script);
  }

  register(user: string, wsUrl: string): Promise<void> {
    return this.run(`window.peer.register(${JSON.stringify(user)}, ${JSON.stringify(wsUrl)})`);
  }

  call(target: string): Promise<void> {
    return this.run(`window.peer.call(${JSON.stringify(target)})`);
  }

  sessionState(): Promise<string> {
    return this.run('window.peer.sessionState()');
  }

  rtp(): Promise<{ sent: number; received: number }> {
    return this.run('window.peer.rtp()');
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
