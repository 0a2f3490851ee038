import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Browser tests: Chromium driven by playwright-core against the H5 build served by the local host. */
export default defineConfig({
  resolve: {
    alias: { '@linli/shared': fileURLToPath(new URL('./shared/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // a page answers after its calls return: give a loaded CI machine time before a check fails
    expect: { poll: { timeout: 10_000, interval: 100 } },
    pool: 'forks',
  },
});
