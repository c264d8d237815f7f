import fs from 'node:fs';
import os from 'node:os';
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

/** Draws every diagram as mermaid draws one: the same ids every time, a marker referenced by id. */
function sameSvgRenderer(): DiagramRenderer {
  const svg = '<svg id="deck-m-same" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><marker id="deck-m-same_arrow"></marker></defs><path d="M0 0" marker-end="url(#deck-m-same_arrow)"></path></svg>';
  return {
    prepare() {},
    async render(refs: DiagramRef[]) {
      return { results: new Map(refs.map((r) => [r.id, { kind: 'svg', svg }])), diagnostics: [], rendered: 0, cached: refs.length };
    },
  } as unknown as DiagramRenderer;
}

describe('DevDeck with the same diagram on two slides', () => {
  it('patches the later copy with renamed ids, as the whole page has it: shared ids lose the arrowheads', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-twice-'));
    const file = path.join(root, 'slides', 'twice.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const diagram = '```mermaid\nflowchart LR\n  A --> B\n```';
    fs.writeFileSync(file, `# One\n\n${diagram}\n\n---\n\n# Two\n\n---\n\n# Three\n\n${diagram}\n`);
    const deck = new DevDeck(file, 'twice', { root, cacheDir: path.join(root, '.cache'), diagrams: sameSvgRenderer() });
    await deck.update(new Set(), true);
    const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]).filter((id) => id.startsWith('deck-m-'));
    const page = ids(deck.page() ?? "");
    expect(new Set(page).size).toBe(page.length);
    // An edit of the third slide sends it alone.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('# Three', '# Three, edited'));
    const { messages } = await deck.update(new Set([file]), false);
    const patch = messages.find((m) => m.type === 'patch');
    expect(patch?.type === 'patch' && patch.slides.length).toBe(1);
    const patched = patch?.type === 'patch' ? ids(patch.slides[0].html) : [];
    expect(patched.length).toBe(2);
    expect(patched.filter((id) => page.slice(0, 2).includes(id))).toEqual([]);
    expect(patch?.type === 'patch' && patch.slides[0].html).toContain(`url(#${patched[1]})`);
  });

  it('gives a later copy its ids back when the earlier copy goes, though its own slide did not change', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-twice-'));
    const dir = path.join(root, 'slides', 'twice');
    fs.mkdirSync(dir, { recursive: true });
    const diagram = '```mermaid\nflowchart LR\n  A --> B\n```';
    // Two chapters: an edit of the first leaves the second's slide as it was rendered (the same object).
    fs.writeFileSync(path.join(dir, '01.md'), `# One\n\n${diagram}\n`);
    fs.writeFileSync(path.join(dir, '02.md'), `# Two\n\n${diagram}\n`);
    const deck = new DevDeck(dir, 'twice', { root, cacheDir: path.join(root, '.cache'), diagrams: sameSvgRenderer() });
    await deck.update(new Set(), true);
    const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]).filter((id) => id.startsWith('deck-m-'));
    const page = ids(deck.page() ?? '');
    expect(page).toHaveLength(4);
    fs.writeFileSync(path.join(dir, '01.md'), '# One\n\nNo diagram here now.\n');
    const { messages } = await deck.update(new Set([path.join(dir, '01.md')]), false);
    const second = messages.flatMap((m) => (m.type === 'patch' ? m.slides : [])).find((s) => s.html.includes('Two'));
    expect(second && ids(second.html)).toEqual(page.slice(0, 2));
  });
});
