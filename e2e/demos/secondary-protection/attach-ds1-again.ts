import { connectTo, done, expect, workArea } from '../../fixtures';
import { actions, agentRow, attachAgent, groupItem, groupsTree, selectComputer } from '../console-walks';
import type { Demo } from '../kit';
import { SEED } from './seed';

/** DS3 stops protecting DS1 and uninstalls its agent, then attaches it again (Install greys DS1 out). */
export async function attachDs1Again(d: Demo): Promise<void> {
  const { page } = d;

  // Stop protection of group, from the group's context menu, deleting the replicas; then the agent goes.
  await d.chapter('Start from a primary with no secondary', {
    step: 'Before you start',
    description:
      'DS3 stops protecting DS1 (deleting the replicas) and uninstalls its ' +
      'agent, so that it can be set up again from the start.',
  });
  await page.goto('/protection');
  await connectTo(page, 'DS3');
  await workArea(page, 'Protection').click();
  await expect(groupsTree(page)).toBeVisible();
  await groupItem(page, 'DS1 protection').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Stop protection of group' }).click();
  const stop = page.getByRole('dialog', { name: 'Stop protection of group' });
  await stop.getByRole('radio', { name: 'Delete replica on disk' }).check();
  await stop.getByRole('button', { name: 'Stop protection' }).click();
  await expect(groupItem(page, 'DS1 protection')).toHaveCount(0);
  await expect(groupItem(page, 'DS2 protection')).toBeVisible();
  await workArea(page, 'Management').click();
  await page.getByRole('tab', { name: 'Agents' }).click();
  await agentRow(page, 'DS1').click();
  await actions(page).getByRole('button', { name: 'Uninstall' }).click();
  await expect(done(page, 'Uninstall')).toBeVisible();
  await expect(agentRow(page, 'DS1')).toHaveCount(0);
  await d.reached('DS3 protects DS2 only and has no agent on DS1');

  await d.chapter('Attach the protection agent on DS1', {
    step: `${SEED}, step 1`,
    description:
      'Every DPM server runs the protection agent: Install greys DS1 out, ' +
      'Attach agents takes it. No restart is required.',
  });
  const wizard = await selectComputer(page, 'DS1', true);
  await wizard.getByRole('button', { name: 'Back' }).click();
  await wizard.getByRole('radio', { name: 'Install agents' }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('textbox', { name: 'Search' }).fill('DS1');
  await expect(wizard.getByRole('checkbox', { name: /^DS1 \(/ })).toBeDisabled();
  await expect(
    wizard.getByText(/DS1 is a DPM server and runs the protection agent already; choose Attach agents\./),
  ).toBeVisible();
  await wizard.getByRole('button', { name: 'Cancel' }).click();
  await attachAgent(page, 'DS1', true);
  await expect(agentRow(page, 'DS1')).toBeVisible();
  await d.reached("DS1's agent is attached to DS3");
}
