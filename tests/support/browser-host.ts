import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const builtWebHost = fileURLToPath(new URL('../../out/main/web-host.js', import.meta.url));

export interface BrowserHostProcess {
  url: string;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the built browser host (`npm run build` output) as its own process and waits for its
 * "Workstation ready at <url>" line. Stopped by PID.
 */
export async function startBrowserHost(args: string[], timeoutMs = 120_000): Promise<BrowserHostProcess> {
  if (!existsSync(builtWebHost)) throw new Error(`${builtWebHost} is missing: run "npm run build" before the end-to-end tests`);
  const child: ChildProcess = spawn(process.execPath, [builtWebHost, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Workstation ready at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid ?? -1,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
