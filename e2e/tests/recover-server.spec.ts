import type { Page } from '@playwright/test';
import { connectTo, expect, test, workArea, type RunningServer, completed, done, pane, started } from '../fixtures';

test.use({ seed: 'demo' });

const RESTORE_FOLDER = '\\\\FS1\\DPMRestore';
const DS1_SOURCES = ['ds-PS1-C', 'ds-PS1-D', 'ds-PS1-SQL', 'ds-PS2-C', 'ds-PS2-D', 'ds-PS2-SQL'];

const actions = (page: Page) => pane(page, 'Actions pane');
const display = (page: Page) => pane(page, 'Display pane');

/** A step the test takes through the API rather than the console, to keep it short. */
async function api<T>(server: RunningServer, path: string, body?: unknown): Promise<T> {
  const res = await server.api(path, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The DPM servers page of `name`, from the navigation bar. */
async function serverPage(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Work areas' }).getByRole('link', { name: 'DPM servers' }).click();
  await page
    .getByRole('navigation', { name: 'DPM servers' })
    .getByRole('link', { name: new RegExp(`^${name},`) })
    .click();
  await expect(display(page).getByRole('heading', { level: 1 })).toContainText(name);
}

test.describe('Recover a DPM server (seed 000) on the demo estate', () => {
  test('rebuilds DS1 from its DPMDB tape and DS3, through the console', async ({ page, server }) => {
    // The whole of seed 000 in one test: about 35 s on an idle machine; the margin is for a busy CI host.
    test.setTimeout(120_000);
    await page.goto('/');

    // The DPM server is lost.
    await serverPage(page, 'DS1');
    await actions(page).getByRole('button', { name: 'Mark as failed' }).click();
    const failDialog = page.getByRole('dialog', { name: 'Mark as failed' });
    await failDialog.getByRole('button', { name: 'Mark as failed' }).click();
    await expect(failDialog).toBeHidden();
    await expect(
      page.getByRole('navigation', { name: 'DPM servers' }).getByRole('link', { name: 'DS1, Failed' }),
    ).toBeVisible();
    const runbook = page.getByRole('list', { name: 'Recover a DPM server' });
    await expect(runbook.getByRole('listitem').filter({ hasText: 'The DPM server is lost' })).toContainText('Done');
    // Seed 002: switch or rebuild, never a move to a server the secondary knows.
    const options = page.getByRole('region', { name: 'Supported options' });
    await expect(options).toContainText('MOVE_UNSUPPORTED');
    await expect(options.getByRole('listitem')).toHaveCount(3);

    // On the secondary, Switch Disaster Protection keeps every data source of PS1 protected
    // meanwhile: switching one moves PS1's agent, and its other data sources follow it.
    await connectTo(page, 'DS3');
    await workArea(page, 'Protection').click();
    const ps1OnDs3 = page
      .getByRole('grid', { name: 'Protected members' })
      .getByRole('row')
      .filter({ hasText: /\((replica on|switched from) DS1\)/ })
      .filter({ hasText: 'PS1' });
    await expect(ps1OnDs3).toHaveCount(3);
    const switchFirst = async () => {
      await ps1OnDs3.first().click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Switch Disaster Protection' }).click();
      await page
        .getByRole('dialog', { name: 'Switch Disaster Protection' })
        .getByRole('button', { name: 'Switch' })
        .click();
      await expect(page.getByRole('dialog', { name: 'Switch Disaster Protection' })).toBeHidden();
    };
    await switchFirst();
    await expect(
      ps1OnDs3.filter({ hasText: '(switched from DS1)' }).filter({ hasText: 'Replica is inconsistent' }),
    ).toHaveCount(3);

    // Meanwhile a user of PS1 needs a file back: DS3 recovers it from its copy of C:\.
    await workArea(page, 'Recovery').click();
    const recoverable = page.getByRole('tree', { name: 'Recoverable data' });
    await recoverable.getByText('PS1', { exact: true }).click();
    await recoverable.getByRole('treeitem', { name: /^C:\\ \(\d+\)$/ }).click();
    await page
      .getByRole('table', { name: 'Recoverable items' })
      .getByRole('checkbox', { name: 'Recover C:\\Data\\Sales\\Q3 forecast.xlsx' })
      .check();
    await page.getByRole('button', { name: 'Recover', exact: true }).click();
    const fileWizard = page.getByRole('dialog', { name: 'Recovery Wizard' });
    await expect(fileWizard).toContainText('C:\\Data\\Sales\\Q3 forecast.xlsx');
    await fileWizard.getByRole('button', { name: 'Next' }).click();
    await fileWizard.getByRole('radio', { name: 'Recover to an alternate location' }).check();
    await fileWizard.getByRole('button', { name: 'Next' }).click();
    await fileWizard.getByRole('textbox', { name: 'Alternate location' }).fill('FS1\\D:\\Recovered');
    await fileWizard.getByRole('button', { name: 'Next' }).click();
    await fileWizard.getByRole('button', { name: 'Recover', exact: true }).click();
    await expect(fileWizard).toContainText('Recovery started');
    await fileWizard.getByRole('button', { name: 'Close' }).click();
    await server.advance(5);
    const recovered = await api<{ items: { type: string; status: string; description?: string }[] }>(
      server,
      '/servers/srv-DS3/jobs?type=Disk%20recovery&limit=10',
    );
    expect(recovered.items.map((j) => j.status)).toEqual(['Completed']);

    // Reinstall DPM: same version and update rollup, same FQDN, a new empty DPMDB.
    await serverPage(page, 'DS1');
    await actions(page).getByRole('button', { name: 'Reinstall DPM' }).click();
    const reinstall = page.getByRole('dialog', { name: 'Reinstall DPM' });
    await expect(reinstall.getByRole('textbox', { name: 'Update rollup' })).toHaveValue('1');
    await reinstall.getByRole('textbox', { name: 'FQDN' }).fill('ds1.contoso.com');
    await reinstall.getByRole('button', { name: 'Reinstall' }).click();
    await expect(reinstall).toBeHidden();
    await expect(
      page.getByRole('navigation', { name: 'DPM servers' }).getByRole('link', { name: 'DS1, Online' }),
    ).toBeVisible();

    // The new, empty DPMDB knows no job and no tape of the old one (seed 000): Jobs and Libraries say so.
    await connectTo(page, 'DS1');
    await workArea(page, 'Monitoring').click();
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await expect(display(page)).toContainText('DPM was reinstalled on DS1');
    await expect(page.getByRole('grid', { name: 'Jobs' })).toHaveCount(0);
    await workArea(page, 'Management').click();
    await page.getByRole('tab', { name: 'Libraries' }).click();
    await expect(display(page)).toContainText('DS1 knows no tape library. Click Rescan');
    await expect(page.getByRole('grid', { name: 'Tapes' })).toHaveCount(0);

    // Management › Libraries on DS1: Rescan finds the library with its tapes Unknown, then Detailed
    // inventory reads their labels, and the tape the old DPMDB wrote is Imported.
    await actions(page).getByRole('button', { name: 'Rescan' }).click();
    await expect(started(page, 'Rescan')).toContainText('The library rescan job started');
    await server.advance(5);
    await expect(completed(page, 'Rescan')).toContainText('The library rescan job completed.');
    const tapes = page.getByRole('grid', { name: 'Tapes' });
    await expect(tapes.getByRole('row').filter({ hasText: 'Unknown' }).first()).toBeVisible();
    await expect(tapes.getByRole('row').filter({ hasText: 'Imported' })).toHaveCount(0);
    await actions(page).getByRole('button', { name: 'Inventory libraries…' }).click();
    await page.getByRole('menuitem', { name: 'Detailed inventory' }).click();
    await expect(started(page, 'Detailed inventory')).toBeVisible();
    await server.advance(10);
    await expect(completed(page, 'Detailed inventory')).toBeVisible();
    await expect(tapes.getByRole('row').filter({ hasText: 'DS1001L8' })).toContainText('Imported');
    const dpmdbTape = page
      .getByRole('grid', { name: 'Tapes' })
      .getByRole('row')
      .filter({ hasText: 'DS1-DPMDB-Tape-0001' });
    await expect(dpmdbTape).toContainText('Imported');
    await dpmdbTape.click();
    await actions(page).getByRole('button', { name: 'Recatalog imported tape' }).click();
    await expect(started(page, 'Recatalog imported tape')).toBeVisible();
    await server.advance(10);
    await expect(completed(page, 'Recatalog imported tape')).toBeVisible();

    // Recovery › External DPM Tapes › the DPMDB › Recover › Copy to a network folder.
    await workArea(page, 'Recovery').click();
    await page.getByRole('tree', { name: 'Recoverable data' }).getByRole('treeitem', { name: /DPMDB.*on DS1/ }).click();
    await page.getByRole('button', { name: 'Recover', exact: true }).click();
    const wizard = page.getByRole('dialog', { name: 'Recovery Wizard' });
    await expect(wizard.getByRole('heading', { name: 'Review Recovery Selection' })).toBeVisible();
    await expect(wizard).toContainText('External DPM Tapes');
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(wizard.getByRole('heading', { name: 'Select Recovery Type' })).toBeVisible();
    await expect(wizard.getByRole('radio', { name: 'Recover to the original location' })).toHaveCount(0);
    await wizard.getByRole('radio', { name: 'Copy to a network folder' }).check();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('textbox', { name: 'Network folder' }).fill(RESTORE_FOLDER);
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(wizard.getByRole('heading', { name: 'Summary' })).toBeVisible();
    await wizard.getByRole('button', { name: 'Recover', exact: true }).click();
    await expect(wizard).toContainText('Recovery started');
    await wizard.getByRole('button', { name: 'Close' }).click();
    await server.advance(10);

    // DpmSync -RestoreDb (a folder without the DPMDB is refused with DPM's sentence), -Sync, -ReallocateReplica.
    await serverPage(page, 'DS1');
    await actions(page).getByRole('button', { name: 'Restore database' }).click();
    const restoreDb = page.getByRole('dialog', { name: 'Restore database' });
    await restoreDb.getByRole('textbox', { name: '-DbLoc' }).fill('C:\\Elsewhere');
    await restoreDb.getByRole('button', { name: 'Restore' }).click();
    await expect(restoreDb.getByRole('alert')).toContainText('No DPM database backup was found at C:\\Elsewhere');
    await restoreDb.getByRole('textbox', { name: '-DbLoc' }).fill(RESTORE_FOLDER);
    await restoreDb.getByRole('button', { name: 'Restore' }).click();
    await expect(restoreDb).toBeHidden();
    await expect(display(page)).toContainText('Restored; run Synchronize database');
    // The restored database holds the jobs up to its backup, none after it (seed 000): the Jobs list says so.
    const [backupPoint] = await api<{ time: number }[]>(
      server,
      '/servers/srv-DS1/recovery/data-sources/ds-DS1-DPMDB/points?external=true',
    );
    const backup = backupPoint?.time ?? 0;
    const restoredJobs = await api<{ items: { type: string; scheduledAt: number }[] }>(
      server,
      '/servers/srv-DS1/jobs?limit=500',
    );
    expect(restoredJobs.items.filter((j) => j.scheduledAt <= backup).length).toBeGreaterThan(0);
    expect(restoredJobs.items.filter((j) => j.scheduledAt > backup).map((j) => j.type)).toEqual(['Database restore']);
    await connectTo(page, 'DS1');
    await workArea(page, 'Monitoring').click();
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await expect(display(page)).toContainText('restored from its backup of');
    // The newest it holds are the synchronizations of the night the backup was taken.
    await expect(
      page.getByRole('grid', { name: 'Jobs' }).getByRole('row').filter({ hasText: 'Synchronization' }).first(),
    ).toBeVisible();
    await serverPage(page, 'DS1');
    await actions(page).getByRole('button', { name: 'Synchronize database' }).click();
    await expect(done(page, 'Synchronize database')).toBeVisible();
    await actions(page).getByRole('button', { name: 'Reallocate replicas' }).click();
    await expect(done(page, 'Reallocate replicas')).toBeVisible();
    await expect(
      runbook.getByRole('listitem').filter({ hasText: 'Restore each replica from the secondary' }),
    ).toContainText('6 replica(s) wait for their data');

    // On DS3: Recovery › PS1 › C:\ › Recover › Restore to replica; the other five through the API.
    await connectTo(page, 'DS3');
    await workArea(page, 'Recovery').click();
    const tree = page.getByRole('tree', { name: 'Recoverable data' });
    await tree.getByText('PS1', { exact: true }).click();
    await tree.getByRole('treeitem', { name: /^C:\\ \(\d+\)$/ }).click();
    await page.getByRole('button', { name: 'Recover', exact: true }).click();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('radio', { name: 'Restore to replica' }).check();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(wizard.getByRole('radio', { name: /^DS1: / })).toBeChecked();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(wizard).toContainText('The replica on DS1');
    await wizard.getByRole('button', { name: 'Recover', exact: true }).click();
    await expect(wizard).toContainText('Recovery started');
    await wizard.getByRole('button', { name: 'Close' }).click();
    // While that restore runs, the wizard no longer offers Restore to replica for C:\ (DS1 would refuse a second one).
    await page.getByRole('button', { name: 'Recover', exact: true }).click();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(wizard.getByRole('heading', { name: 'Select Recovery Type' })).toBeVisible();
    await expect(wizard.getByRole('radio', { name: 'Restore to replica' })).toHaveCount(0);
    await wizard.getByRole('button', { name: 'Cancel' }).click();
    // D:\ from the keyboard alone.
    await tree.getByRole('treeitem', { name: /^D:\\ \(\d+\)$/ }).click();
    await page.getByRole('button', { name: 'Recover', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(wizard.getByRole('heading', { name: 'Review Recovery Selection' })).toBeVisible();
    await wizard.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    await wizard.getByRole('radio', { name: 'Restore to replica' }).focus();
    await page.keyboard.press('Space');
    await wizard.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(wizard.getByRole('heading', { name: 'Summary' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(wizard).toContainText('Recovery started');
    await page.keyboard.press('Escape');
    await expect(wizard).toBeHidden();
    for (const ds of DS1_SOURCES.slice(2)) {
      const [point] = await api<{ id: string }[]>(server, `/servers/srv-DS3/recovery/data-sources/${ds}/points`);
      await api(server, '/servers/srv-DS1/recovery/restore-to-replica', {
        replicaId: `rep-DS1-${ds.slice(3)}`,
        recoveryPointId: point?.id,
      });
    }
    await server.advance(90);

    // On DS3, Switch Disaster Protection again switches PS1's data sources back to DS1, which must Take Ownership.
    await workArea(page, 'Protection').click();
    await expect(ps1OnDs3).toHaveCount(3);
    await switchFirst();
    await expect(ps1OnDs3.filter({ hasText: '(replica on DS1)' })).toHaveCount(3);

    // Management › Agents on DS1: Re-establish protection of PS1 is refused until DS1 takes ownership of its agent.
    await connectTo(page, 'DS1');
    await workArea(page, 'Management').click();
    const agents = page.getByRole('grid', { name: 'Agents' });
    await agents.getByRole('row').filter({ hasText: 'PS1' }).click();
    const reestablishButton = actions(page).getByRole('button', { name: 'Re-establish protection' });
    await expect(reestablishButton).toBeDisabled();
    await expect(reestablishButton).toHaveAttribute('title', /take ownership first/);
    const reestablish = page.getByRole('dialog', { name: 'Re-establish protection' });
    const checks = reestablish.getByRole('table', { name: 'Checks' });
    await actions(page).getByRole('button', { name: 'Take Ownership' }).click();
    await expect(done(page, 'Take Ownership')).toBeVisible();
    await actions(page).getByRole('button', { name: 'Re-establish protection' }).click();
    await expect(reestablish).toContainText('Every check passed: PS1 accepts DS1.');
    await reestablish.getByRole('button', { name: 'Close' }).click();

    // Protection on DS1: Perform consistency check of both groups until every replica is OK.
    await workArea(page, 'Protection').click();
    const groups = page.getByRole('tree', { name: 'Protection groups' });
    for (const group of ['File servers', 'SQL databases']) {
      await groups.getByRole('treeitem', { name: new RegExp(`^${group}`) }).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Perform consistency check' }).click();
      await expect(started(page, 'Perform consistency check')).toBeVisible();
      await page.getByRole('button', { name: 'Dismiss' }).click();
    }
    await server.advance(60);
    await groups.getByText('All Protection Groups').click();
    await expect(
      page.getByRole('grid', { name: 'Protected members' }).getByRole('row').filter({ hasText: 'OK' }),
    ).toHaveCount(6);

    // PS2's agent was pointed at the secondary during the outage (SetDpmServer DS3): Re-establish protection fixes it.
    await api(server, '/computers/cmp-PS2/set-dpm-server', { dpmServerName: 'DS3' });
    await workArea(page, 'Management').click();
    await agents.getByRole('row').filter({ hasText: 'PS2' }).click();
    await actions(page).getByRole('button', { name: 'Re-establish protection' }).click();
    await expect(checks.getByRole('row', { name: /^SetDpmServer / })).toContainText('Failed');
    await reestablish.getByRole('button', { name: 'Fix missing settings' }).click();
    await expect(reestablish).toContainText('Runs SetDpmServer -dpmServerName DS1 on PS2');
    await reestablish.getByRole('button', { name: 'Confirm' }).click();
    await expect(reestablish.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();
    await expect(checks.getByRole('row', { name: /^SetDpmServer / })).toContainText('Passed');
    await reestablish.getByRole('button', { name: 'Close' }).click();

    // The runbook on DS1's page: every step that is not optional is Done.
    await serverPage(page, 'DS1');
    await expect(runbook.getByRole('listitem')).toHaveCount(14);
    await expect(runbook.getByRole('listitem').filter({ hasText: 'Not done' })).toHaveCount(0);
    await expect(
      runbook.getByRole('listitem').filter({ hasText: 'Re-establish protection on each protected computer' }),
    ).toContainText('Done');
  });
});
