import type { Page } from '@playwright/test';
import { connectTo, expect, signIn, test } from '../fixtures';

test.use({ seed: 'scenario-1' });

/** PS1's C:\ on DS3: the replica DS1 holds, or, once switched, the data source DS3 protects in DS1's place. */
const memberRow = (page: Page) =>
  page
    .getByRole('grid', { name: 'Protected members' })
    .getByRole('row')
    .filter({ hasText: /C:\\ \((replica on|switched from) DS1\)/ })
    .filter({ hasText: 'PS1' });

test.describe('Switch Disaster Protection (seeds 000, 001)', () => {
  // With the mouse, switch, check, switch back and Take Ownership: demos/switch-protection.demo.ts.
  test(
    'with the keyboard alone: Shift+F10 and the context-menu key open the ' + 'same menu; switch, check, switch back',
    async ({ page, server }) => {
      await page.goto('/protection');
      await connectTo(page, 'DS3');
      const row = memberRow(page);
      await expect(row).toContainText('OK');
      await page.getByRole('searchbox', { name: 'Search members' }).focus();
      await page.keyboard.type('PS1');
      const grid = page.getByRole('grid', { name: 'Protected members' });
      await expect(grid.getByRole('row').filter({ hasText: 'PS2' })).toHaveCount(0);

      // Only keys from here: Tab into the grid, arrows to the row, arrows through the menu, Tab to a button.
      const focused = () =>
        page.evaluate(() => ({
          role: document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName ?? '',
          text: document.activeElement?.textContent?.trim() ?? '',
        }));
      const pressUntil = async (key: string, reached: () => Promise<boolean>, max = 40) => {
        for (let i = 0; i < max && !(await reached()); i += 1) await page.keyboard.press(key);
        expect(await reached(), `${key} never reached the control`).toBe(true);
      };
      const toRow = async () => {
        await pressUntil('Tab', async () => (await focused()).role === 'row');
        await pressUntil('ArrowDown', () => row.evaluate((el) => el === document.activeElement), 30);
      };
      const choose = async (item: string) => {
        await expect(page.getByRole('menu')).toBeVisible();
        await pressUntil('ArrowDown', async () => (await focused()).text === item, 12);
        await page.keyboard.press('Enter');
      };
      const confirmSwitch = async () => {
        const dialog = page.getByRole('dialog', { name: 'Switch Disaster Protection' });
        await expect(dialog).toBeVisible();
        await pressUntil('Tab', async () => (await focused()).text === 'Switch', 10);
        await page.keyboard.press('Enter');
        await expect(dialog).toBeHidden();
      };

      await toRow();
      await page.keyboard.press('Shift+F10');
      await choose('Switch Disaster Protection');
      await confirmSwitch();
      await expect(row).toContainText('Replica is inconsistent');

      await toRow();
      await page.keyboard.press('ContextMenu');
      await choose('Perform consistency check');
      await server.advance(30);
      await expect(row).toContainText('OK');

      // Performed again, it switches back: DS1 must take ownership of PS1's agent.
      await toRow();
      await page.keyboard.press('Shift+F10');
      await choose('Switch Disaster Protection');
      await confirmSwitch();
      await expect(row).toContainText('Replica is inconsistent');
      const alerts = (await (await server.api('/servers/srv-DS1/alerts?limit=100')).json()) as {
        items: { name: string; affectedArea: string; state: string }[];
      };
      expect(
        alerts.items
          .filter((a) => a.name === 'Agent Ownership Required' && a.state === 'Active')
          .map((a) => a.affectedArea),
      ).toEqual(['PS1']);
    },
  );
});

