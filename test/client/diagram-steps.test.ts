import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import { bundleDecks } from '../../src/export/deck-bundle';
import { exportDeck } from '../../src/export/export-deck';
import { printDeckPdf } from '../../src/export/print-pdf';
import { hasPoppler, pdfInfo } from '../export/pdf-tools';
import { CHROMIUM, hasChromium, launch } from '../helpers/chromium';
import { openDeck } from '../helpers/deck-page';
import { makeProject } from '../helpers/fixtures';

// Slide 1: a bullet, a three-step flowchart (the last step focused), a bullet: 4 fragment steps.
// Slide 2: the author places the diagram's first step at index 0, before the bullet.
// Slides 3-5: sequence, class and state diagrams in three steps; slide 6: a pie, drawn whole.
const DECK = `# Flow

- first bullet <!-- .element: class="fragment" -->

\`\`\`mermaid
flowchart LR
  A[Client] -->|HTTP| B(API)
%% step
  B --> C[Daemon]
  subgraph S [Host]
    C --> D[containerd]
  end
%% step focus
  D --> E[runc]
  A -.-> E
\`\`\`

- last bullet <!-- .element: class="fragment" -->

---

# Indexed

- bullet <!-- .element: class="fragment" -->

\`\`\`mermaid
flowchart LR
  X --> Y
%% step
  Y --> Z
\`\`\`
<!-- .element: data-fragment-index="0" -->

---

# Sequence

\`\`\`mermaid
sequenceDiagram
  participant C as Client
  C->>+D: run
  Note right of D: pulls
%% step
  D->>R: pull
  D-->>-C: done
%% step
  actor U
  U->>C: watch
  Note over U,C: the end
\`\`\`

---

# Class

\`\`\`mermaid
classDiagram
  class Animal
%% step
  Animal <|-- Duck : is
%% step
  Animal "1" --> "*" Food
\`\`\`

---

# State

\`\`\`mermaid
stateDiagram-v2
  [*] --> Still
%% step
  Still --> Moving : push
%% step
  Moving --> [*]
\`\`\`

---

# Pie

\`\`\`mermaid
pie title Pets
  "Dogs" : 3
%% step
  "Cats" : 2
\`\`\`
`;

interface Part {
  step: number;
  key: string;
  shown: boolean;
  opacity: number;
  box: [number, number, number, number];
}

