import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/bff/src/**/*.test.ts',
      'apps/cli/src/**/*.test.ts',
      'apps/console/src/**/*.test.ts',
      'apps/console/*.test.ts',
      'lint/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
  },
});
