import { completed, connectTo, expect, rescanAndInventory, started, workArea } from '../fixtures';
import { copyDpmdbToFolder } from './console-walks';
import { demo } from './kit';

const SEED = 'Seed 001 · Back up to tape';

demo(
  {
    name: 'external-dpm-tape',
    seed: 'demo',
    summary:
      'DS1 reads tapes DS2 wrote: an imported tape recataloged, listed under ' +
      'External DPM Tapes and recovered; a tape encrypted with a certificate ' +
      'DS1 lacks refused with TAPE_CERTIFICATE (seeds 000, 001)',
  },
  async (d) => {
    const { page, server } = d;

    await d.chapter("Rescan and take a detailed inventory of DS1's library", {
      step: 'Seed 000 · Recover a DPM database, steps 6 to 8',
      description:
        'Management › Libraries on DS1: Rescan, then Inventory libraries… › ' +
        "Detailed inventory reads each tape's header.",
    });
    await connectTo(page, 'DS1');
    await rescanAndInventory(page, server);
    const tapes = page.getByRole('grid', { name: 'Tapes' });
    // DS1 wrote its DPMDB tape and was not reinstalled: the tape shows its label, not Imported.
    const own = tapes.getByRole('row').filter({ hasText: 'DS1-DPMDB-Tape-0001' });
    await expect(own).toBeVisible();
    await expect(own).not.toContainText('Imported');
    const imported = tapes.getByRole('row').filter({ hasText: 'DS2017L8' });
    await expect(imported).toContainText('Imported');
    await expect(imported).toContainText('DS2');
    await d.reached("DS2017L8, written by DS2, shows Imported; DS1's own DPMDB tape shows its label");

    await d.chapter('Recatalog imported tape', {
      step: 'Seed 000 · Recover a DPM database, step 9',
      description: "Its context menu: Recatalog imported tape reads the tape's catalog into DS1's DPMDB.",
    });
    await imported.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Recatalog imported tape' }).click();
    await expect(started(page, 'Recatalog imported tape')).toContainText('The tape recatalog job started');
    await d.clock(10, 'the tape recatalog has finished');
    await expect(completed(page, 'Recatalog imported tape')).toBeVisible();
    const jobs = (await (await server.api('/servers/srv-DS1/jobs?limit=500')).json()) as {
      items: { type: string; status: string }[];
    };
    expect(jobs.items.filter((j) => j.type === 'Tape recatalog').map((j) => j.status)).toContain('Completed');
    await d.reached('The tape recatalog job completed');

    await d.chapter('External DPM Tapes', {
      step: 'Seed 000 · Recover a DPM database, step 10',
      description: "Recovery lists what the recataloged tape holds under External DPM Tapes: DS2's DPMDB.",
    });
    await workArea(page, 'Recovery').click();
    const external = page
      .getByRole('tree', { name: 'Recoverable data' })
      .getByRole('treeitem', { name: /DPMDB_DS2 on DS2/ });
    await expect(external).toBeVisible();
    await d.reached('DPMDB_DS2 on DS2 is listed under External DPM Tapes');

    await d.chapter('Recover it to a network folder', {
      step: 'Seed 000 · Recover a DPM database, step 10',
      description:
        'Recover › Copy to a network folder: the only recovery type a tape of ' +
        'another DPM server offers for its database.',
    });
    await external.click();
    await copyDpmdbToFolder(page, '\\\\FS1\\DS2Restore');
    await d.clock(10, 'the tape recovery has finished');
    const recoveries = (await (await server.api('/servers/srv-DS1/jobs?type=Tape%20recovery&limit=10')).json()) as {
      items: { status: string }[];
    };
    expect(recoveries.items.map((j) => j.status)).toEqual(['Completed']);
    await d.reached("DS2's DPMDB is copied from DS2017L8 to \\\\FS1\\DS2Restore");

    await d.chapter('A tape encrypted with a certificate DS1 lacks', {
      step: `${SEED}, encryption`,
      description:
        "DS2018L8 was encrypted with DS2's certificate. DS1 can read it only once that certificate is installed.",
    });
    await workArea(page, 'Management').click();
    await page.getByRole('tab', { name: 'Libraries' }).click();
    const encrypted = tapes.getByRole('row').filter({ hasText: 'DS2018L8' });
    await expect(encrypted).toContainText('Imported');
    await encrypted.click({ button: 'right' });
    const recatalog = page.getByRole('menuitem', { name: 'Recatalog imported tape' });
    await expect(recatalog).toBeDisabled();
    const refusal =
      'Tape DS2018L8 is encrypted with the certificate ' +
      '"DS2-tape-encryption", which is not installed on DS1. Install the ' +
      'certificate that encrypted the tape before you read it.';
    await expect(recatalog).toHaveAttribute('title', refusal);
    await page.keyboard.press('Escape');
    const before = await (await server.api('/servers/srv-DS1/libraries')).text();
    const refused = await server.api('/servers/srv-DS1/tapes/tape-DS2018L8/recatalog', { method: 'POST', body: '{}' });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: 'TAPE_CERTIFICATE', message: refusal } });
    expect(await (await server.api('/servers/srv-DS1/libraries')).text()).toBe(before);
    await d.reached(
      'Recatalog imported tape is refused: TAPE_CERTIFICATE, DS2-tape-encryption is not installed on DS1',
    );
  },
);
