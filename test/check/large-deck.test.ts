import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDecks, type CheckResult } from '../../src/check/check-decks';
import { CHROMIUM, hasChromium } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';

/**
 * `check` measures slides without navigating reveal.js and with the other slides out of the page
 * (src/client/measure-deck.ts): on a deck of a few hundred slides it must still find overflow
 * wherever it is, the last slide and a vertical one included, with every fragment counted.
 */
const LINES = (n: number, fragment: boolean) =>
  Array.from({ length: n }, (_, i) => `- Line ${i + 1} of a list that is far too long for one slide${fragment ? ' <!-- .element: class="fragment" -->' : ''}`).join('\n');

function bigDeck(slides: number): { text: string; lineOf: Record<string, number> } {
  const parts = ['---\ntitle: Big deck\n---\n\n## Slide 1\n\n- A point\n'];
  for (let i = 2; i < slides; i++) {
    if (i === 150) {
      // A stack: the second vertical slide overflows once its fragments are all shown.
      parts.push(`## Stack top\n\n- Fits\n\n----\n\n## Vertical, planted\n\n- Shown at once\n${LINES(15, true)}\n`);
      continue;
    }
    parts.push(`## Slide ${i}\n\n- Point one about topic ${i}\n- Point two <!-- .element: class="fragment" -->\n${i % 5 === 0 ? '\n```js\nconst n = ' + i + ';\n```\n' : ''}`);
  }
  parts.push(`## Last, planted\n\n${LINES(8, false)}\n${LINES(8, true)}\n`);
  const text = parts.join('\n---\n\n');
  const lines = text.split('\n');
  const lineOf = { vertical: lines.indexOf('## Vertical, planted') + 1, last: lines.indexOf('## Last, planted') + 1 };
  return { text, lineOf };
}

describe.runIf(hasChromium())('deckhand check on a deck of a few hundred slides', () => {
  const { text, lineOf } = bigDeck(300);
  let result: CheckResult;

  beforeAll(async () => {
    const root = makeProject({ 'slides/big.md': text });
    result = await checkDecks({ root, cacheDir: path.join(root, '.cache'), chromium: CHROMIUM, log: () => {} });
  }, 120_000);

  it('reports the overflow planted on the last slide and on a vertical slide, and nothing else', () => {
    expect(result.decks).toEqual([{ name: 'big', title: 'Big deck', slides: 301 }]);
    expect(result.diagnostics.map((d) => `${path.basename(d.file ?? '')}:${d.line} ${d.severity} ${d.code}`)).toEqual([
      `big.md:${lineOf.vertical} error slide-overflow`,
      `big.md:${lineOf.last} error slide-overflow`,
    ]);
  });

  it('counts every fragment as shown: both slides run past the bottom by several lines', () => {
    for (const d of result.diagnostics) {
      const px = Number(/by (\d+) px at the bottom$/.exec(d.message)?.[1]);
      // 16 lines of about 46 px against room for about 12 (a heading takes some): two to five lines too many.
      expect(px).toBeGreaterThan(80);
      expect(px).toBeLessThan(300);
    }
  });
});
