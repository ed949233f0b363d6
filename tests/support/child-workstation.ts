import { join } from 'node:path';
import { runtimeAssets } from '#core/app/runtime-assets';
import { createWorkstation, type Workstation, type WorkstationOptions } from '#core/app/workstation';
import { keyFileSealer, SealedFileSecretStore } from '#core/secrets/sealed-file-store';
import { silentLogger } from '#core/shared/logger';

/**
 * The app's core in a child process a test kills with SIGKILL (see autosave-child.ts, phone-child.ts): the
 * data folder's own secrets file, silent, no timers of its own. No vitest here: the child runs under plain tsx.
 */
export function childWorkstation(dataDir: string, extra: Partial<WorkstationOptions> = {}): Workstation {
  return createWorkstation({
    dataDir,
    host: 'web',
    version: '0.0.0-test',
    systemLocale: 'uk-UA',
    ...runtimeAssets(import.meta.url),
    secrets: new SealedFileSecretStore(join(dataDir, 'secrets.json'), keyFileSealer(join(dataDir, 'secrets.key'))),
    logger: silentLogger,
    startReminders: false,
    rereadPhones: false,
    ...extra,
  });
}
