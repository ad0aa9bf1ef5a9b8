import type { Locator, Page } from '@playwright/test';
import { connectTo, done, expect, pane, type RunningServer } from '../fixtures';

/**
 * The walks through the console that several demos take: the panes, a DPM server's page, Mark as
 * failed, the Protection Agent Installation Wizard, the Create New Protection Group wizard, Switch
 * Disaster Protection and the Recovery Wizard to a network folder. Each asserts what it passes.
 */

export const actions = (page: Page) => pane(page, 'Actions pane');
export const display = (page: Page) => pane(page, 'Display pane');

/** The domain administrator whose credentials Attach agents asks for. */
const DOMAIN_ADMIN = { userName: 'CONTOSO\\dpmadmin', password: 'Contoso-DPM-2026!' };

/** A step the demo takes through the API rather than the console, to keep it short. */
export async function api<T>(server: RunningServer, path: string, body?: unknown): Promise<T> {
  const res = await server.api(path, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The DPM servers page of `name`, from the navigation bar. */
export async function serverPage(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Work areas' }).getByRole('link', { name: 'DPM servers' }).click();
  await page
    .getByRole('navigation', { name: 'DPM servers' })
    .getByRole('link', { name: new RegExp(`^${name},`) })
    .click();
  await expect(display(page).getByRole('heading', { level: 1 })).toContainText(name);
}

/** Mark as failed, from the Actions pane of `name`'s page: the navigation bar shows it Failed. */
export async function markFailed(page: Page, name: string): Promise<void> {
  await actions(page).getByRole('button', { name: 'Mark as failed' }).click();
  const failDialog = page.getByRole('dialog', { name: 'Mark as failed' });
  await failDialog.getByRole('button', { name: 'Mark as failed' }).click();
  await expect(failDialog).toBeHidden();
  await expect(
    page.getByRole('navigation', { name: 'DPM servers' }).getByRole('link', { name: `${name}, Failed` }),
  ).toBeVisible();
}

/** A row of Management › Agents by its computer's name. */
export function agentRow(page: Page, computer: string): Locator {
  return page
    .getByRole('grid', { name: 'Agents' })
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: computer, exact: true }) });
}

/**
 * Management › Agents › Install › Attach agents: the wizard open at Select Computers with `computer`
 * searched for (`trustedDomain`: the computer is chosen as one on a trusted domain).
 */
export async function selectComputer(page: Page, computer: string, trustedDomain = false): Promise<Locator> {
  await actions(page).getByRole('button', { name: 'Install' }).click();
  const wizard = page.getByRole('dialog', { name: 'Protection Agent Installation Wizard' });
  await expect(wizard.getByRole('heading', { name: 'Select Agent Deployment Method' })).toBeVisible();
  await wizard.getByRole('radio', { name: 'Attach agents' }).check();
  if (trustedDomain) await wizard.getByRole('radio', { name: 'Computer on a trusted domain' }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('heading', { name: 'Select Computers' })).toBeVisible();
  await wizard.getByRole('textbox', { name: 'Search' }).fill(computer);
  return wizard;
}

/** Attach agents for `computer` on the connected server, through to the Attach job done. */
export async function attachAgent(page: Page, computer: string, trustedDomain = false): Promise<void> {
  const wizard = await selectComputer(page, computer, trustedDomain);
  await wizard.getByRole('checkbox', { name: new RegExp(`^${computer} \\(`) }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('heading', { name: 'Enter Credentials' })).toBeVisible();
  await wizard.getByRole('textbox', { name: 'User name' }).fill(DOMAIN_ADMIN.userName);
  await wizard.getByLabel('Password').fill(DOMAIN_ADMIN.password);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('heading', { name: 'Summary' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(wizard).toBeHidden();
  await expect(done(page, 'Attach')).toBeVisible();
}

/** Protection › Create protection group from the Actions pane, open at Select Group Members. */
export async function createGroupWizard(page: Page): Promise<Locator> {
  await actions(page).getByRole('button', { name: 'Create protection group' }).click();
  const wizard = page.getByRole('dialog', { name: 'Create New Protection Group' });
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('heading', { name: 'Select Group Members', exact: true })).toBeVisible();
  return wizard;
}

/** The same wizard on `server`, from the Protection work area's address. */
export async function createGroupWizardOn(page: Page, server: string): Promise<Locator> {
  await page.goto('/protection');
  await connectTo(page, server);
  return createGroupWizard(page);
}

/** CHAIN_INDIRECT as Select Group Members titles a member of `primary` that `secondary` protects through a chain. */
export const chainIndirect = (secondary: string, primary: string) =>
  `${secondary} already protects ${primary}'s data through the chain, as the secondary of a server that protects ` +
  `${primary}. It can't act directly as a secondary server for ${primary}.`;

/** Protection › Protected members on a secondary: `computer`'s data sources that `primary` protects or protected. */
export function replicasOf(page: Page, computer: string, primary: string): Locator {
  return page
    .getByRole('grid', { name: 'Protected members' })
    .getByRole('row')
    .filter({ hasText: new RegExp(`\\((replica on|switched from) ${primary}\\)`) })
    .filter({ hasText: computer });
}

/** Switch Disaster Protection from `member`'s context menu (`says`: what the dialog must say first). */
export async function switchDisasterProtection(page: Page, member: Locator, says?: string): Promise<void> {
  await member.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Switch Disaster Protection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Switch Disaster Protection' });
  if (says !== undefined) await expect(dialog).toContainText(says);
  await dialog.getByRole('button', { name: 'Switch' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Recovery Wizard for the DPMDB selected under External DPM Tapes: Copy to a network folder (the
 * only recovery type a tape's database offers) to `folder`, through to Close.
 */
export async function copyDpmdbToFolder(page: Page, folder: string): Promise<void> {
  await page.getByRole('button', { name: 'Recover', exact: true }).click();
  const wizard = page.getByRole('dialog', { name: 'Recovery Wizard' });
  await expect(wizard.getByRole('heading', { name: 'Review Recovery Selection' })).toBeVisible();
  await expect(wizard).toContainText('External DPM Tapes');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('heading', { name: 'Select Recovery Type' })).toBeVisible();
  await expect(wizard.getByRole('radio', { name: 'Recover to the original location' })).toHaveCount(0);
  await wizard.getByRole('radio', { name: 'Copy to a network folder' }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('textbox', { name: 'Network folder' }).fill(folder);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('heading', { name: 'Summary' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Recover', exact: true }).click();
  await expect(wizard).toContainText('Recovery started');
  await wizard.getByRole('button', { name: 'Close' }).click();
}

/** A wizard's page by its heading. */
export function wizardPage(wizard: Locator, title: string): Locator {
  return wizard.getByRole('heading', { name: title, exact: true });
}

/** Next, then the wizard shows the page `title`. */
export async function nextPage(wizard: Locator, title: string): Promise<void> {
  await wizard.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(wizardPage(wizard, title)).toBeVisible();
}

/** Protection › the protection groups of the connected server in the Navigation pane. */
export function groupsTree(page: Page): Locator {
  return page.getByRole('region', { name: 'Navigation pane' }).getByRole('tree', { name: 'Protection groups' });
}

/** A protection group of the Navigation pane by its name (followed by its count of members). */
export function groupItem(page: Page, name: string): Locator {
  return groupsTree(page).getByRole('treeitem', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
}

/** Presses `key` (Tab, ArrowDown…) until `target` has the focus (at most 30 times). */
export async function pressUntilFocused(page: Page, key: string, target: Locator): Promise<void> {
  for (let i = 0; i < 30; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}
