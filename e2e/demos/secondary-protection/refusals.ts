import { connectTo, done, expect, workArea, type RunningServer } from '../../fixtures';
import {
  actions,
  agentRow,
  attachAgent,
  chainIndirect,
  createGroupWizard,
  groupItem,
  groupsTree,
  selectComputer,
  wizardPage,
} from '../console-walks';
import type { Demo } from '../kit';
import { SEED } from './seed';

async function estateOf(server: RunningServer) {
  const res = await server.api('/estate');
  return (await res.json()) as {
    computers: { id: string; name: string; agentOwner: string | null }[];
    servers: { id: string; name: string; version: string }[];
  };
}

/** What DS3 and DS4 may not do: attach a DS5 of another version (VERSION_MISMATCH), protect DS1 through a chain. */
export async function refusals(d: Demo): Promise<void> {
  const { page, server } = d;

  // The Estate tab adds DS5 with DPM 9.0 to the simulated domain.
  await d.chapter('All DPM servers must run the same version', {
    step: `${SEED}, the notes`,
    description:
      'DS5 runs DPM 9.0. Attaching its agent to DS3 is refused before any credentials are asked: VERSION_MISMATCH.',
  });
  await workArea(page, 'Management').click();
  await page.getByRole('tab', { name: 'Estate' }).click();
  await actions(page).getByRole('textbox', { name: 'Name' }).fill('DS5');
  await actions(page).getByRole('textbox', { name: 'FQDN' }).fill('ds5.contoso.com');
  await actions(page).getByRole('textbox', { name: 'DPM version' }).fill('9.0.100');
  await actions(page).getByRole('textbox', { name: 'Update rollup' }).fill('1');
  await actions(page).getByRole('button', { name: 'Add DPM server' }).click();
  await expect(done(page, 'Add DPM server')).toBeVisible();
  await expect(page.getByRole('grid', { name: 'DPM servers' })).toContainText('9.0.100.0 UR1');
  await page.getByRole('tab', { name: 'Agents' }).click();
  const before = JSON.stringify(await estateOf(server));
  // DS5 runs the agent every DPM server runs, but another major and minor version: Select
  // Computers greys it out with DPM's sentence before any credentials are asked (seed 001).
  const mismatch = await selectComputer(page, 'DS5', true);
  const ds5 = mismatch.getByRole('checkbox', { name: /^DS5 \(/ });
  await expect(ds5).toBeDisabled();
  await expect(
    mismatch.getByText(
      /DS5 \(ds5\.contoso\.com\).*The major and minor versions of the primary and secondary DPM servers must match\./,
    ),
  ).toBeVisible();
  await expect(mismatch.getByRole('button', { name: 'Next' })).toBeDisabled();
  const candidates = (await (await server.api('/servers/srv-DS3/agents/candidates?search=DS5')).json()) as {
    whyNot: { Attach: { code: string } | null };
  }[];
  expect(candidates.map((c) => c.whyNot.Attach?.code)).toEqual(['VERSION_MISMATCH']);
  expect(JSON.stringify(await estateOf(server))).toBe(before);
  await d.reached('DS5 is greyed out: VERSION_MISMATCH, the major and minor versions must match; nothing changed');
  await mismatch.getByRole('button', { name: 'Cancel' }).click();

  // DS4 protects DS3, and through it DS1: it may not act directly as DS1's secondary (seed 004).
  await d.chapter("DS4 may not be DS1's secondary too", {
    step: 'Seed 004 · Chaining',
    description: "DS4 protects DS3, and through it DS1. It attaches DS1's agent, but can't protect DS1 directly.",
  });
  await connectTo(page, 'DS4');
  await workArea(page, 'Management').click();
  await page.getByRole('tab', { name: 'Agents' }).click();
  await attachAgent(page, 'DS1', true);
  await expect(agentRow(page, 'DS1')).toContainText('DS3');
  await workArea(page, 'Protection').click();
  await expect(groupsTree(page).getByRole('treeitem', { name: /\(\d+\)$/ })).toHaveCount(1);
  await expect(groupItem(page, 'DS3 protection')).toBeVisible();
  const unchanged = await groupItem(page, 'DS3 protection').textContent();

  const refused = await createGroupWizard(page);
  await refused.getByRole('textbox', { name: 'Protection group name' }).fill('DS1 directly');
  const ds1OnDs4 = refused
    .getByRole('tree', { name: 'Available members' })
    .getByRole('treeitem', { name: 'DS1', exact: true });
  await ds1OnDs4.click();
  // Select Group Members greys out what DS4 may not protect, with DPM's reason (seed 004).
  const dpmdb = ds1OnDs4.getByRole('treeitem', { name: 'DPMDB_DS1', exact: true });
  await expect(dpmdb).toHaveAttribute('aria-checked', 'false');
  await expect(dpmdb).toContainText('Protected by DS3');
  await expect(dpmdb).toHaveAttribute('title', chainIndirect('DS4', 'DS1'));
  await dpmdb.click();
  await expect(dpmdb).toHaveAttribute('aria-checked', 'false');
  // Nothing chosen, the wizard does not go on.
  await refused.getByRole('button', { name: 'Next' }).click();
  await expect(refused.getByText('Group members: Select at least one member for the protection group.')).toBeVisible();
  await expect(wizardPage(refused, 'Select Group Members')).toBeVisible();
  await d.reached('DPMDB_DS1 is greyed out on DS4: it already protects DS1 through the chain (CHAIN_INDIRECT)');
  await refused.getByRole('button', { name: 'Cancel' }).click();
  await expect(refused).toHaveCount(0);
  await expect(groupsTree(page).getByRole('treeitem', { name: /\(\d+\)$/ })).toHaveCount(1);
  await expect(groupItem(page, 'DS3 protection')).toHaveText(unchanged ?? '');
}
