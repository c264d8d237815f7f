import path from 'node:path';
import { compileStyle } from './assemble/compile-style';
import type { CompiledStyle } from './assemble/theme';
import { assembleDeckPage, type PageInputs } from './assemble/deck-page';
import { DeckhandError, hasErrors, withFrame, type Diagnostic } from './diagnostics';
import { fileContext, readSourceText } from './load/file-context';
import { guessDiagramCount, type DiagramRenderer } from './diagrams/render-diagrams';
import { withDerivedTheme } from './diagrams/palette';
import { resolveDeckOptions, type DeckOptions, type DeckOverrides } from './options';
import { parseDeck, type SplitCache } from './parse/parse-deck';
import { renderDeck, type RenderCache } from './render/render-deck';
import type { AssetRef, DeckSource, DiagramRef, RenderedDeck, SourcePosition } from './types';

export interface CompiledDeck {
  name: string;
  title: string;
  slideCount: number;
  /** Where each deck setting came from (`--verbose`): a flag, a file and line, or the defaults. */
  settings: SettingSource[];
  html: string;
  /** Everything the page is assembled from, for callers that render single sections. */
  page: PageInputs;
  deck: RenderedDeck;
  style?: CompiledStyle;
  assets: AssetRef[];
  diagnostics: Diagnostic[];
  /** How the deck's diagrams were drawn this time: in Chromium, from the cache, or left to the viewer's browser. */
  diagramCounts: { rendered: number; cached: number; deferred: number };
  /** Diagram files and themes the deck used, besides its Markdown: what a watcher must watch. */
  dependencies: string[];
  /** With `drawDiagramsLater`, when some diagrams are placeholders: settles once they are drawn and cached. */
  diagramsDrawn?: Promise<void>;
}

export interface CompileEnv {
  root: string;
  cacheDir?: string;
  diagrams: DiagramRenderer;
  /** Added to the page before the runtime script: the dev server's client. */
  extraScripts?: string;
  /** Rendered slides kept between compiles (the dev server's); unchanged slides are not rendered again. */
  renderCache?: RenderCache;
  splitCache?: SplitCache;
  /**
   * Stop at the first stage with errors (the dev server's): broken front matter would otherwise
   * fall back to default options and compile the default theme and redraw every diagram in it,
   * only to be thrown away. A build goes on, to report every problem at once.
   */
  stopOnParseErrors?: boolean;
  /** Deck settings given on the command line, which win over the front matter. */
  deckOverrides?: DeckOverrides;
  /** Whose diagrams these are (the dev server's deck): the renderer keeps in memory only what each owner uses now. */
  diagramOwner?: string;
  /** Serve first, draw later (the servers): diagrams not in the cache are placeholders, drawn in the background; see `diagramsDrawn`. */
  drawDiagramsLater?: boolean;
  /** With `drawDiagramsLater`: drawing starts when this settles (the dev server: a page has shown the deck). */
  drawDiagramsAfter?: Promise<void>;
}

/**
 * The pipeline for one deck, in memory: parse → render → diagrams → assemble.
 * Nothing here writes to disk, so the dev server reuses it as it is.
 */
