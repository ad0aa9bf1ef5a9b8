import type { Locator, Page } from '@playwright/test';
import { connectTo, done, expect, pane, started, test, workArea } from '../fixtures';

/**
 * What a DPM administrator's review of the model found, as the console shows it now: what a
 * secondary may protect of its primary, a computer that follows its agent when one data source is
 * switched, the protection methods a server can give, attaching a DPM server's agent, the Recovery
 * Wizard's SQL and file options, and an agent that refuses its server.
 */
const actions = (page: Page) => pane(page, 'Actions pane');
const members = (page: Page) => page.getByRole('grid', { name: 'Protected members' });

async function openWizard(page: Page, server: string): Promise<Locator> {
  await page.goto('/protection');
  await connectTo(page, server);
  await actions(page).getByRole('button', { name: 'Create protection group' }).click();
  const wizard = page.getByRole('dialog', { name: 'Create New Protection Group' });
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('heading', { name: 'Select Group Members' })).toBeVisible();
  return wizard;
}

test.describe('what a secondary may protect (DPM chaining documentation, seeds 001, 004)', () => {
  // Scenario 3 (DS2 and its own database on DS3, the cycle's two arrows): demos/chaining-and-cyclic.demo.ts.

  test.describe('scenario 1', () => {
    test.use({ seed: 'scenario-1' });

    test("DS4 is offered the six replicas DS3 protects directly, none of DS3's copies of PS1 to PS4", async ({
      page,
    }) => {
      const wizard = await openWizard(page, 'DS4');
      const tree = wizard.getByRole('tree', { name: 'Available members' });
      await tree.getByRole('treeitem', { name: 'DS3', exact: true }).click();
      const replicas = tree.getByRole('treeitem', { name: 'Replicas on DS3', exact: true });
      await expect(replicas).toContainText('6 protected data sources');
      await replicas.click();
      await expect(replicas.getByRole('treeitem', { name: /on DS[12]$/ })).toHaveCount(6);
      await expect(replicas.getByRole('treeitem', { name: /on PS\d$/ })).toHaveCount(0);
    });

    test(
      'Attach agents takes the agent every DPM server runs: DS4 is greyed ' +
        'out under Install agents and attached by Attach agents (seed 001)',
      async ({ page }) => {
        await page.goto('/');
        await connectTo(page, 'DS1');
        await workArea(page, 'Management').click();
        await actions(page).getByRole('button', { name: 'Install' }).click();
        const wizard = page.getByRole('dialog', { name: 'Protection Agent Installation Wizard' });
        await wizard.getByRole('button', { name: 'Next' }).click();
        await wizard.getByRole('textbox', { name: 'Search' }).fill('DS4');
        await expect(wizard.getByRole('checkbox', { name: /^DS4 \(/ })).toBeDisabled();
        await expect(
          wizard.getByText(/DS4 is a DPM server and runs the protection agent already; choose Attach agents\./),
        ).toBeVisible();
        await wizard.getByRole('button', { name: 'Back' }).click();
        await wizard.getByRole('radio', { name: 'Attach agents' }).check();
        await wizard.getByRole('button', { name: 'Next' }).click();
        await wizard.getByRole('textbox', { name: 'Search' }).fill('DS4');
        await wizard.getByRole('checkbox', { name: /^DS4 \(/ }).check();
        await wizard.getByRole('button', { name: 'Next' }).click();
        await wizard.getByRole('textbox', { name: 'User name' }).fill('CONTOSO\\dpmadmin');
        await wizard.getByLabel('Password').fill('Contoso-DPM-2026!');
        await wizard.getByRole('button', { name: 'Next' }).click();
        await wizard.getByRole('button', { name: 'Attach', exact: true }).click();
        await expect(wizard).toBeHidden();
        await expect(
          page.getByRole('grid', { name: 'Agents' }).getByRole('row').filter({ hasText: 'DS4' }),
        ).toContainText('DS1');
      },
    );
  });
});

test.describe('a computer follows its agent (seeds 000, 001; scenario 2)', () => {
  test.use({ seed: 'scenario-2' });

  test(
    'switching C:\\ of PS1 on DS2 switches all of PS1; DS1 is told to wait ' +
      'for the switch back; several members are checked and switched back at ' +
      'once',
    async ({ page, server }) => {
      await page.goto('/protection');
      await connectTo(page, 'DS2');
      const ps1 = members(page).getByRole('row').filter({ hasText: 'PS1' });
      await expect(ps1.filter({ hasText: '(replica on DS1)' })).toHaveCount(3);
      await ps1.filter({ hasText: 'C:\\ (replica on DS1)' }).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Switch Disaster Protection' }).click();
      const dialog = page.getByRole('dialog', { name: 'Switch Disaster Protection' });
      await expect(dialog).toContainText(
        'The other data sources of the same computer that DS2 protects follow the agent',
      );
      await dialog.getByRole('button', { name: 'Switch' }).click();
      await expect(
        ps1.filter({ hasText: '(switched from DS1)' }).filter({ hasText: 'Replica is inconsistent' }),
      ).toHaveCount(3);
      await expect(
        members(page).getByRole('row').filter({ hasText: 'PS2' }).filter({ hasText: 'Replica is inconsistent' }),
      ).toHaveCount(0);

      // On DS1, Take Ownership says what to do instead of offering to rebuild a server that has not failed.
      await connectTo(page, 'DS1');
      await workArea(page, 'Management').click();
      await page.getByRole('grid', { name: 'Agents' }).getByRole('row').filter({ hasText: 'PS1' }).click();
      const take = actions(page).getByRole('button', { name: 'Take Ownership' });
      await expect(take).toBeDisabled();
      await expect(take).toHaveAttribute('title', /switched to DS2.*Switch protection back on DS2/);
      await expect(take).not.toHaveAttribute('title', /rebuild/);
      await server.advance(24 * 60);
      const alerts = (await (await server.api('/servers/srv-DS1/alerts?limit=100')).json()) as {
        items: { name: string; affectedArea: string }[];
      };
      expect(alerts.items.filter((a) => a.affectedArea.includes('PS1'))).toEqual([]);

      // Back on DS2: two members chosen with Ctrl+click, checked at once from the Actions pane.
      await connectTo(page, 'DS2');
      await workArea(page, 'Protection').click();
      await expect(ps1.filter({ hasText: '(switched from DS1)' }).filter({ hasText: 'OK' })).toHaveCount(3);
      await ps1.filter({ hasText: 'C:\\ (switched' }).click();
      await ps1.filter({ hasText: 'D:\\ (switched' }).click({ modifiers: ['ControlOrMeta'] });
      await expect(members(page)).toHaveAttribute('aria-multiselectable', 'true');
      await expect(members(page).getByRole('row', { selected: true })).toHaveCount(2);
      await expect(actions(page)).toContainText('2 members selected');
      await actions(page).getByRole('button', { name: 'Perform consistency check' }).click();
      await expect(started(page, 'Perform consistency check')).toBeVisible();
      const jobs = (await (await server.api('/servers/srv-DS2/jobs?limit=200')).json()) as {
        items: { type: string; status: string; source: string; computer: string }[];
      };
      expect(
        jobs.items
          .filter((j) => j.type === 'Consistency check' && j.status === 'Scheduled' && j.computer === 'PS1')
          .map((j) => j.source)
          .sort(),
      ).toEqual(['C:\\', 'D:\\']);

      // The same selection switched back: all of PS1 goes back together, and DS1 raises one alert.
      await actions(page).getByRole('button', { name: 'Switch Disaster Protection' }).click();
      await expect(dialog).toContainText('Switch protection of the 2 selected data sources back to DS1');
      await dialog.getByRole('button', { name: 'Switch' }).click();
      await expect(ps1.filter({ hasText: '(replica on DS1)' })).toHaveCount(3);
      await connectTo(page, 'DS1');
      await workArea(page, 'Monitoring').click();
      const ownership = page
        .getByRole('grid', { name: 'Alerts' })
        .getByRole('row')
        .filter({ hasText: 'Agent Ownership Required' });
      await expect(ownership).toHaveCount(1);
      await ownership.click();
      await pane(page, 'Details pane').getByRole('button', { name: 'Take Ownership' }).click();
      await expect(ownership).toHaveCount(0);
    },
  );
});

test.describe('the demo estate', () => {
  test.use({ seed: 'demo' });

  test(
    'DS2 has no library and is not registered: the wizard greys out tape ' +
      'and online protection with the reason, and the server refuses them',
    async ({ page, server }) => {
      const wizard = await openWizard(page, 'DS2');
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
