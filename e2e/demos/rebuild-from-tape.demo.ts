import type { Page } from '@playwright/test';
import { completed, connectTo, done, expect, pane, started, workArea, type RunningServer } from '../fixtures';
import { demo } from './kit';

const RESTORE_FOLDER = '\\\\FS1\\DPMRestore';
const DS1_SOURCES = ['ds-PS1-C', 'ds-PS1-D', 'ds-PS1-SQL', 'ds-PS2-C', 'ds-PS2-D', 'ds-PS2-SQL'];
const DB = 'Seed 000 · Recover a DPM database';
const REPLICAS = 'Seed 000 · Recover replicas';
const SWITCH = 'Seed 000 · Switch protection to the secondary server';
const REESTABLISH = 'Seed 000 · Reestablish protection';

const actions = (page: Page) => pane(page, 'Actions pane');
const display = (page: Page) => pane(page, 'Display pane');
const runbook = (page: Page) => page.getByRole('list', { name: 'Recover a DPM server' });
/** A step of the runbook by the start of its title (a later step's text may name an earlier one). */
const runbookStep = (page: Page, title: string) =>
  runbook(page)
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

/** A step the demo takes through the API rather than the console, to keep it short. */
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

demo(
  {
    name: 'rebuild-from-tape',
    seed: 'demo',
    summary:
      'Rebuild a failed DS1 from its DPMDB tape and DS3: reinstall, rescan, ' +
      'inventory, recatalog, recover the DPMDB, DpmSync, restore the ' +
      'replicas, re-establish protection (seed 000)',
  },
  async (d) => {
    const { page, server } = d;
    await page.goto('/');

    await d.chapter('The DPM server is lost', {
      step: 'Before you start',
      description: 'DS1 protects PS1 and PS2; DS3 is its secondary. Its DPMDB was backed up to tape last night.',
    });
    await serverPage(page, 'DS1');
    await actions(page).getByRole('button', { name: 'Mark as failed' }).click();
    const failDialog = page.getByRole('dialog', { name: 'Mark as failed' });
    await failDialog.getByRole('button', { name: 'Mark as failed' }).click();
    await expect(failDialog).toBeHidden();
    await expect(
      page.getByRole('navigation', { name: 'DPM servers' }).getByRole('link', { name: 'DS1, Failed' }),
    ).toBeVisible();
    await expect(runbookStep(page, 'The DPM server is lost')).toContainText('Done');
    // Seed 002: switch or rebuild, never a move to a server the secondary knows.
    const options = page.getByRole('region', { name: 'Supported options' });
    await expect(options).toContainText('MOVE_UNSUPPORTED');
    await expect(options.getByRole('listitem')).toHaveCount(3);
    await d.reached('DS1 is Failed; the runbook ticks its first step and lists the three supported options');

    // On the secondary, Switch Disaster Protection keeps every data source of PS1 protected
    // meanwhile: switching one moves PS1's agent, and its other data sources follow it.
    await d.chapter('Switch protection of PS1 to DS3 meanwhile', {
      step: `${SWITCH}, steps 1 to 2`,
      description: "Switching one data source moves PS1's agent; its other data sources follow it.",
    });
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
    await d.reached('The three data sources of PS1 are switched from DS1 to DS3');

    await d.chapter('Recover a file from the secondary meanwhile', {
      step: 'After you switch',
      description: 'A user of PS1 needs a file back: DS3 recovers it from its copy of C:\\.',
    });
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
    await d.clock(5, 'the disk recovery job has completed');
    const recovered = await api<{ items: { type: string; status: string; description?: string }[] }>(
      server,
      '/servers/srv-DS3/jobs?type=Disk%20recovery&limit=10',
    );
    expect(recovered.items.map((j) => j.status)).toEqual(['Completed']);
    await d.reached('Q3 forecast.xlsx is recovered to FS1\\D:\\Recovered from DS3');

    // Reinstall DPM: same version and update rollup, same FQDN, a new empty DPMDB.
    await d.chapter('Reinstall DPM with the same name', {
      step: `${DB}, steps 1 to 3`,
      description:
        'Uninstall DPM keeping the disk-based recovery points, delete the ' +
        'DPMDB, install DPM again: same version, update rollup and FQDN.',
    });
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
    await expect(runbookStep(page, 'Switch protection to the secondary server')).toContainText('Done');
    await expect(runbookStep(page, 'Reinstall DPM with the same name')).toContainText('Done');
    await d.reached('DS1 is Online with a new, empty DPMDB; the runbook ticks the switch and the reinstall');

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
    await d.reached('The new DPMDB knows no job and no tape of the old one');

    // Management › Libraries on DS1: Rescan finds the library with its tapes Unknown, then Detailed
    // inventory reads their labels, and the tape the old DPMDB wrote is Imported.
    await d.chapter('Rescan the library', {
      step: `${DB}, steps 5 to 6`,
      description: 'Insert the tape with the latest DPMDB backup; Management › Libraries › Rescan.',
    });
    await actions(page).getByRole('button', { name: 'Rescan' }).click();
    await expect(started(page, 'Rescan')).toContainText('The library rescan job started');
    await d.clock(5, 'the library rescan has finished');
    await expect(completed(page, 'Rescan')).toContainText('The library rescan job completed.');
    const tapes = page.getByRole('grid', { name: 'Tapes' });
    await expect(tapes.getByRole('row').filter({ hasText: 'Unknown' }).first()).toBeVisible();
    await expect(tapes.getByRole('row').filter({ hasText: 'Imported' })).toHaveCount(0);
    await d.reached('The library is found; its tapes are Unknown until an inventory reads them');

    await d.chapter('Detailed inventory', {
      step: `${DB}, steps 7 to 8`,
      description: "Inventory libraries… › Detailed inventory reads each tape's header.",
    });
    await actions(page).getByRole('button', { name: 'Inventory libraries…' }).click();
    await page.getByRole('menuitem', { name: 'Detailed inventory' }).click();
    await expect(started(page, 'Detailed inventory')).toBeVisible();
    await d.clock(10, 'the detailed inventory has finished');
    await expect(completed(page, 'Detailed inventory')).toBeVisible();
    await expect(tapes.getByRole('row').filter({ hasText: 'DS1001L8' })).toContainText('Imported');
    const dpmdbTape = page
      .getByRole('grid', { name: 'Tapes' })
      .getByRole('row')
      .filter({ hasText: 'DS1-DPMDB-Tape-0001' });
    await expect(dpmdbTape).toContainText('Imported');
    await d.reached('DS1-DPMDB-Tape-0001 (DS1001L8) shows Imported: the old DPMDB wrote it');

    await d.chapter('Recatalog imported tape', {
      step: `${DB}, step 9`,
      description: 'Select the imported tape and click Recatalog imported tape in the Actions pane.',
    });
    await dpmdbTape.click();
    await actions(page).getByRole('button', { name: 'Recatalog imported tape' }).click();
    await expect(started(page, 'Recatalog imported tape')).toBeVisible();
    await d.clock(10, 'the tape recatalog has finished');
    await expect(completed(page, 'Recatalog imported tape')).toBeVisible();
    await d.reached('The DPMDB tape is recataloged');

    // Recovery › External DPM Tapes › the DPMDB › Recover › Copy to a network folder.
    await d.chapter('Recover the DPMDB to a network folder', {
      step: `${DB}, step 10`,
      description: 'Recovery › External DPM Tapes › the DPMDB › Recover, to the folder created for it.',
    });
    await workArea(page, 'Recovery').click();
    await page
      .getByRole('tree', { name: 'Recoverable data' })
      .getByRole('treeitem', { name: /DPMDB.*on DS1/ })
      .click();
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
    await d.clock(10, 'the DPMDB is copied to \\\\FS1\\DPMRestore');
    await d.reached('The DPMDB backup is in \\\\FS1\\DPMRestore');

    // DpmSync -RestoreDb (a folder without the DPMDB is refused with DPM's sentence), -Sync, -ReallocateReplica.
    await d.chapter('DpmSync -RestoreDb', {
      step: `${DB}, step 11`,
      description: 'Attach the backed up database: Restore database with -DbLoc the network folder.',
    });
    await serverPage(page, 'DS1');
    await expect(runbookStep(page, 'Rescan the library')).toContainText('Done');
    await expect(runbookStep(page, 'Run a detailed inventory')).toContainText('Done');
    await expect(runbookStep(page, 'Recatalog the imported DPMDB tape')).toContainText('Done');
    await expect(runbookStep(page, 'Recover the DPMDB to a network folder')).toContainText('Done');
    await actions(page).getByRole('button', { name: 'Restore database' }).click();
    const restoreDb = page.getByRole('dialog', { name: 'Restore database' });
    await restoreDb.getByRole('textbox', { name: '-DbLoc' }).fill('C:\\Elsewhere');
    await restoreDb.getByRole('button', { name: 'Restore' }).click();
    await expect(restoreDb.getByRole('alert')).toContainText('No DPM database backup was found at C:\\Elsewhere');
    await d.reached("A folder without the DPMDB is refused with DPM's sentence");
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
    await expect(runbookStep(page, 'DpmSync -RestoreDb')).toContainText('Done');
    await d.reached('The DPMDB is restored from \\\\FS1\\DPMRestore; the runbook ticks every step up to it');
    await connectTo(page, 'DS1');
    await workArea(page, 'Monitoring').click();
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await expect(display(page)).toContainText('restored from its backup of');
    // The newest it holds are the synchronizations of the night the backup was taken.
    await expect(
      page.getByRole('grid', { name: 'Jobs' }).getByRole('row').filter({ hasText: 'Synchronization' }).first(),
    ).toBeVisible();
    await d.reached('Monitoring › Jobs lists the jobs of the restored database, up to its backup');

    await d.chapter('DpmSync -Sync, then DpmSync -ReallocateReplica', {
      step: `${DB}, step 12 · ${REPLICAS}, step 1`,
      description:
        'Synchronize database, then Reallocate replicas: every missing replica waits for Manual replica creation.',
    });
    await serverPage(page, 'DS1');
    await actions(page).getByRole('button', { name: 'Synchronize database' }).click();
    await expect(done(page, 'Synchronize database')).toBeVisible();
    await actions(page).getByRole('button', { name: 'Reallocate replicas' }).click();
    await expect(done(page, 'Reallocate replicas')).toBeVisible();
    await expect(runbookStep(page, 'DpmSync -Sync')).toContainText('Done');
    await expect(runbookStep(page, 'DpmSync -ReallocateReplica')).toContainText('Done');
    await expect(runbookStep(page, 'Restore each replica from the secondary')).toContainText(
      '6 replica(s) wait for their data',
    );
    await d.reached('Six replicas of DS1 wait for their data; the runbook ticks -Sync and -ReallocateReplica');

    // On DS3: Recovery › PS1 › C:\ › Recover › Restore to replica; the other five through the API.
    await d.chapter('Restore to replica from the secondary', {
      step: `${REPLICAS}, step 2`,
      description: 'On DS3, Recovery › PS1 › C:\\ › Recover › Restore to replica, for each replica of DS1.',
    });
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
    await d.reached('C:\\ is being restored to DS1; the wizard no longer offers a second Restore to replica for it');
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
    await d.reached('D:\\ is restored to DS1 from the keyboard alone; the other four replicas follow through the API');
    for (const ds of DS1_SOURCES.slice(2)) {
      const [point] = await api<{ id: string }[]>(server, `/servers/srv-DS3/recovery/data-sources/${ds}/points`);
      await api(server, '/servers/srv-DS1/recovery/restore-to-replica', {
        replicaId: `rep-DS1-${ds.slice(3)}`,
        recoveryPointId: point?.id,
      });
    }
    await d.clock(90, 'the six replicas of DS1 hold their data again');

    // On DS3, Switch Disaster Protection again switches PS1's data sources back to DS1, which must Take Ownership.
    await d.chapter('Switch protection back to DS1', {
      step: `${SWITCH}, switching back`,
      description: 'On DS3, the same Switch Disaster Protection takes PS1 back to DS1.',
    });
    await workArea(page, 'Protection').click();
    await expect(ps1OnDs3).toHaveCount(3);
    await switchFirst();
    await expect(ps1OnDs3.filter({ hasText: '(replica on DS1)' })).toHaveCount(3);
    await d.reached("PS1's three data sources are replicas on DS1 again");

    // Management › Agents on DS1: Re-establish protection of PS1 is refused until DS1 takes ownership of its agent.
    await d.chapter('Take Ownership on DS1', {
      step: `${SWITCH}, switching back`,
      description: "Management › Agents on DS1: Re-establish protection waits until DS1 owns PS1's agent.",
    });
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
    await d.reached("DS1 owns PS1's agent again, and every check of Re-establish protection passes");

    // Protection on DS1: Perform consistency check of both groups until every replica is OK.
    await d.chapter('Perform a consistency check', {
      step: `${REPLICAS}, step 3`,
      description: 'Protection on DS1: a consistency check of each group continues protection.',
    });
    await workArea(page, 'Protection').click();
    const groups = page.getByRole('tree', { name: 'Protection groups' });
    for (const group of ['File servers', 'SQL databases']) {
      await groups.getByRole('treeitem', { name: new RegExp(`^${group}`) }).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Perform consistency check' }).click();
      await expect(started(page, 'Perform consistency check')).toBeVisible();
      await page.getByRole('button', { name: 'Dismiss' }).click();
    }
    await d.clock(60, 'the consistency checks have finished');
    await groups.getByText('All Protection Groups').click();
    await expect(
      page.getByRole('grid', { name: 'Protected members' }).getByRole('row').filter({ hasText: 'OK' }),
    ).toHaveCount(6);
    await d.reached('Every replica of DS1 is OK');

    // PS2's agent was pointed at the secondary during the outage (SetDpmServer DS3): Re-establish protection fixes it.
    await d.chapter('Re-establish protection: SetDpmServer and the groups', {
      step: `${REESTABLISH}, steps 1 to 2`,
      description:
        "PS2's agent was pointed at DS3 during the outage: the checks find it, Fix missing settings runs SetDpmServer.",
    });
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
    await d.reached('SetDpmServer -dpmServerName DS1 ran on PS2, and its check passes');

    // The runbook on DS1's page: every step that is not optional is Done.
    await d.chapter('The runbook is done', {
      step: 'After the rebuild',
      description: "DS1's page: every step of the runbook that is not optional is Done.",
    });
    await serverPage(page, 'DS1');
    await expect(runbook(page).getByRole('listitem')).toHaveCount(14);
    await expect(runbook(page).getByRole('listitem').filter({ hasText: 'Not done' })).toHaveCount(0);
    await expect(runbookStep(page, 'Re-establish protection on each protected computer')).toContainText('Done');
    await d.reached('All 14 steps of the runbook are Done');
  },
);
