import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const template = fileURLToPath(new URL('./kamailio.cfg.template', import.meta.url));
/** Empty db_text tables shipped with Debian's kamailio package. */
const dbTextSchemas = '/usr/share/kamailio/dbtext/kamailio';

/** A free TCP port on loopback (also free for UDP in practice; Kamailio fails loudly if not). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function modulesDir(): string {
  for (const base of ['/usr/lib/x86_64-linux-gnu/kamailio/modules', '/usr/lib/aarch64-linux-gnu/kamailio/modules', '/usr/lib/kamailio/modules']) {
    if (existsSync(join(base, 'websocket.so'))) return base;
  }
  for (const arch of readdirSync('/usr/lib')) {
    const dir = join('/usr/lib', arch, 'kamailio', 'modules');
    if (existsSync(join(dir, 'websocket.so'))) return dir;
  }
  throw new Error('Kamailio with the WebSocket module is not installed (apt-get install kamailio kamailio-websocket-modules)');
}

async function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface KamailioOptions {
  /** How long an unanswered INVITE rings before Kamailio gives up (no-answer tests shorten it). */
  inviteTimeoutMs?: number;
  /** A TestRtpengine's control port: media of calls between WebRTC and plain RTP goes through it. Off by default. */
  rtpengineNgPort?: number;
}

/**
 * A Kamailio for one test suite: own config, own ports on 127.0.0.1, own runtime dir;
 * started in the foreground and stopped by PID. Restartable on the same ports.
 */
export class TestKamailio {
  readonly dir: string;
  wsPort = 0;
  udpPort = 0;
  private child: ChildProcess | undefined;
  private log = '';

  constructor(private readonly options: KamailioOptions = {}) {
    this.dir = join(tmpdir(), `kamailio-${process.pid}-${Math.random().toString(36).slice(2)}`);
    mkdirSync(this.dir, { recursive: true });
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.wsPort}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get output(): string {
    return this.log;
  }

  async start(): Promise<void> {
    if (this.wsPort === 0) {
      this.wsPort = await freePort();
      this.udpPort = await freePort();
    }
    const cfg = readFileSync(template, 'utf8')
      .replaceAll('{{UDP_PORT}}', String(this.udpPort))
      .replaceAll('{{WS_PORT}}', String(this.wsPort))
      .replaceAll('{{MODULES}}', modulesDir())
      .replaceAll('{{INVITE_TIMEOUT_MS}}', String(this.options.inviteTimeoutMs ?? 30_000))
      .replaceAll('{{RTPENGINE_NG_PORT}}', String(this.options.rtpengineNgPort ?? 0))
      .replaceAll('{{DB_DIR}}', this.presenceTables());
    const cfgFile = join(this.dir, 'kamailio.cfg');
    writeFileSync(cfgFile, cfg);
    const pidFile = join(this.dir, 'kamailio.pid');
    rmSync(pidFile, { force: true });
    const media = this.options.rtpengineNgPort ? ['-A', 'WITH_RTPENGINE'] : [];
    // 256 MB of shared memory: every call's dialog is published for colleagues' line status, and at 64 MB a
    // few hundred calls in a row exhaust it ("could not allocate shared memory", BYEs answered 500).
    this.child = spawn('kamailio', ['-f', cfgFile, '-DD', '-E', '-Y', this.dir, '-P', pidFile, '-m', '256', '-M', '8', '-w', this.dir, ...media], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`Kamailio exited at start (${this.child.exitCode}):\n${this.log.slice(-3000)}`);
      if (await portOpen(this.wsPort)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Kamailio did not open ${this.wsPort} in 15 s:\n${this.log.slice(-3000)}`);
  }

  /** The presence server's tables: Debian's empty db_text tables, copied fresh for each start. */
  private presenceTables(): string {
    const dir = join(this.dir, 'db');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const table of ['version', 'presentity', 'active_watchers', 'watchers', 'xcap', 'pua']) copyFileSync(join(dbTextSchemas, table), join(dir, table));
    return dir;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
    });
    this.child = undefined;
  }

  async restart(downForMs = 0): Promise<void> {
    await this.stop();
    if (downForMs > 0) await new Promise((resolve) => setTimeout(resolve, downForMs));
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
