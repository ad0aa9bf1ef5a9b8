import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { connectTo, expect, pane, test, workArea, type RunningServer } from '../fixtures';

/**
 * axe-core over every work area, wizard and dialog of the console: no serious or critical
 * violation of WCAG 2.x A/AA (and axe's best practices) in what each one shows.
 */
test.use({ seed: 'demo' });

/** A failed disk of DS1: its replicas go missing, and DS1 raises active (critical) alerts to look at. */
async function failDisk(server: RunningServer): Promise<void> {
  const pool = (await (await server.api('/servers/srv-DS1/disks')).json()) as { disks: { id: string }[] };
  const disk = pool.disks[0];
  if (!disk) throw new Error('DS1 has no disk');
  const res = await server.api(`/servers/srv-DS1/disks/${disk.id}/simulate-failure`, { method: 'POST', body: '{}' });
  expect(res.status).toBe(200);
}

/**
 * Items of the console that are named by their label alone and say the rest in their description:
 * a tree item (TreeItemLayout's main slot is its label; its aside and, once expanded, the items
 * nested in it, as ARIA's tree pattern nests them, show inside it too) and a node of the topology
 * drawing (its name; its second line is what its description says). axe reads everything shown
 * inside as the label (label-content-name-mismatch); WCAG's Label in Name asks for the label
 * itself in the name: that is checked here instead.
 */
const LABELLED = [
  { item: '[role="treeitem"]', label: '.fui-TreeItemLayout__main' },
  { item: '.topology-node[role="button"]', label: '.topology-name' },
];

async function labelInName(page: Page, target: string): Promise<boolean> {
  return page.evaluate(
    ({ selector, labelled }) => {
      const element = document.querySelector(selector);
      const kind = labelled.find((k) => element?.matches(k.item));
      if (!element || !kind) return false;
      const label = element.querySelector(kind.label)?.textContent?.trim().toLowerCase();
      return !!label && (element.getAttribute('aria-label') ?? '').toLowerCase().includes(label);
    },
    { selector: target, labelled: LABELLED },
  );
}

