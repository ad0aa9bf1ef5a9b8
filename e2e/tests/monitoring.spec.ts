import type { Page } from '@playwright/test';
import { connectTo, expect, signIn, test, workArea, type RunningServer } from '../fixtures';

test.use({ seed: 'scenario-1' });

/** DS3's replica of PS1 C:\ (it protects DS1's replica of it as a secondary, seed 004). */
const DS3_PS1_C = 'rep-DS3-DS1-PS1-C';

/**
 * A command through the API, as a script or the CLI would run it. It goes through the page's
 * request context, so it carries whatever session the page's browser context holds, and names the
 * console's origin as the console's pages do (a signed-in change from anywhere else is refused).
 */
async function post(page: Page, server: RunningServer, path: string, body: unknown): Promise<void> {
  const res = await page.request.post(`${server.url}/api${path}`, {
    headers: { 'content-type': 'application/json', origin: server.url },
    data: JSON.stringify(body),
  });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
}

/** Switch Disaster Protection on DS3 for PS1 C:\, in the direction chosen. */
const switchOnDs3 = (page: Page, server: RunningServer, direction: 'to-secondary' | 'to-primary' = 'to-secondary') =>
  post(page, server, '/servers/srv-DS3/protection/switch', { replicaIds: [DS3_PS1_C], direction });

const alertsGrid = (page: Page) => page.getByRole('grid', { name: 'Alerts' });
const alertRow = (page: Page, name: string) => alertsGrid(page).getByRole('row').filter({ hasText: name });

