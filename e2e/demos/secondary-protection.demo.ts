import type { Locator, Page } from '@playwright/test';
import { connectTo, done, expect, pane, workArea, type RunningServer } from '../fixtures';
import { demo } from './kit';

const SEED = 'Seed 002 · Set up secondary protection';
const DOMAIN_ADMIN = { userName: 'CONTOSO\\dpmadmin', password: 'Contoso-DPM-2026!' };
const actions = (page: Page) => pane(page, 'Actions pane');

function wizardPage(wizard: Locator, title: string): Locator {
  return wizard.getByRole('heading', { name: title, exact: true });
}

async function next(wizard: Locator, title: string): Promise<void> {
  await wizard.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(wizardPage(wizard, title)).toBeVisible();
}

function groupsTree(page: Page): Locator {
  return page.getByRole('region', { name: 'Navigation pane' }).getByRole('tree', { name: 'Protection groups' });
}

function groupItem(page: Page, name: string): Locator {
  return groupsTree(page).getByRole('treeitem', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
}

/** A row of Management › Agents by its computer's name. */
function agentRow(page: Page, computer: string): Locator {
  return page
    .getByRole('grid', { name: 'Agents' })
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: computer, exact: true }) });
}

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

/** Install › Attach agents › Select Computers: the wizard open on the computer found by `computer`. */
async function selectComputer(page: Page, computer: string): Promise<Locator> {
  await actions(page).getByRole('button', { name: 'Install' }).click();
  const wizard = page.getByRole('dialog', { name: 'Protection Agent Installation Wizard' });
  await expect(wizard.getByRole('heading', { name: 'Select Agent Deployment Method' })).toBeVisible();
  await wizard.getByRole('radio', { name: 'Attach agents' }).check();
  await wizard.getByRole('radio', { name: 'Computer on a trusted domain' }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('heading', { name: 'Select Computers' })).toBeVisible();
  await wizard.getByRole('textbox', { name: 'Search' }).fill(computer);
  return wizard;
}