/** The serious and critical violations on the page as it is now, each named with where it was found. */
async function violations(page: Page, where: string): Promise<string[]> {
  // Wait for the view to settle: no spinner left, no animation of an opening dialog.
  await expect(page.locator('.fui-Spinner')).toHaveCount(0);
  await page.waitForTimeout(250);
  // Fluent UI's focus manager (Tabster) puts hidden sentinels at the edges of menus and dialogs
  // that hand the focus on as soon as they get it; they are never a stop a user lands on.
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  const found: string[] = [];
  for (const v of result.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    const nodes = [];
    for (const n of v.nodes) {
      const target = n.target.join(' ');
      if (v.id === 'label-content-name-mismatch' && (await labelInName(page, target))) continue;
      nodes.push(`${target} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
    }
    if (nodes.length > 0) found.push(`${where}: ${v.id} (${v.impact}) ${v.help}: ${nodes.slice(0, 4).join(' | ')}`);
  }
  return found;
}

const actions = (page: Page) => pane(page, 'Actions pane');

test('the sign-in page', async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const found = await violations(page, 'sign-in');
  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  found.push(...(await violations(page, 'sign-in refused')));
  await context.close();
  expect(found).toEqual([]);
});

test('Monitoring: Alerts, Jobs, Audit log', async ({ page, server }) => {
  await failDisk(server);
  const found: string[] = [];
  await page.goto('/monitoring/alerts');
  await connectTo(page, 'DS1');
  const alerts = page.getByRole('grid', { name: 'Alerts' });
  await expect(alerts.getByRole('row').nth(1)).toBeVisible();
  found.push(...(await violations(page, 'Monitoring › Alerts')));
  await alerts.getByRole('row').filter({ hasText: 'Replica is missing' }).first().click();
  found.push(...(await violations(page, 'Monitoring › Alerts, an alert selected')));
  await page.getByRole('tab', { name: 'Jobs' }).click();
  const jobs = page.getByRole('grid', { name: 'Jobs' });
  await jobs.getByRole('row').filter({ hasText: 'PS1' }).first().click();
  found.push(...(await violations(page, 'Monitoring › Jobs, a job selected')));
  await page.getByRole('tab', { name: 'Audit log' }).click();
  found.push(...(await violations(page, 'Monitoring › Audit log')));
  expect(found).toEqual([]);
});

test('Protection, Recovery, Reporting', async ({ page }) => {
  const found: string[] = [];
  await page.goto('/protection');
  await connectTo(page, 'DS1');
  await page
    .getByRole('grid', { name: 'Protected members' })
    .getByRole('row')
    .filter({ hasText: 'PS1' })
    .first()
    .click();
  found.push(...(await violations(page, 'Protection, a member selected')));

  await workArea(page, 'Recovery').click();
  const tree = page.getByRole('tree', { name: 'Recoverable data' });
  await tree.getByText('PS1', { exact: true }).click();
  await tree.getByRole('treeitem', { name: /^C:\\ \(\d+\)$/ }).click();
  found.push(...(await violations(page, 'Recovery, a data source selected')));

  await workArea(page, 'Reporting').click();
  found.push(...(await violations(page, 'Reporting')));
  await page.getByRole('tree', { name: 'Beyond DPM' }).getByRole('treeitem', { name: 'Readiness check' }).click();
  found.push(...(await violations(page, 'Reporting › Readiness check')));
  expect(found).toEqual([]);
});

test('Management: Agents, Disks, Libraries, Online, Estate', async ({ page }) => {
  const found: string[] = [];
  await page.goto('/management/agents');
  await connectTo(page, 'DS1');
  for (const tab of ['Agents', 'Disks', 'Libraries', 'Online', 'Estate']) {
    await page.getByRole('tab', { name: tab }).click();
    found.push(...(await violations(page, `Management › ${tab}`)));
  }
  expect(found).toEqual([]);
});

test('Users, Account, the DPM servers, a DPM server, the protection topology', async ({ page }) => {
  const found: string[] = [];
  for (const [where, path] of [
    ['Users', '/users'],
    ['Account', '/account'],
    ['DPM servers', '/servers'],
    ['a DPM server', '/servers/srv-DS1'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('navigation', { name: 'Work areas' })).toBeVisible();
    found.push(...(await violations(page, where)));
  }
  await page.goto('/topology');
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
  found.push(...(await violations(page, 'Protection topology')));
  expect(found).toEqual([]);
});

test("the shell's dialogs: Connect to DPM server, the critical alerts", async ({ page, server }) => {
  await failDisk(server);
  const found: string[] = [];
  await page.goto('/monitoring/alerts');
  await page.getByRole('button', { name: 'Connect to DPM server' }).click();
  await expect(page.getByRole('dialog', { name: 'Connect to DPM server' })).toBeVisible();
  found.push(...(await violations(page, 'Connect to DPM server')));
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /active critical alerts/ }).click();
  await expect(page.getByRole('dialog', { name: 'Active critical alerts across the estate' })).toBeVisible();
  found.push(...(await violations(page, 'Active critical alerts')));
  expect(found).toEqual([]);
});

test('the wizards: Create New Protection Group, Recovery Wizard, Protection Agent Installation Wizard', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const found: string[] = [];
  await page.goto('/protection');
  await connectTo(page, 'DS1');
  await actions(page).getByRole('button', { name: 'Create protection group' }).click();
  const create = page.getByRole('dialog', { name: 'Create New Protection Group' });
  await expect(create).toBeVisible();
  found.push(...(await violations(page, 'Create New Protection Group, Welcome')));
  await create.getByRole('button', { name: 'Next' }).click();
  found.push(...(await violations(page, 'Create New Protection Group, page 2')));
  await create.getByRole('button', { name: 'Next' }).click();
  found.push(...(await violations(page, 'Create New Protection Group, page 3')));
  await create.getByRole('button', { name: 'Cancel' }).click();

  await workArea(page, 'Recovery').click();
  const tree = page.getByRole('tree', { name: 'Recoverable data' });
  await tree.getByText('PS1', { exact: true }).click();
  await tree.getByRole('treeitem', { name: /^C:\\ \(\d+\)$/ }).click();
  await page.getByRole('button', { name: 'Recover', exact: true }).click();
  const recovery = page.getByRole('dialog', { name: 'Recovery Wizard' });
  await expect(recovery).toBeVisible();
  found.push(...(await violations(page, 'Recovery Wizard')));
  await recovery.getByRole('button', { name: 'Next' }).click();
  found.push(...(await violations(page, 'Recovery Wizard, page 2')));
  await recovery.getByRole('button', { name: 'Cancel' }).click();

  await workArea(page, 'Management').click();
  await page.getByRole('tab', { name: 'Agents' }).click();
  await actions(page).getByRole('button', { name: 'Install' }).click();
  const install = page.getByRole('dialog', { name: 'Protection Agent Installation Wizard' });
  await expect(install).toBeVisible();
  found.push(...(await violations(page, 'Protection Agent Installation Wizard')));
  await install.getByRole('button', { name: 'Cancel' }).click();
  expect(found).toEqual([]);
});

test('the dialogs of Protection, Reporting, Management and Recovery', async ({ page }) => {
  test.setTimeout(120_000);
  const found: string[] = [];
  await page.goto('/protection');
  await connectTo(page, 'DS1');
  const members = page.getByRole('grid', { name: 'Protected members' });
  await members.getByRole('row').nth(1).click({ button: 'right' });
  await expect(page.getByRole('menu')).toBeVisible();
  found.push(...(await violations(page, "Protection, a member's menu")));
  await page.getByRole('menuitem', { name: 'Modify disk allocation' }).click();
  await expect(page.getByRole('dialog', { name: 'Modify disk allocation' })).toBeVisible();
  found.push(...(await violations(page, 'Modify disk allocation')));
  await page.keyboard.press('Escape');
  await members.getByRole('row').nth(1).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Stop protection of member' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  found.push(...(await violations(page, 'Stop protection of member')));
  await page.keyboard.press('Escape');

  await workArea(page, 'Reporting').click();
  await page.getByRole('button', { name: 'Schedule', exact: true }).first().click();
  await expect(page.getByRole('dialog', { name: 'Schedule' })).toBeVisible();
  found.push(...(await violations(page, 'Reporting › Schedule')));
  await page.keyboard.press('Escape');

  await workArea(page, 'Management').click();
  await page.getByRole('tab', { name: 'Libraries' }).click();
  await page
    .getByRole('grid', { name: 'Tapes' })
    .getByRole('row')
    .filter({ hasText: 'File servers-LT-0002' })
    .click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'View tape contents' }).click();
  await expect(page.getByRole('dialog', { name: 'View tape contents' })).toBeVisible();
  found.push(...(await violations(page, 'View tape contents')));
  await page.keyboard.press('Escape');

  await workArea(page, 'Recovery').click();
  await actions(page).getByRole('button', { name: 'Add External DPM' }).click();
  await expect(page.getByRole('dialog', { name: 'Add External DPM' })).toBeVisible();
  found.push(...(await violations(page, 'Add External DPM')));
  await page.keyboard.press('Escape');

  await page.goto('/servers/srv-DS1');
  await actions(page).getByRole('button', { name: 'Mark as failed' }).click();
  await expect(page.getByRole('dialog', { name: 'Mark as failed' })).toBeVisible();
  found.push(...(await violations(page, 'Mark as failed')));
  expect(found).toEqual([]);
});
