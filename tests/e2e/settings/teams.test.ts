import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoWorkplace, type DemoWorkplace } from '#tests/support/demo-workplace';

describe('teams in Settings', () => {
  let workplace: DemoWorkplace;
  let page: Page;

  beforeAll(async () => {
    workplace = await openDemoWorkplace();
    page = workplace.page;
    await page.getByTestId('who-works-here-pick').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('who-works-here-confirm').click();
    await page.getByTestId('who-works-here').waitFor({ state: 'detached' });
    await page.getByTestId('nav-settings').click();
  });

  afterAll(() => workplace?.close());

  const teams = () => page.getByTestId('settings-teams');
  const teamNames = () => teams().getByLabel('Team name', { exact: true }).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const teamOf = (employee: string) => teams().getByLabel(`Team of ${employee}`, { exact: true });

  it('shows the demo office’s teams and who is in which; the administrator adds, renames and deletes teams and moves colleagues', async () => {
    await expect.poll(teamNames).toEqual(['Customer care', 'Sales', 'Surveys']);
    await expect.poll(() => teamOf('Emily Carter').inputValue()).toBe('Sales');

    // A new team, renamed, with a colleague in it.
    await page.getByTestId('settings-team-name').fill('Night shift');
    await page.getByTestId('settings-team-add').click();
    await expect.poll(teamNames).toContain('Night shift');
    const night = teams().getByLabel('Team name', { exact: true }).nth((await teamNames()).indexOf('Night shift'));
    await night.fill('Night team');
    await night.press('Enter');
    await expect.poll(teamNames).toEqual(['Customer care', 'Night team', 'Sales', 'Surveys']);

    await teamOf('Andrew Moore').click();
    await page.getByRole('option', { name: 'Night team' }).click();
    await expect.poll(() => teamOf('Andrew Moore').inputValue()).toBe('Night team');
    // Saved in main: it stays after a reload.
    await page.reload();
    await page.getByTestId('nav-settings').click();
    await expect.poll(() => teamOf('Andrew Moore').inputValue()).toBe('Night team');

    // A deleted team's members are left without one.
    await teams().getByRole('button', { name: 'Delete team Sales' }).click();
    await expect.poll(teamNames).toEqual(['Customer care', 'Night team', 'Surveys']);
    await expect.poll(() => teamOf('Emily Carter').inputValue()).toBe('');
  });
});
