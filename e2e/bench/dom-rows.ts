/**
 * Part of pnpm bench: the member list of a secondary with thousands of members, in Chromium.
 * Prints how long the first page takes to show and how many rows the DOM holds while the whole
 * list is scrolled (the grid virtualizes: the target is under 100).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server';
import { launchChromium, signedInContext } from './browser';

const dataDir = mkdtempSync(join(tmpdir(), 'dpm-bench-ui-'));
const server = await startServer('large', dataDir);
const browser = await launchChromium();
try {
  const context = await signedInContext(browser, server);
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('dpm.connectedServer', 'srv-DPMS01'));
  const started = Date.now();
  await page.goto(`${server.url}/protection`);
  const grid = page.getByRole('grid', { name: 'Protected members' });
  await grid.getByRole('row').nth(5).waitFor();
  const firstPage = Date.now() - started;
  const total = Number(await grid.getAttribute('aria-rowcount')) - 1;

  const scroller = grid.getByRole('rowgroup').nth(1);
  let maxRows = 0;
  let loaded = 0;
  const scrollStart = Date.now();
  for (let i = 0; i < 400 && loaded < total; i += 1) {
    await scroller.evaluate((el) => el.scrollBy(0, 2000));
    await page.waitForTimeout(40);
    const rows = await grid.getByRole('row').count();
    maxRows = Math.max(maxRows, rows);
    loaded = await scroller.evaluate((el) => Math.round(el.scrollHeight / 32));
  }
  const scrollMs = Date.now() - scrollStart;
  console.log(`member list of DPMS01: ${total} members`);
  console.log(`first page shown after navigation: ${firstPage} ms`);
  console.log(
    `scrolled through ${loaded} loaded rows in ${scrollMs} ms; most rows in the DOM at once: ${maxRows} (target < 100)`,
  );
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
