import { completed, done, expect, started, workArea } from '../../fixtures';
import { actions, api, copyDpmdbToFolder, display, serverPage } from '../console-walks';
import type { Demo } from '../kit';
import { DB, REPLICAS, RESTORE_FOLDER, jobsOfDs1, runbookStep } from './runbook';

/** DPM reinstalled on DS1 with a new, empty DPMDB, which knows no job and no tape of the old one. */
export async function reinstallDpm(d: Demo): Promise<void> {
  const { page } = d;

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
  await jobsOfDs1(page, 'DPM was reinstalled on DS1');
  await expect(page.getByRole('grid', { name: 'Jobs' })).toHaveCount(0);
  await workArea(page, 'Management').click();
  await page.getByRole('tab', { name: 'Libraries' }).click();
  await expect(display(page)).toContainText('DS1 knows no tape library. Click Rescan');
  await expect(page.getByRole('grid', { name: 'Tapes' })).toHaveCount(0);
  await d.reached('The new DPMDB knows no job and no tape of the old one');
}

/** Management › Libraries on DS1: Rescan, Detailed inventory, Recatalog imported tape, then Recovery of the DPMDB. */
export async function recoverDpmdbFromTape(d: Demo): Promise<void> {
  const { page } = d;

  // Rescan finds the library with its tapes Unknown, then Detailed inventory reads their labels,
  // and the tape the old DPMDB wrote is Imported.
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
  const dpmdbTape = tapes.getByRole('row').filter({ hasText: 'DS1-DPMDB-Tape-0001' });
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
  await copyDpmdbToFolder(page, RESTORE_FOLDER);
  await d.clock(10, 'the DPMDB is copied to \\\\FS1\\DPMRestore');
  await d.reached('The DPMDB backup is in \\\\FS1\\DPMRestore');
}

/** DpmSync -RestoreDb (a folder without the DPMDB is refused with DPM's sentence), -Sync, -ReallocateReplica. */
export async function dpmSync(d: Demo): Promise<void> {
  const { page, server } = d;

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
  await jobsOfDs1(page, 'restored from its backup of');
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
}
