import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoWorkplace, type DemoWorkplace } from '#tests/support/demo-workplace';

describe('first start asks who works at this workstation', () => {
  let workplace: DemoWorkplace;
  let page: Page;

  beforeAll(async () => {
    workplace = await openDemoWorkplace();
    page = workplace.page;
  });

  afterAll(() => workplace?.close());

  it('asks on a fresh workstation, and once answered, does not ask again', async () => {
    const question = page.getByTestId('who-works-here');
    await question.waitFor();
    expect(await question.textContent()).toContain('Who works at this workstation?');

    await page.getByTestId('who-works-here-pick').click();
    const first = page.getByRole('option').first();
    const name = (await first.textContent()) ?? '';
    expect(name).not.toBe('');
    await first.click();
    await page.getByTestId('who-works-here-confirm').click();
    await question.waitFor({ state: 'detached' });

    await page.reload();
    await page.getByTestId('app-title').waitFor();
    await page.getByTestId('nav-settings').click();
    await expect.poll(() => page.getByTestId('settings-me').inputValue()).toBe(name);
    expect(await page.getByTestId('who-works-here').count()).toBe(0);
  });
});
