import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './kamailio';

/** One request on rtpengine's control protocol ("ng": a cookie, then a bencoded dictionary); its answer, or undefined. */
function ng(port: number, request: string, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const done = (answer?: string) => {
      clearTimeout(timer);
      socket.close();
      resolve(answer);
    };
    const timer = setTimeout(() => done(), timeoutMs);
    socket.once('message', (message) => done(message.toString()));
    socket.send(`c1 ${request}`, port, '127.0.0.1');
  });
}

/**
 * Debian's rtpengine in userspace on loopback, the media relay between WebRTC calls and plain-RTP
 * peers (sipp) behind the test Kamailio: its own control port and RTP port range, in the foreground,
 * stopped by PID. Start it before Kamailio, which pings it at start.
 */
export class TestRtpengine {
  private log = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly ngPort: number,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get output(): string {
    return this.log;
  }

  static async start(): Promise<TestRtpengine> {
    const dir = mkdtempSync(join(tmpdir(), 'rtpengine-'));
    const ngPort = await freePort();
    // A range of its own per run, so that parallel runs on the machine do not meet.
    const portMin = 20_000 + 200 * Math.floor(Math.random() * 100);
    const child = spawn(
      'rtpengine',
      [
        // Without these it would load /etc/rtpengine's config and want the kernel module.
        '--config-file=none',
        '--table=-1',
        '--interface=127.0.0.1',
        `--listen-ng=127.0.0.1:${ngPort}`,
        `--port-min=${portMin}`,
        `--port-max=${portMin + 199}`,
        // Otherwise it sends its DTLS hello before the browser's answer exists and no audio ever flows.
        '--dtls-passive',
        '--delete-delay=0',
        '--foreground',
        '--log-stderr',
        `--pidfile=${join(dir, 'rtpengine.pid')}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const rtpengine = new TestRtpengine(child, dir, ngPort);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) break;
      if ((await ng(ngPort, 'd7:command4:pinge', 200))?.includes('pong')) return rtpengine;
    }
    await rtpengine.stop();
    throw new Error(`rtpengine did not answer a ping on ${ngPort}:\n${rtpengine.log.slice(-3000)}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
      });
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
