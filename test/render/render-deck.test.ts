import { describe, expect, it } from 'vitest';
import { renderDeck } from '../../src/render/render-deck';
import type { ParsedDeck, SlideSource } from '../../src/types';
import { parseFragment, texts } from '../helpers/html';

const ctx = { root: '/p', exists: () => false, readText: () => undefined };

function deckOf(...bodies: string[]): ParsedDeck {
  let line = 1;
  const stacks = bodies.map((body, i): SlideSource[] => {
    const slide = { key: `0-${i}`, file: '/p/slides/d.md', line, endLine: line, body, bodyLine: line };
    line += body.split('\n').length + 2;
    return [slide];
  });
  return { name: 'd', root: '/p/slides/d.md', frontMatter: {}, frontMatterAt: {}, stacks };
}

describe('renderDeck', () => {
  it('reports a slide that exhausts the Markdown parser at its file:line, and renders the others', async () => {
    const nested = '>'.repeat(10_000) + ' deep';
    const { deck, diagnostics } = await renderDeck(deckOf('# Fine', nested), 'T', ctx);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'slide-too-complex', severity: 'error', file: '/p/slides/d.md', line: 4 })]);
    expect(texts(parseFragment(deck.stacks[0][0].html), 'h1')).toEqual(['Fine']);
  });
});
