import { defineConfig } from '@playwright/test';

/** Debian's Chromium (no browser download reaches these machines). */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};

/**
 * End-to-end tests against the real server (a fresh process and SQLite file per test, see
 * fixtures.ts) in Debian's Chromium. A flaky test is fixed, never run again until it passes.
 * Two projects: `e2e` (tests/) and `demos` (demos/, the narrated procedures of the DPM
 * documents). `npm test` runs both, the demos at fast pace without recording; `pnpm demo` runs
 * the demos project alone at watching pace and records it (README › Demos).
 */
export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_RESULTS ?? '../.test-results/e2e.json' }]],
  use: {
    trace: 'retain-on-failure',
    viewport: { width: 1400, height: 900 },
    launchOptions: chromium,
  },
  projects: [
    { name: 'e2e', testDir: './tests' },
    {
      name: 'demos',
      testDir: './demos',
      testMatch: /\.demo\.ts$/,
      // At watching pace each input waits a moment, so that a person can follow the pointer.
      // A recording keeps the page's screencast to itself: a trace's screencast would set its size first.
      use: {
        launchOptions: { ...chromium, slowMo: process.env.DEMO_PACE === 'normal' ? 250 : 0 },
        trace: process.env.DEMO_OUT ? 'off' : 'retain-on-failure',
      },
    },
  ],
  outputDir: '../.test-results/e2e-artifacts',
});
