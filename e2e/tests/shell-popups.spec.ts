import { expect, test } from '../fixtures';

/**
 * The shell's dialog and popover, and the grids' context menu, are not part of the first page's
 * code: each is fetched when first opened. Their first opening must behave as every later one:
 * open on the first click or key and close by Escape, the critical alerts giving the focus back to
 * their button (while they are open, the rest of the page is hidden from assistive technology).
 */

test('Connect to DPM server opens on the first click, closes by Escape or Cancel, and connects', async ({ page }) => {
  await page.goto('/monitoring/alerts');
  const button = page.getByRole('button', { name: 'Connect to DPM server' });
  for (const time of ['first', 'second']) {
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Connect to DPM server' });
    await expect(dialog, `${time} opening`).toBeVisible();
    await expect(dialog.getByRole('radio').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog, `${time} closing`).toBeHidden();
  }
  // Cancel closes it too, and Connect switches the server.
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Connect to DPM server' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await button.click();
  await dialog.getByRole('radio', { name: /^DS2 \(/ }).check();
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByLabel('Connected DPM server')).toContainText('DS2');
});

test("the header's critical alerts open from their button or the keyboard, and give the focus back", async ({
  page,
}) => {
  await page.goto('/monitoring/alerts');
  const button = page.getByRole('button', { name: /active critical alerts$/ });
  const list = page.getByRole('dialog', { name: 'Active critical alerts across the estate' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(list).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  // From the keyboard.
  await page.keyboard.press('Enter');
  await expect(list).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(button).toBeFocused();
  // A click on the button while the list is open closes it (the button is then hidden from the
  // accessibility tree, as everything outside the list: found here by its attribute).
  await button.click();
  await expect(list).toBeVisible();
  await page.locator('header button[aria-expanded]').click();
  await expect(list).toBeHidden();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('a grid opens its context menu from the keyboard the first time, its first item focused', async ({ page }) => {
  await page.goto('/monitoring/jobs');
  const jobs = page.getByRole('grid', { name: 'Jobs' });
  const row = jobs.getByRole('row').nth(1);
  await row.click();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
});
