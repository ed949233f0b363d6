import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/** drizzle reads migrations from disk at run time, so they travel next to the main bundle. */
function copyMigrations(): Plugin {
  return {
    name: 'workstation:copy-migrations',
    apply: 'build',
    writeBundle() {
      cpSync(resolve(root, 'src-main/core/db/migrations'), resolve(root, 'out/main/migrations'), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      // The browser host and the command line run this bundle under plain Node 20 too.
      target: 'node20',
      rolldownOptions: {
        input: {
          index: resolve(root, 'src-main/index.ts'),
          'web-host': resolve(root, 'src-main/hosts/web/main.ts'),
          'job-worker': resolve(root, 'src-main/core/workers/job-worker.ts'),
        },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file with its dependencies (zod) inlined.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
});
