/**
 * Part of pnpm bench: the Protection topology in Chromium, on `large` (50 DPM servers) and on an
 * `xlarge` estate (250 servers, apps/bff/bench/xlarge.ts). Prints how long the page takes to
 * draw every server (target: interactive in under 1 s), the zoom that fit to view chooses, how
 * large the servers' names are on screen there, and how long a search takes to show a computer.
 *
 * `--screenshot <file>` also saves the large estate's drawing (the README's picture): DPM01's
 * computers opened by a search for SRV01042, then fit to view.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { ADMIN, startServer } from '../server';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const at = process.argv.indexOf('--screenshot');
const screenshot = at > 0 ? resolve(process.cwd(), process.argv[at + 1] ?? 'topology.png') : null;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function measure(
  label: string,
  servers: number,
  prepare: (dataDir: string) => void,
  computer: string,
  shot: string | null,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dpm-bench-topology-'));
  prepare(dataDir);
  const server = await startServer('large', dataDir);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const signedIn = await context.request.post(`${server.url}/api/auth/sign-in`, { data: ADMIN });
    if (!signedIn.ok()) throw new Error(`sign-in failed: ${signedIn.status()}`);
    const page = await context.newPage();
    // Once, so that the console's own bundle is cached as it is for a user who opens the topology.
    await page.goto(`${server.url}/monitoring/alerts`);
    await page.getByRole('navigation', { name: 'Work areas' }).waitFor();
    const drawing = page.getByRole('region', { name: 'Protection topology diagram' });
    const nodes = drawing.getByRole('button', { name: /^DPMS?\d+$/ });
    const started = Date.now();
    await page.getByRole('link', { name: 'Protection topology' }).click();
    await nodes.first().waitFor();
    const first = Date.now() - started;
    await page.waitForFunction(
      (n) => document.querySelectorAll('[aria-roledescription="node"] [role="button"]').length >= n,
      servers,
    );
    const all = Date.now() - started;
    const zoom = await fitZoom(page);
    const box = await drawing.boundingBox();
    const inView = box
      ? (await Promise.all((await nodes.all()).map(async (n) => n.boundingBox()))).filter(
          (b) =>
            b &&
            b.x >= box.x - 1 &&
            b.y >= box.y - 1 &&
            b.x + b.width <= box.x + box.width + 1 &&
            b.y + b.height <= box.y + box.height + 1,
        ).length
      : 0;
    const nameSize = await drawing
      .locator('.topology-name')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const laidOut = await page.evaluate(() =>
      performance.getEntriesByName('topology layout').map((e) => Math.round(e.duration)),
    );
    console.log(
      `topology, ${label}: first server drawn ${first} ms after the click, ` +
        `all ${servers} drawn and fit ${all} ms (target < 1000 ms), of which ` +
        `ELK ${laidOut.join(', ')} ms`,
    );
    console.log(
      `topology, ${label}: fit to view at zoom ${zoom.toFixed(2)}, ${inView} ` +
        `of ${servers} servers in view, names ${(nameSize * zoom).toFixed(1)} ` +
        `px on screen`,
    );

    // Reopened after a reload: the layout kept in the browser draws it without ELK.
    const reloaded = Date.now();
    await page.reload();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[aria-roledescription="node"] [role="button"]').length >= n,
      servers,
    );
    console.log(
      `topology, ${label}: after a reload, all ${servers} drawn ${Date.now() - reloaded} ms after the reload began`,
    );

    const search = page.getByRole('searchbox', { name: 'Find a server or computer' });
    await search.fill(computer);
    const searched = Date.now();
    await search.press('Enter');
    await drawing.getByRole('listitem').filter({ hasText: computer }).waitFor();
    console.log(
      `topology, ${label}: search for ${computer} → shown in its server's ` +
        `computers ${Date.now() - searched} ms after Enter`,
    );
    if (shot) {
      await page.getByRole('button', { name: 'Fit to view' }).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: shot });
      console.log(`topology, ${label}: screenshot saved to ${shot}`);
    }
    await context.close();
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function fitZoom(page: Page): Promise<number> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? 'NaN');
}

try {
  await measure('large (50 servers)', 50, () => undefined, 'SRV01042', screenshot);
  await measure(
    'xlarge (250 servers)',
    250,
    (dataDir) => {
      const seeded = spawnSync(
        process.execPath,
        ['--import', resolve(root, 'apps/bff/node_modules/tsx/dist/loader.mjs'), 'apps/bff/bench/xlarge.ts', dataDir],
        { cwd: root, stdio: 'inherit' },
      );
      if (seeded.status !== 0) throw new Error('could not write the xlarge estate');
    },
    'SRV150042',
    null,
  );
} finally {
  await browser.close();
}
