import type { Page } from '@playwright/test';
import { connectTo, expect, pane, workArea } from '../fixtures';
import { demo } from './kit';

/** PS1's C:\ on DS3: the replica DS1 holds, or, once switched, the data source DS3 protects in DS1's place. */
const memberRow = (page: Page) =>
  page
    .getByRole('grid', { name: 'Protected members' })
    .getByRole('row')
    .filter({ hasText: /C:\\ \((replica on|switched from) DS1\)/ })
    .filter({ hasText: 'PS1' });

demo(
  {
    name: 'switch-protection',
    seed: 'scenario-1',
    summary:
      'On DS3, Switch Disaster Protection for a PS1 data source, check it to ' +
      'OK, switch back, and Take Ownership on DS1 (seed 000)',
  },
  async (d) => {
    const { page } = d;
    const SEED = 'Seed 000 · Switch protection to the secondary server';

    await d.chapter('Connect to the secondary DPM server', {
      step: 'Before you start',
      description:
        'Scenario 1 of seed 004: DS3 is the secondary of DS1 and DS2. It holds ' +
        "a replica of PS1's C:\\ that DS1 protects.",
    });
    await page.goto('/protection');
    await connectTo(page, 'DS3');
    const row = memberRow(page);
    await expect(row).toContainText('OK');
    await d.reached("DS3's replica of C:\\ on PS1 (replica on DS1) is OK");

    await d.chapter('Right-click the data source in the Protection work area', {
      step: `${SEED}, step 1`,
      description: 'Protection › Protected members on DS3: the context menu of the member.',
    });
    await row.click({ button: 'right' });
    await expect(page.getByRole('menuitem', { name: 'Switch Disaster Protection' })).toBeVisible();
    await d.reached('The context menu offers Switch Disaster Protection');

    await d.chapter('Switch Disaster Protection', {
      step: `${SEED}, step 2`,
      description: 'DS3 takes ownership of the protection agent on PS1 and protects it directly.',
    });
    await page.getByRole('menuitem', { name: 'Switch Disaster Protection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Switch Disaster Protection' });
    // The dialog names the direction the server offers now.
    await expect(dialog).toContainText('Switch protection of C:\\ on PS1 to DS3');
    await expect(dialog).toContainText('DS3 takes ownership of the protection agent');
    await dialog.getByRole('button', { name: 'Switch' }).click();
    await expect(row).toContainText('Replica is inconsistent');
    await d.reached('C:\\ on PS1 is switched from DS1 to DS3: Replica is inconsistent until a consistency check runs');

    await d.chapter('Run a consistency check', {
      step: `${SEED}, step 3`,
      description: 'After switching protection the replica is inconsistent until the check runs.',
    });
    await row.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Perform consistency check' }).click();
    await d.clock(30, 'the consistency check has finished');
    await expect(row).toContainText('OK');
    await d.reached('C:\\ on PS1 (switched from DS1) is OK: DS3 protects PS1 directly');

    await d.chapter('Switch protection back: perform the same procedure', {
      step: `${SEED}, switching back`,
      description: 'The same menu on DS3 now offers the way back to DS1.',
    });
    await row.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Switch Disaster Protection' }).click();
    await expect(dialog).toContainText('Switch protection of C:\\ on PS1 back to DS1');
    await dialog.getByRole('button', { name: 'Switch' }).click();
    await expect(row).toContainText('Replica is inconsistent');
    await d.reached('C:\\ on PS1 is a replica on DS1 again, inconsistent until DS1 protects PS1 once more');

    await d.chapter('Agent Ownership Required on the primary', {
      step: `${SEED}, switching back`,
      description: 'DS1 raises Agent Ownership Required for PS1 in Monitoring › Alerts.',
    });
    await connectTo(page, 'DS1');
    await workArea(page, 'Monitoring').click();
    const ownership = page
      .getByRole('grid', { name: 'Alerts' })
      .getByRole('row')
      .filter({ hasText: 'Agent Ownership Required' })
      .filter({ hasText: 'PS1' });
    await expect(ownership).toBeVisible();
    await expect(ownership).toHaveCount(1);
    await d.reached('DS1 shows one active Agent Ownership Required alert for PS1');

    await d.chapter('Take Ownership', {
      step: `${SEED}, switching back`,
      description: 'Click Take Ownership in the alert to give DS1 the protection agent on PS1 again.',
    });
    await ownership.click();
    await pane(page, 'Details pane').getByRole('button', { name: 'Take Ownership' }).click();
    await expect(ownership).toHaveCount(0);
    const alerts = (await (await d.server.api('/servers/srv-DS1/alerts?limit=100')).json()) as {
      items: { name: string; state: string }[];
    };
    expect(alerts.items.filter((a) => a.name === 'Agent Ownership Required' && a.state === 'Active')).toEqual([]);
    const estate = (await (await d.server.api('/estate')).json()) as {
      computers: { name: string; agentOwner: string | null }[];
    };
    expect(estate.computers.find((c) => c.name === 'PS1')?.agentOwner).toBe('DS1');
    await d.reached('The alert is resolved and DS1 owns the protection agent on PS1 again');
  },
);
