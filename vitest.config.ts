import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser tests start Chromium; two at a time is what a 2-core machine takes well.
    maxWorkers: 2,
    // Browser assertions poll; a loaded 2-core CI machine needs more than the 1 s default.
    expect: { poll: { timeout: 8_000 } },
    // Without Chromium (outside CI) browser tests skip; the second reporter says how many and why.
    // It finds them by the line each test is declared on, hence the task locations.
    reporters: ['default', './test/helpers/browser-skips-reporter.ts'],
    includeTaskLocation: true,
    // The run's temp folder and caches (see the file).
    globalSetup: ['./test/helpers/global-setup.ts'],
  },
});
