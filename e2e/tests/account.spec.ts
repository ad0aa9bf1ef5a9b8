import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

test.use({ seed: 'empty' });

const OPERATOR = { username: 'otto', password: 'operator passphrase 2026' };

async function signInThroughThePage(page: Page, user: { username: string; password: string }) {
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('Account: create a personal API token, use it once, revoke it; it is shown only when created', async ({
  page,
  server,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByRole('textbox', { name: 'Token name' }).fill('dpm CLI');
  await page.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByRole('status', { name: /^API token / });
  await expect(shown).toContainText('not shown again');
  const token = (await shown.locator('code').textContent()) ?? '';
  expect(token.length).toBeGreaterThan(20);

  const asToken = () => fetch(`${server.url}/api/servers`, { headers: { authorization: `Bearer ${token}` } });
  expect((await asToken()).status).toBe(200);
  const row = page.getByRole('grid', { name: 'API tokens' }).getByRole('row').filter({ hasText: 'dpm CLI' });
  await expect(row).toContainText('Active');
  await page.reload();
  await expect(page.getByRole('status', { name: /^API token / })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(token);

  await row.click();
  await page.getByRole('button', { name: 'Revoke dpm CLI' }).click();
  await expect(row).toContainText('Revoked');
  expect((await asToken()).status).toBe(401);
});

test('an Administrator resets a password on Users; the user changes it again on Account and signs in with it', async ({
  page,
  browser,
  server,
}) => {
  expect(
    (await server.api('/users', { method: 'POST', body: JSON.stringify({ ...OPERATOR, role: 'Operator' }) })).status,
  ).toBe(200);
  const reset = 'reset by the administrator 2026';
  await page.goto('/users');
  await page.getByRole('grid', { name: 'Users' }).getByRole('row').filter({ hasText: OPERATOR.username }).click();
  const actions = page.getByRole('region', { name: 'Actions pane' });
  await actions.getByLabel('New password').fill(reset);
  await actions.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Reset password of ${OPERATOR.username}` })).toContainText(
    'Done.',
  );

  const context = await browser.newContext({ baseURL: server.url });
  try {
    const otto = await context.newPage();
    await otto.goto('/');
    await signInThroughThePage(otto, OPERATOR);
    await expect(otto.getByRole('alert')).toBeVisible();
    await signInThroughThePage(otto, { ...OPERATOR, password: reset });
    await expect(otto.getByLabel('Signed-in user')).toHaveText('otto (Operator)');

    const mine = 'a phrase of my own choosing 2026';
    await otto.getByRole('link', { name: 'Account' }).click();
    const form = otto.getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password').fill(reset);
    await form.getByLabel('New password', { exact: true }).fill(mine);
    await form.getByLabel('Confirm new password').fill('something else entirely');
    await expect(form.getByRole('button', { name: 'Change password' })).toBeDisabled();
    // The policy speaks for itself: a password holding the user name is refused, nothing changes.
    await form.getByLabel('New password', { exact: true }).fill('otto likes long passwords');
    await form.getByLabel('Confirm new password').fill('otto likes long passwords');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(otto.getByRole('alert')).toContainText('The password must not contain the user name.');
    await form.getByLabel('New password', { exact: true }).fill(mine);
    await form.getByLabel('Confirm new password').fill(mine);
    await form.getByRole('button', { name: 'Change password' }).click();
    // Every session of otto ends with the change: the console asks to sign in again.
    await expect(otto.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await signInThroughThePage(otto, { ...OPERATOR, password: mine });
    await expect(otto.getByLabel('Signed-in user')).toHaveText('otto (Operator)');
  } finally {
    await context.close();
  }
});

test(
  'an empty estate leads to Management › Estate, where the first DPM server is added and the console connects to ' +
    'it',
  async ({ page }) => {
    await page.goto('/');
    await expect(page.getByLabel('Connected DPM server')).toHaveText('Not connected');
    await page.getByRole('link', { name: 'Management › Estate' }).click();
    const actions = page.getByRole('region', { name: 'Actions pane' });
    await actions.getByRole('textbox', { name: 'Name' }).fill('DS1');
    await actions.getByRole('textbox', { name: 'FQDN' }).fill('ds1.contoso.com');
    await actions.getByRole('button', { name: 'Add DPM server' }).click();
    await expect(page.getByLabel('Connected DPM server')).toContainText('DS1 (ds1.contoso.com)');
    await expect(page.getByRole('grid', { name: 'DPM servers' })).toContainText('10.19.260.0 UR1');
  },
);
