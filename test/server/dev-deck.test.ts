import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagramRenderer } from '../../src/diagrams/render-diagrams';
import { DevDeck } from '../../src/server/dev-deck';
import type { DiagramRef } from '../../src/types';
import { copyFixture } from '../helpers/fixtures';
import { one, parseFragment, parsePage } from '../helpers/html';

/** A renderer that draws nothing and counts what it was asked to draw. */
function countingRenderer() {
  const calls: number[] = [];
  const renderer = {
    prepare() {},
    async render(refs: DiagramRef[]) {
      calls.push(refs.length);
      return { results: new Map(refs.map((r) => [r.id, { kind: 'deferred', code: r.code }])), diagnostics: [], rendered: 0, cached: refs.length };
    },
  } as unknown as DiagramRenderer;
  return { renderer, calls };
}

function basicDeck() {
  const root = copyFixture('basic');
  const { renderer, calls } = countingRenderer();
  const deck = new DevDeck(path.join(root, 'slides/basic'), 'basic', { root, cacheDir: path.join(root, '.cache'), diagrams: renderer });
  return { root, deck, calls, chapter: path.join(root, 'slides/basic/01-intro.md') };
}

describe('DevDeck', () => {
  it('reports broken front matter from the parse stage, without compiling a theme or drawing diagrams', async () => {
    const { deck, calls, chapter } = basicDeck();
    await deck.update(new Set(), true);
    const drawn = calls.length;
    const text = fs.readFileSync(chapter, 'utf8');
    fs.writeFileSync(chapter, text.replace('title: Basic fixture', 'title: [Basic fixture'));
    const { messages, diagnostics } = await deck.update(new Set([chapter]), false);
    expect(diagnostics.map((d) => d.code)).toEqual(['front-matter-yaml']);
    expect(diagnostics[0].frame).toContain('title: [Basic fixture');
    expect(messages).toEqual([expect.objectContaining({ type: 'error', deck: 'basic' })]);
    expect(calls.length).toBe(drawn); // with default options it would redraw every diagram
  });
});

describe('DevDeck caches over a long editing session', () => {
  it('keep only what the current sources use, however many different saves came before', async () => {
    const { deck, chapter } = basicDeck();
    const text = fs.readFileSync(chapter, 'utf8');
    await deck.update(new Set(), true);
    const warm = deck.cacheSizes();
    for (let i = 0; i < 60; i++) {
      fs.writeFileSync(chapter, text.replace('# Welcome', `# Welcome ${i}`).replace('## Code steps', `## Code steps ${i % 7}`));
      await deck.update(new Set([chapter]), false);
    }
    fs.writeFileSync(chapter, text);
    await deck.update(new Set([chapter]), false);
    expect(deck.cacheSizes()).toEqual(warm); // one split per chapter file, one render per slide
  });
});

describe('DevDeck versions', () => {
  it('serves the page with its version, bumped by saves pages see and kept by saves they do not', async () => {
    const { deck, chapter } = basicDeck();
    await deck.update(new Set(), true);
    const version = () => one(parsePage(deck.page() ?? ''), 'meta[name="deck-dev-version"]').getAttribute('content');
    expect(version()).toBe('1');
    const text = fs.readFileSync(chapter, 'utf8');
    fs.writeFileSync(chapter, text);
    expect((await deck.update(new Set([chapter]), false)).messages).toEqual([]);
    expect(deck.version).toBe(1);
    fs.writeFileSync(chapter, text.replace('# Welcome', '# Welcome, versioned'));
    expect((await deck.update(new Set([chapter]), false)).messages).toEqual([expect.objectContaining({ type: 'patch', version: 2 })]);
    expect(version()).toBe('2');
  });
});

describe('DevDeck.catchUp', () => {
  it('brings a page served an older version up to date with the slides changed since, or a reload after a structural change', async () => {
    const { deck, chapter } = basicDeck();
    await deck.update(new Set(), true);
    const served = deck.version;
    expect(deck.catchUp(served)).toEqual([]);
    const text = fs.readFileSync(chapter, 'utf8');
    fs.writeFileSync(chapter, text.replace('# Welcome', '# Welcome, first'));
    await deck.update(new Set([chapter]), false);
    fs.writeFileSync(chapter, text.replace('# Welcome', '# Welcome, second'));
    const { messages } = await deck.update(new Set([chapter]), false);
    const latest = messages.find((m) => m.type === 'patch')!;
    // Two saves missed: one patch with the slide as it is now, at the current version.
    const [caught] = deck.catchUp(served);
    expect(caught).toMatchObject({ type: 'patch', deck: 'basic', version: deck.version });
    expect(caught.type === 'patch' && caught.slides).toEqual(latest.type === 'patch' && latest.slides);
    expect(one(parseFragment(caught.type === 'patch' ? caught.slides[0].html : ''), 'h1').textContent).toBe('Welcome, second');
    // A page from before the first compile (the error page) or from before a structural change reloads.
    expect(deck.catchUp(0)).toEqual([{ type: 'reload', deck: 'basic' }]);
    fs.writeFileSync(chapter, text.replace('# Welcome', '# Welcome\n\n---\n\n# A new slide'));
    await deck.update(new Set([chapter]), false);
    expect(deck.catchUp(served)).toEqual([{ type: 'reload', deck: 'basic' }]);
  });
});
