import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from '@playwright/test';
import { firstLoad } from '../../apps/console/scripts/first-load-size.mjs';
import { ADMIN, expect, test } from '../fixtures';

/**
 * The first load as the browser sees it (Chromium's own network log, through the DevTools
 * protocol): compressed assets kept for a year, the page revalidated, and a reload of a work
 * area that asks for each thing once, its data alongside the server list.
 */

interface Sent {
  id: string;
  path: string;
  /** When the request left (DevTools' monotonic seconds). */
  sentAt: number;
}

interface Answered {
  /** The status that came over the network; none for an answer from the browser's cache. */
  status?: number;
  /** The status the page saw (200 for a cached copy revalidated by a 304). */
  seen: number;
  encoding?: string;
  cacheControl?: string;
  /** When the answer's headers arrived. */
  answeredAt: number;
}

/** Chromium's network log of a page, from the moment it is called. */
async function networkLog(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const sent: Sent[] = [];
  const answered = new Map<string, Answered>();
  const network = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) =>
    sent.push({
      id: e.requestId,
      path: new URL(e.request.url).pathname + new URL(e.request.url).search,
      sentAt: e.timestamp,
    }),
  );
  cdp.on('Network.responseReceivedExtraInfo', (e) => network.set(e.requestId, e.statusCode));
  cdp.on('Network.responseReceived', (e) => {
    const header = (name: string) => Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === name)?.[1];
    answered.set(e.requestId, {
      seen: e.response.status,
      encoding: header('content-encoding'),
      cacheControl: header('cache-control'),
      answeredAt: e.timestamp,
    });
  });
  return {
    /** Everything sent since the last clear, with how it was answered. */
    requests: () => sent.map((s) => ({ ...s, ...answered.get(s.id), status: network.get(s.id) })),
    clear: () => {
      sent.length = 0;
      answered.clear();
      network.clear();
    },
  };
}

const memberRows = (page: Page) =>
  page.getByRole('grid', { name: 'Protected members' }).getByRole('row').filter({ hasText: 'PS1' }).first();
const isAsset = (path: string) => path.startsWith('/assets/');
/** The member list of the Display pane (a group's own members, asked for when it is expanded, are another list). */
const isMemberList = (path: string) =>
  /^\/api\/servers\/[^/]+\/protection\/members\?/.test(path) && !path.includes('groupId=');

test('the first visit gets the assets brotli-compressed and kept for a year, the page to revalidate', async ({
  page,
}) => {
  const log = await networkLog(page);
  await page.goto('/protection');
  await expect(memberRows(page)).toBeVisible();
  const requests = log.requests();
  const assets = requests.filter((r) => isAsset(r.path) && r.path.endsWith('.js'));
  expect(assets.length).toBeGreaterThan(1);
  for (const a of assets) {
    expect(a.status, a.path).toBe(200);
    expect(a.encoding, a.path).toBe('br');
    expect(a.cacheControl, a.path).toBe('public, max-age=31536000, immutable');
  }
  const document = requests.find((r) => r.path === '/protection');
  expect(document?.encoding).toBe('br');
  expect(document?.cacheControl).toBe('no-cache');
  // No page but the sign-in page's and the work area's own: Reporting's charts and the topology's drawing wait.
  expect(assets.some((a) => /ReportingPage|TopologyPage|RecoveryPage|ManagementPage|Wizard/.test(a.path))).toBe(false);
});

test(
  'a reload of Protection asks for the member list once, alongside the ' + 'server list, then sends no asset again',
  async ({ page }) => {
    await page.goto('/protection');
    await expect(memberRows(page)).toBeVisible();
    const log = await networkLog(page);

    await page.reload();
    await expect(memberRows(page)).toBeVisible();
    // Live updates and late requests have their moment to show up.
    await page.waitForTimeout(1_000);
    const first = log.requests();
    const lists = first.filter((r) => isMemberList(r.path));
    expect(lists.map((r) => r.path)).toHaveLength(1);
    // Not behind the server list: asked for before the server list was answered.
    const servers = first.find((r) => r.path === '/api/servers');
    expect(servers?.answeredAt).toBeDefined();
    expect(lists[0]?.sentAt).toBeLessThan(servers?.answeredAt ?? 0);
    // Nothing asked twice.
    const api = first.filter((r) => r.path.startsWith('/api/')).map((r) => r.path);
    expect(api.filter((p, i) => api.indexOf(p) !== i)).toEqual([]);
    // The console has no icon, and says so: the browser asks for no /favicon.ico (a 404).
    expect(first.map((r) => r.path)).not.toContain('/favicon.ico');

    log.clear();
    await page.reload();
    await expect(memberRows(page)).toBeVisible();
    const second = log.requests();
    const document = second.find((r) => r.path === '/protection');
    // The page is asked about and is unchanged: 304, no body.
    expect(document?.status).toBe(304);
    const assets = second.filter((r) => isAsset(r.path));
    expect(assets.length).toBeGreaterThan(1);
    // Every asset from the browser's cache: none went over the network.
    expect(assets.filter((a) => a.status !== undefined).map((a) => `${a.path} ${a.status}`)).toEqual([]);
  },
);

test('the JavaScript fetched for the sign-in page, then Monitoring › Alerts, is what first-load-size counts', async ({
  browser,
  server,
}) => {
  const dist = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../apps/console/dist');
  const counted = firstLoad(dist).pages.map((p) => p.files.map((f) => `/${f.file}`).sort());
  // A browser that is not signed in.
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = await networkLog(page);
  const scripts = () =>
    log
      .requests()
      .map((r) => r.path)
      .filter((p) => isAsset(p) && p.endsWith('.js'))
      .sort();
  await page.goto(`${server.url}/`);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  // The sign-in page's own code is there before it shows. The router also starts fetching the
  // first work area's code as the console opens, alongside the question of who is signed in (so a
  // signed-in user waits for neither after the other): a first visit fetches both either way.
  expect(scripts()).toEqual(expect.arrayContaining(counted[0] ?? []));

  await page.getByLabel('User name').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('grid', { name: 'Alerts' }).getByRole('row').nth(1)).toBeVisible();
  // Live updates and late requests have their moment to show up: nothing else is fetched unasked.
  await page.waitForTimeout(1_000);
  expect(scripts()).toEqual([...(counted[0] ?? []), ...(counted[1] ?? [])].sort());
  await context.close();
});
