import { expect, workArea } from '../../fixtures';
import { actions, groupItem, nextPage, pressUntilFocused, wizardPage } from '../console-walks';
import type { Demo } from '../kit';
import { SEED } from './seed';

/** Create protection group for DS1 on DS3, walked with the keyboard alone, until its ten members are OK. */
export async function createGroupByKeyboard(d: Demo): Promise<void> {
  const { page } = d;

  // Create protection group, opened and walked by keyboard: Tab, Enter and Space.
  await d.chapter('Create a protection group for DS1', {
    step: `${SEED}, step 2`,
    description:
      'Protection › Create protection group, walked with the keyboard alone ' + '(Tab, arrows, Space, Enter).',
  });
  await workArea(page, 'Protection').click();
  const create = actions(page).getByRole('button', { name: 'Create protection group' });
  await create.focus();
  await page.keyboard.press('Enter');
  const group = page.getByRole('dialog', { name: 'Create New Protection Group' });
  await expect(wizardPage(group, 'Select Protection Group Type')).toBeVisible();
  await expect(group.getByRole('radio', { name: 'Servers' })).toBeChecked();
  await expect(wizardPage(group, 'Select Protection Group Type')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(group.getByRole('radio', { name: 'Servers' })).toBeFocused();
  await pressUntilFocused(page, 'Tab', group.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');
  await expect(wizardPage(group, 'Select Group Members')).toBeVisible();

  // Nothing selected: Next names what is missing and stays.
  await group.getByRole('button', { name: 'Next' }).click();
  await expect(group.getByText('Group members: select at least one member for the protection group.')).toBeVisible();
  await expect(wizardPage(group, 'Select Group Members')).toBeVisible();
  await d.reached('With nothing selected, Next names what is missing and stays');

  await d.chapter("Select DS1's databases, Config and Scripting folders and its replicas", {
    step: `${SEED}, step 3`,
    description:
      'At a minimum the databases, the DPM Config folder and the Scripting ' +
      'folder; here also C:\\ and every replica on DS1.',
  });
  const name = group.getByRole('textbox', { name: 'Protection group name' });
  await name.fill('DS1 secondary protection');
  const tree = group.getByRole('tree', { name: 'Available members' });
  const ds1 = tree.getByRole('treeitem', { name: 'DS1', exact: true });
  await page.keyboard.press('Tab');
  await expect(ds1).toBeFocused();
  await page.keyboard.press('ArrowRight');
  // Expanding a primary DPM server selects seed 001's minimum and says so.
  await expect(group.getByRole('note', { name: 'Minimum selection for DS1' })).toContainText('Config folder');
  for (const minimum of [
    'DPMDB_DS1',
    'C:\\Program Files\\Microsoft System Center\\DPM\\DPM\\Config',
    'C:\\Program Files\\Microsoft System Center\\DPM\\Scripting',
  ]) {
    await expect(ds1.getByRole('treeitem', { name: minimum, exact: true })).toHaveAttribute('aria-checked', 'true');
  }
  const volume = ds1.getByRole('treeitem', { name: 'C:\\', exact: true });
  await expect(volume).toHaveAttribute('aria-checked', 'false');
  await pressUntilFocused(page, 'ArrowDown', volume);
  await page.keyboard.press('Space');
  await expect(volume).toHaveAttribute('aria-checked', 'true');
  const replicas = ds1.getByRole('treeitem', { name: 'Replicas on DS1', exact: true });
  await pressUntilFocused(page, 'ArrowDown', replicas);
  await page.keyboard.press('Space');
  await expect(replicas).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(replicas.getByRole('treeitem', { name: 'D:\\ on PS1', exact: true })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(group.getByText('10 members selected')).toBeVisible();
  await d.reached('10 members selected: DPMDB_DS1, the Config and Scripting folders, C:\\ and the six replicas on DS1');
  await pressUntilFocused(page, 'Tab', group.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');

  await d.chapter('Short-term protection on disk, synchronized every 24 hours', {
    step: `${SEED}, the notes`,
    description: 'Replicas protected on disk only have no "Just before a recovery point": synchronize every 24 hours.',
  });
  await expect(wizardPage(group, 'Select Data Protection Method')).toBeVisible();
  await expect(group.getByRole('checkbox', { name: 'I want short-term protection using Disk' })).toBeChecked();
  await expect(group.getByRole('checkbox', { name: 'I want long-term protection using tape' })).not.toBeChecked();
  await expect(group.getByRole('checkbox', { name: 'I want online protection' })).not.toBeChecked();
  await nextPage(group, 'Specify Short-Term Goals');
  // DPM's limits, named on the page that holds the value.
  const retention = group.getByRole('spinbutton', { name: 'Retention range' });
  await retention.fill('500');
  await expect(
    group.getByText('Retention range: The retention range must be from 1 to 448 days; 500 days is outside it.'),
  ).toBeVisible();
  await group.getByRole('button', { name: 'Next' }).click();
  await expect(retention).toBeFocused();
  await retention.fill('10');
  // Seed 002: replicas protected on disk only have no "Just before a recovery point".
  await expect(group.getByRole('radio', { name: 'Just before a recovery point' })).toBeDisabled();
  await expect(group.getByText(/"Just before a recovery point" is not available/)).toBeVisible();
  await expect(group.getByRole('radio', { name: 'Synchronization frequency' })).toBeChecked();
  await expect(group.getByRole('combobox', { name: 'Synchronize every' })).toHaveValue('1440');
  await d.reached('A retention of 500 days is refused (1 to 448); synchronization every 24 hours');
  await nextPage(group, 'Review Disk Allocation');
  await expect(group.getByRole('table', { name: 'Disk allocation' }).getByRole('row')).toHaveCount(11);
  await nextPage(group, 'Choose Replica Creation Method');
  await expect(group.getByRole('radio', { name: 'Now' })).toBeChecked();
  await nextPage(group, 'Choose Consistency Check Options');
  await nextPage(group, 'Summary');
  await expect(group).toContainText('DS1 secondary protection');
  await expect(group).toContainText('Every 24 hours');
  await group.getByRole('button', { name: 'Create Group' }).click();
  await expect(group).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: 'Protection group DS1 secondary protection created.' }),
  ).toBeVisible();

  // The new members are created, then reach OK as the simulated clock runs the jobs.
  await groupItem(page, 'DS1 secondary protection').click();
  const members = page.getByRole('region', { name: 'Display pane' }).getByRole('grid', { name: 'Protected members' });
  await expect(members.getByRole('row').filter({ hasText: 'Replica creation pending' }).first()).toBeVisible();
  await d.reached('The group is created; its replicas are being created');
  await d.clock(240, 'the replicas of DS1 are created and checked');
  await expect(members.getByRole('row').filter({ hasText: 'DPMDB_DS1' })).toContainText('OK');
  const rows = members.getByRole('row').filter({ has: page.getByRole('gridcell') });
  await expect(rows).toHaveCount(10);
  await expect(rows.filter({ has: page.getByRole('gridcell', { name: 'OK', exact: true }) })).toHaveCount(10);
  await d.reached('The ten members of DS1 secondary protection are OK: DS3 is the secondary of DS1');
}
