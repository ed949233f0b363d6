#!/usr/bin/env node
// `npm start`: the desktop app where Electron can run; otherwise the browser host, said plainly.
// Either way the workplace opens with the demo dataset available (--demo fills an empty one).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const passThrough = process.argv.slice(2);
const appArgs = passThrough.includes('--demo') ? passThrough : ['--demo', ...passThrough];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function electronBinary() {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(electronDir, 'path.txt');
  const binaryPath = () => join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  if (existsSync(pathFile) && existsSync(binaryPath())) return binaryPath();
  if (process.env.CI || !process.env.DISPLAY && process.platform === 'linux' && !process.env.WAYLAND_DISPLAY) return null;
  process.stdout.write('Fetching the Electron binary (first start only)…\n');
  const fetched = run(process.execPath, [join(electronDir, 'install.js')], { timeout: 300_000 });
  return fetched && existsSync(pathFile) && existsSync(binaryPath()) ? binaryPath() : null;
}

if (!run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])) process.exit(1);

const binary = electronBinary();
if (binary && run(process.execPath, [join(root, 'scripts', 'native-modules.mjs')])) {
  const child = spawn(binary, ['.', ...appArgs], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    'The desktop app cannot run here (no Electron binary, or no display). Starting the browser host instead;\n' +
      'open the address below in Chromium, Chrome, Firefox or Edge on this machine.\n',
  );
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'web-host.js'), ...appArgs], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
