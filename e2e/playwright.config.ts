import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the real server (a fresh process and SQLite file per test, see
 * fixtures.ts) in Debian's Chromium. A flaky test is fixed, never run again until it passes.
 */
export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_RESULTS ?? '../.test-results/e2e.json' }]],
  use: {
    trace: 'retain-on-failure',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  outputDir: '../.test-results/e2e-artifacts',
});
