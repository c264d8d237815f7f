import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import type { DiagramContrast } from '../../src/client/diagram-contrast';
import { packageRoot } from '../../src/package-root';
import { CHROMIUM, hasChromium, launch } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';

const FLOW = ['flowchart LR', '  subgraph Host', '    A[Client] -->|REST| B(Daemon)', '  end', '  B --> C{Ready?}', '  C -->|yes| D[Run]'];
const SEQUENCE = ['sequenceDiagram', '  participant C as Client', '  participant D as Daemon', '  C->>D: pull image', '  Note over C,D: layers are cached', '  D-->>C: done'];
const CLASS = ['classDiagram', '  class Image {', '    +layers', '    +pull()', '  }', '  Image <|-- Container'];
const STATE = ['stateDiagram-v2', '  [*] --> Created', '  Created --> Running : start', '  Running --> [*]'];

const fence = (lines: string[]) => ['```mermaid', ...lines, '```'].join('\n');
const deck = (frontMatter: string[], diagrams: string[][]) =>
  ['---', ...frontMatter, '---', ...diagrams.map((d, i) => `${i ? '\n---\n\n' : ''}## Diagram ${i + 1}\n\n${fence(d)}\n`)].join('\n');

/** Deckhand's own theme and every theme reveal.js ships. */
const THEMES = ['deckhand', 'white', 'black', 'league', 'beige', 'night', 'serif', 'simple', 'solarized', 'moon', 'dracula', 'sky', 'blood'];

const files: Record<string, string> = {};
for (const theme of THEMES) files[`slides/${theme}.md`] = deck([`theme: ${theme}`], [FLOW, SEQUENCE, CLASS, STATE]);
// The author still chooses: a named theme, their own variables, a diagram's own directive.
files['slides/named-theme.md'] = deck(['theme: white', 'mermaid:', '  theme: forest'], [FLOW]);
files['slides/own-variables.md'] = deck(['theme: black', 'mermaid:', '  themeVariables:', "    primaryColor: '#ff0000'"], [FLOW]);
files['slides/directive.md'] = deck(['theme: black'], [["%%{init: {'theme': 'neutral'}}%%", ...FLOW], FLOW]);

const MEASURE = path.join(packageRoot(), 'lib', 'runtime', 'measure.js');

describe.runIf(hasChromium())('diagrams in the deck’s theme', () => {
  let root: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    root = makeProject(files);
    // Every theme in one build: one Chromium draws them all.
    await build({ root, cacheDir: path.join(root, '.cache'), chromium: CHROMIUM, log: () => {} });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // ~25 s on a quiet machine (13 themes, 56 diagrams, one render page per theme); more when shared.
  }, 120_000);
  afterAll(async () => browser?.close());

  /** Opens a built deck and measures the diagram of each slide while it is shown. */
  async function measure(name: string): Promise<Array<DiagramContrast & { bodySize: number }>> {
    await page.goto(`file://${path.join(root, 'dist', name, 'index.html')}`);
    await page.waitForSelector('html[data-deck-ready]');
    await page.addScriptTag({ path: MEASURE });
    return page.evaluate(() => {
      const w = window as unknown as { Reveal: { slide(h: number): void; getTotalSlides(): number }; deckhandDiagramContrast(svg: SVGSVGElement): DiagramContrast };
      const out = [];
      for (let h = 0; h < w.Reveal.getTotalSlides(); h++) {
        w.Reveal.slide(h);
        const section = document.querySelectorAll('.reveal .slides > section')[h];
        const svg = section.querySelector<SVGSVGElement>('.deck-diagram svg')!;
        out.push({ ...w.deckhandDiagramContrast(svg), bodySize: parseFloat(getComputedStyle(section).fontSize) });
      }
      return out;
    });
  }

  /** The fill of the first flowchart node, as the page paints it. */
  const nodeFill = (n = 0) => page.evaluate((i) => getComputedStyle(document.querySelectorAll('.reveal .slides > section')[i].querySelector('.node rect, .node path')!).fill, n);

  it('keeps every label at 4.5:1 and every line at 3:1, on every theme', async () => {
    const failures: string[] = [];
    for (const theme of THEMES) {
      for (const [i, d] of (await measure(theme)).entries()) {
        expect(d.texts.length, `${theme} diagram ${i + 1} has labels`).toBeGreaterThan(2);
        expect(d.lines.length, `${theme} diagram ${i + 1} has lines`).toBeGreaterThan(1);
        for (const t of d.texts) if (t.ratio < 4.5) failures.push(`${theme} #${i + 1} "${t.text}" ${t.color} on ${t.background} (${t.behind}): ${t.ratio}`);
        for (const l of d.lines) if (l.ratio < 3) failures.push(`${theme} #${i + 1} ${l.element} ${l.color} on ${l.background}: ${l.ratio}`);
      }
    }
    expect(failures).toEqual([]);
  }, 30_000);

  it('draws labels at no less than 0.7 × the body text on the canvas', async () => {
    for (const theme of ['deckhand', 'white', 'league']) {
      for (const [i, d] of (await measure(theme)).entries()) {
        // On reveal.js's 42 px themes the sequence diagram (labels 30 px, five rows) is taller than
        // the slide leaves free under a heading, so it is scaled to fit: 28.8 px. `check` warns of that.
        if (theme !== 'deckhand' && i === 1) continue;
        const smallest = Math.min(...d.texts.map((t) => t.fontSize));
        expect(smallest, `${theme} diagram ${i + 1}`).toBeGreaterThanOrEqual(0.7 * d.bodySize - 0.5);
      }
    }
  });

  it('colours nodes from the theme: a dark fill on a dark theme, a light one on a light theme', async () => {
    await measure('black');
    const dark = await nodeFill();
    await measure('white');
    const light = await nodeFill();
    const lum = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).reduce((s, v) => s + Number(v), 0);
    expect(lum(dark)).toBeLessThan(200);
    expect(lum(light)).toBeGreaterThan(600);
  });

  it('lets the author choose: a named theme, their own variables, a diagram’s own directive', async () => {
    await measure('named-theme');
    expect(await nodeFill()).toBe('rgb(205, 228, 152)'); // mermaid's forest
    await measure('own-variables');
    expect(await nodeFill()).toBe('rgb(255, 0, 0)');
    await measure('directive');
    expect(await nodeFill(0)).toBe('rgb(238, 238, 238)'); // mermaid's neutral
    expect(await nodeFill(1)).not.toBe('rgb(238, 238, 238)');
  });
});
