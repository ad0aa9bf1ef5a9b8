import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures';

/** True when `inner` lies wholly inside `outer` (both on screen). */
async function within(
  inner: Locator,
  outer: { x: number; y: number; width: number; height: number },
): Promise<boolean> {
  const b = await inner.boundingBox();
  return (
    b !== null &&
    b.x >= outer.x - 1 &&
    b.y >= outer.y - 1 &&
    b.x + b.width <= outer.x + outer.width + 1 &&
    b.y + b.height <= outer.y + outer.height + 1
  );
}

/**
 * The `large` estate: 40 primaries DPM01…DPM40 of 125 computers each (SRV01001…), and 10
 * secondaries DPMS01…DPMS10, each protecting four primaries. Loading it takes several seconds.
 */
test.describe('the protection topology of the large estate (50 DPM servers, 5,050 computers)', () => {
  test.use({ seed: 'large' });
  test.setTimeout(180_000);

  test(
    'shows every DPM server and protection edge after fit, finds SRV01042 under DPM01, and walks from DPM01 to ' +
      'its secondary by keyboard',
    async ({ page }) => {
      await page.goto('/topology');
      const drawing = page.getByRole('region', { name: 'Protection topology diagram' });
      const servers = drawing.getByRole('button', { name: /^DPMS?\d+$/ });
      await expect(servers).toHaveCount(50, { timeout: 30_000 });

      // After fit to view: all 50 servers and the 40 secondary protections lie inside the drawing.
      const box = await drawing.boundingBox();
      if (!box) throw new Error('the drawing has no box');
      await expect
        .poll(async () => (await Promise.all((await servers.all()).map((s) => within(s, box)))).every(Boolean))
        .toBe(true);
      const edges = drawing.getByRole('img', { name: /^DPMS\d+ protects DPM\d+$/ });
      await expect(edges).toHaveCount(40);
      expect((await Promise.all((await edges.all()).map((e) => within(e, box)))).every(Boolean)).toBe(true);
      await expect(drawing.getByRole('img', { name: 'DPMS01 protects DPM01' })).toBeVisible();
      // The computers are counted on their server, not drawn one by one.
      await expect(drawing.getByRole('button', { name: 'DPM01', exact: true })).toHaveAccessibleDescription(
        /protects 125 computers; protected by DPMS01/,
      );
      await expect(drawing.getByText('SRV01001')).toHaveCount(0);

      // Search: SRV01042 is found under DPM01, in the list of DPM01's computers, centred in view.
      await page.getByRole('searchbox', { name: 'Find a server or computer' }).fill('SRV01042');
      await page.getByRole('searchbox', { name: 'Find a server or computer' }).press('Enter');
      await expect(page.getByRole('status').filter({ hasText: 'SRV01042: protected by DPM01.' })).toBeVisible();
      const list = drawing.getByRole('group', { name: 'Computers protected by DPM01' });
      const found = list.getByRole('listitem').filter({ hasText: 'SRV01042' });
      await expect(found).toBeVisible();
      await expect(list).toBeFocused();
      await expect.poll(() => within(found, box)).toBe(true);
      const dpm01 = await drawing.getByRole('button', { name: 'DPM01', exact: true }).boundingBox();
      const listBox = await list.boundingBox();
      expect(dpm01 && listBox && listBox.y > dpm01.y + dpm01.height).toBe(true);
      await expect(drawing.getByRole('img', { name: 'DPM01 protects its computers' })).toHaveCount(1);

      // Keyboard: up from the list to DPM01, up again to its secondary DPMS01, down to the nearest
      // of the primaries it protects, Home to the first, right to the next, then up and Enter
      // opens DPMS01's server actions.
      await page.keyboard.press('ArrowUp');
      await expect(drawing.getByRole('button', { name: 'DPM01', exact: true })).toBeFocused();
      await page.keyboard.press('ArrowUp');
      const dpms01 = drawing.getByRole('button', { name: 'DPMS01', exact: true });
      await expect(dpms01).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(drawing.locator(':focus')).toHaveAttribute('aria-label', /^DPM0[1-4]$/);
      await page.keyboard.press('Home');
      await expect(drawing.getByRole('button', { name: 'DPM01', exact: true })).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(drawing.getByRole('button', { name: 'DPM02', exact: true })).toBeFocused();
      await page.keyboard.press('ArrowUp');
      await expect(dpms01).toBeFocused();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu', { name: 'Actions for DPMS01' });
      await expect(menu.getByRole('menuitem', { name: 'Connect to DPMS01' })).toBeVisible();
      await menu.getByRole('menuitem', { name: 'Server actions' }).click();
      await expect(page).toHaveURL(/\/servers\/srv-DPMS01$/);
      await expect(page.getByRole('heading', { name: 'DPMS01 (dpms01.contoso.com)' })).toBeVisible();
    },
  );

  test('counts open paged, searchable lists: Protects, the topology table and Connect to DPM server', async ({
    page,
  }) => {
    // DPM servers › DPM01: Protects says 125 computers; the count opens them, searched on the server.
    await page.goto('/servers/srv-DPM01');
    await page.getByRole('button', { name: '125 computers protected by DPM01' }).click();
    const dialog = page.getByRole('dialog', { name: 'DPM01 protects' });
    const grid = dialog.getByRole('grid', { name: 'What DPM01 protects' });
    await expect(grid).toHaveAttribute('aria-rowcount', '126');
    await expect(grid.getByRole('row').filter({ hasText: 'SRV01001' })).toBeVisible();
    // Fewer rows in the DOM than the list holds: it is paged and virtualized.
    expect(await grid.getByRole('row').count()).toBeLessThan(60);
    await dialog.getByRole('searchbox', { name: 'Search what DPM01 protects' }).fill('SRV01042');
    await expect(dialog.getByText('1 match for “SRV01042”')).toBeVisible();
    await expect(grid.getByRole('row').filter({ hasText: 'SRV01042' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The topology table: the same count, the same list; a secondary's servers are named.
    await page.goto('/topology');
    const table = page.getByRole('table', { name: 'Protection topology table' });
    const dpms01 = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'DPMS01 (secondary)' }) });
    await expect(dpms01.getByRole('cell').nth(0)).toHaveText('DPM01, DPM02, DPM03, DPM04');
    await table.getByRole('button', { name: '125 computers protected by DPM40' }).click();
    await expect(
      page
        .getByRole('dialog', { name: 'DPM40 protects' })
        .getByRole('grid')
        .getByRole('row')
        .filter({ hasText: 'SRV40125' }),
    ).toHaveCount(0);
    await page.getByRole('dialog', { name: 'DPM40 protects' }).getByRole('searchbox').fill('40125');
    await expect(
      page
        .getByRole('dialog', { name: 'DPM40 protects' })
        .getByRole('grid')
        .getByRole('row')
        .filter({ hasText: 'SRV40125' }),
    ).toBeVisible();
    await page.getByRole('dialog', { name: 'DPM40 protects' }).getByRole('button', { name: 'Close' }).click();

    // Connect to DPM server: twenty servers at a time, more on demand, or found by name.
    await page.getByRole('button', { name: 'Connect to DPM server' }).click();
    const connect = page.getByRole('dialog', { name: 'Connect to DPM server' });
    await expect(connect.getByText('20 of 50 DPM servers')).toBeVisible();
    await expect(connect.getByRole('radio')).toHaveCount(20);
    await connect.getByRole('button', { name: 'Show more DPM servers' }).click();
    await expect(connect.getByText('40 of 50 DPM servers')).toBeVisible();
    await connect.getByRole('searchbox', { name: 'Search DPM servers' }).fill('dpms07');
    await expect(connect.getByRole('radio')).toHaveCount(1);
    await connect.getByRole('radio', { name: /^DPMS07 \(/ }).check();
    await connect.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByLabel('Connected DPM server')).toContainText('DPMS07');
  });
});