test('Take Ownership from the Agent Ownership Required alert, seen live by a second console (seed 000)', async ({
  page,
  browser,
  server,
}) => {
  // Switch Disaster Protection on DS3, and back: DS1 must take ownership of PS1's agent.
  await switchOnDs3(page, server, 'to-secondary');
  await switchOnDs3(page, server, 'to-primary');

  // A second administrator watches DS1's alerts in another browser.
  const other = await browser.newContext({ baseURL: server.url, viewport: { width: 1400, height: 900 } });
  await signIn(other, server);
  const watcher = await other.newPage();
  await watcher.goto('/monitoring/alerts');
  await expect(watcher.getByLabel('Connected DPM server')).toContainText('DS1');
  await expect(alertRow(watcher, 'Agent Ownership Required')).toHaveCount(1);
  await watcher.evaluate(() => Object.assign(window, { notReloaded: true }));

  await page.goto('/');
  await connectTo(page, 'DS1');
  await workArea(page, 'Monitoring').click();
  await page.getByRole('tab', { name: 'Alerts' }).click();
  await alertRow(page, 'Agent Ownership Required').click();
  const details = page.getByRole('region', { name: 'Details pane' });
  await expect(details).toContainText('The protection agent on PS1 is not owned by DS1');
  await expect(details).not.toContainText('(ID ');
  await details.getByRole('button', { name: 'Take Ownership' }).click();

  await expect(alertRow(page, 'Agent Ownership Required')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show inactive alerts' }).check();
  await expect(
    alertRow(page, 'Agent Ownership Required').getByRole('gridcell', { name: 'Inactive', exact: true }),
  ).toBeVisible();

  // Group by Status: a first column names each row's group, Active ones before Inactive ones.
  const groupBy = page.getByRole('combobox', { name: 'Group by' });
  await expect(groupBy.getByRole('option')).toHaveText(['None', 'Protection group', 'Computer', 'Severity', 'Status']);
  await groupBy.selectOption('Status');
  await expect(alertsGrid(page).getByRole('columnheader', { name: 'Group' })).toBeVisible();
  await expect(alertRow(page, 'Agent Ownership Required').getByRole('gridcell').first()).toHaveText('Inactive');
  await expect(alertsGrid(page).getByRole('row').nth(1).getByRole('gridcell').first()).toHaveText('Active');

  // The second console saw the alert leave its active list through the live stream.
  await expect(alertRow(watcher, 'Agent Ownership Required')).toHaveCount(0);
  expect(await watcher.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await other.close();

  // Management › Agents: DS1 owns PS1's agent again.
  await workArea(page, 'Management').click();
  const ps1 = page.getByRole('grid', { name: 'Agents' }).getByRole('row').filter({ hasText: 'PS1' });
  await expect(ps1.getByRole('gridcell', { name: 'DS1', exact: true })).toBeVisible();

  // The header's count of active critical alerts lists them across the estate.
  const count = Number(
    (await page.getByRole('button', { name: /active critical alerts$/ }).getAttribute('aria-label'))?.split(' ')[0],
  );
  await page.getByRole('button', { name: /active critical alerts$/ }).click();
  const list = page.getByRole('dialog', { name: 'Active critical alerts across the estate' });
  await expect(list).toBeVisible();
  if (count === 0) await expect(list).toContainText('No active critical alert in the estate.');
  else await expect(list.getByRole('listitem').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
});

test(
  'Replica is inconsistent: the consistency check runs from the alert, shows its progress in Jobs and clears the ' +
    'alert',
  async ({ page, server }) => {
    await switchOnDs3(page, server);

    await page.goto('/');
    await connectTo(page, 'DS3');
    await workArea(page, 'Monitoring').click();
    await alertRow(page, 'Replica is inconsistent').filter({ hasText: 'C:\\ on PS1' }).click();
    const details = page.getByRole('region', { name: 'Details pane' });
    await expect(details).toContainText('(ID 3106)');
    // Acknowledge records who, when and the comment.
    const actionsPane = page.getByRole('region', { name: 'Actions pane' });
    await actionsPane.getByRole('textbox', { name: 'Comment' }).fill('Switched during the DR rehearsal; checking now.');
    await actionsPane.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(details).toContainText('by admin at');
    await expect(details).toContainText('Switched during the DR rehearsal; checking now.');
    // DPM keeps it active; acknowledging again with a new comment stays possible.
    await expect(actionsPane.getByRole('button', { name: 'Acknowledge' })).toBeEnabled();
    await details.getByRole('button', { name: 'Run a synchronization job with consistency check' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Run a synchronization job with consistency check' }),
    ).toBeVisible();

    await page.getByRole('tab', { name: 'Jobs' }).click();
    const check = page
      .getByRole('grid', { name: 'Jobs' })
      .getByRole('row')
      .filter({ hasText: 'Consistency check' })
      .filter({ hasText: 'C:\\' });
    await expect(check).toHaveCount(1);
    // Grouped by status, the status shows in the group column and in its own: the last is the row's.
    await expect(check.getByRole('gridcell', { name: 'Scheduled', exact: true }).last()).toBeVisible();

    // 60 GB at 10 GB a simulated minute: a third of it after two minutes, two thirds after four.
    await server.advance(2);
    await expect(check.getByRole('progressbar', { name: 'Progress of Consistency check' })).toBeVisible();
    await expect(check).toContainText('33%');
    await expect(check).toContainText('20.0 GB');
    await server.advance(2);
    await expect(check).toContainText('67%');
    await check.click();
    await expect(page.getByRole('region', { name: 'Details pane' })).toContainText(
      'Synchronization with consistency check',
    );
    await server.advance(5);
    await expect(check.getByRole('gridcell', { name: 'Completed', exact: true }).last()).toBeVisible();
    await expect(check).toContainText('60.0 GB');

    await page.getByRole('tab', { name: 'Alerts' }).click();
    await expect(alertsGrid(page).or(page.getByText('No active alerts on this DPM server.'))).toBeVisible();
    // PS1's other data sources switched with C:\ (they follow the agent); their own checks take longer.
    await expect(alertRow(page, 'Replica is inconsistent').filter({ hasText: 'C:\\ on PS1' })).toHaveCount(0);
    await expect(
      alertRow(page, 'Replica inconsistent, verification in progress').filter({ hasText: 'C:\\ on PS1' }),
    ).toHaveCount(0);
  },
);

test('Retry a failed job from its context menu, Cancel the retry, and read why each action does not apply', async ({
  page,
  server,
}) => {
  // DS1's recovery point of PS1 C:\ fails: DS3 had switched PS1 to itself.
  await switchOnDs3(page, server);
  await post(page, server, '/servers/srv-DS1/protection/recovery-points', {
    replicaIds: ['rep-DS1-PS1-C'],
    location: 'Disk',
  });
  await server.advance(2);

  await page.goto('/monitoring/jobs');
  await expect(page.getByLabel('Connected DPM server')).toContainText('DS1');
  const jobs = page.getByRole('grid', { name: 'Jobs' });
  const failed = jobs.getByRole('row').filter({ hasText: 'Recovery point' }).filter({ hasText: 'Failed' });
  await failed.click();
  const details = page.getByRole('region', { name: 'Details pane' });
  await expect(details).toContainText('creates a recovery point of it on DS1');
  await expect(details).toContainText('NOT_OWNER');
  await expect(details).toContainText('Another DPM server owns the protection agent');
  await expect(details).toContainText('Take Ownership');

  const actions = page.getByRole('region', { name: 'Actions pane' });
  await expect(actions.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  await expect(actions.getByRole('button', { name: 'Cancel' })).toHaveAttribute(
    'title',
    'Only a scheduled job or a job in progress can be canceled; this job is failed.',
  );
  await expect(actions.getByRole('button', { name: 'Retry' })).toBeEnabled();

  await failed.click({ button: 'right' });
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Cancel' })).toBeDisabled();
  await menu.getByRole('menuitem', { name: 'Retry' }).click();
  const retried = jobs.getByRole('row').filter({ hasText: 'Recovery point' }).filter({ hasText: 'Scheduled' });
  await expect(retried).toHaveCount(1);
  await expect(actions.getByRole('button', { name: 'Retry' })).toHaveAttribute(
    'title',
    /already scheduled or in progress/,
  );

  await retried.click();
  await expect(actions.getByRole('button', { name: 'Retry' })).toHaveAttribute(
    'title',
    'Only a failed job can be retried; this job is scheduled.',
  );
  await retried.press('Shift+F10');
  await page.getByRole('menu').getByRole('menuitem', { name: 'Cancel' }).click();
  await expect(jobs.getByRole('row').filter({ hasText: 'Recovery point' }).filter({ hasText: 'Canceled' })).toHaveCount(
    1,
  );
  await expect(details).toContainText('Canceled.');
});
