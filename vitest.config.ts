import os from 'node:os';
import path from 'node:path';
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
    // Test projects without a package.json keep their caches in the user's cache folder: point
    // that at a temp folder, so test runs never fill the real one.
    env: { XDG_CACHE_HOME: path.join(os.tmpdir(), 'deckhand-test-cache') },
  },
});
