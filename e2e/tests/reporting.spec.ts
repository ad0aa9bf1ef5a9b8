import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { connectTo, expect, pane, test, workArea } from '../fixtures';

const REPORTS = ['Status', 'Protection', 'Recovery', 'Disk Utilization', 'Tape Management', 'Tape Utilization'];

async function viewReport(page: Page, name: string): Promise<void> {
  await pane(page, 'Navigation pane')
    .getByRole('tree', { name: 'Reports' })
    .getByRole('treeitem', { name, exact: true })
    .click();
  await pane(page, 'Actions pane').getByRole('button', { name: 'View', exact: true }).click();
  await expect(page.getByRole('article', { name: new RegExp(`^${name} report: `) })).toBeVisible();
}

async function download(page: Page, name: 'CSV' | 'PDF'): Promise<{ file: string; body: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    pane(page, 'Actions pane').getByRole('link', { name, exact: true }).click(),
  ]);
  const path = await file.path();
  return { file: file.suggestedFilename(), body: readFileSync(path) };
}

test.describe('Reporting on the demo estate', () => {
  test(
    'lists the six reports; Tape Management for DS1 shows DS1001L8 as the newest DPMDB tape; Status names its ' +
      'label and barcode; CSV and PDF download',
    async ({ page }) => {
      await page.goto('/');
      await workArea(page, 'Reporting').click();
      await expect(page).toHaveURL(/\/reporting/);
      const reports = pane(page, 'Navigation pane').getByRole('tree', { name: 'Reports' }).getByRole('treeitem');
      await expect(reports).toHaveText(REPORTS);

      await viewReport(page, 'Tape Management');
      const dpmdbTapes = page.getByRole('table', { name: 'Tapes with a backup of the DPM database, newest first' });
      await expect(dpmdbTapes.getByRole('row').nth(1)).toContainText('DS1001L8');
      await expect(dpmdbTapes.getByRole('row').nth(1)).toContainText('DS1-DPMDB-Tape-0001');
      await expect(dpmdbTapes.getByRole('row').nth(2)).toContainText('DS2017L8');

      await viewReport(page, 'Status');
      const status = page.getByRole('article', { name: 'Status report: DS1' });
      await expect(status).toContainText('Latest DPM database tape labelDS1-DPMDB-Tape-0001');
      await expect(status).toContainText('Latest DPM database tape barcodeDS1001L8');
      const lastBackup = page
        .getByRole('table', { name: 'Last backup of the DPM database' })
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: 'Tape', exact: true }) });
      await expect(lastBackup).toContainText('DS1-DPMDB-Tape-0001');
      await expect(lastBackup).toContainText('DS1001L8');
      // The chart's numbers are a table for screen readers.
      await expect(
        page.getByRole('table', { name: 'Recovery points created and failed (numbers)' }).getByRole('row'),
      ).toHaveCount(8);

      const csv = await download(page, 'CSV');
      expect(csv.file).toBe('status-DS1-2026-11-02.csv');
      expect(csv.body.toString('utf8')).toContain('"Latest DPM database tape barcode","DS1001L8"');
      const pdf = await download(page, 'PDF');
      expect(pdf.file).toBe('status-DS1-2026-11-02.pdf');
      expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.body.subarray(-6).toString('latin1')).toContain('%%EOF');

      // Another period, the whole estate, grouped by computer.
      await page.getByRole('combobox', { name: 'Period' }).selectOption('Month');
      await page.getByRole('combobox', { name: 'Scope' }).selectOption('Entire estate');
      await page.getByRole('combobox', { name: 'Group by' }).selectOption('Computer');
      await pane(page, 'Actions pane').getByRole('button', { name: 'View', exact: true }).click();
      const estate = page.getByRole('article', { name: 'Status report: Entire estate' });
      await expect(estate).toContainText(
        'Month from 2026-10-02 08:00 UTC to 2026-11-02 08:00 UTC · grouped by computer',
      );
      await expect(
        page
          .getByRole('table', { name: 'Last backup of the DPM database' })
          .getByRole('row')
          .filter({ hasText: 'DS2017L8' }),
      ).toBeVisible();

      // Printed, the report is all there is on the page.
      await page.emulateMedia({ media: 'print' });
      await expect(pane(page, 'Navigation pane')).toBeHidden();
      await expect(pane(page, 'Actions pane')).toBeHidden();
      await expect(estate).toBeVisible();
      await page.emulateMedia({ media: 'screen' });
    },
  );

  test(
    'a report scheduled with recipients is kept as an Available report when the clock passes its time; the E-mail ' +
      'tab says mail is not configured',
    async ({ page, server }) => {
      await page.goto('/reporting');
      await pane(page, 'Navigation pane').getByRole('treeitem', { name: 'Status', exact: true }).click();
      await pane(page, 'Actions pane').getByRole('button', { name: 'Schedule', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Schedule' });
      await expect(dialog.getByRole('tab', { name: 'Schedule' })).toHaveAttribute('aria-selected', 'true');
      await dialog.getByRole('radio', { name: 'Daily' }).check();
      await dialog.getByLabel('Time').fill('09:00');
      await dialog.getByRole('tab', { name: 'E-mail' }).click();
      await expect(dialog.getByText('E-mail is not configured')).toBeVisible();
      await dialog.getByRole('textbox', { name: 'Recipients' }).fill('backup-admins@contoso.com');
      await dialog.getByRole('button', { name: 'OK' }).click();
      await expect(dialog).toHaveCount(0);
      const details = pane(page, 'Details pane');
      await expect(details).toContainText('Daily at 09:00 UTC');
      await expect(details.getByText('No copy kept yet.')).toBeVisible();

      await server.advance(90);
      const kept = details
        .getByRole('table', { name: 'Available reports' })
        .getByRole('row')
        .filter({ hasText: '2026-11-02 09:00 UTC' });
      await expect(kept).toContainText('Not configured');
      await kept.getByRole('button', { name: '2026-11-02 09:00 UTC' }).click();
      await expect(page.getByRole('article', { name: 'Status report: DS1' })).toContainText(
        'produced 2026-11-02 09:00 UTC',
      );
    },
  );
});

