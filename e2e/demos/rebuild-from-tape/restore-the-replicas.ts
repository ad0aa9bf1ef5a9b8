import { connectTo, done, expect, started, workArea } from '../../fixtures';
import { actions, api, replicasOf, serverPage, switchDisasterProtection } from '../console-walks';
import type { Demo } from '../kit';
import { REESTABLISH, REPLICAS, SWITCH, runbook, runbookStep } from './runbook';

const DS1_SOURCES = ['ds-PS1-C', 'ds-PS1-D', 'ds-PS1-SQL', 'ds-PS2-C', 'ds-PS2-D', 'ds-PS2-SQL'];

/**
 * On DS3: Recovery › PS1 › C:\ › Recover › Restore to replica, D:\ from the keyboard; the other four
 * through the API.
 */
export async function restoreReplicasFromDs3(d: Demo): Promise<void> {
  const { page, server } = d;

  await d.chapter('Restore to replica from the secondary', {
    step: `${REPLICAS}, step 2`,
    description: 'On DS3, Recovery › PS1 › C:\\ › Recover › Restore to replica, for each replica of DS1.',
  });
  const wizard = page.getByRole('dialog', { name: 'Recovery Wizard' });
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
}

/** Back on DS1: PS1 switched back, Take Ownership, consistency checks, Re-establish protection; the runbook is done. */
export async function protectFromDs1Again(d: Demo): Promise<void> {
  const { page, server } = d;

  // On DS3, Switch Disaster Protection again switches PS1's data sources back to DS1, which must Take Ownership.
  await d.chapter('Switch protection back to DS1', {
    step: `${SWITCH}, switching back`,
    description: 'On DS3, the same Switch Disaster Protection takes PS1 back to DS1.',
  });
  await workArea(page, 'Protection').click();
  const ps1OnDs3 = replicasOf(page, 'PS1', 'DS1');
  await expect(ps1OnDs3).toHaveCount(3);
  await switchDisasterProtection(page, ps1OnDs3.first());
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
}
