import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, startServer, type RunningServer, type Seed } from './server';

/**
 * Each test gets its own server process on a free port, a new data directory and the fixture
 * it asks for (`test.use({ seed: 'scenario-1' })`), with the clock held still (DPM_CLOCK=manual).
 */
export const test = base.extend<{ seed: Seed; server: RunningServer }>({
  seed: ['demo', { option: true }],
  server: async ({ seed }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dpm-e2e-'));
    const server = await startServer(seed, dataDir);
    try {
      await use(server);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  baseURL: async ({ server }, use) => use(server.url),
  // Every browser context starts signed in as the administrator; tests of other roles sign in again.
  context: async ({ context, server }, use) => {
    await signIn(context, server);
    await use(context);
  },
  // When a test fails, CI shows only the console output: say where the page was and what it showed.
  page: async ({ page }, use, testInfo) => {
    const seen: string[] = [];
    page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && seen.push(`console error: ${m.text()}`));
    page.on('requestfailed', (r) =>
      seen.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`),
    );
    page.on(
      'response',
      (r) => r.status() >= 400 && seen.push(`answer ${r.status()}: ${r.request().method()} ${r.url()}`),
    );
    await use(page);
    if (testInfo.status === testInfo.expectedStatus || page.isClosed()) return;
    const snapshot = await page
      .locator('body')
      .ariaSnapshot({ timeout: 5_000 })
      .catch((e: unknown) => `(no snapshot: ${String(e)})`);
    console.log(
      [
        `--- ${testInfo.title}: the page at ${page.url()}`,
        ...seen.slice(-30),
        snapshot.split('\n').slice(0, 120).join('\n'),
      ].join('\n'),
    );
  },
});

/** Signs a browser context in (the session cookie lands in the context). */
export async function signIn(
  context: BrowserContext,
  server: RunningServer,
  user: { username: string; password: string } = ADMIN,
): Promise<void> {
  const res = await context.request.post(`${server.url}/api/auth/sign-in`, {
    data: user,
    headers: { origin: server.url },
  });
  if (!res.ok()) throw new Error(`sign-in as ${user.username} failed: ${res.status()} ${await res.text()}`);
}

export { ADMIN, expect, startServer };
export type { RunningServer, Seed };

/** Connect to DPM server: the header dialog. */
export async function connectTo(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Connect to DPM server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect to DPM server' });
  await dialog.getByRole('radio', { name: new RegExp(`^${name} \\(`) }).check();
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByLabel('Connected DPM server')).toContainText(name);
}

export function workArea(page: Page, name: 'Monitoring' | 'Protection' | 'Recovery' | 'Reporting' | 'Management') {
  return page.getByRole('navigation', { name: 'Work areas' }).getByRole('link', { name, exact: true });
}

/** A pane of the console by its name (the shell's panes, as DPM's console names them). */
export const pane = (page: Page, name: 'Navigation pane' | 'Display pane' | 'Details pane' | 'Actions pane') =>
  page.getByRole('region', { name });

/** The success message of a command run from a pane that changes the estate at once. */
export const done = (page: Page, label: string) =>
  page.getByRole('status').filter({ hasText: label }).filter({ hasText: 'Done.' });

/** The notice of a command that queued jobs on the simulated clock: it names them and links to Jobs. */
export const started = (page: Page, label: string) =>
  page
    .getByRole('status')
    .filter({ hasText: label })
    .filter({ hasText: /jobs? started/ });

/** The same notice once the clock has run its jobs to the end. */
export const completed = (page: Page, label: string) =>
  page
    .getByRole('status')
    .filter({ hasText: label })
    .filter({ hasText: /completed/ });

/** Management › Libraries on the connected server: Rescan, then Detailed inventory, each run to completion. */
export async function rescanAndInventory(page: Page, server: RunningServer): Promise<void> {
  await workArea(page, 'Management').click();
  await page.getByRole('tab', { name: 'Libraries' }).click();
  await pane(page, 'Actions pane').getByRole('button', { name: 'Rescan' }).click();
  await expect(started(page, 'Rescan')).toContainText('The library rescan job started');
  await server.advance(5);
  await expect(completed(page, 'Rescan')).toContainText('The library rescan job completed.');
  await pane(page, 'Actions pane').getByRole('button', { name: 'Inventory libraries…' }).click();
  await page.getByRole('menuitem', { name: 'Detailed inventory' }).click();
  await expect(started(page, 'Detailed inventory')).toBeVisible();
  await server.advance(10);
  await expect(completed(page, 'Detailed inventory')).toBeVisible();
}
