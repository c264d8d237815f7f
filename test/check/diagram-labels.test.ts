import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDecks, type CheckResult } from '../../src/check/check-decks';
import { diagramFindings } from '../../src/client/diagram-labels';
import { startDevServer } from '../../src/server/dev-server';
import { CHROMIUM, hasChromium, launch } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';

const CLI = path.resolve(__dirname, '..', '..', 'bin', 'deckhand.js');

/** Fourteen boxes in one row: on a 960 px slide each label shrinks far below the body text. */
const CROWDED = ['flowchart LR', '  accTitle: Fourteen steps in one row', ...Array.from({ length: 13 }, (_, i) => `  S${i}[Step ${i}] --> S${i + 1}[Step ${i + 1}]`)].join('\n');

const DECK = `---
title: Labels
---

## Crowded

\`\`\`mermaid
${CROWDED}
\`\`\`

---

## Roomy

![Client calls the server](../diagrams/roomy.mmd)

---

## Crowded, in HTML labels

\`\`\`mermaid
%%{init: {"flowchart": {"htmlLabels": true}}}%%
${CROWDED}
\`\`\`
`;

describe('diagram label findings', () => {
  it('warns below 0.7 × the body text with both sizes and what to do, and not at or above it', () => {
    const [finding, ...rest] = diagramFindings([
      { id: 'a', smallestLabel: 12.34, smallestText: 'Step 1', bodyText: 30 },
      { id: 'b', smallestLabel: 21, smallestText: 'Client', bodyText: 30 },
      { id: 'c', smallestLabel: 28, smallestText: 'Client', bodyText: 40 },
    ]);
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      code: 'diagram-label-size',
      severity: 'warning',
      diagram: 'a',
      message:
        'diagram labels are drawn at 12.3 px (smallest: "Step 1"), below the 21 px that reads from the back row (0.7 × the slide\'s 30 px text): ' +
        'put fewer nodes in a row, lay it out top to bottom (TB instead of LR), or split the diagram in two',
    });
  });
});

describe.runIf(hasChromium())('deckhand check: diagram label size', () => {
  let root: string;
  let result: CheckResult;
  const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DECKHAND_CACHE_DIR: path.join(root, '.cache') } });

  beforeAll(async () => {
    root = makeProject({ 'slides/labels.md': DECK, 'diagrams/roomy.mmd': 'flowchart TB\n  C[Client] --> S[Server]\n' });
    result = await checkDecks({ root, chromium: CHROMIUM, cacheDir: path.join(root, '.cache'), log: () => {} });
  });

  it('reports each crowded diagram at its fence line, measured on the canvas, and not the roomy one', () => {
    const found = result.diagnostics.map((d) => `${path.relative(root, d.file ?? '')}:${d.line}:${d.column} ${d.severity} ${d.code}`);
    expect(found).toEqual(['slides/labels.md:7:1 warning diagram-label-size', 'slides/labels.md:35:1 warning diagram-label-size']);
    for (const d of result.diagnostics) {
      const m = /drawn at ([\d.]+) px \(smallest: "Step \d+"\), below the 21 px/.exec(d.message);
      expect(m, d.message).not.toBeNull();
      // Mermaid's 16 px labels, fourteen boxes squeezed into the slide's width: well under half size.
      expect(Number(m![1])).toBeGreaterThan(3);
      expect(Number(m![1])).toBeLessThan(12);
    }
  });

  it('fails the command with --strict (a warning: without it the run above would exit 0)', () => {
    const strict = cli('--strict');
    expect(strict.stderr).toMatch(/slides\/labels\.md:7:1: warning: diagram labels are drawn at [\d.]+ px/);
    expect(strict.status).toBe(1);
  });

  it("shows on the dev page's check panel while the slide is on screen (at the slide's line: the page knows no more)", async () => {
    const server = await startDevServer({ root, port: 0, chromium: CHROMIUM, cacheDir: path.join(root, '.cache'), log: () => {} });
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${server.url}labels/`);
      await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
      const button = page.locator('button.deck-dev-checks');
      await expect.poll(() => button.isVisible()).toBe(true);
      await button.click();
      await expect.poll(() => page.locator('.deck-dev-checks-list').innerText()).toMatch(/slides\/labels\.md:5:1 warning: diagram labels are drawn at [\d.]+ px .*\[diagram-label-size\]/);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