/** Every marked element of the current slide's diagram: its step, whether it is seen, where it is. */
function parts(page: Page): Promise<Part[]> {
  return page.evaluate(() => {
    const slide = (window as any).Reveal.getCurrentSlide() as Element;
    return Array.from(slide.querySelectorAll('svg [data-deck-step]')).map((el) => {
      const style = getComputedStyle(el);
      // What the viewer sees: the element's opacity times that of every group it is in.
      let opacity = 1;
      for (let e: Element | null = el; e && e.tagName !== 'svg'; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      const shown = style.visibility !== 'hidden' && opacity > 0;
      // Relative to the diagram: slide transitions move the whole slide, never a part of it.
      const r = el.getBoundingClientRect();
      const o = el.closest('svg')!.getBoundingClientRect();
      const key = `${el.tagName}#${el.id || el.getAttribute('data-id') || el.querySelector('[data-id]')?.getAttribute('data-id') || ''}.${el.getAttribute('class') || el.firstElementChild?.getAttribute('class')}`;
      return { step: Number(el.getAttribute('data-deck-step')), key, shown, opacity, box: [r.x - o.x, r.y - o.y, r.width, r.height].map(Math.round) as Part['box'] };
    });
  });
}

const bullets = (page: Page) =>
  page.evaluate(() => Array.from((window as any).Reveal.getCurrentSlide().querySelectorAll('li.fragment')).map((li: any) => li.classList.contains('visible')));
const go = (page: Page, h: number, f: number) => page.evaluate(([h, f]) => (window as any).Reveal.slide(h, 0, f), [h, f]);
const shownSteps = (ps: Part[]) => [...new Set(ps.filter((p) => p.shown).map((p) => p.step))].sort();

describe.runIf(hasChromium())('diagrams built up step by step', () => {
  let browser: Browser;
  const builds: Record<string, string> = {};
  const warnings: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    for (const [name, chromium] of [['chromium', CHROMIUM], ['fallback', false]] as const) {
      const root = makeProject({ 'slides/steps.md': DECK });
      const result = await build({ root, chromium, cacheDir: path.join(root, '.cache'), log: () => {} });
      if (name === 'chromium') warnings.push(...result.diagnostics.map((d) => `${path.basename(d.file ?? '')}:${d.line}: ${d.code}`));
      builds[name] = path.join(root, 'dist/steps/index.html');
    }
    // One file, mermaid inlined and drawn by the page.
    const root = makeProject({ 'slides/steps.md': DECK });
    builds['single-file'] = (await exportDeck({ root, input: 'slides/steps.md', format: 'html', chromium: false, log: () => {} })).file;
  }, 60_000);
  afterAll(async () => browser?.close());

  it('warns about `%% step` in a diagram type without steps, naming its line', () => {
    const pieMarker = DECK.split('\n').lastIndexOf('%% step') + 1;
    expect(warnings).toEqual([`steps.md:${pieMarker}: diagram-steps-unsupported`]);
  });

  it('without JavaScript the whole diagram shows: steps are only marked in the page, fragments come from the runtime', () => {
    const html = fs.readFileSync(builds.chromium, 'utf8');
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    const stepped = svgs.filter((svg) => svg.includes('data-deck-steps='));
    expect(stepped).toHaveLength(5);
    for (const svg of stepped) {
      expect(svg).toContain('data-deck-step="1"');
      expect(svg).not.toMatch(/class="[^"]*\bfragment\b/);
    }
  });

  describe.each(['chromium', 'fallback', 'single-file'])('drawn by %s', (name) => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await openDeck(browser, builds[name]));
      // Measure end states, not fragment transitions.
      await page.addStyleTag({ content: '.reveal .slides section .fragment, .reveal svg * { transition: none !important; }' });
    });
    afterAll(async () => page?.close());

    const at = async (h: number, f: number) => {
      await go(page, h, f);
      await page.waitForFunction(() => (window as any).Reveal.getCurrentSlide().querySelector('svg[data-deck-steps]'));
      return parts(page);
    };

    it('flowchart: steps take their place between the bullets, nothing moves, edges wait for both ends', async () => {
      const states: Part[][] = [];
      const bulletStates: boolean[][] = [];
      for (let f = -1; f <= 3; f++) {
        states.push(await at(0, f));
        bulletStates.push(await bullets(page));
      }
      expect(bulletStates).toEqual([[false, false], [true, false], [true, false], [true, false], [true, true]]);
      expect(states.map(shownSteps)).toEqual([[0], [0], [0, 1], [0, 1, 2], [0, 1, 2]]);
      // Every node, edge, label and cluster is marked: 5 nodes, 5 edges, 5 labels, 1 cluster.
      expect(states[0].length).toBe(16);
      const clusters = states[0].filter((p) => /cluster/.test(p.key));
      expect(clusters.map((c) => c.step)).toEqual([1]);
      // Positions are the same at every step.
      for (const s of states) expect(s.map((p) => p.box)).toEqual(states[4].map((p) => p.box));
      // An edge is shown only with both its ends.
      for (const s of states) {
        const shown = new Set(s.filter((p) => p.shown && p.key.startsWith('g#')).map((p) => /flowchart-(\w+)-/.exec(p.key)?.[1]));
        for (const edge of s.filter((p) => p.shown && p.key.startsWith('path#'))) {
          const [, from, to] = /L_(\w)_(\w)_/.exec(edge.key)!;
          expect(shown.has(from) && shown.has(to), edge.key).toBe(true);
        }
      }
      // `%% step focus`: at step 2 what came before is dimmed; the next fragment undims it.
      const dim = (s: Part[]) => [...new Set(s.filter((p) => p.opacity < 0.5 && p.shown).map((p) => p.step))].sort();
      expect(dim(states[3])).toEqual([0, 1]);
      expect(dim(states[2])).toEqual([]);
      expect(dim(states[4])).toEqual([]);
      // Backwards hides again and undims.
      expect(shownSteps(await at(0, 1))).toEqual([0, 1]);
      expect(dim(await at(0, 1))).toEqual([]);
      expect(shownSteps(await at(0, 0))).toEqual([0]);
    });

    it('an index on the fence puts the first step where the author says', async () => {
      expect(shownSteps(await at(1, -1))).toEqual([0]);
      expect(shownSteps(await at(1, 0))).toEqual([0, 1]);
      expect(await bullets(page)).toEqual([false]);
      await at(1, 1);
      expect(await bullets(page)).toEqual([true]);
    });

    it('sequence: participants, messages with their text, notes and activations by step', async () => {
      const states = [await at(2, -1), await at(2, 0), await at(2, 1)];
      expect(states.map(shownSteps)).toEqual([[0], [0, 1], [0, 1, 2]]);
      const count = (s: Part[], step: number) => s.filter((p) => p.step === step).length;
      // Step 1: participant R (top, lifeline, bottom), two messages with their texts.
      expect(count(states[0], 1)).toBe(3 + 4);
      // Step 2: actor U (top, lifeline, bottom), a message with its text, a note.
      expect(count(states[0], 2)).toBe(3 + 2 + 1);
      // The activation of D started in step 0.
      expect(states[0].some((p) => p.key.includes('activation') && p.step === 0)).toBe(true);
      for (const s of states) expect(s.map((p) => p.box)).toEqual(states[2].map((p) => p.box));
    });

    it('class and state diagrams step too', async () => {
      // The class diagram's last step: Food, the relation, its label and both cardinalities.
      expect((await at(3, -1)).filter((p) => p.step === 2)).toHaveLength(5);
      for (const h of [3, 4]) {
        const states = [await at(h, -1), await at(h, 0), await at(h, 1)];
        expect(states.map(shownSteps)).toEqual([[0], [0, 1], [0, 1, 2]]);
        for (const s of states) expect(s.map((p) => p.box)).toEqual(states[2].map((p) => p.box));
      }
    });
  });

  it.runIf(hasPoppler())('PDF: one page per step with --fragments, the whole diagram without', async () => {
    const root = path.dirname(path.dirname(path.dirname(builds.chromium)));
    const [bundle] = await bundleDecks(['slides/steps.md'], { root, chromium: CHROMIUM, cacheDir: path.join(root, '.cache'), log: () => {} });
    const whole = await printDeckPdf(browser, bundle, { fragments: false, notes: false });
    const stepped = await printDeckPdf(browser, bundle, { fragments: true, notes: false });
    fs.writeFileSync(path.join(root, 'stepped.pdf'), stepped.pdf);
    expect(whole.pages).toBe(6);
    // 5 + 3 + 3 + 3 + 3 + 1 pages: every step of every slide.
    expect(stepped.pages).toBe(18);
    expect(pdfInfo(path.join(root, 'stepped.pdf')).pages).toBe(18);
  }, 60_000);
});