/** Attach agents for `computer`, through to the Attach button. */
async function attach(page: Page, computer: string): Promise<Locator> {
  const wizard = await selectComputer(page, computer);
  await wizard.getByRole('checkbox', { name: new RegExp(`^${computer} \\(`) }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('heading', { name: 'Enter Credentials' })).toBeVisible();
  await wizard.getByRole('textbox', { name: 'User name' }).fill(DOMAIN_ADMIN.userName);
  await wizard.getByLabel('Password').fill(DOMAIN_ADMIN.password);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('heading', { name: 'Summary' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Attach', exact: true }).click();
  return wizard;
}

async function estateOf(server: RunningServer) {
  const res = await server.api('/estate');
  return (await res.json()) as {
    computers: { id: string; name: string; agentOwner: string | null }[];
    servers: { id: string; name: string; version: string }[];
  };
}

demo(
  {
    name: 'secondary-protection',
    seed: 'scenario-1',
    summary:
      "DS3 becomes DS1's secondary: attach DS1's agent, a protection group " +
      "with DS1's replicas, DPMDB, Config and Scripting folders; another " +
      'version is refused with VERSION_MISMATCH (seed 002)',
  },
  async (d) => {
    const { page, server } = d;

    // Stop protection of group, from the group's context menu, deleting the replicas; then the agent goes.
    await d.chapter('Start from a primary with no secondary', {
      step: 'Before you start',
      description:
        'DS3 stops protecting DS1 (deleting the replicas) and uninstalls its ' +
        'agent, so that it can be set up again from the start.',
    });
    await page.goto('/protection');
    await connectTo(page, 'DS3');
    await workArea(page, 'Protection').click();
    await expect(groupsTree(page)).toBeVisible();
    await groupItem(page, 'DS1 protection').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Stop protection of group' }).click();
    const stop = page.getByRole('dialog', { name: 'Stop protection of group' });
    await stop.getByRole('radio', { name: 'Delete replica on disk' }).check();
    await stop.getByRole('button', { name: 'Stop protection' }).click();
    await expect(groupItem(page, 'DS1 protection')).toHaveCount(0);
    await expect(groupItem(page, 'DS2 protection')).toBeVisible();
    await workArea(page, 'Management').click();
    await page.getByRole('tab', { name: 'Agents' }).click();
    await agentRow(page, 'DS1').click();
    await actions(page).getByRole('button', { name: 'Uninstall' }).click();
    await expect(done(page, 'Uninstall')).toBeVisible();
    await expect(agentRow(page, 'DS1')).toHaveCount(0);
    await d.reached('DS3 protects DS2 only and has no agent on DS1');

    await d.chapter('Attach the protection agent on DS1', {
      step: `${SEED}, step 1`,
      description:
        'Every DPM server runs the protection agent: Install greys DS1 out, ' +
        'Attach agents takes it. No restart is required.',
    });
    let wizard = await selectComputer(page, 'DS1');
    await wizard.getByRole('button', { name: 'Back' }).click();
    await wizard.getByRole('radio', { name: 'Install agents' }).check();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('textbox', { name: 'Search' }).fill('DS1');
    await expect(wizard.getByRole('checkbox', { name: /^DS1 \(/ })).toBeDisabled();
    await expect(
      wizard.getByText(/DS1 is a DPM server and runs the protection agent already; choose Attach agents\./),
    ).toBeVisible();
    await wizard.getByRole('button', { name: 'Cancel' }).click();
    wizard = await attach(page, 'DS1');
    await expect(wizard).toBeHidden();
    await expect(done(page, 'Attach')).toBeVisible();
    await expect(agentRow(page, 'DS1')).toBeVisible();
    await d.reached("DS1's agent is attached to DS3");

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
    await tabTo(page, group.getByRole('button', { name: 'Next' }));
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
    await expect(group.getByText('10 members selected')).toBeVisible();
    await d.reached(
      '10 members selected: DPMDB_DS1, the Config and Scripting folders, C:\\ and the six replicas on DS1',
    );
    await tabTo(page, group.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');

    await d.chapter('Short-term protection on disk, synchronized every 24 hours', {
      step: `${SEED}, the notes`,
      description:
        'Replicas protected on disk only have no "Just before a recovery point": synchronize every 24 hours.',
    });
    await expect(wizardPage(group, 'Select Data Protection Method')).toBeVisible();
    await expect(group.getByRole('checkbox', { name: 'I want short-term protection using Disk' })).toBeChecked();
    await expect(group.getByRole('checkbox', { name: 'I want long-term protection using tape' })).not.toBeChecked();
    await expect(group.getByRole('checkbox', { name: 'I want online protection' })).not.toBeChecked();
    await next(group, 'Specify Short-Term Goals');
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
    await next(group, 'Review Disk Allocation');
    await expect(group.getByRole('table', { name: 'Disk allocation' }).getByRole('row')).toHaveCount(11);
    await next(group, 'Choose Replica Creation Method');
    await expect(group.getByRole('radio', { name: 'Now' })).toBeChecked();
    await next(group, 'Choose Consistency Check Options');
    await next(group, 'Summary');
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

    // The Estate tab adds DS5 with DPM 9.0 to the simulated domain.
    await d.chapter('All DPM servers must run the same version', {
      step: `${SEED}, the notes`,
      description:
        'DS5 runs DPM 9.0. Attaching its agent to DS3 is refused before any credentials are asked: VERSION_MISMATCH.',
    });
    await workArea(page, 'Management').click();
    await page.getByRole('tab', { name: 'Estate' }).click();
    await actions(page).getByRole('textbox', { name: 'Name' }).fill('DS5');
    await actions(page).getByRole('textbox', { name: 'FQDN' }).fill('ds5.contoso.com');
    await actions(page).getByRole('textbox', { name: 'DPM version' }).fill('9.0.100');
    await actions(page).getByRole('textbox', { name: 'Update rollup' }).fill('1');
    await actions(page).getByRole('button', { name: 'Add DPM server' }).click();
    await expect(done(page, 'Add DPM server')).toBeVisible();
    await expect(page.getByRole('grid', { name: 'DPM servers' })).toContainText('9.0.100.0 UR1');
    await page.getByRole('tab', { name: 'Agents' }).click();
    const before = JSON.stringify(await estateOf(server));
    // DS5 runs the agent every DPM server runs, but another major and minor version: Select
    // Computers greys it out with DPM's sentence before any credentials are asked (seed 001).
    const mismatch = await selectComputer(page, 'DS5');
    const ds5 = mismatch.getByRole('checkbox', { name: /^DS5 \(/ });
    await expect(ds5).toBeDisabled();
    await expect(
      mismatch.getByText(
        /DS5 \(ds5\.contoso\.com\).*The major and minor versions of the primary and secondary DPM servers must match\./,
      ),
    ).toBeVisible();
    await expect(mismatch.getByRole('button', { name: 'Next' })).toBeDisabled();
    const candidates = (await (await server.api('/servers/srv-DS3/agents/candidates?search=DS5')).json()) as {
      whyNot: { Attach: { code: string } | null };
    }[];
    expect(candidates.map((c) => c.whyNot.Attach?.code)).toEqual(['VERSION_MISMATCH']);
    expect(JSON.stringify(await estateOf(server))).toBe(before);
    await d.reached('DS5 is greyed out: VERSION_MISMATCH, the major and minor versions must match; nothing changed');
    await mismatch.getByRole('button', { name: 'Cancel' }).click();

    // DS4 protects DS3, and through it DS1: it may not act directly as DS1's secondary (seed 004).
    await d.chapter("DS4 may not be DS1's secondary too", {
      step: 'Seed 004 · Chaining',
      description: "DS4 protects DS3, and through it DS1. It attaches DS1's agent, but can't protect DS1 directly.",
    });
    await connectTo(page, 'DS4');
    await workArea(page, 'Management').click();
    await page.getByRole('tab', { name: 'Agents' }).click();
    const attached = await attach(page, 'DS1');
    await expect(attached).toBeHidden();
    await expect(done(page, 'Attach')).toBeVisible();
    await expect(agentRow(page, 'DS1')).toContainText('DS3');
    await workArea(page, 'Protection').click();
    await expect(groupsTree(page).getByRole('treeitem', { name: /\(\d+\)$/ })).toHaveCount(1);
    await expect(groupItem(page, 'DS3 protection')).toBeVisible();
    const unchanged = await groupItem(page, 'DS3 protection').textContent();

    await actions(page).getByRole('button', { name: 'Create protection group' }).click();
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
      "DS4 already protects DS1's data through the chain, as the secondary " +
        "of a server that protects DS1. It can't act directly as a secondary " +
        'server for DS1.',
    );
    await dpmdb.click();
    await expect(dpmdb).toHaveAttribute('aria-checked', 'false');
    // Nothing chosen, the wizard does not go on.
    await refused.getByRole('button', { name: 'Next' }).click();
    await expect(
      refused.getByText('Group members: Select at least one member for the protection group.'),
    ).toBeVisible();
    await expect(wizardPage(refused, 'Select Group Members')).toBeVisible();
    await d.reached('DPMDB_DS1 is greyed out on DS4: it already protects DS1 through the chain (CHAIN_INDIRECT)');
    await refused.getByRole('button', { name: 'Cancel' }).click();
    await expect(refused).toHaveCount(0);
    await expect(groupsTree(page).getByRole('treeitem', { name: /\(\d+\)$/ })).toHaveCount(1);
    await expect(groupItem(page, 'DS3 protection')).toHaveText(unchanged ?? '');
  },
);
