import type { Locator, Page } from '@playwright/test';
import { connectTo, expect, workArea } from '../fixtures';
import { attachAgent, chainIndirect, createGroupWizard } from './console-walks';
import { demo, type Demo } from './kit';

const CHAIN = 'Seed 004 · Chaining';
const CYCLE = 'Seed 004 · Cyclic protection';

/** The topology table as drawn: each server's row header, what it protects, who protects it. */
async function drawnTable(d: Demo): Promise<Record<string, [string, string, string]>> {
  const { page } = d;
  await page.goto(d.url('/topology'));
  const table = page.getByRole('table', { name: 'Protection topology table' });
  await expect(table.getByRole('rowheader').first()).toBeVisible();
  const rows: Record<string, [string, string, string]> = {};
  for (const row of await table.getByRole('row').all()) {
    const header = row.getByRole('rowheader');
    if ((await header.count()) === 0) continue;
    const name = (await header.innerText()).trim();
    const cells = await row.getByRole('cell').allInnerTexts();
    rows[name.split(' ')[0] ?? name] = [name, (cells[0] ?? '').trim(), (cells[1] ?? '').trim()];
  }
  return rows;
}

/** Management › Agents › Install › Attach agents on the connected server, for `computer`. */
async function attachAgentOf(page: Page, computer: string): Promise<void> {
  await workArea(page, 'Management').click();
  await page.getByRole('tab', { name: 'Agents' }).click();
  await attachAgent(page, computer);
}

/** Protection › Create protection group on the connected server, open at Select Group Members. */
async function openWizard(page: Page): Promise<Locator> {
  await workArea(page, 'Protection').click();
  return createGroupWizard(page);
}

