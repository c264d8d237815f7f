import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeProject } from '../helpers/fixtures';
import { CHROMIUM, hasChromium } from '../helpers/chromium';

const lib = (file: string) => JSON.stringify(pathToFileURL(path.resolve('lib', file)).href);

describe.skipIf(!hasChromium())('the render thread', () => {
  it('started on a guess and never used, it does not keep the process alive', () => {
    const dir = makeProject({});
    const script = path.join(dir, 'guess.mjs');
    fs.writeFileSync(
      script,
      `import fs from 'node:fs';
      const { DiagramRenderer } = await import(${lib('internal.js')});
      const renderer = new DiagramRenderer({ chromium: ${JSON.stringify(CHROMIUM)}, cacheDir: ${JSON.stringify(path.join(dir, 'cache'))}, log: () => {} });
      const threads = () => fs.readdirSync('/proc/self/task').length;
      const before = threads();
      renderer.expect(3);
      // Long enough for the thread to be up and loading Playwright.
      setTimeout(() => console.log('guessed', threads() > before ? 'with a thread' : 'without a thread'), 1000);`,
    );
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout).toContain('guessed with a thread');
    expect(run.signal).toBeNull(); // not killed by the timeout: it ended on its own
    expect(run.status).toBe(0);
  });

  it("draws diagrams whatever Node flags the process was started with (the thread does not take them)", () => {
    const dir = makeProject({ 'slides/talk.md': '# Talk\n\n```mermaid\nflowchart LR\n  A[Client] --> B[Daemon]\n```\n' });
    const script = `const { build } = await import(${lib('index.js')});
      const result = await build({ root: ${JSON.stringify(dir)}, inputs: ['slides/talk.md'], chromium: ${JSON.stringify(CHROMIUM)}, cacheDir: ${JSON.stringify(path.join(dir, 'cache'))}, log: () => {} });
      console.log(JSON.stringify(result.diagrams));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, DECKHAND_RENDER_PROFILE: 'off' } });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout.trim().split('\n').pop()!)).toEqual({ rendered: 1, cached: 0, deferred: 0 });
    expect(fs.readFileSync(path.join(dir, 'dist', 'talk', 'index.html'), 'utf8')).toMatch(/<svg[^>]*>[\s\S]*Daemon/);
  });
});