test('Modify disk allocation: too small is refused with the reason, a size that fits is applied', async ({ page }) => {
  await page.goto('/protection');
  const row = page
    .getByRole('grid', { name: 'Protected members' })
    .getByRole('row')
    .filter({ hasText: 'C:\\' })
    .filter({ hasText: 'PS1' });
  await row.click();
  await expect(page.getByRole('region', { name: 'Details pane' })).toContainText('90 GB for 60 GB of data');
  const resize = async (gb: string) => {
    await row.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Modify disk allocation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modify disk allocation' });
    await dialog.getByLabel('Replica volume (GB)').fill(gb);
    await dialog.getByRole('button', { name: 'OK' }).click();
  };
  await resize('10');
  await expect(page.getByRole('alert')).toContainText('needs at least 60 GB, the size of its data source');
  await resize('200');
  await expect(page.getByRole('region', { name: 'Details pane' })).toContainText('200 GB for 60 GB of data');
});

test("the Navigation pane lists each group's members; choosing one shows it in the Details pane", async ({ page }) => {
  await page.goto('/protection');
  const tree = page.getByRole('tree', { name: 'Protection groups' });
  await tree.getByText('File servers (4)').click();
  await tree.getByText('D:\\ — PS2').click();
  await expect(page.getByRole('region', { name: 'Details pane' })).toContainText('D:\\ on PS2');
  await expect(
    page.getByRole('grid', { name: 'Protected members' }).getByRole('row', { selected: true }),
  ).toContainText('PS2');
});

test.describe('two administrators at once (Switch Disaster Protection states its direction)', () => {
  test(
    'B opens the dialog, A switches, B confirms: B is told why it was ' +
      'refused, nothing changes, DS1 raises no alert',
    async ({ page, browser, server }) => {
      // Administrator A, in this page; administrator B, in a second browser.
      const other = await browser.newContext({ baseURL: server.url, viewport: { width: 1400, height: 900 } });
      try {
        await signIn(other, server);
        const b = await other.newPage();
        for (const p of [page, b]) {
          await p.goto('/protection');
          await connectTo(p, 'DS3');
          await expect(memberRow(p)).toContainText('OK');
        }

        // B opens the dialog: it offers the switch to DS3.
        await memberRow(b).click({ button: 'right' });
        await b.getByRole('menuitem', { name: 'Switch Disaster Protection' }).click();
        const bDialog = b.getByRole('dialog', { name: 'Switch Disaster Protection' });
        await expect(bDialog).toContainText('Switch protection of C:\\ on PS1 to DS3');

        // A switches first.
        await memberRow(page).click({ button: 'right' });
        await page.getByRole('menuitem', { name: 'Switch Disaster Protection' }).click();
        await page
          .getByRole('dialog', { name: 'Switch Disaster Protection' })
          .getByRole('button', { name: 'Switch' })
          .click();
        await expect(memberRow(page)).toContainText('Replica is inconsistent');
        const switched = await (await server.api('/servers/srv-DS3/protection/members/rep-DS3-DS1-PS1-C')).json();

        // B confirms what it saw: refused with the reason, and nothing is undone.
        await bDialog.getByRole('button', { name: 'Switch' }).click();
        const refusal = b.getByRole('alert').filter({ hasText: 'Switch Disaster Protection was refused' });
        await expect(refusal).toContainText('Protection of C:\\ on PS1 is already switched to DS3');
        await expect(refusal).toContainText('ALREADY_SWITCHED');
        await expect(memberRow(b)).toContainText('Replica is inconsistent');
        expect(await (await server.api('/servers/srv-DS3/protection/members/rep-DS3-DS1-PS1-C')).json()).toEqual(
          switched,
        );
        const alerts = (await (await server.api('/servers/srv-DS1/alerts?inactive=true&limit=500')).json()) as {
          items: { name: string }[];
        };
        expect(alerts.items.filter((a) => a.name === 'Agent Ownership Required')).toEqual([]);

        // B's menu now offers the way back, named as such.
        await memberRow(b).click({ button: 'right' });
        await b.getByRole('menuitem', { name: 'Switch Disaster Protection' }).click();
        await expect(bDialog).toContainText('Switch protection of C:\\ on PS1 back to DS1');
        await bDialog.getByRole('button', { name: 'Cancel' }).click();
      } finally {
        await other.close();
      }
    },
  );
});
