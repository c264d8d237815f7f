import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Everything a test run writes to the temp folder (fixture projects, their caches, Chromium's
 * throwaway profiles) goes under one folder, removed when the run ends: runs used to leave
 * gigabytes of fixtures behind in /tmp. Set here, before the test workers start, so they and
 * every process they start inherit it.
 */
export function setup(): () => void {
  const run = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-test-run-'));
  // Open as /tmp is: run as root, the permission tests run the CLI as `nobody` in a project here.
  fs.chmodSync(run, 0o1777);
  // Chromium's render profile holds nothing of any deck: kept between runs, and mermaid's compiled code with it.
  process.env.DECKHAND_RENDER_PROFILE ??= path.join(os.tmpdir(), 'deckhand-test-render-profile');
  process.env.TMPDIR = run;
  // Test projects without a package.json keep their caches in the user's cache folder: this run's instead.
  process.env.XDG_CACHE_HOME = path.join(run, 'cache');
  return () => fs.rmSync(run, { recursive: true, force: true });
}
