import { connectTo, expect, pane, test, workArea } from '../fixtures';

test.use({ seed: 'demo' });

interface AlertRow {
  name: string;
  severity: string;
  state: string;
  affectedArea: string;
}

test(
  'the demo opens on the fortnight the model ran: Show inactive alerts ' +
    'on DS1 lists its history, and a warning is still active ' +
    '(domain-rules.md, demo)',
  async ({ page, server }) => {
    await page.goto('/');
    await connectTo(page, 'DS1');
    await workArea(page, 'Monitoring').click();
    await page.getByRole('tab', { name: 'Alerts' }).click();
    const grid = page.getByRole('grid', { name: 'Alerts' });

    // Active when the console opens: the detailed inventory the lost library cut short (a warning),
    // and last Friday's tape backups that found no free tape.
    const warning = grid.getByRole('row').filter({ hasText: 'Detailed inventory failed' });
    await expect(warning).toHaveCount(1);
    await expect(warning).toContainText('Warning');
    await expect(grid.getByRole('row').filter({ hasText: 'Backup to tape failed' })).toHaveCount(2);
    await expect(grid.getByRole('gridcell', { name: 'Inactive', exact: true })).toHaveCount(0);
    await warning.click();
    await expect(pane(page, 'Details pane')).toContainText(
      'The detailed inventory of Tape Library 1 (LTO-8) on DS1 failed.',
    );

    // Show inactive alerts: the fortnight's history, each failure resolved when DPM recovered from it.
    await page.getByRole('checkbox', { name: 'Show inactive alerts' }).check();
    await expect(grid.getByRole('gridcell', { name: 'Inactive', exact: true }).first()).toBeVisible();
    await expect(grid.getByRole('row').filter({ hasText: 'Synchronization failed' }).first()).toBeVisible();

    // The whole list, as the console pages it from the server.
    const res = await server.api('/servers/srv-DS1/alerts?inactive=true&limit=100');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: AlertRow[] };
    const inactive = new Set(items.filter((a) => a.state === 'Inactive').map((a) => a.name));
    for (const name of [
      'Agent unreachable',
      'Synchronization failed',
      'Replica is inconsistent',
      'Replica inconsistent, verification in progress',
      'Recovery point creation failed',
      'Library not available',
    ]) {
      expect(inactive, name).toContain(name);
    }
    const active = items.filter((a) => a.state === 'Active');
    expect(active.filter((a) => a.severity === 'Warning').map((a) => a.name)).toEqual(['Detailed inventory failed']);
    expect(
      active
        .filter((a) => a.name === 'Backup to tape failed')
        .map((a) => a.affectedArea)
        .sort(),
    ).toEqual(['D:\\ on PS1', 'D:\\ on PS2']);

    // Monitoring › Jobs holds the jobs that failed with them.
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('Failed');
    const jobs = page.getByRole('grid', { name: 'Jobs' });
    await expect(jobs.getByRole('row').filter({ hasText: 'Tape backup' }).first()).toBeVisible();
  },
);
