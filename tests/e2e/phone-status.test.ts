import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoWorkplace, type DemoWorkplace } from '#tests/support/demo-workplace';

/** A loopback port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the phone bar says why the phone is offline', () => {
  let workplace: DemoWorkplace;
  let page: Page;

  beforeAll(async () => {
    workplace = await openDemoWorkplace();
    page = workplace.page;
    await page.getByTestId('app-title').waitFor();
  });

  afterAll(() => workplace?.close());

  it('before any account, the dial button says to add one', async () => {
    await page.getByTestId('dial-button').hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('Add a SIP account in Settings to make calls');
  });

  it('after saving an unreachable account, the menu names the reason and offers retry and settings', async () => {
    const port = await closedPort();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('sip-label').fill('Office');
    await page.getByTestId('sip-ws-url').fill(`ws://127.0.0.1:${port}`);
    await page.getByTestId('sip-uri').fill('sip:1001@127.0.0.1');
    await page.getByTestId('sip-password').fill('secret');
    await page.getByTestId('sip-save').click();
    await expect.poll(() => page.getByTestId('phone-status').getAttribute('data-registration'), { timeout: 10_000 }).toBe('offline');

    await page.getByTestId('dial-button').hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('The phone is not connected to the PBX: open the phone status menu to see why');

    await page.getByTestId('phone-status').click();
    const problem = page.getByTestId('phone-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/^The PBX refused the connection \(nothing listens at that address\)/);
    expect(await problem.textContent()).toMatch(/Next attempt at \d{1,2}:\d{2}/);
    await expect.poll(() => page.getByRole('menuitem', { name: 'Phone settings' }).isVisible()).toBe(true);

    // Retrying against the same closed port fails again, with the reason still shown.
    await page.getByTestId('phone-retry').click();
    await page.getByTestId('phone-status').click();
    // The menu may open while the retry is still connecting; the reason appears in it once the retry fails.
    await expect.poll(() => page.getByTestId('phone-problem').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByTestId('phone-problem').textContent()).toContain('refused the connection');
  });
});