export async function compileDeck(source: DeckSource, env: CompileEnv): Promise<CompiledDeck> {
  // Playwright loads in the render thread while this deck is parsed and rendered, if Chromium may be needed.
  if (!env.drawDiagramsLater) env.diagrams.expect(guessDiagramCount(source.files.map((f) => f.text)));
  const parsed = parseDeck(source, env.splitCache, { revealMd: env.deckOverrides?.revealMd });
  if (env.stopOnParseErrors && hasErrors(parsed.diagnostics)) {
    const texts = new Map(source.files.map((f) => [f.path, f.text]));
    throw new DeckhandError('the deck has errors', parsed.diagnostics.map((d) => withFrame(d, d.file ? texts.get(d.file) : undefined)));
  }
  const options = resolveDeckOptions(parsed.deck.frontMatter, '', env.deckOverrides, { config: parsed.deck.config, defaults: parsed.deck.defaults });
  const rendered = await renderDeck(parsed.deck, options.title, fileContext(env.root, env.cacheDir), env.renderCache, options.math);
  // Chromium starts (if some diagram must be drawn) while the theme compiles; drawing later, it starts when told.
  const refs = allDiagrams(rendered.deck);
  if (!env.drawDiagramsLater) env.diagrams.prepare(refs);
  const title = options.title || firstHeading(rendered.deck) || source.name;
  const deck: RenderedDeck = { ...rendered.deck, title };
  const at = parsed.deck.frontMatterAt;
  const baseDir = path.dirname(source.files[0]?.path ?? source.root);
  const styled = await compileStyle(options.theme, options.highlightTheme, env.root, { theme: at.theme, highlightTheme: at.highlightTheme, css: at.css }, env.cacheDir, { baseDir, css: options.css }, { math: deck.stacks.some((stack) => stack.some((s) => s.math)) });
  const diagrams = styled.style
    ? await env.diagrams.render(refs, options.mermaid, { id: styled.style.fontId, themeCss: styled.style.css, themeFiles: styled.style.files, variables: styled.style.variables }, { owner: env.diagramOwner, drawLater: env.drawDiagramsLater, drawAfter: env.drawDiagramsAfter })
    : { results: new Map(), diagnostics: [], rendered: 0, cached: 0, drawing: undefined };

  const pageInputs: PageInputs = {
    deck,
    diagrams: diagrams.results,
    runtime: '../_deckhand/',
    styleName: styled.style?.name ?? 'style.css',
    reveal: options.revealOptions,
    // The viewer's browser draws diagrams only without Chromium: then it needs the derived colours too. Otherwise
    // the deck's own settings, so a theme edit in `dev` patches the redrawn diagrams instead of reloading the page.
    mermaid: styled.style && [...diagrams.results.values()].some((r) => r.kind === 'deferred') ? withDerivedTheme(options.mermaid, styled.style.variables) : options.mermaid,
    root: env.root,
    extraScripts: env.extraScripts,
  };
  let html: string | undefined;

  const texts = new Map([...source.files, ...(source.configFiles ?? [])].map((f) => [f.path, f.text]));
  const diagnostics = [...(source.problems ?? []), ...parsed.diagnostics, ...rendered.diagnostics, ...styled.diagnostics, ...diagrams.diagnostics].map((d) =>
    withFrame(d, d.file ? (texts.get(d.file) ?? readSourceText(d.file)) : undefined),
  );
  const assets = uniqueAssets(deck);
  return {
    name: source.name,
    title,
    settings: settingSources(options, at, env.deckOverrides ?? {}, parsed.deck.defaults ?? 'deckhand'),
    slideCount: deck.stacks.reduce((n, s) => n + s.length, 0),
    // Assembled on first use: the dev server mostly sends single slides, not whole pages.
    get html() {
      return (html ??= assembleDeckPage(pageInputs));
    },
    page: pageInputs,
    deck,
    style: styled.style,
    assets,
    diagnostics,
    diagramCounts: { rendered: diagrams.rendered, cached: diagrams.cached, deferred: [...diagrams.results.values()].filter((r) => r.kind === 'deferred').length },
    diagramsDrawn: diagrams.drawing,
    dependencies: [...new Set([...(source.configFiles ?? []).map((f) => f.path), ...refs.map((r) => r.origin.file), ...(styled.style?.inputs ?? []), ...assets.map((a) => a.source)])],
  };
}

export function allDiagrams(deck: RenderedDeck): DiagramRef[] {
  return deck.stacks.flatMap((stack) => stack.flatMap((s) => s.diagrams));
}

function uniqueAssets(deck: RenderedDeck): AssetRef[] {
  const byTarget = new Map<string, AssetRef>();
  for (const stack of deck.stacks) for (const s of stack) for (const a of s.assets) byTarget.set(a.target, a);
  return [...byTarget.values()];
}



/** A deck without a `title:` is named after its first heading (level 1 or 2), as a reader would. */
function firstHeading(deck: RenderedDeck): string | undefined {
  for (const slide of deck.stacks.flat()) {
    const heading = slide.outline.headings.find((h) => h.depth <= 2 && h.text);
    if (heading) return heading.text;
  }
  return undefined;
}

/** One deck setting and where its value came from. */
export interface SettingSource {
  key: string;
  value: unknown;
  /** `--theme`, `reveal-md.json:3`, `slides/talk.md:2`, or `defaults (deckhand)`. */
  from: string;
}

function settingSources(options: DeckOptions, at: Record<string, SourcePosition>, overrides: DeckOverrides, defaults: string): SettingSource[] {
  const flags: Record<string, string> = { theme: '--theme', highlightTheme: '--highlight-theme' };
  return (Object.keys(options) as Array<keyof DeckOptions>).map((key) => {
    const flag = key in flags && overrides[key as keyof DeckOverrides] !== undefined ? flags[key] : undefined;
    const place = at[key];
    return { key, value: options[key], from: flag ?? (place ? `${place.file}:${place.line}` : `defaults (${defaults})`) };
  });
}

export const RUNTIME_DIR = '_deckhand';
