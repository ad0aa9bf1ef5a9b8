import { expect, test } from '../fixtures';

/**
 * Seed 004 scenario 1 (DS3 protects DS1 and DS2, DS4 protects DS3): the drawing marks the
 * findings on the servers they concern and lists them beside it; the keyboard reaches the
 * computers and their server's actions.
 */
test.describe('the topology drawing of scenario 1', () => {
  test.use({ seed: 'scenario-1' });

  test(
    'marks findings on the nodes and lists them with their links: VERSION_MISMATCH, and NO_SECONDARY once DS3 ' +
      'stops protecting DS1',
    async ({ page, server }) => {
      expect((await server.api('/servers/srv-DS2/fail', { method: 'POST', body: '{}' })).status).toBe(200);
      const reinstall = await server.api('/servers/srv-DS2/reinstall', {
        method: 'POST',
        body: JSON.stringify({ version: { major: 10, minor: 22, build: 100, rollup: 0 }, fqdn: 'ds2.contoso.com' }),
      });
      expect(reinstall.status).toBe(200);
      // DS3 stops protecting DS1 (its group "DS1 protection"): DS1 still protects PS1 and PS2, with no secondary.
      expect(
        (
          await server.api('/servers/srv-DS3/protection/stop', {
            method: 'POST',
            body: JSON.stringify({ groupId: 'pg-DS3-1', retainReplica: false }),
          })
        ).status,
      ).toBe(200);

      await page.goto('/topology');
      const drawing = page.getByRole('region', { name: 'Protection topology diagram' });
      await expect(drawing.getByRole('button', { name: 'DS2', exact: true })).toHaveAccessibleDescription(
        /findings: VERSION_MISMATCH/,
      );
      await expect(drawing.getByRole('button', { name: 'DS3', exact: true })).toHaveAccessibleDescription(
        /findings: VERSION_MISMATCH/,
      );
      await expect(drawing.getByRole('button', { name: 'DS1', exact: true })).toHaveAccessibleDescription(
        /protected by no DPM server; findings: NO_SECONDARY/,
      );

      const findings = page.getByRole('complementary', { name: 'Findings' });
      await expect(findings.getByRole('alert').filter({ hasText: 'VERSION_MISMATCH' })).toContainText(
        'DS3 runs DPM 10.19.260.0 UR1 but DS2 runs 10.22.100.0 RTM',
      );
      const noSecondary = findings.getByRole('note').filter({ hasText: 'NO_SECONDARY' });
      await expect(noSecondary).toContainText('DS1 protects 2 computers but no secondary DPM server protects it');
      // Its links: the server in the drawing, and its server actions.
      await noSecondary.getByRole('button', { name: 'Show DS1' }).click();
      await expect(drawing.getByRole('button', { name: 'DS1', exact: true })).toBeFocused();
      await noSecondary.getByRole('link', { name: 'DS1 server actions' }).click();
      await expect(page).toHaveURL(/\/servers\/srv-DS1$/);
    },
  );

  test("the keyboard walks from DS4 down the chain to a computer, whose menu leads to its server's actions", async ({
    page,
  }) => {
    await page.goto('/topology');
    const drawing = page.getByRole('region', { name: 'Protection topology diagram' });
    const node = (name: string) => drawing.getByRole('button', { name, exact: true });
    await expect(node('PS1')).toBeVisible();
    // Tab enters the drawing at one node, and only one node is in the tab order.
    await expect(drawing.locator('[data-node-id][tabindex="0"]')).toHaveCount(1);
    await node('DS4').focus();
    await page.keyboard.press('ArrowDown');
    await expect(node('DS3')).toBeFocused();
    // Down to the nearest of the servers DS3 protects, then Home to the first of them.
    await page.keyboard.press('ArrowDown');
    await expect(drawing.locator(':focus')).toHaveAttribute('aria-label', /^DS[12]$/);
    await page.keyboard.press('Home');
    await expect(node('DS1')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(node('DS2')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(node('DS3')).toBeFocused();
    await node('DS1').focus();
    await page.keyboard.press('ArrowDown');
    await expect(drawing.locator(':focus')).toHaveAttribute('aria-label', /^PS[12]$/);
    await page.keyboard.press('Home');
    await expect(node('PS1')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(node('PS2')).toBeFocused();
    await page.keyboard.press('Shift+F10');
    await page
      .getByRole('menu', { name: 'Actions for PS2' })
      .getByRole('menuitem', { name: 'Server actions for DS1' })
      .click();
    await expect(page).toHaveURL(/\/servers\/srv-DS1$/);
  });
});