test.describe('Readiness check on the demo estate', () => {
  test(
    "fails DS4, whose database nothing protects, and passes DS1; once DS3 protects DS4's database and its replica " +
      'is OK, DS4 passes',
    async ({ page, server }) => {
      await page.goto('/reporting');
      await pane(page, 'Navigation pane')
        .getByRole('tree', { name: 'Beyond DPM' })
        .getByRole('treeitem', { name: 'Readiness check' })
        .click();
      await expect(page.getByText('No readiness check has run yet.')).toBeVisible();
      await pane(page, 'Actions pane').getByRole('button', { name: 'Run readiness check' }).click();
      const checks = page.getByRole('table', { name: 'Readiness checks' });
      const dpmdb = (name: string) =>
        checks
          .getByRole('row')
          .filter({ has: page.getByRole('cell', { name, exact: true }) })
          .filter({ hasText: 'DPM database protected off the server' });
      await expect(dpmdb('DS4')).toContainText('Failed');
      await expect(dpmdb('DS4')).toContainText('DPMDB_OFF_SERVER');
      await expect(dpmdb('DS4').getByRole('link', { name: 'Create protection group' })).toBeVisible();
      await expect(dpmdb('DS1')).toContainText('Passed');
      const perServer = page.getByRole('table', { name: 'Readiness per DPM server' });
      await expect(perServer.getByRole('row', { name: /^DS4 / })).toContainText('Failed');
      await expect(perServer.getByRole('row', { name: /^DS1 / })).toContainText('Passed');
      await expect(perServer.getByRole('row', { name: /^Entire estate / })).toContainText('Failed');
      await expect(
        page.getByRole('region', { name: 'DPM database protection' }).getByRole('cell', { name: 'DS4', exact: true }),
      ).toBeVisible();

      // Its failures raise an alert on DS4, whose recommended action leads back here.
      await connectTo(page, 'DS4');
      await workArea(page, 'Monitoring').click();
      await page
        .getByRole('grid', { name: 'Alerts' })
        .getByRole('row')
        .filter({ hasText: 'Readiness check failed' })
        .click();
      await pane(page, 'Details pane').getByRole('button', { name: 'Run readiness check' }).click();
      await expect(page).toHaveURL(/\/reporting\?view=readiness$/);

      // DS3 protects DS4's database (seed 001, "Back up the database to a secondary server").
      const credentials = { userName: 'CONTOSO\\dpmadmin', password: 'Contoso-DPM-2026!' };
      expect(
        (
          await server.api('/servers/srv-DS3/agents/attach', {
            method: 'POST',
            body: JSON.stringify({ computerIds: ['cmp-DS4'], method: 'Attach', credentials }),
          })
        ).status,
      ).toBe(200);
      const group = {
        name: 'DS4 database',
        members: [{ dataSourceId: 'ds-DS4-DPMDB', sourceServerId: null }],
        disk: { retentionDays: 10, syncFrequencyMinutes: 1440, recoveryPointTimes: [], expressFullTimes: [21 * 60] },
        tape: null,
        online: null,
        replicaCreation: 'Now',
        consistencyCheck: { runIfInconsistent: true, dailyAt: null },
      };
      expect(
        (await server.api('/servers/srv-DS3/protection/groups', { method: 'POST', body: JSON.stringify(group) }))
          .status,
      ).toBe(200);
      await server.advance(10);
      await pane(page, 'Actions pane').getByRole('button', { name: 'Run readiness check' }).click();
      await expect(dpmdb('DS4')).toContainText('Passed');
      await expect(dpmdb('DS4')).toContainText("Copies of DS4's database are held on DS3.");
      await expect(
        pane(page, 'Details pane').getByRole('table', { name: 'Readiness check history' }).getByRole('row'),
      ).toHaveCount(3);

      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        pane(page, 'Actions pane').getByRole('link', { name: 'CSV', exact: true }).click(),
      ]);
      expect(readFileSync(await csv.path()).toString('utf8')).toContain(
        '"DS4","DPM database protected off the server","Passed","DPMDB_OFF_SERVER"',
      );
    },
  );
});
