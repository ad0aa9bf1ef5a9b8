import { actions, createGroupWizardOn } from '../demos/console-walks';
import { connectTo, done, expect, pane, test, workArea } from '../fixtures';

/**
 * What a DPM administrator's review of the model found in the demo estate, as the console shows it
 * now: the protection methods a server can give, an agent that refuses its server, and the Recovery
 * Wizard's SQL and file options. Secondary protection: model-review-secondary.spec.ts.
 */
test.describe('the demo estate', () => {
  test.use({ seed: 'demo' });

  test(
    'DS2 has no library and is not registered: the wizard greys out tape ' +
      'and online protection with the reason, and the server refuses them',
    async ({ page, server }) => {
      const wizard = await createGroupWizardOn(page, 'DS2');
      // DS2's own C:\ volume, which nothing protects yet.
      const own = wizard
        .getByRole('tree', { name: 'Available members' })
        .getByRole('treeitem', { name: 'DS2', exact: true });
      await own.click();
      await own.getByRole('treeitem', { name: 'C:\\', exact: true }).getByRole('checkbox').check();
      await wizard.getByRole('button', { name: 'Next' }).click();
      await expect(wizard.getByRole('heading', { name: 'Select Data Protection Method' })).toBeVisible();
      await expect(wizard.getByRole('checkbox', { name: 'I want long-term protection using tape' })).toBeDisabled();
      await expect(wizard).toContainText('No tape library or drive is attached to DS2');
      await expect(wizard.getByRole('checkbox', { name: 'I want online protection' })).toBeDisabled();
      await expect(wizard).toContainText('DS2 is not registered for online protection');
      await wizard.getByRole('button', { name: 'Cancel' }).click();

      const body = {
        name: 'Online',
        members: [{ dataSourceId: 'ds-PS3-D', sourceServerId: null }],
        disk: null,
        tape: null,
        online: { recoveryPoints: 30 },
        replicaCreation: 'Now',
        consistencyCheck: { runIfInconsistent: true, dailyAt: null },
      };
      const refused = await server.api('/servers/srv-DS2/protection/groups', {
        method: 'POST',
        body: JSON.stringify(body),
      });
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({ error: { code: 'ONLINE_NOT_REGISTERED' } });
      const tape = await server.api('/servers/srv-DS2/protection/groups', {
        method: 'POST',
        body: JSON.stringify({
          ...body,
          online: null,
          tape: {
            frequency: 'Weekly',
            backupTime: 0,
            retention: { count: 4, unit: 'Weeks' },
            libraryId: null,
            copies: 1,
            encrypt: false,
          },
        }),
      });
      expect(await tape.json()).toMatchObject({ error: { code: 'NO_TAPE_LIBRARY' } });
    },
  );

  test(
    "Refresh Information reports PS4's agent refusing DS2, and the alerts " +
      'recommend Re-establish protection, which fixes it (seed 000)',
    async ({ page, server }) => {
      await page.goto('/');
      await connectTo(page, 'DS2');
      await workArea(page, 'Management').click();
      const ps4 = page.getByRole('grid', { name: 'Agents' }).getByRole('row').filter({ hasText: 'PS4' });
      await expect(ps4).toContainText('OK');
      await actions(page).getByRole('button', { name: 'Refresh Information' }).click();
      await expect(ps4).toContainText('Error');
      await ps4.click();
      await expect(pane(page, 'Details pane')).toContainText('CONTOSO\\DS2 is not a member of DPMRADmTrustedMachines');

      await server.advance(30);
      await workArea(page, 'Monitoring').click();
      await page.getByRole('tab', { name: 'Alerts' }).click();
      const alert = page.getByRole('grid', { name: 'Alerts' }).getByRole('row').filter({ hasText: 'PS4' }).first();
      await alert.click();
      const details = pane(page, 'Details pane');
      await expect(details).not.toContainText('Run a synchronization job with consistency check');
      await details.getByRole('button', { name: 'Re-establish protection' }).click();
      await expect(done(page, 'Re-establish protection')).toBeVisible();
      await workArea(page, 'Management').click();
      await expect(ps4).toContainText('OK');
    },
  );

  test(
    'Recovery Wizard: Latest keeps a database to its original instance; ' +
      'Specify Database State and a new database name; files get the existing ' +
      'version and security options',
    async ({ page }) => {
      await page.goto('/recovery');
      await connectTo(page, 'DS1');
      const tree = page.getByRole('tree', { name: 'Recoverable data' });
      await tree.getByText('PS1', { exact: true }).click();
      await tree.getByRole('treeitem', { name: /^PS1\\MSSQLSERVER\\Sales \(\d+\)$/ }).click();
      await expect(page.getByRole('combobox', { name: 'Recovery time' })).toHaveText('Latest');
      await page.getByRole('button', { name: 'Recover', exact: true }).click();
      const wizard = page.getByRole('dialog', { name: 'Recovery Wizard' });
      // A full recovery brings back the whole 40 GB database.
      await expect(wizard).toContainText('40.0 GB');
      await wizard.getByRole('button', { name: 'Next' }).click();
      await expect(wizard.getByRole('radio', { name: /^Recover to any SQL instance — With Latest/ })).toBeDisabled();
      await wizard.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('combobox', { name: 'Recovery time' }).click();
      await page.getByRole('option').nth(1).click();
      await page.getByRole('button', { name: 'Recover', exact: true }).click();
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByRole('radio', { name: 'Recover to any SQL instance' }).check();
      await wizard.getByRole('button', { name: 'Next' }).click();
      await expect(wizard.getByRole('heading', { name: 'Specify Database State' })).toBeVisible();
      await wizard
        .getByRole('radio', { name: 'Leave database non-operational but able to restore additional transaction logs' })
        .check();
      await wizard.getByRole('button', { name: 'Next' }).click();
      await expect(wizard.getByRole('heading', { name: 'Specify Recovery Options' })).toBeVisible();
      await wizard.getByRole('textbox', { name: 'SQL instance' }).fill('SQL02\\MSSQLSERVER');
      await expect(wizard.getByRole('textbox', { name: 'Database name' })).toHaveValue('Sales');
      await wizard.getByRole('textbox', { name: 'Database name' }).fill('Sales_Restored');
      await wizard.getByRole('button', { name: 'Next' }).click();
      await expect(wizard).toContainText('Sales_Restored');
      await expect(wizard).toContainText(
        'Leave database non-operational but able to restore additional transaction logs',
      );
      await wizard.getByRole('button', { name: 'Recover', exact: true }).click();
      await expect(wizard).toContainText('Recovery started');
      await wizard.getByRole('button', { name: 'Close' }).click();

      await tree.getByRole('treeitem', { name: /^C:\\ \(\d+\)$/ }).click();
      await page.getByRole('button', { name: 'Recover', exact: true }).click();
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByRole('radio', { name: 'Recover to an alternate location' }).check();
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByRole('textbox', { name: 'Alternate location' }).fill('FS1\\D:\\Recovered');
      const existing = wizard.getByRole('radiogroup', { name: 'Existing version recovery behavior' });
      await expect(existing.getByRole('radio', { name: 'Create copy' })).toBeChecked();
      await existing.getByRole('radio', { name: 'Skip' }).check();
      await wizard
        .getByRole('radiogroup', { name: 'Restore security' })
        .getByRole('radio', { name: 'Apply the security settings of the recovery point version' })
        .check();
      await wizard.getByRole('button', { name: 'Next' }).click();
      await expect(wizard).toContainText('Skip');
      await wizard.getByRole('button', { name: 'Recover', exact: true }).click();
      await expect(wizard).toContainText('Recovery started');
    },
  );
});
