import fs from 'node:fs';
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';
import { CHROMIUM } from './chromium';

/**
 * Browser tests skip themselves (`runIf(hasChromium())`) when there is no Chromium, outside CI.
 * A green run must not hide that: this reporter says, once at the end, how many were skipped and
 * why. In CI (CI=true) a missing Chromium fails the run instead (see ./chromium.ts).
 *
 * A skipped test counts as a browser test when it, or a suite around it, is declared on a line
 * that calls hasChromium() (the config turns on `includeTaskLocation` for this).
 */
export default class BrowserSkipsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (process.env.CI || fs.existsSync(CHROMIUM)) return;
    let skipped = 0;
    for (const module of testModules) {
      const lines = sourceLines(module.moduleId);
      for (const test of module.children.allTests('skipped')) if (needsChromium(test, lines)) skipped++;
    }
    if (!skipped) return;
    const tests = skipped === 1 ? 'test' : 'tests';
    process.stdout.write(`\ndeckhand tests: ${skipped} browser ${tests} skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set DECKHAND_CHROMIUM)\n`);
  }
}

function needsChromium(test: TestCase, lines: string[]): boolean {
  for (let task: TestCase | TestSuite | TestModule = test; task.type !== 'module'; task = task.parent) {
    const line = task.location?.line;
    if (line !== undefined && /\bhasChromium\(\)/.test(lines[line - 1] ?? '')) return true;
  }
  return false;
}

function sourceLines(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split('\n');
  } catch {
    return [];
  }
}
