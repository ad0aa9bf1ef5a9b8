import type { Page } from '@playwright/test';
import { connectTo, expect, test, workArea, done, pane } from '../fixtures';

const actions = (page: Page) => pane(page, 'Actions pane');
const DOMAIN_ADMIN = { userName: 'CONTOSO\\dpmadmin', password: 'Contoso-DPM-2026!' };

test.describe('Management › Libraries on the demo estate', () => {
  test.use({ seed: 'demo' });

  // Rescan, Detailed inventory, DS2's imported tape recataloged and listed under External DPM Tapes:
  // demos/external-dpm-tape.demo.ts.

  test('View tape contents lists the data sets; Add tape (I/E port) and Unlock library door', async ({ page }) => {
    await page.goto('/');
    await connectTo(page, 'DS1');
    await workArea(page, 'Management').click();
    await page.getByRole('tab', { name: 'Libraries' }).click();
    await page
      .getByRole('grid', { name: 'Tapes' })
      .getByRole('row')
      .filter({ hasText: 'File servers-LT-0002' })
      .click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'View tape contents' }).click();
    const dialog = page.getByRole('dialog', { name: 'View tape contents' });
    await expect(dialog.getByRole('table', { name: 'Data sets' })).toContainText('PS1');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await actions(page).getByRole('button', { name: 'Add tape (I/E port)' }).click();
    const add = page.getByRole('dialog', { name: 'Add tape (I/E port)' });
    await add.getByRole('textbox', { name: 'Barcode' }).fill('NEW100L8');
    await add.getByRole('button', { name: 'Add tape' }).click();
    await expect(
      page.getByRole('grid', { name: 'Tapes' }).getByRole('row').filter({ hasText: 'NEW100L8' }),
    ).toContainText('Unknown');
    await actions(page).getByRole('button', { name: 'Unlock library door' }).click();
    await expect(actions(page).getByRole('button', { name: 'Lock library door' })).toBeVisible();
  });
});

test(
  'Simulate unclean shutdown of PS2: its replicas on DS1 are ' +
    'inconsistent and Monitoring raises the alert (domain-rules.md)',
  async ({ page }) => {
    await page.goto('/management/estate');
    await expect(page.getByLabel('Connected DPM server')).toContainText('DS1');
    await page.getByRole('grid', { name: 'Computers' }).getByRole('row').filter({ hasText: 'PS2' }).click();
    await actions(page).getByRole('button', { name: 'Simulate unclean shutdown' }).click();
    await expect(done(page, 'Simulate unclean shutdown')).toBeVisible();

    await workArea(page, 'Monitoring').click();
    const alerts = page
      .getByRole('grid', { name: 'Alerts' })
      .getByRole('row')
      .filter({ hasText: 'Replica is inconsistent' });
    await expect(alerts.filter({ hasText: 'PS2' }).first()).toBeVisible();
    await workArea(page, 'Protection').click();
    await expect(pane(page, 'Display pane').getByRole('row').filter({ hasText: 'PS2' }).first()).toContainText(
      'Replica is inconsistent',
    );
  },
);

test(
  'Disks: a failed disk makes its replicas missing with their alert; ' +
    'Remove disk, Add disk and Reallocate replicas bring them back to ' +
    'Manual replica creation pending',
  async ({ page }) => {
    await page.goto('/management/disks');
    await expect(page.getByLabel('Connected DPM server')).toContainText('DS1');
    const disks = page.getByRole('grid', { name: 'Disks' });
    const disk1 = disks.getByRole('row').filter({ hasText: 'Disk 1' });
    await expect(disk1).toContainText('Healthy');
    const onDisk1 = page
      .getByRole('grid', { name: 'Replicas in the storage pool' })
      .getByRole('row')
      .filter({ hasText: 'Disk 1' });
    const count = await onDisk1.count();
    expect(count).toBeGreaterThan(0);

    await disk1.click();
    // The server offers Remove disk only for a missing or unused disk, and says why not.
    const remove = actions(page).getByRole('button', { name: 'Remove disk' });
    await expect(remove).toBeDisabled();
    await expect(remove).toHaveAttribute('title', /only a missing disk or an unused one can be removed/);
    await actions(page).getByRole('button', { name: 'Simulate disk failure' }).click();
    await expect(done(page, 'Simulate disk failure')).toBeVisible();
    await expect(disk1).toContainText('Missing');

    await workArea(page, 'Monitoring').click();
    await expect(
      page.getByRole('grid', { name: 'Alerts' }).getByRole('row').filter({ hasText: 'Replica is missing' }),
    ).toHaveCount(count);

    // From another server's console, the header's critical alerts lead to them on DS1.
    await connectTo(page, 'DS3');
    await page.getByRole('button', { name: /active critical alerts$/ }).click();
    const critical = page.getByRole('dialog', { name: 'Active critical alerts across the estate' });
    await critical
      .getByText(/^DS1: Replica is missing — /)
      .first()
      .click();
    await expect(page.getByLabel('Connected DPM server')).toContainText('DS1');
    await expect(page).toHaveURL(/\/monitoring\/alerts\?alert=/);
    await expect(page.getByRole('region', { name: 'Details pane' })).toContainText('Replica is missing');

    await workArea(page, 'Management').click();
    await page.getByRole('tab', { name: 'Disks' }).click();
    await disk1.click();
    await actions(page).getByRole('button', { name: 'Remove disk' }).click();
    await expect(done(page, 'Remove disk')).toBeVisible();
    await expect(disks.getByRole('row').filter({ hasText: 'Disk 1' })).toHaveCount(0);
    await actions(page).getByLabel('Disk size (GB)').fill('10000');
    await actions(page).getByRole('button', { name: 'Add disk' }).click();
    await expect(disks.getByRole('row').filter({ hasText: 'Disk 3' })).toContainText('Healthy');

    await page.getByRole('link', { name: 'Server actions' }).click();
    await actions(page).getByRole('button', { name: 'Reallocate replicas' }).click();
    await expect(done(page, 'Reallocate replicas')).toBeVisible();
    await workArea(page, 'Protection').click();
    await expect(
      page
        .getByRole('grid', { name: 'Protected members' })
        .getByRole('row')
        .filter({ hasText: 'Manual replica creation pending' }),
    ).toHaveCount(count);
  },
);

test.describe('Protection Agent Installation Wizard on scenario 1', () => {
  test.use({ seed: 'scenario-1' });

  // Attaching a DPM server of another version (VERSION_MISMATCH) and one of the same version:
  // demos/secondary-protection.demo.ts.

  test('the domain password never appears in an answer, the audit log or the page', async ({ page, server }) => {
    const res = await server.api('/servers/srv-DS4/agents/attach', {
      method: 'POST',
      body: JSON.stringify({ computerIds: ['cmp-DS1'], method: 'Attach', credentials: DOMAIN_ADMIN }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain(DOMAIN_ADMIN.password);
    const audit = await (await server.api('/audit?limit=500')).text();
    expect(audit).toContain('agents.install');
    expect(audit).not.toContain(DOMAIN_ADMIN.password);
    await page.goto('/monitoring/audit');
    await expect(page.locator('body')).not.toContainText(DOMAIN_ADMIN.password);
  });
});
