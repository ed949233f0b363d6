import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, type TestKamailio } from './kamailio';
import { runSipp } from './sipp';

/** What a customer does with a call; sipp reads it from the number's 7th digit after +380 (scenarios/customers.xml). */
export const customerBehaviours = ['talks', 'listens', 'busy', 'rejects', 'never_answers', 'hangs_up_at_once'] as const;
export type CustomerBehaviour = (typeof customerBehaviours)[number];

/** The `n`th Ukrainian mobile number of customers who all behave the same: +380672, the behaviour's digit, five digits of n. */
export function customerNumber(behaviour: CustomerBehaviour, n: number): string {
  return `+380672${customerBehaviours.indexOf(behaviour)}${String(n).padStart(5, '0')}`;
}

export function behaviourOf(number: string): CustomerBehaviour {
  const behaviour = customerBehaviours[Number(number.charAt(7))];
  if (!number.startsWith('+380672') || behaviour === undefined) throw new Error(`${number} is not a sipp customer's number`);
  return behaviour;
}

/** Loopback, but not the PBX's 127.0.0.1 (all of whose ports it takes for its own). */
const customersIp = '127.0.0.3';
const scenario = fileURLToPath(new URL('./scenarios/customers.xml', import.meta.url));

/**
 * Many customers played by one sipp process behind the test Kamailio: every number is registered at the
 * PBX with sipp's address as its contact, and sipp answers each call as the number says (customerNumber).
 * Every INVITE is logged, so `invites()` counts the calls each number really received.
 */
export class SippCustomers {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    private readonly logFile: string,
    private readonly output: string[],
  ) {}

  static async start(kamailio: TestKamailio, numbers: readonly string[]): Promise<SippCustomers> {
    const dir = mkdtempSync(join(tmpdir(), 'sipp-customers-'));
    const port = await freePort();
    const injection = join(dir, 'numbers.csv');
    writeFileSync(injection, ['SEQUENTIAL', ...numbers.map((n) => `${n};`)].join('\n') + '\n');
    const registered = await runSipp(kamailio, 'register-numbers.xml', {
      service: 'crowd',
      keys: { contact_ip: customersIp, contact_port: String(port) },
      injectionFile: injection,
      calls: numbers.length,
      callsPerSecond: 200,
      timeoutSeconds: 60,
    });
    if (registered.exitCode !== 0) throw new Error(`sipp did not register the customers' numbers:\n${registered.output}${registered.errors}`);
    const logFile = join(dir, 'invites.log');
    const output: string[] = [];
    const args = [
      `127.0.0.1:${kamailio.udpPort}`,
      ...['-sf', scenario, '-i', customersIp, '-p', String(port), '-mi', customersIp, '-mp', String(await freePort())],
      ...['-nostdin', '-trace_logs', '-log_file', logFile, '-trace_err', '-error_file', join(dir, 'errors.log')],
    ];
    const child = spawn('sipp', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    return new SippCustomers(child, dir, logFile, output);
  }

  /** Calls received per number (distinct Call-IDs: a retransmitted INVITE is the same call). */
  invites(): Map<string, number> {
    const calls = new Map<string, Set<string>>();
    const log = existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
    for (const [, number, callId] of log.matchAll(/^INVITE (\S+) (\S+) to /gm)) {
      const seen = calls.get(number!) ?? new Set<string>();
      calls.set(number!, seen.add(callId!));
    }
    return new Map([...calls].map(([number, ids]) => [number, ids.size]));
  }

  /** sipp's complaints (unexpected messages, failed calls), for a failing test's message. */
  get errors(): string {
    const file = join(this.dir, 'errors.log');
    const exited = this.child.exitCode === null ? '' : `sipp exited (${this.child.exitCode})\n`;
    return `${exited}${this.output.join('')}${existsSync(file) ? readFileSync(file, 'utf8').slice(-4000) : ''}`;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        this.child.once('exit', () => resolve());
        this.child.kill('SIGTERM');
        setTimeout(() => this.child.kill('SIGKILL'), 3_000).unref();
      });
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
