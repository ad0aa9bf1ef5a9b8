import type { Page } from '@playwright/test';
import { actions, createGroupWizardOn } from '../demos/console-walks';
import { connectTo, expect, pane, started, test, workArea } from '../fixtures';

/**
 * What a DPM administrator's review of the model found about secondary protection, as the console
 * shows it now: what a secondary may protect of its primary, attaching a DPM server's agent, and a
 * computer that follows its agent when one data source is switched. The rest of the review:
 * model-review-demo-estate.spec.ts.
 */
const members = (page: Page) => page.getByRole('grid', { name: 'Protected members' });

test.describe('what a secondary may protect (DPM chaining documentation, seeds 001, 004)', () => {
  // Scenario 3 (DS2 and its own database on DS3, the cycle's two arrows): demos/chaining-and-cyclic.demo.ts.

  test.describe('scenario 1', () => {
    test.use({ seed: 'scenario-1' });

    test("DS4 is offered the six replicas DS3 protects directly, none of DS3's copies of PS1 to PS4", async ({
      page,
    }) => {
      const wizard = await createGroupWizardOn(page, 'DS4');
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
