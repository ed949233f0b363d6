import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const rendererSrc = fileURLToPath(new URL('../../../src-renderer/src/', import.meta.url));

/** The renderer's `#renderer/…` imports, resolved as Vite does (extension left off). */
const rendererImports: Plugin = {
  name: 'renderer-imports',
  setup(bundler) {
    bundler.onResolve({ filter: /^#renderer\// }, (args) => bundler.resolve(`./${args.path.slice('#renderer/'.length)}`, { resolveDir: rendererSrc, kind: args.kind }));
  },
};

/** Vite's `?worker&url` for a page without Vite: the worklet bundled on its own, served as a blob URL. */
const workletAsBlobUrl: Plugin = {
  name: 'worker-url',
  setup(bundler) {
    bundler.onResolve({ filter: /\?worker&url$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/\?worker&url$/, '')), namespace: 'worker-url' }));
    bundler.onLoad({ filter: /.*/, namespace: 'worker-url' }, async (args) => {
      const worklet = await build({ entryPoints: [args.path], bundle: true, write: false, format: 'iife' });
      const code = JSON.stringify(worklet.outputFiles[0]!.text);
      return { contents: `export default URL.createObjectURL(new Blob([${code}], { type: 'text/javascript' }));`, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * A module of the window (from `src-renderer/src/`) bundled for a plain test page, its exports under
 * `window[globalName]`: the tests run the window's own media code in Chromium without building the app.
 */
export async function rendererModuleForPage(path: string, globalName: string): Promise<string> {
  const result = await build({ entryPoints: [join(rendererSrc, path)], bundle: true, write: false, format: 'iife', globalName, plugins: [rendererImports, workletAsBlobUrl] });
  return result.outputFiles[0]!.text;
}
