import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runtimeAssets } from '#core/app/runtime-assets';
import type { MethodInput, MethodName, MethodOutput } from '#contract';
import { createWorkstation, type Workstation, type WorkstationOptions } from '#core/app/workstation';
import { SealedFileSecretStore, keyFileSealer } from '#core/secrets/sealed-file-store';
import { silentLogger } from '#core/shared/logger';

export const assets = runtimeAssets(import.meta.url);

export function scratchDir() {
  const path = mkdtempSync(join(tmpdir(), 'bench-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The whole core on a given database file, as the desktop app would run it, silent. */
export function workstationOn(dataDir: string, databaseFile: string, extra: Partial<WorkstationOptions> = {}): Workstation {
  return createWorkstation({
    dataDir,
    databaseFile,
    host: 'web',
    version: 'bench',
    systemLocale: 'uk-UA',
    ...assets,
    secrets: new SealedFileSecretStore(join(dataDir, 'secrets.json'), keyFileSealer(join(dataDir, 'secrets.key'))),
    logger: silentLogger,
    startReminders: false,
    // The benchmark database is written with every number's reading (as the app stores them); the
    // one-off re-read after an upgrade is not what steady-state figures measure.
    rereadPhones: false,
    ...extra,
  });
}

/** Calls the API as the bench's window would, returning the value or throwing main's error. */
export async function ok<M extends MethodName>(workstation: Workstation, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await workstation.dispatch(method, input, { origin: 'bench' });
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

/** Waits, checking every 2 ms, until `check` holds. */
export function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() > deadline) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 2);
    };
    tick();
  });
}
