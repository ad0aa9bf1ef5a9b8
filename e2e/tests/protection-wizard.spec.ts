import type { Locator, Page } from '@playwright/test';
import { connectTo, expect, test, workArea } from '../fixtures';

/**
 * Seed 001, "Set up primary and secondary protection", rehearsed on scenario 1 of seed 004: a
 * protection group's context menu by keyboard. Setting DS3 up as DS1's secondary with the wizard
 * is the demo secondary-protection (demos/).
 */
test.use({ seed: 'scenario-1' });

function wizardPage(wizard: Locator, title: string): Locator {
  return wizard.getByRole('heading', { name: title, exact: true });
}

async function next(wizard: Locator, title: string): Promise<void> {
  await wizard.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(wizardPage(wizard, title)).toBeVisible();
}

async function openProtection(page: Page, server: string): Promise<void> {
  await page.goto('/protection');
  await connectTo(page, server);
  await workArea(page, 'Protection').click();
  await expect(page.getByRole('tree', { name: 'Protection groups' })).toBeVisible();
}

function groupsTree(page: Page): Locator {
  return page.getByRole('region', { name: 'Navigation pane' }).getByRole('tree', { name: 'Protection groups' });
}

function groupItem(page: Page, name: string): Locator {
  return groupsTree(page).getByRole('treeitem', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
}

// DS3 protects DS1 again with the wizard, and DS4 may not protect DS1 directly: demos/secondary-protection.demo.ts.

test(
  'a protection group context menu by keyboard: consistency check, ' +
    'Modify protection group, Switch Disaster Protection',
  async ({ page }) => {
    await openProtection(page, 'DS3');
    const group = groupItem(page, 'DS1 protection');
    await group.click();
    const actions = page.getByRole('region', { name: 'Actions pane' });
    for (const op of [
      'Modify protection group',
      'Stop protection of group',
      'Switch Disaster Protection',
      'Perform consistency check',
    ]) {
      await expect(actions.getByRole('button', { name: op })).toBeVisible();
    }

    // Shift+F10 opens the menu with the focus on its first operation; arrows and Enter choose one.
    await group.focus();
    await page.keyboard.press('Shift+F10');
    await expect(page.getByRole('menuitem', { name: 'Modify protection group' })).toBeFocused();
    const check = page.getByRole('menuitem', { name: 'Perform consistency check' });
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
    await expect(check).toBeFocused();
    await page.keyboard.press('Enter');
    // The notice names the jobs the check queued (one per member) rather than calling them done.
    await expect(page.getByRole('status').filter({ hasText: 'Perform consistency check' })).toContainText(
      /consistency check jobs? started/,
    );

    await group.focus();
    await page.keyboard.press('ContextMenu');
    await page.getByRole('menuitem', { name: 'Switch Disaster Protection' }).click();
    const switching = page.getByRole('dialog', { name: 'Switch Disaster Protection' });
    await expect(switching).toContainText('takes ownership of the protection agent');
    await switching.getByRole('button', { name: 'Cancel' }).click();
    await expect(switching).toHaveCount(0);

    await group.focus();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menuitem', { name: 'Modify protection group' }).click();
    const wizard = page.getByRole('dialog', { name: 'Modify protection group' });
    await expect(wizardPage(wizard, 'Select Group Members')).toBeVisible();
    await expect(wizard.getByRole('textbox', { name: 'Protection group name' })).toHaveValue('DS1 protection');
    const ds1 = wizard
      .getByRole('tree', { name: 'Available members' })
      .getByRole('treeitem', { name: 'DS1', exact: true });
    await ds1.click();
    await expect(ds1.getByRole('treeitem', { name: 'DPMDB_DS1', exact: true })).toContainText('In this group');
    await ds1.getByRole('treeitem', { name: 'C:\\', exact: true }).getByRole('checkbox').check();
    await expect(wizard.getByText('1 members to add')).toBeVisible();
    await next(wizard, 'Select Data Protection Method');
    await next(wizard, 'Specify Short-Term Goals');
    await expect(wizard.getByRole('spinbutton', { name: 'Retention range' })).toHaveValue('10');
    await wizard.getByRole('spinbutton', { name: 'Retention range' }).fill('12');
    await next(wizard, 'Review Disk Allocation');
    await next(wizard, 'Choose Consistency Check Options');
    await next(wizard, 'Summary');
    await wizard.getByRole('button', { name: 'Update Group' }).click();
    await expect(wizard).toHaveCount(0);
    await expect(
      page.getByRole('status').filter({ hasText: 'Protection group DS1 protection updated.' }),
    ).toBeVisible();
    const members = page.getByRole('grid', { name: 'Protected members' });
    const added = members
      .getByRole('row')
      .filter({ has: page.getByRole('gridcell', { name: 'C:\\', exact: true }) })
      .filter({ has: page.getByRole('gridcell', { name: 'DS1', exact: true }) });
    await expect(added).toContainText('Replica creation pending');
  },
);
