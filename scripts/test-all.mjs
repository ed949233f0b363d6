#!/usr/bin/env node
// `npm test`: every check and every test runner, then one plain summary line, "N passed, N failed".
// Checks (test packages, type check, lint, build) count as one item each, so a broken build or a
// run that executed nothing can never look green.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const resultsDir = join(root, 'test-results');
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, command, args) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = result.status === 0;
  process.stdout.write(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===\n`);
  if (ok) passed++;
  else failed++;
  return ok;
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

step('test packages (Debian)', 'bash', [join(root, 'scripts', 'install-test-deps.sh')]);
step('type check', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
const built = step('build (electron-vite: main, preload, renderer)', 'npm', ['run', '--silent', 'build']);

const report = join(resultsDir, 'vitest.json');
const projects = built ? ['unit', 'integration', 'e2e'] : ['unit', 'integration'];
process.stdout.write(`\n=== tests: ${projects.join(', ')} ===\n`);
spawnSync(bin('vitest'), ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile=${report}`], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
if (existsSync(report)) {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
  skipped += summary.numPendingTests + summary.numTodoTests;
  // A file that failed outside its tests (failed to load, a beforeAll that threw and skipped them all) has no
  // failed test of its own: count it, or it would vanish among the skipped.
  failed += summary.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')).length;
  if (summary.numTotalTests === 0) failed++;
} else {
  process.stdout.write('vitest wrote no report: counting the test run as failed\n');
  failed++;
}
if (!built) {
  process.stdout.write('end-to-end tests not run: the build failed\n');
  failed++;
}

process.stdout.write(`\n${skipped} skipped (see the reasons printed above)\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
