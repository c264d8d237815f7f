import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openOffline as openOfflinePage } from '../helpers/offline-page';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import { exportDeck } from '../../src/export/export-deck';
import { CHROMIUM, hasChromium, launch } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';

const DECK = [
  '---',
  'title: Math',
  'math:',
  '  macros:',
  "    '\\RR': '\\mathbb{R}'",
  '---',
  '# Formulas',
  '',
  'Inline $a_1 * b_2 * c$, a code span `$\\sqrt{x}$` and $x \\in \\RR$.',
  '',
  '$$',
  '\\sum_{i=1}^n i = \\frac{n(n+1)}{2}',
  '$$',
  '',
  '---',
  '',
  '\\begin{align}',
  'a &= b \\\\',
  'c &= d',
  '\\end{align}',
  '',
].join('\n');

/** A built deck from disk: its own files under `dir` may load, nothing else. */
const openOffline = (browser: Browser, file: string, dir: string) => openOfflinePage(browser, file, (url) => url.startsWith(`file://${dir}/`));

/** What a reader of the first slide gets: typeset formulas, MathML, no TeX source, KaTeX's own fonts in use. */
async function mathOnPage(page: Page) {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    const slides = [...document.querySelectorAll('.reveal .slides section')];
    const main = document.querySelector('.reveal .slides section .katex .mathnormal');
    return {
      katex: document.querySelectorAll('.reveal .katex').length,
      display: document.querySelectorAll('.reveal .katex-display').length,
      math: document.querySelectorAll('.reveal math').length,
      dollars: slides.map((s) => [...s.querySelectorAll('.katex-html')].reduce((t, k) => t.replace(k.textContent ?? '', ''), s.textContent ?? '')).join('').includes('$'),
      family: main ? getComputedStyle(main).fontFamily : '',
      loaded: [...document.fonts].filter((f) => f.family.replace(/"/g, '').startsWith('KaTeX_') && f.status === 'loaded').map((f) => f.family.replace(/"/g, '')),
      errors: document.querySelectorAll('.katex-error').length,
    };
  });
}

describe.runIf(hasChromium())('math in the browser, offline', () => {
  let browser: Browser;
  let root: string;

  beforeAll(async () => {
    root = makeProject({ 'slides/math.md': DECK, 'slides/plain.md': '# No math\n\nIt costs $5 and $10.\n' });
    await build({ root, cacheDir: path.join(root, '.cache'), chromium: CHROMIUM, log: () => {} });
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('a built deck opened from file:// shows KaTeX formulas with MathML and KaTeX fonts, making no request', async () => {
    const { page, blocked, errors } = await openOffline(browser, path.join(root, 'dist/math/index.html'), root);
    const found = await mathOnPage(page);
    expect(found).toMatchObject({ katex: 5, display: 2, math: 5, dollars: false, errors: 0 });
    expect(found.family).toMatch(/KaTeX_Math/);
    expect(found.loaded).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a deck without math gets no KaTeX stylesheet or fonts', () => {
    const styles = fs.readdirSync(path.join(root, 'dist/_deckhand')).filter((f) => f.endsWith('.css'));
    expect(styles.sort()).toEqual(['style-deckhand.github-dark.css', 'style-deckhand.github-dark.math.css']);
    const plain = fs.readFileSync(path.join(root, 'dist/plain/index.html'), 'utf8');
    expect(plain).toContain('style-deckhand.github-dark.css');
    expect(plain).not.toContain('katex');
    expect(fs.readFileSync(path.join(root, 'dist/_deckhand/style-deckhand.github-dark.css'), 'utf8')).not.toContain('KaTeX');
  });

  it('the single-file export renders math offline, its KaTeX fonts inlined', async () => {
    const out = await exportDeck({ root, input: 'slides/math.md', format: 'html', out: 'out/math.html', chromium: CHROMIUM, cacheDir: path.join(root, '.cache'), log: () => {} });
    const { page, blocked, errors } = await openOffline(browser, out.file, path.dirname(out.file));
    const found = await mathOnPage(page);
    expect(found).toMatchObject({ katex: 5, math: 5, dollars: false, errors: 0 });
    expect(found.loaded).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });
});
