import { connectTo, expect, workArea } from '../../fixtures';
import { api, markFailed, replicasOf, serverPage, switchDisasterProtection } from '../console-walks';
import type { Demo } from '../kit';
import { SWITCH, runbookStep } from './runbook';

/** DS1 fails; on DS3 PS1 stays protected and a user's file comes back meanwhile. */
export async function whileDs1IsDown(d: Demo): Promise<void> {
  const { page, server } = d;

  await d.chapter('The DPM server is lost', {
    step: 'Before you start',
    description: 'DS1 protects PS1 and PS2; DS3 is its secondary. Its DPMDB was backed up to tape last night.',
  });
  await serverPage(page, 'DS1');
  await markFailed(page, 'DS1');
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
  const ps1OnDs3 = replicasOf(page, 'PS1', 'DS1');
  await expect(ps1OnDs3).toHaveCount(3);
  await switchDisasterProtection(page, ps1OnDs3.first());
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
}
