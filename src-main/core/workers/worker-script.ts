import { fileURLToPath, pathToFileURL } from 'node:url';

/** How to start the job worker in the current runtime. */
export interface WorkerScript {
  /** A file path, or, with `eval`, module code. */
  source: string;
  eval: boolean;
}

/** The bundled worker next to a built entry (Electron main, browser host). */
export function builtWorkerScript(entryUrl: string): WorkerScript {
  return { source: fileURLToPath(new URL('./job-worker.js', entryUrl)), eval: false };
}

/**
 * The TypeScript worker, for tests and the tsx-run command line. Workers do not inherit
 * tsx's loader, so a tiny bootstrap registers it before importing the entry.
 */
export function sourceWorkerScript(): WorkerScript {
  const entry = pathToFileURL(fileURLToPath(new URL('./job-worker.ts', import.meta.url))).href;
  return {
    source: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
    eval: true,
  };
}
