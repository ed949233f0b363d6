#!/usr/bin/env node
// better-sqlite3 is a native addon, and Node and Electron need different builds of it.
// After `npm install` the addon is built for this Node: we keep a copy of that build
// (tests, the browser host and the command line load it through better-sqlite3's
// `nativeBinding` option), then rebuild the package's own copy for Electron when the
// Electron binary is present (or with --electron). If that rebuild fails, the Node
// build is put back so nothing is left broken.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const packageDir = dirname(require.resolve('better-sqlite3/package.json'));
const addon = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
const keptDir = join(packageDir, '..', '.cache', 'native-node');
const kept = join(keptDir, 'better_sqlite3.node');
const electronMarker = join(keptDir, 'electron-build.txt');
const forceElectron = process.argv.includes('--electron');

function say(message) {
  process.stdout.write(`native-modules: ${message}\n`);
}

function loadsInNode(file) {
  const probe = `const D=require('better-sqlite3');new D(':memory:',{nativeBinding:${JSON.stringify(file)}}).close()`;
  return spawnSync(process.execPath, ['-e', probe], { cwd: root, stdio: 'ignore' }).status === 0;
}

function electronInfo() {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const pathFile = join(electronDir, 'path.txt');
  const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8')) : null;
  return { version, present: binary !== null && existsSync(binary) };
}

if (!existsSync(addon) && !existsSync(kept)) {
  say('better-sqlite3 has no build; run `npm rebuild better-sqlite3`.');
  process.exit(1);
}

// Keep the Node build (only if it is one: after an Electron rebuild the package holds Electron's).
if (existsSync(addon) && loadsInNode(addon)) {
  mkdirSync(keptDir, { recursive: true });
  copyFileSync(addon, kept);
  say(`kept the Node build of better-sqlite3 at ${kept}`);
}

const electron = electronInfo();
if (!electron.present && !forceElectron) {
  say(
    `the Electron ${electron.version} binary is not installed here, so better-sqlite3 stays built for Node ` +
      '(tests, browser host, command line). On a desktop machine, `npm start` fetches Electron and rebuilds it.',
  );
  process.exit(0);
}
if (existsSync(electronMarker) && readFileSync(electronMarker, 'utf8') === electron.version && !forceElectron) {
  say(`better-sqlite3 is already built for Electron ${electron.version}`);
  process.exit(0);
}

// npm's `nodedir` setting would make node-gyp build against Node's headers while calling it Electron's.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_nodedir$/i.test(k)));
say(`rebuilding better-sqlite3 for Electron ${electron.version}…`);
const rebuild = spawnSync(
  process.execPath,
  [join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js'), '--force', '--only', 'better-sqlite3', '--version', electron.version],
  { cwd: root, env, stdio: 'inherit' },
);
if (rebuild.status === 0 && existsSync(addon) && !loadsInNode(addon)) {
  writeFileSync(electronMarker, electron.version);
  say('better-sqlite3 rebuilt for Electron; the Node build is kept for tests and the browser host.');
} else {
  mkdirSync(dirname(addon), { recursive: true });
  if (existsSync(kept)) copyFileSync(kept, addon);
  say('the Electron rebuild failed (see above); the Node build was put back. The desktop app will not open its database until it succeeds.');
  process.exit(forceElectron ? 1 : 0);
}
