import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallInfo, Result } from '#contract';
import { startBrowserHost, type BrowserHostProcess } from '#tests/support/browser-host';
import { namedBadFrames, randomFrames, seededRandom, sendRawFrames } from '#tests/support/fuzz/ws-frames';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { malformedInvites, plainSdp, UdpCaller, type CraftedInvite } from '#tests/support/sip/udp-caller';
import { connectApi, type TestSocket } from '#tests/support/ws-client';
import type { Figure } from './measure';

const randomWsFrames = 2_000;
const randomSipMessages = 400;

/** A running browser host (the built app, its own process) with an API socket; crashes are its exits. */
class FuzzTarget {
  host!: BrowserHostProcess;
  api!: TestSocket;
  crashes = 0;
  private exited = false;

  constructor(private readonly dataDir: string) {}

  async start(): Promise<void> {
    this.host = await startBrowserHost(['--data-dir', this.dataDir, '--port', '0']);
    this.exited = false;
    const url = new URL(this.host.url);
    const socket = await connectApi(`ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`, url.origin);
    if ('refused' in socket) throw new Error(`API socket refused: ${socket.refused}`);
    this.api = socket;
  }

  get port(): number {
    return Number(new URL(this.host.url).port);
  }

  get token(): string {
    return new URL(this.host.url).searchParams.get('token') ?? '';
  }

  async call<T>(method: string, input: unknown): Promise<T> {
    const result = (await this.api.request(method, input)) as Result<T>;
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  /** Alive means: the process is there and answers a request within a second. A dead one is counted and restarted. */
  async check(): Promise<void> {
    const answered = await Promise.race([this.call('app.info', {}).then(() => true, () => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1_000))]);
    let alive = answered;
    try {
      process.kill(this.host.pid, 0);
    } catch {
      alive = false;
    }
    if (alive && !this.exited) return;
    this.crashes++;
    this.exited = true;
    await this.host.stop();
    await this.start();
  }
}

async function fuzzWebSocket(target: FuzzTarget, log: (line: string) => void): Promise<Figure[]> {
  const origin = new URL(target.host.url).origin;
  const cases = [...namedBadFrames(true, 4 * 1024 * 1024), ...randomFrames(randomWsFrames, 1201, true)];
  const crashesBefore = target.crashes;
  for (let i = 0; i < cases.length; i += 20) {
    await Promise.all(cases.slice(i, i + 20).map((c) => sendRawFrames({ port: target.port, path: `/api?token=${target.token}`, origin, bytes: c.bytes, waitMs: c.expectClose ? 2_000 : 40 })));
    if (i % 200 === 0) {
      await target.check();
      log(`ws frames: ${Math.min(i + 20, cases.length)} / ${cases.length}`);
    }
  }
  await target.check();
  return [
    { name: 'robustness.ws_frames.cases', value: cases.length, unit: 'frames' },
    { name: 'robustness.ws_frames.crashes', value: target.crashes - crashesBefore, unit: 'crashes' },
  ];
}

/** Mutations of a clean INVITE: bytes flipped, lines cut, duplicated or swapped, junk inserted. */
function mutatedInvites(count: number, seed: number): CraftedInvite[] {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const headers = ['From', 'To', 'Via', 'CSeq', 'Contact', 'Expires', 'P-Asserted-Identity', 'Content-Type', 'Max-Forwards'];
  const junk = () => ['\xff\xfe', '"', '<', '>', ';', '%', '%E0%A4', '\0', 'tel:', 'sip:', '9'.repeat(30), ' ', '\t', 'Я'][int(14)] ?? '';
  return Array.from({ length: count }, (_, i) => {
    const name = headers[int(headers.length)] ?? 'From';
    const kind = int(5);
    if (kind === 0) return { name: `mutation ${i}: junk in ${name}`, headers: { [name]: `${junk()}<sip:+38044${String(1_000_000 + i)}@127.0.0.1>${junk()};tag=m${i}` }, body: plainSdp };
    if (kind === 1) return { name: `mutation ${i}: duplicated ${name}`, extraLines: [`${name}: ${junk()}${junk()}`], body: plainSdp };
    if (kind === 2) return { name: `mutation ${i}: ${name} of ${1_000 + int(30_000)} bytes`, headers: { [name]: `<sip:x@127.0.0.1>;p=${'z'.repeat(1_000 + int(30_000))}` } };
    if (kind === 3) return { name: `mutation ${i}: Content-Length ${junk()}`, body: plainSdp, contentLength: `${int(3) === 0 ? '-' : ''}${int(10_000)}${junk()}` };
    return { name: `mutation ${i}: random bytes`, raw: randomBytes(1 + int(600)) };
  });
}

