import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/** The topology table as drawn: each server's row header, what it protects, who protects it. */
async function drawnTable(page: Page): Promise<Record<string, [string, string, string]>> {
  await page.goto('/topology');
  const table = page.getByRole('table', { name: 'Protection topology table' });
  await expect(table.getByRole('rowheader').first()).toBeVisible();
  const rows: Record<string, [string, string, string]> = {};
  for (const row of await table.getByRole('row').all()) {
    const header = row.getByRole('rowheader');
    if ((await header.count()) === 0) continue;
    const name = (await header.innerText()).trim();
    const cells = await row.getByRole('cell').allInnerTexts();
    rows[name.split(' ')[0] ?? name] = [name, (cells[0] ?? '').trim(), (cells[1] ?? '').trim()];
  }
  return rows;
}

test.describe('Protection topology matches the seed 004 tables, read from what is drawn', () => {
  test.describe('scenario 2: chained protection', () => {
    test.use({ seed: 'scenario-2' });
    test('DS1 → DS2 → DS3 → DS4', async ({ page }) => {
      expect(await drawnTable(page)).toEqual({
        DS1: ['DS1 (primary)', 'PS1, PS2', 'DS2'],
        DS2: ['DS2 (primary) (secondary)', 'DS1, PS3', 'DS3'],
        DS3: ['DS3 (primary) (secondary)', 'DS2, PS4', 'DS4'],
        DS4: ['DS4 (secondary)', 'DS3', '-'],
      });
      await expect(page.getByRole('alert')).toHaveCount(0);
    });
  });

  test.describe('scenario 3: cyclic protection', () => {
    test.use({ seed: 'scenario-3' });
    test('DS2 and DS3 protect each other', async ({ page }) => {
      expect(await drawnTable(page)).toEqual({
        DS1: ['DS1 (primary)', 'PS1, PS2', 'DS2'],
        DS2: ['DS2 (primary) (secondary)', 'DS1, DS3, PS3', 'DS3'],
        DS3: ['DS3 (primary) (secondary)', 'DS2, PS4', 'DS2'],
      });
      await expect(page.getByText('Cyclic protection: DS2 ⇄ DS3')).toBeVisible();
    });
  });

  test.describe('a rule violation is marked with its code and sentence', () => {
    test.use({ seed: 'scenario-1' });
    test('DS2 reinstalled with another DPM version while DS3 protects it: VERSION_MISMATCH', async ({
      page,
      server,
    }) => {
      expect((await server.api('/servers/srv-DS2/fail', { method: 'POST', body: '{}' })).status).toBe(200);
      const reinstall = await server.api('/servers/srv-DS2/reinstall', {
        method: 'POST',
        body: JSON.stringify({ version: { major: 10, minor: 22, build: 100, rollup: 0 }, fqdn: 'ds2.contoso.com' }),
      });
      expect(reinstall.status).toBe(200);
      await page.goto('/topology');
      const alert = page.getByRole('alert').filter({ hasText: 'VERSION_MISMATCH' });
      await expect(alert).toContainText('DS3 runs DPM 10.19.260.0 UR1 but DS2 runs 10.22.100.0 RTM');
      await expect(page.getByRole('button', { name: 'Connect to DS2' })).toBeVisible();
    });
  });
});