demo(
  {
    name: 'chaining-and-cyclic',
    seed: 'scenario-2',
    summary:
      'The chained and cyclic protection of seed 004 drawn as its tables, ' +
      'and the refusals CHAIN_INDIRECT, ALREADY_PROTECTED_BY_DPM and ' +
      'SELF_PROTECTION_BREAKS_CHAIN where an administrator meets them',
  },
  async (d) => {
    const { page } = d;

    await d.chapter('Chained protection: DS1 → DS2 → DS3 → DS4', {
      step: `${CHAIN}, scenario 2`,
      description:
        'DS2 protects DS1, DS3 protects DS2, DS4 protects DS3. Protection ' +
        'topology draws it, with the table of seed 004 under it.',
    });
    expect(await drawnTable(d)).toEqual({
      DS1: ['DS1 (primary)', 'PS1, PS2', 'DS2'],
      DS2: ['DS2 (primary) (secondary)', 'DS1, PS3', 'DS3'],
      DS3: ['DS3 (primary) (secondary)', 'DS2, PS4', 'DS4'],
      DS4: ['DS4 (secondary)', 'DS3', '-'],
    });
    await expect(page.getByRole('alert')).toHaveCount(0);
    await d.reached("The drawing and its table match seed 004's scenario 2; the chain breaks no rule");

    await d.chapter('DS3 may not protect DS1 directly: CHAIN_INDIRECT', {
      step: `${CHAIN}, scenario 2`,
      description:
        "DS3 attaches DS1's agent and opens Create protection group: it already protects DS1's data through DS2.",
    });
    await connectTo(page, 'DS3');
    await attachAgentOf(page, 'DS1');
    let wizard = await openWizard(page);
    let node = wizard
      .getByRole('tree', { name: 'Available members' })
      .getByRole('treeitem', { name: 'DS1', exact: true });
    await node.click();
    const indirect = node.getByRole('treeitem', { name: 'C:\\', exact: true });
    await expect(indirect).toContainText('CHAIN_INDIRECT');
    await expect(indirect).toHaveAttribute('title', chainIndirect('DS3', 'DS1'));
    await expect(node.getByRole('treeitem', { name: 'DPMDB_DS1', exact: true })).toContainText('Protected by DS2');
    await indirect.getByRole('checkbox').click({ force: true });
    await expect(indirect).toHaveAttribute('aria-checked', 'false');
    await d.reached("DS1's members are greyed out on DS3: CHAIN_INDIRECT");
    await wizard.getByRole('button', { name: 'Cancel' }).click();

    await d.chapter('DS1 may not protect DS3 too: ALREADY_PROTECTED_BY_DPM', {
      step: `${CHAIN}, scenario 2`,
      description: 'A DPM server can be protected by only one other DPM server: DS4 protects DS3 already.',
    });
    await connectTo(page, 'DS1');
    await attachAgentOf(page, 'DS3');
    wizard = await openWizard(page);
    node = wizard.getByRole('tree', { name: 'Available members' }).getByRole('treeitem', { name: 'DS3', exact: true });
    await node.click();
    const taken = node.getByRole('treeitem', { name: 'C:\\', exact: true });
    await expect(taken).toContainText('ALREADY_PROTECTED_BY_DPM');
    await expect(taken).toHaveAttribute(
      'title',
      'DS3 is already protected by DS4. A DPM server can be protected by only one other DPM server.',
    );
    await taken.getByRole('checkbox').click({ force: true });
    await expect(taken).toHaveAttribute('aria-checked', 'false');
    await d.reached("DS3's members are greyed out on DS1: ALREADY_PROTECTED_BY_DPM");
    await wizard.getByRole('button', { name: 'Cancel' }).click();

    await d.chapter('Cyclic protection: DS2 and DS3 protect each other', {
      step: `${CYCLE}, scenario 3`,
      description:
        'Another estate: DS2 protects DS1 and DS3, DS3 protects DS2. The two arrows of the cycle are two lines.',
    });
    await d.estate('scenario-3');
    expect(await drawnTable(d)).toEqual({
      DS1: ['DS1 (primary)', 'PS1, PS2', 'DS2'],
      DS2: ['DS2 (primary) (secondary)', 'DS1, DS3, PS3', 'DS3'],
      DS3: ['DS3 (primary) (secondary)', 'DS2, PS4', 'DS2'],
    });
    await expect(page.getByText('Cyclic protection: DS2 ⇄ DS3')).toBeVisible();
    const pathOf = (label: string) =>
      page.locator(`.react-flow__edge[aria-label="${label}"] path.react-flow__edge-path`);
    await expect(pathOf('DS2 protects DS3')).toHaveCount(1);
    const [there, back] = [
      await pathOf('DS2 protects DS3').getAttribute('d'),
      await pathOf('DS3 protects DS2').getAttribute('d'),
    ];
    expect(there).not.toBe(back);
    // No point of the arrow from DS2 to DS1 falls inside DS3's box.
    const crossings = await page.evaluate(() => {
      const path = document.querySelector<SVGPathElement>(
        '.react-flow__edge[aria-label="DS2 protects DS1"] path.react-flow__edge-path',
      );
      const box = document.querySelector('[data-node-id="srv-DS3"]')?.getBoundingClientRect();
      if (!path || !box) return -1;
      const matrix = path.getScreenCTM();
      let inside = 0;
      const length = path.getTotalLength();
      for (let i = 0; i <= 40; i += 1) {
        const p = path.getPointAtLength((length * i) / 40);
        const x = matrix ? matrix.a * p.x + matrix.c * p.y + matrix.e : p.x;
        const y = matrix ? matrix.b * p.x + matrix.d * p.y + matrix.f : p.y;
        if (x > box.left + 1 && x < box.right - 1 && y > box.top + 1 && y < box.bottom - 1) inside += 1;
      }
      return inside;
    });
    expect(crossings).toBe(0);
    await d.reached("The table matches seed 004's scenario 3; the drawing marks the cycle DS2 ⇄ DS3");

    await d.chapter("DS2 can't protect its own database from DS3: SELF_PROTECTION_BREAKS_CHAIN", {
      step: `${CYCLE}, scenario 3`,
      description: "DS3 holds a replica of DS2's DPMDB. Protecting it on DS2 would be DS2 protecting its own data.",
    });
    await page.goto(d.url('/protection'));
    await connectTo(page, 'DS2');
    wizard = await openWizard(page);
    const tree = wizard.getByRole('tree', { name: 'Available members' });
    await tree.getByRole('treeitem', { name: 'DS3', exact: true }).click();
    const replicas = tree.getByRole('treeitem', { name: 'Replicas on DS3', exact: true });
    await replicas.click();
    const own = replicas.getByRole('treeitem', { name: 'DPMDB_DS2 on DS2', exact: true });
    await expect(own).toContainText('SELF_PROTECTION_BREAKS_CHAIN');
    await expect(own).toHaveAttribute('title', /copy of DS2's own data/);
    await own.getByRole('checkbox').click({ force: true });
    await expect(own).toHaveAttribute('aria-checked', 'false');
    // DS3 offers only what it protects directly: PS4's data, not its copies of DS2's primaries.
    await expect(replicas.getByRole('treeitem', { name: /on PS4$/ })).toHaveCount(3);
    await expect(replicas.getByRole('treeitem', { name: /on PS[123]$/ })).toHaveCount(0);
    await d.reached("DPMDB_DS2 on DS2 is greyed out: SELF_PROTECTION_BREAKS_CHAIN; DS3 offers only PS4's replicas");
    await wizard.getByRole('button', { name: 'Cancel' }).click();
  },
);
