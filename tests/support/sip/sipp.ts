import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, type TestKamailio } from './kamailio';

export interface SippRun {
  exitCode: number | null;
  /** sipp's own output and its error log: unexpected messages are listed there. */
  output: string;
  errors: string;
}

/**
 * Runs one sipp scenario (tests/support/sip/scenarios) against the test Kamailio's UDP side, in the
 * foreground and bounded by a timeout, as the field notes advise; sipp exits 0 when every call of
 * the scenario went as written.
 */
export async function runSipp(
  kamailio: TestKamailio,
  scenario: string,
  options: { service: string; keys?: Record<string, string>; timeoutSeconds?: number; port?: number; ip?: string; /** Calls to make (1), at this rate per second, each taking a line of this injection file (-inf). */ calls?: number; callsPerSecond?: number; injectionFile?: string },
): Promise<SippRun> {
  const dir = mkdtempSync(join(tmpdir(), 'sipp-'));
  // A scenario made for one run (an absolute path) or one of ours by name.
  const file = isAbsolute(scenario) ? scenario : fileURLToPath(new URL(`./scenarios/${scenario}`, import.meta.url));
  // A fixed address when sipp answers at a contact registered beforehand; another loopback address than
  // the PBX's, which takes every port of 127.0.0.1 for its own and would mistake in-dialog requests for its.
  const port = options.port ?? (await freePort());
  const keys = Object.entries(options.keys ?? {}).flatMap(([key, value]) => ['-key', key, value]);
  const args = [
    `127.0.0.1:${kamailio.udpPort}`,
    ...['-sf', file, '-s', options.service, '-i', options.ip ?? '127.0.0.1', '-p', String(port), '-mi', '127.0.0.1', '-mp', String(await freePort())],
    ...(options.injectionFile ? ['-inf', options.injectionFile] : []),
    ...(options.callsPerSecond ? ['-r', String(options.callsPerSecond)] : []),
    ...['-m', String(options.calls ?? 1), '-nostdin', '-trace_err', '-error_file', join(dir, 'errors.log'), '-timeout', `${options.timeoutSeconds ?? 30}s`, '-timeout_error'],
    ...keys,
  ];
  let output = '';
  const exitCode = await new Promise<number | null>((resolve) => {
    const child = spawn('sipp', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve(code));
  });
  const errors = readdirSync(dir).includes('errors.log') ? readFileSync(join(dir, 'errors.log'), 'utf8') : '';
  rmSync(dir, { recursive: true, force: true });
  return { exitCode, output: output.slice(-4000), errors };
}
