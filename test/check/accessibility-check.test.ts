import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import { checkDecks, type CheckResult } from '../../src/check/check-decks';
import type { LowContrast } from '../../src/client/a11y-measure';
import { CHROMIUM, hasChromium, launch } from '../helpers/chromium';
import { openDeck } from '../helpers/deck-page';
import { makeProject } from '../helpers/fixtures';

const CLI = path.resolve(__dirname, '..', '..', 'bin', 'deckhand.js');

/** Every rule planted once, beside variants that pass (large grey text, a gradient background, a code walkthrough's dimmed lines). */
const LOW = `---
title: Accessibility fixture
---

## Pale text

<p style="color: #aaaaaa">Pale grey text</p>

<p style="color: #8a8a8a; font-size: 40px">Large grey text passes at 3:1</p>

---

<!-- .slide: data-background-gradient="linear-gradient(#ffffff, #eeeeee)" -->
## On a gradient

<p style="color: #bbbbbb">Not measured: the background changes from pixel to pixel</p>

---

## Code

<style>.reveal pre code .hljs-comment { color: #3a3a3a; }</style>

\`\`\`js
// a comment too dark on the dark block
const answer = 42;
\`\`\`

---

## Diagram

\`\`\`mermaid
flowchart LR
  accTitle: Pale boxes
  A[Pale label] --> B[Second]
  style A fill:#ffffff,color:#c0c0c0
  linkStyle 0 stroke:#f0f0f0
\`\`\`

---

## Source rules

#### Skipped a level

Read [here](https://example.com).

<video src="clip.mp4" controls></video>

| | |
| - | - |
| 1 | 2 |

---

No heading on this slide.

---

## A code walkthrough dims other lines on purpose

\`\`\`python [1|2]
answer = 42
print(answer)
\`\`\`
`;

/** The high-contrast theme with every kind of text it promises AAA for. */
const CONTRAST = `---
title: High contrast
theme: deckhand-contrast
---

# High contrast

Body text with [a link to the guide](https://example.com), \`inline code\` and <small>small print</small>.

---

## Code

### In a block

\`\`\`js
// comment
import fs from 'node:fs';
function greet(name) { return \`Hello, \${name}!\` + 42; }
class A extends B {}
\`\`\`

\`\`\`console
$ docker run hello-world
Hello from Docker!
\`\`\`

---

<!-- .slide: class="deck-try" -->
## Try it

- A list item with **bold** and *emphasis*
- <small>Small print on the panel</small>
`;

