import { connectTo, expect, test, workArea } from '../fixtures';

test.describe('the console shell on the demo estate', () => {
  test('opens every work area by its name and shows the estate where it belongs', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/monitoring\/alerts$/);
    await expect(page.getByLabel('Connected DPM server')).toContainText('DS1');
    for (const pane of ['Navigation pane', 'Display pane', 'Details pane', 'Actions pane']) {
      await expect(page.getByRole('region', { name: pane })).toBeVisible();
    }

    // Monitoring › Jobs: the demo's two weeks of history on DS1, for PS1 and PS2.
    await workArea(page, 'Monitoring').click();
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await expect(page).toHaveURL(/\/monitoring\/jobs$/);
    const jobs = page.getByRole('grid', { name: 'Jobs' });
    await expect(jobs.getByRole('row').filter({ hasText: 'PS1' }).first()).toBeVisible();
    await expect(jobs.getByRole('columnheader', { name: 'Data Transferred' })).toBeVisible();
    // Status and Type filter on the server: every row shown is a completed express full backup.
    await page.getByRole('combobox', { name: 'Status' }).selectOption('Completed');
    await page.getByRole('combobox', { name: 'Type' }).selectOption('Express full backup');
    await expect
      .poll(async () => {
        const shown = (await jobs.getByRole('row').allInnerTexts()).slice(1);
        return shown.length > 0 && shown.every((r) => r.includes('Express full backup') && r.includes('Completed'));
      })
      .toBe(true);
    await page.getByRole('combobox', { name: 'Type' }).selectOption('Tape erase data');
    await expect(page.getByText('No job matches the filter.')).toBeVisible();

    // Protection on DS1: PS1 and PS2 are its members.
    await workArea(page, 'Protection').click();
    await expect(page).toHaveURL(/\/protection$/);
    const members = page.getByRole('grid', { name: 'Protected members' });
    await expect(members.getByRole('row').filter({ hasText: 'PS1' }).first()).toBeVisible();
    await expect(members.getByRole('row').filter({ hasText: 'PS2' }).first()).toBeVisible();
    await expect(members.getByRole('row').filter({ hasText: 'PS3' })).toHaveCount(0);
    // The Protection Status filter is applied by the server.
    await page.getByRole('combobox', { name: 'Protection Status' }).selectOption('Replica is missing');
    await expect(page.getByText('No member matches the search and filter.')).toBeVisible();
    await page.getByRole('combobox', { name: 'Protection Status' }).selectOption('OK');
    await expect(members.getByRole('row').filter({ hasText: 'PS1' }).first()).toBeVisible();

    // Recovery on DS1: PS1 and PS2 hold recovery points.
    await workArea(page, 'Recovery').click();
    await expect(page).toHaveURL(/\/recovery$/);
    const tree = page.getByRole('tree', { name: 'Recoverable data' });
    await expect(tree.getByText('PS1', { exact: true })).toBeVisible();
    await expect(tree.getByText('PS2', { exact: true })).toBeVisible();

    // Reporting › Readiness check: the DPMDB of every server DS1–DS4.
    await workArea(page, 'Reporting').click();
    await expect(page).toHaveURL(/\/reporting$/);
    await page.getByRole('tree', { name: 'Beyond DPM' }).getByRole('treeitem', { name: 'Readiness check' }).click();
    const report = page.getByRole('region', { name: 'DPM database protection' });
    for (const ds of ['DS1', 'DS2', 'DS3', 'DS4'])
      await expect(report.getByRole('cell', { name: ds, exact: true })).toBeVisible();

    // Management › Agents on DS1: PS1 and PS2; Libraries: the demo's tapes.
    await workArea(page, 'Management').click();
    await expect(page).toHaveURL(/\/management\/agents$/);
    const agents = page.getByRole('grid', { name: 'Agents' });
    await expect(agents.getByRole('row').filter({ hasText: 'PS1' })).toBeVisible();
    await expect(agents.getByRole('row').filter({ hasText: 'PS2' })).toBeVisible();
    await page.getByRole('tab', { name: 'Libraries' }).click();
    await expect(
      page.getByRole('grid', { name: 'Tapes' }).getByRole('row').filter({ hasText: 'DS1-DPMDB-Tape-0001' }),
    ).toBeVisible();

    // Connected to DS3, the secondary: DS1 and DS2 are what it protects.
    await connectTo(page, 'DS3');
    await workArea(page, 'Protection').click();
    await expect(members.getByRole('row').filter({ hasText: 'DPMDB_DS1' })).toBeVisible();
    await expect(members.getByRole('row').filter({ hasText: 'DPMDB_DS2' })).toBeVisible();
    await workArea(page, 'Management').click();
    await expect(agents.getByRole('row').filter({ hasText: 'DS1' })).toBeVisible();
    await expect(agents.getByRole('row').filter({ hasText: 'DS2' })).toBeVisible();
  });

  test('draws the protection topology as the seed table of scenario 1', async ({ page }) => {
    await page.goto('/topology');
    const table = page.getByRole('table', { name: 'Protection topology table' });
    const row = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}\\b`) }) });
    await expect(row('DS1').getByRole('rowheader')).toHaveText('DS1 (primary)');
    await expect(row('DS1').getByRole('cell').nth(0)).toHaveText('PS1, PS2');
    await expect(row('DS1').getByRole('cell').nth(1)).toHaveText('DS3');
    await expect(row('DS2').getByRole('cell').nth(0)).toHaveText('PS3, PS4');
    await expect(row('DS2').getByRole('cell').nth(1)).toHaveText('DS3');
    await expect(row('DS3').getByRole('rowheader')).toHaveText('DS3 (secondary)');
    await expect(row('DS3').getByRole('cell').nth(0)).toHaveText('DS1, DS2');
    await expect(row('DS3').getByRole('cell').nth(1)).toHaveText('DS4');
    await expect(row('DS4').getByRole('cell').nth(0)).toHaveText('DS3');
    await expect(row('DS4').getByRole('cell').nth(1)).toHaveText('-');
    await page.getByRole('button', { name: 'Connect to DS3' }).click();
    await expect(page.getByLabel('Connected DPM server')).toContainText('DS3');

    // The server disaster recovery actions are reachable from the topology, Connect to DPM server and Management.
    await page.goto('/topology');
    await table.getByRole('link', { name: 'Server actions for DS2' }).click();
    await expect(page).toHaveURL(/\/servers\/srv-DS2$/);
    await expect(
      page.getByRole('region', { name: 'Actions pane' }).getByRole('button', { name: 'Mark as failed' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Connect to DPM server' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect to DPM server' });
    await dialog.getByRole('radio', { name: /^DS4 \(/ }).check();
    await dialog.getByRole('button', { name: 'Server actions' }).click();
    await expect(page).toHaveURL(/\/servers\/srv-DS4$/);
    await expect(page.getByRole('heading', { name: 'DS4 (ds4.contoso.com)' })).toBeVisible();
    await workArea(page, 'Management').click();
    await page.getByRole('link', { name: 'Server actions' }).click();
    await expect(page).toHaveURL(/\/servers\/srv-DS3$/);
  });

  test('a work area chosen the moment the console has loaded stays chosen', async ({ page }) => {
    // Management is clicked in the very task that shows the estate, before anything else can run:
    // the console must already be where / leads, and the click must take it to Management.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        const main = document.querySelector('main');
        if (!main || main.textContent?.includes('Connecting to the estate')) return;
        observer.disconnect();
        const link = [...document.querySelectorAll('nav[aria-label="Work areas"] a')].find(
          (a) => a.textContent === 'Management',
        );
        (link as HTMLAnchorElement | undefined)?.click();
      });
      document.addEventListener('DOMContentLoaded', () =>
        observer.observe(document.body, { childList: true, subtree: true, characterData: true }),
      );
    });
    await page.goto('/');
    await expect(page).toHaveURL(/\/management\/agents$/);
    await expect(page.getByRole('tab', { name: 'Estate' })).toBeVisible();
  });

  test('an address leads to its page: a work area to its first tab, back and forward, an unknown one says so', async ({
    page,
  }) => {
    await page.goto('/management');
    await expect(page).toHaveURL(/\/management\/agents$/);
    await expect(page.getByRole('tab', { name: 'Agents', selected: true })).toBeVisible();
    await workArea(page, 'Protection').click();
    await expect(page.getByRole('grid', { name: 'Protected members' })).toBeVisible();
    // Back and forward show each page again, and a work area's bare address its first tab.
    await page.goBack();
    await expect(page).toHaveURL(/\/management\/agents$/);
    await expect(page.getByRole('tab', { name: 'Agents', selected: true })).toBeVisible();
    await page.goForward();
    await expect(page.getByRole('grid', { name: 'Protected members' })).toBeVisible();
    await page.goto('/monitoring');
    await expect(page).toHaveURL(/\/monitoring\/alerts$/);
    await page.goto('/no-such-page');
    await expect(page.getByText('This page does not exist. Choose a work area above.')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Work areas' })).toBeVisible();
  });

  test('a work area whose code cannot be fetched says so after one reload, and the others still open', async ({
    page,
  }) => {
    await page.goto('/monitoring/alerts');
    await expect(page.getByRole('grid', { name: 'Alerts' })).toBeVisible();
    await page.route(/\/assets\/ReportingPage-[^/]*\.js$/, (route) => route.abort());
    let loads = 0;
    page.on('load', () => (loads += 1));
    await workArea(page, 'Reporting').click();
    // The console loads the page again once (a newer build may have replaced the chunk), then says why.
    await expect(page.getByText('The console could not load this view')).toBeVisible();
    expect(loads).toBe(1);
    await expect(page).toHaveURL(/\/reporting$/);
    await workArea(page, 'Monitoring').click();
    await expect(page.getByRole('grid', { name: 'Alerts' })).toBeVisible();
  });
});
