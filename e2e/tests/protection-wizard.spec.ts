import type { Locator, Page } from '@playwright/test';
import { connectTo, expect, test, workArea } from '../fixtures';

/**
 * Seed 001, "Set up primary and secondary protection", rehearsed on scenario 1 of seed 004: DS3
 * protects DS1 again through the Create New Protection Group wizard, and DS4, which protects DS1
 * only through the chain, is refused when it tries to protect DS1 directly.
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

test('DS3 protects DS1 again with the wizard; DS4 may not protect DS1 directly', async ({ page, server }) => {
  await openProtection(page, 'DS3');

  // Stop protection of group, from the group's context menu, deleting the replicas.
  await groupItem(page, 'DS1 protection').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Stop protection of group' }).click();
  const stop = page.getByRole('dialog', { name: 'Stop protection of group' });
  await stop.getByRole('radio', { name: 'Delete replica on disk' }).check();
  await stop.getByRole('button', { name: 'Stop protection' }).click();
  await expect(groupItem(page, 'DS1 protection')).toHaveCount(0);
  await expect(groupItem(page, 'DS2 protection')).toBeVisible();

  // Create protection group, opened and walked by keyboard: Tab, Enter and Space.
  const create = page
    .getByRole('region', { name: 'Actions pane' })
    .getByRole('button', { name: 'Create protection group' });
  await create.focus();
  await page.keyboard.press('Enter');
  const wizard = page.getByRole('dialog', { name: 'Create New Protection Group' });
  await expect(wizardPage(wizard, 'Select Protection Group Type')).toBeVisible();
  await expect(wizard.getByRole('radio', { name: 'Servers' })).toBeChecked();
  await expect(wizardPage(wizard, 'Select Protection Group Type')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(wizard.getByRole('radio', { name: 'Servers' })).toBeFocused();
  await tabTo(page, wizard.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');
  await expect(wizardPage(wizard, 'Select Group Members')).toBeVisible();

  // Nothing selected: Next names what is missing and stays.
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText('Group members: select at least one member for the protection group.')).toBeVisible();
  await expect(wizardPage(wizard, 'Select Group Members')).toBeVisible();

  const name = wizard.getByRole('textbox', { name: 'Protection group name' });
  await name.fill('DS1 secondary protection');
  const tree = wizard.getByRole('tree', { name: 'Available members' });
  const ds1 = tree.getByRole('treeitem', { name: 'DS1', exact: true });
  await page.keyboard.press('Tab');
  await expect(ds1).toBeFocused();
  await page.keyboard.press('ArrowRight');
  // Expanding a primary DPM server selects seed 001's minimum and says so.
  await expect(wizard.getByRole('note', { name: 'Minimum selection for DS1' })).toContainText('Config folder');
  for (const minimum of [
    'DPMDB_DS1',
    'C:\\Program Files\\Microsoft System Center\\DPM\\DPM\\Config',
    'C:\\Program Files\\Microsoft System Center\\DPM\\Scripting',
  ]) {
    await expect(ds1.getByRole('treeitem', { name: minimum, exact: true })).toHaveAttribute('aria-checked', 'true');
  }
  const volume = ds1.getByRole('treeitem', { name: 'C:\\', exact: true });
  await expect(volume).toHaveAttribute('aria-checked', 'false');
  await arrowDownTo(page, volume);
  await page.keyboard.press('Space');
  await expect(volume).toHaveAttribute('aria-checked', 'true');
  const replicas = ds1.getByRole('treeitem', { name: 'Replicas on DS1', exact: true });
  await arrowDownTo(page, replicas);
  await page.keyboard.press('Space');
  await expect(replicas).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(replicas.getByRole('treeitem', { name: 'D:\\ on PS1', exact: true })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(wizard.getByText('10 members selected')).toBeVisible();
  await tabTo(page, wizard.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');

  await expect(wizardPage(wizard, 'Select Data Protection Method')).toBeVisible();
  await expect(wizard.getByRole('checkbox', { name: 'I want short-term protection using Disk' })).toBeChecked();
  await expect(wizard.getByRole('checkbox', { name: 'I want long-term protection using tape' })).not.toBeChecked();
  await expect(wizard.getByRole('checkbox', { name: 'I want online protection' })).not.toBeChecked();
  await next(wizard, 'Specify Short-Term Goals');

  // DPM's limits, named on the page that holds the value.
  const retention = wizard.getByRole('spinbutton', { name: 'Retention range' });
  await retention.fill('500');
  await expect(
    wizard.getByText('Retention range: The retention range must be from 1 to 448 days; 500 days is outside it.'),
  ).toBeVisible();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(retention).toBeFocused();
  await retention.fill('10');
  // Seed 002: replicas protected on disk only have no "Just before a recovery point".
  await expect(wizard.getByRole('radio', { name: 'Just before a recovery point' })).toBeDisabled();
  await expect(wizard.getByText(/"Just before a recovery point" is not available/)).toBeVisible();
  await expect(wizard.getByRole('radio', { name: 'Synchronization frequency' })).toBeChecked();
  await expect(wizard.getByRole('combobox', { name: 'Synchronize every' })).toHaveValue('1440');
  await next(wizard, 'Review Disk Allocation');
  await expect(wizard.getByRole('table', { name: 'Disk allocation' }).getByRole('row')).toHaveCount(11);
  await next(wizard, 'Choose Replica Creation Method');
  await expect(wizard.getByRole('radio', { name: 'Now' })).toBeChecked();
  await next(wizard, 'Choose Consistency Check Options');
  await next(wizard, 'Summary');
  await expect(wizard).toContainText('DS1 secondary protection');
  await expect(wizard).toContainText('Every 24 hours');
  await wizard.getByRole('button', { name: 'Create Group' }).click();
  await expect(wizard).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: 'Protection group DS1 secondary protection created.' }),
  ).toBeVisible();

  // The new members are created, then reach OK as the simulated clock runs the jobs.
  await groupItem(page, 'DS1 secondary protection').click();
  const members = page.getByRole('region', { name: 'Display pane' }).getByRole('grid', { name: 'Protected members' });
  await expect(members.getByRole('row').filter({ hasText: 'Replica creation pending' }).first()).toBeVisible();
  await server.advance(240);
  await expect(members.getByRole('row').filter({ hasText: 'DPMDB_DS1' })).toContainText('OK');
  const rows = members.getByRole('row').filter({ has: page.getByRole('gridcell') });
  await expect(rows).toHaveCount(10);
  await expect(rows.filter({ has: page.getByRole('gridcell', { name: 'OK', exact: true }) })).toHaveCount(10);

  // DS4 protects DS3, and through it DS1: it may not act directly as DS1's secondary (seed 004).
  // Attaching DS1's agent is Management's Install wizard; here the API does it.
  const attach = await page.request.post('/api/servers/srv-DS4/agents/attach', {
    data: {
      computerIds: ['cmp-DS1'],
      method: 'Attach',
      credentials: { userName: 'CONTOSO\\dpmadmin', password: 'Contoso-DPM-2026!' },
    },
    headers: { origin: server.url },
  });
  expect(attach.ok()).toBe(true);
  await connectTo(page, 'DS4');
  await expect(groupsTree(page).getByRole('treeitem', { name: /\(\d+\)$/ })).toHaveCount(1);
  await expect(groupItem(page, 'DS3 protection')).toBeVisible();
  const before = await groupItem(page, 'DS3 protection').textContent();

  await page
    .getByRole('region', { name: 'Actions pane' })
    .getByRole('button', { name: 'Create protection group' })
    .click();
  const refused = page.getByRole('dialog', { name: 'Create New Protection Group' });
  await next(refused, 'Select Group Members');
  await refused.getByRole('textbox', { name: 'Protection group name' }).fill('DS1 directly');
  const ds1OnDs4 = refused
    .getByRole('tree', { name: 'Available members' })
    .getByRole('treeitem', { name: 'DS1', exact: true });
  await ds1OnDs4.click();
  // Select Group Members greys out what DS4 may not protect, with DPM's reason (seed 004).
  const dpmdb = ds1OnDs4.getByRole('treeitem', { name: 'DPMDB_DS1', exact: true });
  await expect(dpmdb).toHaveAttribute('aria-checked', 'false');
  await expect(dpmdb).toContainText('Protected by DS3');
  await expect(dpmdb).toHaveAttribute(
    'title',
    "DS4 already protects DS1's data through the chain, as the secondary of a server that protects DS1. It can't act " +
      "directly as a secondary server for DS1.",
  );
  await dpmdb.click();
  await expect(dpmdb).toHaveAttribute('aria-checked', 'false');
  // Nothing chosen, the wizard does not go on.
  await refused.getByRole('button', { name: 'Next' }).click();
  await expect(refused.getByText('Group members: Select at least one member for the protection group.')).toBeVisible();
  await expect(wizardPage(refused, 'Select Group Members')).toBeVisible();
  await refused.getByRole('button', { name: 'Cancel' }).click();
  await expect(refused).toHaveCount(0);
  await expect(groupsTree(page).getByRole('treeitem', { name: /\(\d+\)$/ })).toHaveCount(1);
  await expect(groupItem(page, 'DS3 protection')).toHaveText(before ?? '');
});

test('a protection group context menu by keyboard: consistency check, Modify protection group, Switch Disaster ' +
  'Protection', async ({
  page,
}) => {
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
  await expect(page.getByRole('status').filter({ hasText: 'Protection group DS1 protection updated.' })).toBeVisible();
  const members = page.getByRole('grid', { name: 'Protected members' });
  const added = members
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: 'C:\\', exact: true }) })
    .filter({ has: page.getByRole('gridcell', { name: 'DS1', exact: true }) });
  await expect(added).toContainText('Replica creation pending');
});

/** Presses Tab until `target` has the focus (at most 30 times). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 30; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Presses ArrowDown in a tree until `target` has the focus (at most 30 times). */
async function arrowDownTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 30; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('ArrowDown');
  }
  await expect(target).toBeFocused();
}
