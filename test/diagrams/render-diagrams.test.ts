import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { diagramKey, openDiagramCache } from '../../src/diagrams/cache';
import { DiagramRenderer, mermaidDiagnostic, mermaidVersionOnce, type DiagramTheme } from '../../src/diagrams/render-diagrams';
import { resolveDeckOptions } from '../../src/options';

/** The mermaid config a deck with these `mermaid:` settings hands the diagram stage. */
const mermaidConfig = (settings: Record<string, unknown>) => resolveDeckOptions({ mermaid: settings }, '').mermaid;
import { DevDeck } from '../../src/server/dev-deck';
import type { DiagramRef } from '../../src/types';
import { CHROMIUM, hasChromium } from '../helpers/chromium';
import { copyFixture, makeProject } from '../helpers/fixtures';
import { parseFragment, texts } from '../helpers/html';

/** A theme with no font files: the render page loads in a moment. */
const SANS: DiagramTheme = { id: 'sans', themeCss: '.reveal .slides section { font-family: sans-serif; }', themeFiles: new Map() };
const SERIF: DiagramTheme = { id: 'serif', themeCss: '.reveal .slides section { font-family: serif; }', themeFiles: new Map() };

const FLOW = 'flowchart LR\n  A[Start] --> B[End]\n';

function ref(code: string, id = 'd1', line = 10): DiagramRef {
  return { id, code, alt: 'a diagram', origin: { file: '/p/slides/d.md', line, column: 1 } };
}

function renderer(cacheDir: string, chromium: string | false = false, log: (l: string) => void = () => {}) {
  return new DiagramRenderer({ chromium, cacheDir, log });
}

describe('mermaidDiagnostic', () => {
  it("maps mermaid's line into the author's file, with what mermaid expected", () => {
    const message = "Parse error on line 3:\n...A->>B: hi  B-->>>>A: ???\n----------------------^\nExpecting 'TXT', got 'NEWLINE'";
    expect(mermaidDiagnostic(message, ref(FLOW, 'd1', 10))).toEqual({
      code: 'mermaid-syntax',
      severity: 'error',
      message: "Mermaid: Parse error on line 3: — Expecting 'TXT', got 'NEWLINE'",
      file: '/p/slides/d.md',
      line: 12, // line 1 of the diagram is line 10 of the file
      column: 1,
    });
  });

  it('points at the first line of the diagram when mermaid names no line', () => {
    expect(mermaidDiagnostic('No diagram type detected matching given configuration for text: nope', ref('nope', 'd1', 7))).toMatchObject({
      message: 'Mermaid: No diagram type detected matching given configuration for text: nope',
      line: 7,
      column: 1,
    });
  });
});

describe("the deck's mermaid settings", () => {
  it("lets the deck's mermaid front matter override Deckhand's defaults", () => {
    expect(mermaidConfig({})).toMatchObject({ securityLevel: 'strict', htmlLabels: false });
    expect(mermaidConfig({}).theme).toBeUndefined(); // derived from the deck's theme when drawn
    expect(mermaidConfig({ theme: 'dark' })).toMatchObject({ theme: 'dark', securityLevel: 'strict' });
  });
});

describe('DiagramRenderer without Chromium', () => {
  it('leaves every diagram to the browser (deferred, with its source) and says so once', async () => {
    for (const chromium of [false, '/nonexistent/chromium'] as const) {
      const lines: string[] = [];
      const diagrams = renderer(path.join(makeProject({}), '.cache'), chromium, (l) => lines.push(l));
      const first = await diagrams.render([ref(FLOW, 'd1'), ref('sequenceDiagram\n  A->>B: hi\n', 'd2')], mermaidConfig({}), SANS);
      const second = await diagrams.render([ref(FLOW, 'd3')], mermaidConfig({}), SANS);
      expect(first.results.get('d1')).toEqual({ kind: 'deferred', code: FLOW });
      expect(first.results.get('d2')).toEqual({ kind: 'deferred', code: 'sequenceDiagram\n  A->>B: hi\n' });
      expect(second.results.get('d3')).toEqual({ kind: 'deferred', code: FLOW });
      expect([first, second].map((b) => [b.rendered, b.cached, b.diagnostics.length])).toEqual([[0, 0, 0], [0, 0, 0]]);
      expect(diagrams.memory().pages).toBe(0);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('diagrams will render in the browser');
      await diagrams.close();
    }
  });

  it('still serves what an earlier run drew, keyed by source, mermaid config and theme font', async () => {
    const cacheDir = path.join(makeProject({}), '.cache');
    // What a run with Chromium left behind for FLOW, drawn with the default config and the SANS theme.
    openDiagramCache(cacheDir).put(diagramKey({ code: FLOW, config: mermaidConfig({}), mermaidVersion: mermaidVersionOnce(), font: SANS.id }), '<svg>cached</svg>');
    const diagrams = renderer(cacheDir);
    const kind = async (code: string, deckConfig: Record<string, unknown>, theme: DiagramTheme) => (await diagrams.render([ref(code)], mermaidConfig(deckConfig), theme)).results.get('d1')?.kind;
    const hit = await diagrams.render([ref(FLOW)], mermaidConfig({}), SANS);
    expect(hit).toMatchObject({ cached: 1, rendered: 0 });
    expect(hit.results.get('d1')).toEqual({ kind: 'svg', svg: '<svg>cached</svg>' });
    expect(await kind(FLOW + '  B --> C\n', {}, SANS)).toBe('deferred');
    expect(await kind(FLOW, { theme: 'dark' }, SANS)).toBe('deferred');
    expect(await kind(FLOW, {}, SERIF)).toBe('deferred');
    expect(await kind(FLOW, {}, SANS)).toBe('svg');
    await diagrams.close();
  });
});

