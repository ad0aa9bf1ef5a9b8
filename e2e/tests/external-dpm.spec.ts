import { expect, test, workArea } from '../fixtures';

test.use({ seed: 'scenario-1' });

test(
  'Add External DPM refuses vault credentials older than two days, adds a valid vault, and Clear External DPM ' +
    'forgets it (seed 001)',
  async ({ page }) => {
    await page.goto('/');
    await workArea(page, 'Recovery').click();
    const actions = page.getByRole('region', { name: 'Actions pane' });
    await expect(actions).toContainText('No external DPM server added.');

    const add = async (hoursAgo: string) => {
      await actions.getByRole('button', { name: 'Add External DPM' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add External DPM' });
      await dialog.getByLabel('Vault', { exact: true }).fill('ContosoVault');
      await dialog.getByLabel('Vault credentials downloaded (hours ago)').fill(hoursAgo);
      await dialog.getByLabel('Passphrase').fill('a passphrase of the other DPM server');
      await dialog.getByRole('button', { name: 'Add' }).click();
      return dialog;
    };
    const expired = await add('72');
    await expect(expired.getByRole('alert')).toContainText(
      'The vault credentials have expired: they are valid for two days after you download them.',
    );
    await expired.getByRole('button', { name: 'Cancel' }).click();

    await add('1');
    await expect(actions).toContainText('Vault ContosoVault, added');
    await actions.getByRole('button', { name: 'Clear External DPM' }).click();
    await expect(actions).toContainText('No external DPM server added.');
  },
);
