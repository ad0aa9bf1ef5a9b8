import { connectTo, expect, test, workArea } from '../fixtures';

test.use({ seed: 'demo' });

test(
  'Re-establish protection finds the missing group membership on PS4, fixes it, and the next synchronization ' +
    'succeeds (seed 000)',
  async ({ page, server }) => {
    await page.goto('/');
    await connectTo(page, 'DS2');

    // With DS2 missing from DPMRADmTrustedMachines on PS4, its synchronizations fail.
    await server.advance(20);
    await workArea(page, 'Monitoring').click();
    await page.getByRole('tab', { name: 'Jobs' }).click();
    const jobs = page.getByRole('grid', { name: 'Jobs' });
    await expect(
      jobs
        .getByRole('row')
        .filter({ hasText: 'PS4' })
        .filter({ hasText: 'Synchronization' })
        .filter({ hasText: 'Failed' })
        .first(),
    ).toBeVisible();

    await workArea(page, 'Management').click();
    await page.getByRole('grid', { name: 'Agents' }).getByRole('row').filter({ hasText: 'PS4' }).click();
    await page
      .getByRole('region', { name: 'Actions pane' })
      .getByRole('button', { name: 'Re-establish protection' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Re-establish protection' });
    const checks = dialog.getByRole('table', { name: 'Checks' });
    await expect(checks.getByRole('row').filter({ hasText: 'DPMRADmTrustedMachines' })).toContainText('Failed');
    await expect(checks.getByRole('row').filter({ hasText: 'DPMRADCOMTrustedMachines' })).toContainText('Passed');
    await dialog.getByRole('button', { name: 'Fix missing settings' }).click();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(checks.getByRole('row').filter({ hasText: 'DPMRADmTrustedMachines' })).toContainText('Passed');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The failed synchronization left the replicas inconsistent: a consistency check, then the
    // scheduled synchronizations succeed again.
    const res = await server.api('/servers/srv-DS2/protection/consistency-checks', {
      method: 'POST',
      body: JSON.stringify({ replicaIds: ['rep-DS2-PS4-C', 'rep-DS2-PS4-D', 'rep-DS2-PS4-SQL'] }),
    });
    expect(res.status).toBe(200);
    await server.advance(60);
    await server.advance(20);
    await workArea(page, 'Monitoring').click();
    await page.getByRole('tab', { name: 'Jobs' }).click();
    // Jobs are grouped by status, as DPM opens them: the new synchronizations are among the Completed.
    await expect(
      jobs
        .getByRole('row')
        .filter({ hasText: 'PS4' })
        .filter({ hasText: 'Synchronization' })
        .filter({ hasText: 'Completed' })
        .first(),
    ).toBeVisible();
  },
);