describe.runIf(hasChromium())('DiagramRenderer with Chromium', () => {
  const cacheDir = path.join(makeProject({}), '.cache');
  let diagrams: DiagramRenderer;
  let drawn: string;

  beforeAll(async () => {
    diagrams = renderer(cacheDir, CHROMIUM);
    const batch = await diagrams.render([ref(FLOW, 'd1'), ref(FLOW, 'd2')], mermaidConfig({}), SANS);
    expect(batch.diagnostics).toEqual([]);
    drawn = (batch.results.get('d1') as { svg: string }).svg;
    expect(batch.results.get('d2')).toEqual(batch.results.get('d1'));
    expect(batch.rendered).toBe(1); // the same source twice is drawn once
  });
  afterAll(async () => diagrams?.close());

  it('draws mermaid into an SVG with its labels, kept in the cache folder', () => {
    const svg = parseFragment(drawn);
    expect([...svg.children].map((e) => e.localName)).toEqual(['svg']);
    expect(texts(svg, 'g.node')).toEqual(['Start', 'End']);
    expect(fs.readdirSync(cacheDir).filter((f) => f.endsWith('.svg'))).toHaveLength(1);
  });

  it('renders nothing on a warm cache: no page is opened, the same SVG comes back', async () => {
    const warm = renderer(cacheDir, CHROMIUM);
    try {
      const batch = await warm.render([ref(FLOW)], mermaidConfig({}), SANS);
      expect(batch).toMatchObject({ rendered: 0, cached: 1, diagnostics: [] });
      expect(batch.results.get('d1')).toEqual({ kind: 'svg', svg: drawn });
      expect(warm.memory().pages).toBe(0);
    } finally {
      await warm.close();
    }
  });

  it('draws again when the source, the mermaid config or the theme font changes', async () => {
    for (const [code, config, theme] of [[FLOW + '  B --> C[Next]\n', {}, SANS], [FLOW, { theme: 'forest' }, SANS], [FLOW, {}, SERIF]] as const) {
      const batch = await diagrams.render([ref(code)], mermaidConfig(config), theme);
      expect(batch, `${JSON.stringify(config)} ${theme.id}`).toMatchObject({ rendered: 1, cached: 0 });
      expect(batch.results.get('d1')?.kind).toBe('svg');
    }
    expect(diagrams.memory().pages).toBe(2); // one render page per theme
  });

  it("reports mermaid's syntax error at the author's line, and draws the diagrams around it", async () => {
    const bad = 'sequenceDiagram\n  A->>B: hi\n  B-->>>>A: ???\n';
    const batch = await diagrams.render([ref(bad, 'bad', 20), ref(FLOW, 'good')], mermaidConfig({}), SANS);
    expect(batch.diagnostics).toEqual([expect.objectContaining({ code: 'mermaid-syntax', file: '/p/slides/d.md', line: 22, column: 1 })]);
    expect(batch.diagnostics[0].message).toMatch(/^Mermaid: Parse error on line 3/);
    expect(batch.results.get('bad')).toMatchObject({ kind: 'error', line: 22 });
    expect(batch.results.get('good')).toEqual({ kind: 'svg', svg: drawn });
  });
});

describe.runIf(hasChromium())('DiagramRenderer memory over a long editing session', () => {
  it('holds only the SVGs the decks use now, one render page per theme in use', async () => {
    const root = copyFixture('basic');
    const renderer = new DiagramRenderer({ chromium: CHROMIUM, cacheDir: path.join(root, '.cache'), log: () => {} });
    const deck = new DevDeck(path.join(root, 'slides/basic'), 'basic', { root, cacheDir: path.join(root, '.cache'), diagrams: renderer });
    const file = path.join(root, 'diagrams/engine.mmd');
    const text = fs.readFileSync(file, 'utf8');
    try {
      // The first compile serves placeholders and draws in the background; the next one finds them drawn.
      await deck.update(new Set(), true);
      await vi.waitFor(() => expect(deck.drawingDiagrams).toBe(false), { timeout: 30_000 });
      await deck.update(new Set(), false);
      const warm = renderer.memory();
      expect(warm).toEqual({ svgs: 2, keys: 2, pages: 1 });
      for (let i = 0; i < 12; i++) {
        fs.writeFileSync(file, `${text.trimEnd()}\n  N${i}[node ${i}] --> CLI\n`);
        await deck.update(new Set([file]), false);
        // Each save's drawing lands before the next, as when an author looks at the result.
        await vi.waitFor(() => expect(deck.drawingDiagrams).toBe(false), { timeout: 30_000 });
      }
      await deck.update(new Set(), false);
      expect(renderer.memory()).toEqual(warm);
    } finally {
      await renderer.close();
    }
  });
});
