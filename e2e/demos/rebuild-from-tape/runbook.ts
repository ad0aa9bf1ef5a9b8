import type { Page } from '@playwright/test';
import { connectTo, expect, workArea } from '../../fixtures';
import { display } from '../console-walks';

/** The procedures of seed 000 the rebuild walks, as its chapters number them. */
export const DB = 'Seed 000 · Recover a DPM database';
export const REPLICAS = 'Seed 000 · Recover replicas';
export const SWITCH = 'Seed 000 · Switch protection to the secondary server';
export const REESTABLISH = 'Seed 000 · Reestablish protection';

/** The folder the DPMDB backup is copied to from its tape. */
export const RESTORE_FOLDER = '\\\\FS1\\DPMRestore';

/** The runbook on DS1's page. */
export const runbook = (page: Page) => page.getByRole('list', { name: 'Recover a DPM server' });

/** A step of the runbook by the start of its title (a later step's text may name an earlier one). */
export const runbookStep = (page: Page, title: string) =>
  runbook(page)
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

/** Monitoring › Jobs on DS1, which says what its DPMDB knows of its jobs (`says`). */
export async function jobsOfDs1(page: Page, says: string): Promise<void> {
  await connectTo(page, 'DS1');
  await workArea(page, 'Monitoring').click();
  await page.getByRole('tab', { name: 'Jobs' }).click();
  await expect(display(page)).toContainText(says);
}
