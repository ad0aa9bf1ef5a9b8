import { expect, test } from '../fixtures';

test.describe('Protection topology matches the seed 004 tables, read from what is drawn', () => {
  // Scenarios 2 (chained) and 3 (cyclic), read from what is drawn: demos/chaining-and-cyclic.demo.ts.

  test.describe('a rule violation is marked with its code and sentence', () => {
    test.use({ seed: 'scenario-1' });
    test('DS2 reinstalled with another DPM version while DS3 protects it: VERSION_MISMATCH', async ({
      page,
      server,
    }) => {
      expect((await server.api('/servers/srv-DS2/fail', { method: 'POST', body: '{}' })).status).toBe(200);
      const reinstall = await server.api('/servers/srv-DS2/reinstall', {
        method: 'POST',
        body: JSON.stringify({ version: { major: 10, minor: 22, build: 100, rollup: 0 }, fqdn: 'ds2.contoso.com' }),
      });
      expect(reinstall.status).toBe(200);
      await page.goto('/topology');
      const alert = page.getByRole('alert').filter({ hasText: 'VERSION_MISMATCH' });
      await expect(alert).toContainText('DS3 runs DPM 10.19.260.0 UR1 but DS2 runs 10.22.100.0 RTM');
      await expect(page.getByRole('button', { name: 'Connect to DS2' })).toBeVisible();
    });
  });
});
