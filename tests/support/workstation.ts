import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput, Result } from '#contract';
import { afterEach } from 'vitest';
import { runtimeAssets } from '#core/app/runtime-assets';
import { createWorkstation, type Workstation, type WorkstationOptions } from '#core/app/workstation';
import { openDatabase, type AppDatabase } from '#core/db/connection';
import { SealedFileSecretStore, keyFileSealer } from '#core/secrets/sealed-file-store';
import { manualClock } from '#core/shared/clock';
import type { Disposable } from '#core/shared/disposable';
import { sequentialIds } from '#core/shared/ids';
import { createStreamLogger, type Logger } from '#core/shared/logger';
import { tempDir } from './temp-dir';

/** The runtime assets as the source tree has them (migrations folder, tsx-run worker). */
export const sourceAssets = runtimeAssets(import.meta.url);

/** 2026-11-22 09:00 UTC: tests' "now". */
export const testNow = Date.UTC(2026, 10, 22, 9, 0, 0);

const open: Disposable[] = [];

/** A real workstation core on a temp data directory; disposed after the test. */
export function createTestWorkstation(overrides: Partial<WorkstationOptions> = {}): Workstation {
  const workstation = createSuiteWorkstation(overrides.dataDir ?? tempDir(), { ids: sequentialIds('job'), ...overrides });
  open.push(workstation);
  return workstation;
}

/** A real workstation core for a whole suite (beforeAll/afterAll): the suite disposes it. */
export function createSuiteWorkstation(dataDir: string, overrides: Partial<WorkstationOptions> = {}): Workstation {
  return createWorkstation({
    dataDir,
    host: 'web',
    version: '0.0.0-test',
    systemLocale: 'uk-UA',
    ...sourceAssets,
    secrets: new SealedFileSecretStore(join(dataDir, 'secrets.json'), keyFileSealer(join(dataDir, 'secrets.key'))),
    // Bugs (internal errors) print, so a failing test shows why; expected failures stay quiet.
    logger: createStreamLogger('error'),
    clock: manualClock(testNow),
    ids: sequentialIds('suite'),
    startReminders: false,
    // A test that wants stored numbers re-read starts the job itself.
    rereadPhones: false,
    ...overrides,
  });
}

/** Just the database, migrated, on a temp file. */
export function createTestDatabase(file = join(tempDir(), 'test.sqlite')): AppDatabase {
  const database = openDatabase({ file, migrationsFolder: sourceAssets.migrationsFolder, nativeBinding: sourceAssets.nativeBinding });
  open.push({ dispose: () => database.close() });
  return database;
}

/** A migrated database that outlives single tests (for suites that seed once); the caller closes it. */
export function openScratchDatabase(): { database: AppDatabase; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'workstation-scratch-'));
  const database = openDatabase({ file: join(dir, 'scratch.sqlite'), migrationsFolder: sourceAssets.migrationsFolder, nativeBinding: sourceAssets.nativeBinding });
  return {
    database,
    close: () => {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A typed request through the real dispatcher, as a host would make it. */
export async function callApi<M extends MethodName>(workstation: Workstation, method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  return (await workstation.dispatch(method, input, { origin: 'test' })) as Result<MethodOutput<M>>;
}

/** Collects log lines, for tests that check what was (or was not) logged. */
export function recordingLogger(): Logger & { lines: { level: string; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, ...(fields ? { fields } : {}) });
  };
  return { lines, debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}

afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.dispose();
});
