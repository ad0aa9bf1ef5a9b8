import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { ADMIN, type RunningServer } from '../server';

/** Debian's Chromium, as the benchmarks drive it (no GPU, no background traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A browser context signed in as the administrator, as every console user is, at 1400×900. */
export async function signedInContext(browser: Browser, server: RunningServer): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const signedIn = await context.request.post(`${server.url}/api/auth/sign-in`, {
    data: ADMIN,
    headers: { origin: server.url },
  });
  if (!signedIn.ok()) throw new Error(`sign-in failed: ${signedIn.status()}`);
  return context;
}