describe.runIf(hasChromium())('deckhand check: accessibility', () => {
  let root: string;
  let result: CheckResult;

  beforeAll(async () => {
    root = makeProject({ 'slides/low.md': LOW, 'slides/contrast.md': CONTRAST, 'slides/clip.mp4': 'not a real video' });
    result = await checkDecks({ root, chromium: CHROMIUM, cacheDir: path.join(root, '.cache'), log: () => {} });
  }, 180_000);

  it('reports each planted problem at its file:line:column with its severity, and nothing for the passing variants', () => {
    const found = result.diagnostics.map((d) => `${path.relative(root, d.file ?? '')}:${d.line}:${d.column} ${d.severity} ${d.code}`);
    expect(found).toEqual([
      'slides/low.md:5:1 error text-contrast', // #aaa on the theme's white; the 40 px grey and the text on a gradient pass
      'slides/low.md:20:1 warning code-contrast', // the comment colour the slide's <style> forces
      'slides/low.md:33:1 warning diagram-contrast', // a pale label in a white box
      'slides/low.md:33:1 warning diagram-contrast', // a pale arrow on the slide
      'slides/low.md:45:1 warning heading-skip',
      'slides/low.md:47:6 warning vague-link-text',
      'slides/low.md:49:1 warning video-captions',
      'slides/low.md:51:1 warning table-header',
      'slides/low.md:57:1 warning slide-heading',
    ]);
  });

  it('names the colours, the ratio and the minimum, measured on the rendered slide', () => {
    const message = (code: string) => result.diagnostics.filter((d) => d.code === code).map((d) => d.message);
    expect(message('text-contrast')).toEqual([
      "text \"Pale grey text\" in <p>: #aaaaaa on #fbfaf7 is 2.22:1, below the 3:1 WCAG AA needs for 30 px text: change the colour or the background in the theme or the slide's CSS",
    ]);
    expect(message('code-contrast')[0]).toMatch(/^code "\/\/ a comment too dark on the …" in <span\.hljs-comment>: #3a3a3a on #0d1117 is 1\.\d+:1, below the 4\.5:1 WCAG AA needs for [\d.]+ px text/);
    const [label, line] = message('diagram-contrast');
    expect(label).toMatch(/^diagram label "Pale" is rgb\(192, 192, 192\) on rgb\(255, 255, 255\) \(rect[^)]*\): 1\.\d+:1, below the 3:1 WCAG AA needs \(2 text runs below AA in all\)/); // labels drawn at 24 px or more are large text
    expect(line).toMatch(/^diagram line or border \(path\.flowchart-link\) is rgb\(240, 240, 240\) on the slide's rgb\(251, 250, 247\): 1\.\d+:1, below the 3:1/);
  });

  it('passes a deck with only accessibility warnings, and fails it with --strict', () => {
    const warningsOnly = makeProject({ 'slides/w.md': '## Links\n\nRead [here](https://example.com).\n' });
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: warningsOnly, encoding: 'utf8', env: { ...process.env, DECKHAND_CACHE_DIR: path.join(warningsOnly, '.cache') } });
    expect(cli().status).toBe(0);
    const strict = cli('--strict');
    expect(strict.stderr).toMatch(/slides\/w\.md:3:6: warning: link text "here"/);
    expect(strict.status).toBe(1);
  }, 150_000); // two runs of the CLI, each starting Chromium: over a minute on a loaded machine
});

describe.runIf(hasChromium())('theme: deckhand-contrast', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const root = makeProject({ 'slides/contrast.md': CONTRAST });
    await build({ root, cacheDir: path.join(root, '.cache'), chromium: false, log: () => {} });
    browser = await launch();
    ({ page } = await openDeck(browser, path.join(root, 'dist', 'contrast', 'index.html')));
    await page.addScriptTag({ path: path.resolve(__dirname, '..', '..', 'lib', 'runtime', 'measure.js') });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Text below `minimum` on every slide, measured with check's own code. */
  const below = (minimum: number) =>
    page.evaluate(async (min) => {
      const w = window as any;
      const out: LowContrast[] = [];
      for (const slide of w.Reveal.getSlides() as HTMLElement[]) {
        const { h, v } = w.Reveal.getIndices(slide);
        w.Reveal.slide(h, v, Number.MAX_SAFE_INTEGER);
        out.push(...w.deckhandTextContrast(slide, () => min));
      }
      return out;
    }, minimum);

  it('passes AAA (7:1) for body text, headings, links, inline code, code tokens and transcripts', async () => {
    expect(await below(7)).toEqual([]);
  });

  it('measured every kind of text it claims (an impossible 22:1 fails each of them)', async () => {
    const all = await below(22);
    const elements = new Set(all.map((c) => c.element.split('.')[0] + (c.element.includes('hljs-') ? '.' + c.element.split('.').find((x) => x.startsWith('hljs-')) : '')));
    for (const e of ['h1', 'h2', 'h3', 'p', 'a', 'code', 'small', 'li', 'span.hljs-comment', 'span.hljs-keyword', 'span.hljs-string', 'span.hljs-title']) expect(elements, e).toContain(e);
    expect(all.some((c) => c.kind === 'code' && c.text.startsWith('Hello from Docker'))).toBe(true);
  });
});
