import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build';
import { compileDeck } from '../src/compile-deck';
import { DeckhandError } from '../src/diagnostics';
import { DiagramRenderer } from '../src/diagrams/render-diagrams';
import { findDecks } from '../src/load/find-decks';
import type { DeckOverrides } from '../src/options';
import { copyFixture, makeProject } from './helpers/fixtures';
import { all, parsePage } from './helpers/html';

const quiet = { log: () => {} };

async function compile(root: string, input: string, deckOverrides: DeckOverrides = {}) {
  const [source] = findDecks(root, [input]);
  const diagrams = new DiagramRenderer({ chromium: false, cacheDir: path.join(root, '.cache'), log: () => {} });
  try {
    return await compileDeck(source, { root, cacheDir: path.join(root, '.cache'), diagrams, deckOverrides });
  } finally {
    await diagrams.close();
  }
}

describe('reveal-md decks', () => {
  it('reads reveal-md.json and reveal.json beside the deck, below the front matter', async () => {
    const root = copyFixture('reveal-md');
    const deck = await compile(root, 'talk');
    // Separators from reveal-md.json: three blank lines start a slide, two a vertical one.
    expect(deck.deck.stacks.map((s) => s.length)).toEqual([1, 2, 1]);
    expect(deck.title).toBe('Kept from reveal-md');
    // reveal-md.json < reveal.json < front matter revealOptions.
    expect(deck.page.reveal).toMatchObject({ transition: 'convex', controls: false, progress: true });
    // theme from reveal-md.json, highlightTheme from reveal-md's defaults, css: bundled after them.
    expect(deck.style?.name).toMatch(/^style-white-[0-9a-f]{8}\.zenburn\.css$/);
    expect(deck.style?.css).toContain('.deck-extra-marker{color:#010203}');
    const file = path.join(root, 'talk/reveal-md.json');
    expect(deck.diagnostics).toEqual([expect.objectContaining({ code: 'config-unsupported', severity: 'warning', file, line: 7, column: 3 })]);
    expect(deck.diagnostics[0].message).toContain('"scripts"');
    expect(deck.dependencies).toEqual(expect.arrayContaining([file, path.join(root, 'talk/reveal.json'), path.join(root, 'talk/styles/extra.css')]));
  });

  it('reports a wrong type at its line in the JSON file, and an unknown key as a warning', async () => {
    const root = makeProject({
      'slides/reveal-md.json': '{\n  "theme": "black",\n  "highlightTheme": 7,\n  "them": "white"\n}\n',
      'slides/reveal.json': '{\n  "width": "wide"\n}\n',
      'slides/d.md': '# A\n',
    });
    const err = (await build({ root, chromium: false, ...quiet }).catch((e) => e)) as DeckhandError;
    expect(err).toBeInstanceOf(DeckhandError);
    const found = err.diagnostics.map((d) => [path.basename(d.file!), d.line, d.severity, d.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['reveal-md.json', 3, 'error', 'config-type'],
        ['reveal-md.json', 4, 'warning', 'config-unknown-key'],
        ['reveal.json', 2, 'error', 'reveal-option-type'],
      ]),
    );
    expect(err.diagnostics.find((d) => d.code === 'config-unknown-key')?.message).toContain('did you mean "theme"?');
    expect(err.diagnostics.find((d) => d.code === 'config-type')?.frame).toContain('> 3 |   "highlightTheme": 7,');
  });

  it("starts from reveal-md's defaults with --reveal-md: theme black, zenburn, its separators and notes", async () => {
    const root = makeProject({ 'slides/d.md': '# One\n\n---\n\n# Two\nnote: said aloud\n\n----\n\n# Two, below\n' });
    const deck = await compile(root, 'slides/d.md', { revealMd: true });
    expect(deck.style?.name).toBe('style-black.zenburn.css');
    expect(deck.deck.stacks.map((s) => s.length)).toEqual([1, 2]);
    expect(deck.deck.stacks[1][0].notesHtml).toContain('said aloud');
    const plain = await compile(root, 'slides/d.md');
    expect(plain.style?.name).toBe('style-deckhand.github-dark.css');
  });

  it('bundles theme: custom.css and css: files from beside the deck, and refuses files outside the project', async () => {
    const root = makeProject({
      'slides/custom.css': '.reveal { --deck-custom: rgb(4, 5, 6); }\n',
      'slides/more.css': '.deck-more { color: rgb(7, 8, 9); }\n',
      'slides/d.md': '---\ntheme: custom.css\ncss: more.css\n---\n# A\n',
      'slides/out.md': '---\ncss: ../../outside.css\n---\n# A\n',
    });
    fs.writeFileSync(path.join(root, '..', 'outside.css'), '.x{}');
    const deck = await compile(root, 'slides/d.md');
    expect(deck.diagnostics).toEqual([]);
    expect(deck.style?.css).toContain('--deck-custom: rgb(4, 5, 6)');
    expect(deck.style?.css).toContain('.deck-more{color:#070809}');
    const outside = await compile(root, 'slides/out.md');
    expect(outside.diagnostics).toEqual([expect.objectContaining({ code: 'outside-project', severity: 'error' })]);
    fs.rmSync(path.join(root, '..', 'outside.css'));
  });

  it('builds a page whose code without a language is highlighted and whose stylesheet is local', async () => {
    const root = copyFixture('reveal-md');
    await build({ root, inputs: ['talk'], chromium: false, ...quiet });
    const page = parsePage(fs.readFileSync(path.join(root, 'dist/talk/index.html'), 'utf8'));
    expect(all(page, 'pre code.language-python .hljs-keyword').length).toBeGreaterThan(0);
    expect(all(page, 'link[rel=stylesheet]').map((l) => l.getAttribute('href'))).toEqual([expect.stringMatching(/^\.\.\/_deckhand\/style-white-/)]);
  });
});
