import { execFileSync } from 'node:child_process';
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
  rebuildIfStale();
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

/**
 * Tests import src/, but the render thread, the browser runtime and the CLI run from lib/: a
 * single test file run with `npx vitest` after an edit would otherwise test the old build
 * (`npm test` builds first, and then this finds nothing newer).
 */
function rebuildIfStale(): void {
  const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..', '..');
  const built = (() => {
    try {
      return fs.statSync(path.join(root, 'lib', 'render-worker.js')).mtimeMs;
    } catch {
      return 0;
    }
  })();
  const newer = (dir: string): boolean =>
    fs.readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? newer(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs > built));
  if (newer(path.join(root, 'src'))) execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle.mjs')], { stdio: 'inherit' });
}
