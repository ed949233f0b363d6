import { fileURLToPath } from 'node:url';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '#tests/support/artifacts';
import { installedElectron } from '#tests/support/electron-binary';
import { tempDir } from '#tests/support/temp-dir';

const binary = installedElectron();
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

if (!binary) {
  process.stdout.write(
    'electron-smoke: SKIPPED — no Electron binary on this machine (it cannot be downloaded here). ' +
      'The browser-host tests cover the same renderer and core; run `npm start` on a desktop to fetch Electron.\n',
  );
}

describe('desktop app smoke test (Electron)', () => {
  it.skipIf(!binary)('launches, shows the workplace shell, and exposes only window.crm', async () => {
    const app = await electron.launch({
      executablePath: binary as string,
      args: [projectRoot, '--demo', '--demo-size', '50', '--data-dir', tempDir()],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    try {
      const page = await app.firstWindow();
      await page.getByTestId('app-title').waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => Object.keys((window as unknown as { crm: object }).crm).sort())).toEqual(['invoke', 'subscribe']);
      expect(await page.evaluate(() => window.location.origin)).toBe('app://workstation');
      await page.screenshot({ path: artifactPath('electron-shell.png') });
    } finally {
      await app.close();
    }
  });
});
