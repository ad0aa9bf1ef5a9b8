import { connectTo, expect, signIn, test, workArea } from '../fixtures';

test.use({ seed: 'scenario-1' });

const READER = { username: 'rita', password: 'reader passphrase 2026' };

test(
  'a Reader finds Switch Disaster Protection disabled with the reason; an Administrator performs it; the audit ' +
    'log shows both',
  async ({ page, browser, server }) => {
    const created = await server.api('/users', { method: 'POST', body: JSON.stringify({ ...READER, role: 'Reader' }) });
    expect(created.status).toBe(200);

    const readerContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1400, height: 900 } });
    try {
      const readerPage = await readerContext.newPage();
      await readerPage.goto('/');
      // Signing in through the page, as a person would.
      await readerPage.getByLabel('User name').fill(READER.username);
      await readerPage.getByLabel('Password').fill(READER.password);
      await readerPage.getByRole('button', { name: 'Sign in' }).click();
      await expect(readerPage.getByLabel('Signed-in user')).toHaveText('rita (Reader)');
      await workArea(readerPage, 'Protection').click();
      await connectTo(readerPage, 'DS3');
      const row = readerPage
        .getByRole('grid', { name: 'Protected members' })
        .getByRole('row')
        .filter({ hasText: 'C:\\ (replica on DS1)' })
        .filter({ hasText: 'PS1' });
      await row.click({ button: 'right' });
      const item = readerPage.getByRole('menuitem', { name: 'Switch Disaster Protection' });
      await expect(item).toBeDisabled();
      await expect(item).toHaveAttribute('title', 'This needs the Administrator role; rita is a Reader.');
      await readerPage.keyboard.press('Escape');
      const action = readerPage
        .getByRole('region', { name: 'Actions pane' })
        .getByRole('button', { name: 'Switch Disaster Protection' });
      await expect(action).toBeDisabled();
      await expect(action).toHaveAttribute('title', 'This needs the Administrator role; rita is a Reader.');

      // Every work area mirrors the role table: Management, Recovery, Monitoring and DPM servers.
      const actions = readerPage.getByRole('region', { name: 'Actions pane' });
      const deniedTo = async (name: string, role: 'Operator' | 'Administrator') => {
        const button = actions.getByRole('button', { name, exact: true });
        await expect(button).toBeDisabled();
        await expect(button).toHaveAttribute('title', `This needs the ${role} role; rita is a Reader.`);
      };
      await workArea(readerPage, 'Management').click();
      await deniedTo('Install', 'Administrator');
      await deniedTo('Refresh Information', 'Operator');
      await readerPage.getByRole('tab', { name: 'Libraries' }).click();
      await expect(readerPage.getByText('DS3 knows no tape library. Click Rescan')).toBeVisible();
      await deniedTo('Rescan', 'Operator');
      await readerPage.getByRole('tab', { name: 'Disks' }).click();
      await deniedTo('Add disk', 'Administrator');
      await readerPage.getByRole('link', { name: 'DPM servers' }).click();
      await deniedTo('Mark as failed', 'Administrator');
    } finally {
      await readerContext.close();
    }

    await page.goto('/protection');
    await connectTo(page, 'DS3');
    const row = page
      .getByRole('grid', { name: 'Protected members' })
      .getByRole('row')
      .filter({ hasText: /C:\\ \((replica on|switched from) DS1\)/ })
      .filter({ hasText: 'PS1' });
    await row.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Switch Disaster Protection' }).click();
    await page
      .getByRole('dialog', { name: 'Switch Disaster Protection' })
      .getByRole('button', { name: 'Switch' })
      .click();
    await expect(row).toContainText('Replica is inconsistent');

    await workArea(page, 'Monitoring').click();
    await page.getByRole('tab', { name: 'Audit log' }).click();
    const audit = page.getByRole('grid', { name: 'Audit log' });
    await expect(
      audit.getByRole('row').filter({ hasText: 'rita' }).filter({ hasText: 'auth.sign-in' }).first(),
    ).toBeVisible();
    await expect(
      audit.getByRole('row').filter({ hasText: 'admin' }).filter({ hasText: 'protection.switch' }),
    ).toBeVisible();
  },
);

test('signing out ends the session: the console asks to sign in again', async ({ page, server }) => {
  await page.goto('/monitoring/alerts');
  await expect(page.getByLabel('Signed-in user')).toHaveText('admin (Administrator)');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const me = await page.request.get(`${server.url}/api/auth/me`);
  expect(me.status()).toBe(401);
  await signIn(page.context(), server);
  await page.reload();
  await expect(page.getByLabel('Signed-in user')).toHaveText('admin (Administrator)');
});
