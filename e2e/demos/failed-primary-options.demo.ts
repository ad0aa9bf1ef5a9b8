import { connectTo, expect, started, workArea } from '../fixtures';
import {
  actions,
  attachAgent,
  createGroupWizard,
  markFailed,
  replicasOf,
  serverPage,
  switchDisasterProtection,
} from './console-walks';
import { demo } from './kit';

const SEED = 'Seed 002 · Move protected servers';

demo(
  {
    name: 'failed-primary-options',
    seed: 'scenario-1',
    summary:
      'DS1 fails: moving PS1 to DS2, which DS3 also protects, is refused ' +
      'with the three supported options (MOVE_UNSUPPORTED), and option 1 is ' +
      'carried out on DS3 (seed 002)',
  },
  async (d) => {
    const { page, server } = d;

    await d.chapter('A primary under secondary protection fails', {
      step: `${SEED}, the setting`,
      description: 'DS1 protects PS1, DS2 protects PS3 and PS4, and DS3 is the secondary of both. DS1 fails.',
    });
    await serverPage(page, 'DS1');
    await markFailed(page, 'DS1');
    const options = page.getByRole('region', { name: 'Supported options' });
    await expect(options).toContainText(
      'Moving its protected computers to another DPM server that DS3 knows is not supported (MOVE_UNSUPPORTED)',
    );
    const items = options.getByRole('listitem');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText('Switch Disaster Protection on the secondary DPM server');
    await expect(items.nth(1)).toContainText(
      'rebuild the failed DPM server with the same name and restore its DPM database',
    );
    await expect(items.nth(2)).toContainText('new DPM server that the secondary DPM server does not know about');
    await d.reached('DS1 is Failed; its page names MOVE_UNSUPPORTED and the three supported options');

    await d.chapter('Scenario 1: protect PS1 with DS2 instead', {
      step: `${SEED}, scenario 1`,
      description: 'On DS2, attach the protection agent of PS1 (Management › Agents › Install › Attach agents).',
    });
    await connectTo(page, 'DS2');
    await workArea(page, 'Management').click();
    await page.getByRole('tab', { name: 'Agents' }).click();
    await attachAgent(page, 'PS1');
    const ps1 = page.getByRole('grid', { name: 'Agents' }).getByRole('row').filter({ hasText: 'PS1' });
    await expect(ps1).toContainText('DS1');
    await d.reached("PS1's agent is attached to DS2; DS1 still owns it");

    await d.chapter('Taking PS1 over on DS2 is refused', {
      step: `${SEED}, scenario 1`,
      description: "DS3 already holds copies of PS1's data as the secondary of DS1: the move is unsupported.",
    });
    await ps1.click();
    const take = actions(page).getByRole('button', { name: 'Take Ownership' });
    await expect(take).toBeDisabled();
    await expect(take).toHaveAttribute(
      'title',
      new RegExp(
        'Moving protection of PS1 from DS1 to DS2 is not supported: DS2 is protected by DS3, which already ' +
          "holds copies of PS1's data as the secondary DPM server of DS1\\. Choose one of the supported " +
          'options: Option 1: .* Option 2: .* Option 3: ',
      ),
    );
    const before = await (await server.api('/estate')).text();
    const refused = await server.api('/servers/srv-DS2/agents/cmp-PS1/take-ownership', { method: 'POST', body: '{}' });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: 'MOVE_UNSUPPORTED' } });
    expect(await (await server.api('/estate')).text()).toBe(before);
    await d.reached('Take Ownership is disabled on DS2: MOVE_UNSUPPORTED, with the three supported options');

    await d.chapter('Nor can DS2 protect PS1 in a protection group', {
      step: `${SEED}, scenario 1`,
      description:
        "Create protection group on DS2: Select Group Members greys out PS1's data sources with the same reason.",
    });
    await workArea(page, 'Protection').click();
    const create = await createGroupWizard(page);
    const ps1Node = create
      .getByRole('tree', { name: 'Available members' })
      .getByRole('treeitem', { name: 'PS1', exact: true });
    await ps1Node.click();
    const sales = ps1Node.getByRole('treeitem', { name: 'PS1\\MSSQLSERVER\\Sales', exact: true });
    await expect(sales).toHaveAttribute(
      'title',
      /MOVE_UNSUPPORTED|Moving protection of PS1 from DS1 to DS2 is not supported/,
    );
    await sales.getByRole('checkbox').click({ force: true });
    await expect(sales).toHaveAttribute('aria-checked', 'false');
    await create.getByRole('button', { name: 'Cancel' }).click();
    await d.reached("PS1's data sources can't be selected on DS2");

    await d.chapter('Option 1: Switch Disaster Protection on DS3', {
      step: `${SEED}, option 1`,
      description: 'Use Switch Disaster Protection on the secondary for PS1, and leave DS3 in this mode going forward.',
    });
    await connectTo(page, 'DS3');
    await workArea(page, 'Protection').click();
    const ps1OnDs3 = replicasOf(page, 'PS1', 'DS1');
    await expect(ps1OnDs3).toHaveCount(3);
    await switchDisasterProtection(page, ps1OnDs3.first(), 'DS3 takes ownership of the protection agent');
    const switched = ps1OnDs3.filter({ hasText: '(switched from DS1)' });
    await expect(switched.filter({ hasText: 'Replica is inconsistent' })).toHaveCount(3);
    await d.reached('All three data sources of PS1 are switched to DS3, inconsistent until checked');

    await d.chapter('Run a consistency check', {
      step: 'Seed 000 · Switch protection, step 3',
      description: 'The three members chosen with Ctrl+click, checked at once from the Actions pane.',
    });
    await switched.nth(0).click();
    await switched.nth(1).click({ modifiers: ['ControlOrMeta'] });
    await switched.nth(2).click({ modifiers: ['ControlOrMeta'] });
    await expect(actions(page)).toContainText('3 members selected');
    await actions(page).getByRole('button', { name: 'Perform consistency check' }).click();
    await expect(started(page, 'Perform consistency check')).toBeVisible();
    await d.clock(30, 'the consistency checks have finished');
    await expect(switched.filter({ hasText: 'OK' })).toHaveCount(3);
    const estate = (await (await server.api('/estate')).json()) as {
      computers: { name: string; agentOwner: string | null }[];
    };
    expect(estate.computers.find((c) => c.name === 'PS1')?.agentOwner).toBe('DS3');
    await d.reached('DS3 protects PS1 directly and owns its agent: option 1 is carried out');
  },
);