async function fuzzSip(target: FuzzTarget, log: (line: string) => void): Promise<Figure[]> {
  const kamailio = new TestKamailio();
  await kamailio.start();
  const caller = new UdpCaller(kamailio.udpPort, 'op950');
  await caller.start();
  try {
    await target.call('phone.saveAccount', { label: 'Fuzz', wsUrl: kamailio.wsUrl, sipUri: 'sip:op950@127.0.0.1', authUser: 'op950', password: 'secret' });
    const registered = async () => {
      for (let i = 0; i < 200; i++) {
        if ((await target.call<{ registration: string }>('phone.status', {})).registration === 'registered') return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the fuzzed workstation did not register');
    };
    await registered();
    const crashesBefore = target.crashes;
    const cases = [...malformedInvites(), ...mutatedInvites(randomSipMessages, 950)];
    let rangAfterwards = 0;
    for (const [i, crafted] of cases.entries()) {
      const sent = caller.invite(crafted);
      await new Promise((resolve) => setTimeout(resolve, 60));
      caller.cancel(sent);
      if (i % 40 === 39) {
        await target.check();
        await registered();
        // A clean call must still ring after whatever came before it.
        const clean = caller.invite({ name: 'clean', headers: { From: `"Clean" <sip:+380671112233@127.0.0.1>;tag=c${i}` }, body: plainSdp });
        for (let t = 0; t < 100; t++) {
          const calls = await target.call<CallInfo[]>('phone.calls', {});
          if (calls.some((c) => c.remoteNumber === '+380671112233' && c.state === 'ringing_in')) {
            rangAfterwards++;
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        caller.cancel(clean);
        log(`sip messages: ${i + 1} / ${cases.length}`);
      }
    }
    await target.check();
    // Every caller gave up: nothing may still ring, on screen or in the history.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const live = (await target.call<CallInfo[]>('phone.calls', {})).filter((c) => c.state === 'ringing_in').length;
    const history = await target.call<{ rows: { disposition: string }[] }>('calls.history', { limit: 500 });
    const ghosts = live + history.rows.filter((r) => r.disposition === 'ringing').length;
    return [
      { name: 'robustness.sip_messages.cases', value: cases.length, unit: 'messages' },
      { name: 'robustness.sip_messages.crashes', value: target.crashes - crashesBefore, unit: 'crashes' },
      { name: 'robustness.sip_messages.clean_calls_rang', value: rangAfterwards / Math.floor(cases.length / 40), unit: 'ratio' },
      { name: 'robustness.ghost_calls', value: ghosts, unit: 'calls' },
    ];
  } finally {
    await caller.stop();
    await kamailio.dispose();
  }
}

/**
 * `npm run fuzz` (also part of `npm run bench`): the built browser host, in its own process, fed
 * malformed WebSocket frames and, registered at a real Kamailio, malformed SIP from a UDP trunk.
 * Crashes are exits of that process; ghost calls are calls still ringing after every caller gave up.
 */
export async function robustnessFigures(log: (line: string) => void): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fuzz-'));
  const target = new FuzzTarget(dataDir);
  await target.start();
  try {
    return [...(await fuzzWebSocket(target, log)), ...(await fuzzSip(target, log))];
  } finally {
    await target.host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
