import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import { DiagramRenderer, type DiagramTheme } from '../../src/diagrams/render-diagrams';
import { resolveDeckOptions } from '../../src/options';
import type { DiagramRef } from '../../src/types';
import { CHROMIUM, hasChromium } from '../helpers/chromium';
import { copyFixture, makeProject } from '../helpers/fixtures';

const SANS: DiagramTheme = { id: 'sans', themeCss: '.reveal .slides section { font-family: sans-serif; }', themeFiles: new Map() };
const REPO = path.resolve(__dirname, '..', '..');

/**
 * Three of the flagship deck's diagrams, of two kinds; the state diagram and the namespaces
 * flowchart have shapes mermaid draws with random jitter, which must not make the SVG depend on
 * which page drew it or when.
 */
function flagshipRefs(): DiagramRef[] {
  const dir = path.join(REPO, 'diagrams');
  return ['container-lifecycle.mmd', 'namespaces-cgroups.mmd', 'hello-world-sequence.mmd']
    .map((f, i) => ({ id: `d${i}`, code: fs.readFileSync(path.join(dir, f), 'utf8'), alt: f, origin: { file: path.join(dir, f), line: 1, column: 1 } }));
}

/** A Chromium that notes each launch in a file, then is the real one. */
function countingChromium(dir: string): { path: string; launches: () => number } {
  const marker = path.join(dir, 'launches');
  const file = path.join(dir, 'chromium');
  fs.writeFileSync(file, `#!/bin/sh\necho launched >> '${marker}'\nexec '${CHROMIUM}' "$@"\n`, { mode: 0o755 });
  return { path: file, launches: () => (fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').split('\n').filter(Boolean).length : 0) };
}

describe.runIf(hasChromium())('cold diagrams', () => {
  it('draws independent diagrams on several pages at once, byte for byte what one page draws in turn, in any order', async () => {
    const refs = flagshipRefs();
    const config = resolveDeckOptions({}, '').mermaid;
    const draw = async (workers: number, order: DiagramRef[]) => {
      const progress: number[] = [];
      const renderer = new DiagramRenderer({ chromium: CHROMIUM, cacheDir: path.join(makeProject({}), '.cache'), log: () => {}, workers, onDrawn: (p) => progress.push(p.done) });
      try {
        const batch = await renderer.render(order, config, SANS);
        expect(batch.diagnostics).toEqual([]);
        return { svgs: refs.map((r) => batch.results.get(r.id)), pages: renderer.memory().pages, progress };
      } finally {
        await renderer.close();
      }
    };
    const serial = await draw(1, refs);
    const concurrent = await draw(2, [...refs].reverse());
    expect(serial.pages).toBe(1);
    expect(concurrent.pages).toBe(2);
    expect(concurrent.svgs.every((r) => r?.kind === 'svg')).toBe(true);
    expect(concurrent.svgs).toEqual(serial.svgs);
    // The progress line is told about every diagram as it is drawn, counting up to all of them.
    expect(concurrent.progress).toEqual(refs.map((_, i) => i + 1));
  });

  it('starts Chromium while the deck is still compiling when its diagrams cannot all be cached, and never when they are', async () => {
    const root = copyFixture('basic');
    const chromium = countingChromium(root);
    const options = { root, inputs: ['slides/basic'], outDir: path.join(root, 'dist'), cacheDir: path.join(root, '.cache'), chromium: chromium.path, log: () => {} };
    const cold = await build(options);
    expect(cold.diagrams).toMatchObject({ rendered: 2, cached: 0, deferred: 0 });
    expect(chromium.launches()).toBe(1);

    // Every diagram cached: neither the early start nor the render stage launches Chromium.
    const warm = await build({ ...options, force: true });
    expect(warm.diagrams).toMatchObject({ rendered: 0, cached: 2, deferred: 0 });
    expect(chromium.launches()).toBe(1);

    const renderer = new DiagramRenderer({ chromium: chromium.path, cacheDir: path.join(makeProject({}), '.cache'), log: () => {} });
    try {
      renderer.prepare(flagshipRefs());
      // An empty cache cannot hold them: Chromium is on its way before render() is ever called.
      await expect.poll(chromium.launches, { timeout: 30_000 }).toBe(2);
    } finally {
      await renderer.close();
    }
  });
});
