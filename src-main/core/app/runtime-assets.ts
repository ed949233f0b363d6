import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtWorkerScript, sourceWorkerScript, type WorkerScript } from '#core/workers/worker-script';

export interface RuntimeAssets {
  migrationsFolder: string;
  workerScript: WorkerScript;
  /** The better-sqlite3 addon built for plain Node, when the default one was rebuilt for Electron. */
  nativeBinding: string | undefined;
}

/**
 * Where the files the core reads at run time are, for the entry point at `entryUrl`:
 * next to the bundle when built by electron-vite, in the source tree under tsx and vitest.
 */
export function runtimeAssets(entryUrl: string): RuntimeAssets {
  const fromSource = entryUrl.endsWith('.ts');
  return {
    migrationsFolder: fromSource
      ? fileURLToPath(new URL('../db/migrations', import.meta.url))
      : fileURLToPath(new URL('./migrations', entryUrl)),
    workerScript: fromSource ? sourceWorkerScript() : builtWorkerScript(entryUrl),
    nativeBinding: process.versions.electron ? undefined : nodeBuildOfSqlite(entryUrl),
  };
}

/** Kept by scripts/native-modules.mjs before it rebuilds better-sqlite3 for Electron. */
export function nodeBuildOfSqlite(fromUrl: string): string | undefined {
  try {
    const packageDir = dirname(createRequire(fromUrl).resolve('better-sqlite3/package.json'));
    const kept = join(packageDir, '..', '.cache', 'native-node', 'better_sqlite3.node');
    return existsSync(kept) ? kept : undefined;
  } catch {
    // better-sqlite3 not resolvable from here: let it fail with its own message when opened.
    return undefined;
  }
}
