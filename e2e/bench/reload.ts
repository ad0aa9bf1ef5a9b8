/**
 * Part of pnpm bench: a reload of Protection on `large` until DPM01's first member rows are
 * painted, beside its floor: a plain page (node:http, no framework) that fetches the same rows'
 * JSON bytes and writes them into a table, reloaded the same way in the same Chromium. Each is the
 * median of RELOADS reloads after a first, warm visit (assets cached, as an administrator's are).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { startServer } from '../server';
import { launchChromium, signedInContext } from './browser';

const RELOADS = 7;
const SERVER = 'srv-DPM01';
const MEMBERS = `/api/servers/${SERVER}/protection/members?limit=100`;

/** The plain page: one request for the rows, one table, no script but its own. */
const PLAIN_PAGE = `<!doctype html><meta charset="utf-8"><title>members</title><table id="t"></table>
<script>
fetch('/members').then((r) => r.json()).then((page) => {
  const t = document.getElementById('t');
  t.innerHTML = page.items.map((m) =>
    '<tr><td>' + m.dataSource + '</td><td>' + m.computer + '</td><td>' + m.status + '</td><td>' +
    (m.group ?? '') + '</td></tr>').join('');
});
</script>`;

async function medianReload(page: Page, firstRow: Locator): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RELOADS; i += 1) {
    const started = Date.now();
    await page.reload();
    await firstRow.waitFor();
    times.push(Date.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const dataDir = mkdtempSync(join(tmpdir(), 'dpm-bench-reload-'));
const server = await startServer('large', dataDir);
const browser = await launchChromium();
let plain: ReturnType<typeof createServer> | undefined;
try {
  const context = await signedInContext(browser, server);
  const rows = Buffer.from(await (await context.request.get(`${server.url}${MEMBERS}`)).body());

  const page = await context.newPage();
  await page.addInitScript((id) => localStorage.setItem('dpm.connectedServer', id), SERVER);
  await page.goto(`${server.url}/protection`);
  const consoleRow = page.getByRole('grid', { name: 'Protected members' }).getByRole('row').nth(1);
  await consoleRow.waitFor();
  const consoleMs = await medianReload(page, consoleRow);

  plain = createServer((req, res) => {
    const body = req.url === '/members' ? rows : Buffer.from(PLAIN_PAGE);
    res.writeHead(200, {
      'content-type': req.url === '/members' ? 'application/json' : 'text/html',
      'content-length': body.length,
    });
    res.end(body);
  });
  await new Promise<void>((ok) => plain?.listen(0, '127.0.0.1', ok));
  const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/`;
  const plainPage = await context.newPage();
  await plainPage.goto(plainUrl);
  const plainRow = plainPage.locator('#t tr').first();
  await plainRow.waitFor();
  const floorMs = await medianReload(plainPage, plainRow);

  const ratio = consoleMs / Math.max(floorMs, 1);
  console.log(
    `reload Protection → DPM01's first member rows painted (median of ${RELOADS}): ${consoleMs} ms; ` +
      `plain page with the same rows: ${floorMs} ms; ${ratio.toFixed(2)}× (budget ≤ 2× floor: ` +
      `${ratio <= 2 ? 'yes' : 'NO'})`,
  );
} finally {
  plain?.close();
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
