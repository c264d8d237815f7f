import type { FrontMatter } from './types';

/**
 * Every option with its default, in one place.
 * Precedence, lowest first: these defaults < the deck's front matter < command-line flags.
 * This module is pure (the parse stage reads it); defaults that come from the environment
 * (the current folder, DECKHAND_* variables, stderr) are filled in by build-options.ts.
 */

/** What every command shares: where the project is, and how Deckhand reaches Chromium, its cache and the terminal. */
export interface CommonOptions {
  /** Project folder: decks, `themes/` and `diagrams/` are found from here. Default: the current folder. */
  root: string;
  /** Chromium used to render diagrams (and to measure and print); `false` renders diagrams in the viewer's browser. Default: `DECKHAND_CHROMIUM`, else `DEFAULTS.chromium`. */
  chromium: string | false;
  /** Where rendered diagrams, slides and styles are kept between runs. Default: `DECKHAND_CACHE_DIR`, else `DEFAULTS.cacheDir` under a root that has a package.json, else the user's cache folder (see cache/cache-location.ts). */
  cacheDir: string;
  /** Receives one-line progress and notice messages. Default: stderr. */
  log: (line: string) => void;
  /** Deck settings that win over every deck's front matter (`--theme`, `--highlight-theme`). Default: none. */
  deckOverrides: DeckOverrides;
  /** Told as each diagram is drawn in Chromium (the CLI's progress line on a terminal). Default: none. */
  onDiagramDrawn?: (progress: DrawProgress) => void;
}

export interface DrawProgress {
  /** Drawn so far, and to draw in all, since the renderer last had nothing to do. */
  done: number;
  total: number;
  /** The file the diagram just drawn comes from. */
  file: string;
}

/** The deck settings a command line may force; `revealMd` starts every deck from reveal-md's defaults (`--reveal-md`). */
export type DeckOverrides = Partial<Pick<DeckOptions, 'theme' | 'highlightTheme'>> & { revealMd?: boolean };

/** How a whole build runs (set by the CLI or the API caller). */
export interface BuildOptions extends CommonOptions {
  /** Deck files or folders; empty means every deck under `<root>/slides`. */
  inputs: string[];
  /** Output folder, swapped in whole at the end of a successful build. */
  outDir: string;
  /** Replace an output folder that is not empty and was not made by Deckhand (never one holding sources). */
  force: boolean;
  /** Adds the live-preview client to every page (used by `deckhand dev`). */
  dev: boolean;
  /** Fail on warnings too (a missing image, say), not only on errors. */
  strict: boolean;
}

/** Where a server listens. */
export interface ServeOptions {
  /** Port; when it is the default and taken, the next free one is used. */
  port: number;
  /** Address. Loopback keeps the server on this machine; `0.0.0.0` or a LAN address lets others join. */
  host: string;
}

/** `deckhand dev`. */
export interface DevOptions extends BuildOptions, ServeOptions {}

export type ExportFormat = 'html' | 'pdf';

/** `deckhand export`. */
export interface ExportOptions extends CommonOptions {
  /** The deck: a `.md` file or a folder of chapter files. */
  input: string;
  format: ExportFormat;
  /** Output file; default `<deck name>.<format>` in `root`. */
  out?: string;
  /** PDF: one page per fragment step instead of one per slide with every fragment shown. */
  fragments: boolean;
  /** PDF: a handout, each slide followed by a page with its speaker notes (slides without notes get none). */
  notes: boolean;
  /** Overwrite an existing file that an earlier export did not write (never a source file). */
  force: boolean;
  /** Called as PDF pages are printed. */
  onProgress?: (done: number, total: number) => void;
}

/** `deckhand check`. */
export interface CheckOptions extends CommonOptions {
  /** Deck files or folders; empty means every deck under `<root>/slides`. */
  inputs: string[];
}

/** `deckhand present`. */
export interface PresentOptions extends CommonOptions, ServeOptions {
  /** The deck: a `.md` file or a folder of chapter files; empty means the only deck under `slides/`. */
  input?: string;
  /** Pick up the saved session (token, slide, timer) when it was last used less than this long ago. 0: always start anew. */
  resumeWithinMs: number;
}

/** Every default that is a plain value, for the resolvers below, the CLI's help and the docs. */
export const DEFAULTS = {
  chromium: '/usr/bin/chromium',
  /** Relative to the project root, when it is a Node project (has a package.json). */
  cacheDir: 'node_modules/.cache/deckhand',
  outDir: 'dist',
  port: 3030,
  host: '127.0.0.1',
  /** A crash or a restart mid-talk comes back within minutes; a rehearsal this morning is another talk. */
  resumeWithinMs: 60 * 60 * 1000,
  /** reveal.js's canvas, which slides are laid out at and PDF pages printed at. */
  canvas: { width: 960, height: 700 },
  exportFormat: 'html' as ExportFormat,
} as const;

/** Defaults of each command's own fields (the common ones come from the environment: see resolve-options.ts). */
export function defaultBuildFields(): Omit<BuildOptions, keyof CommonOptions> {
  return { inputs: [], outDir: DEFAULTS.outDir, force: false, dev: false, strict: false };
}

export function defaultServeFields(): ServeOptions {
  return { port: DEFAULTS.port, host: DEFAULTS.host };
}

export function defaultExportFields(): Omit<ExportOptions, keyof CommonOptions | 'input'> {
  return { format: DEFAULTS.exportFormat, fragments: false, notes: false, force: false };
}

export function defaultCheckFields(): Omit<CheckOptions, keyof CommonOptions> {
  return { inputs: [] };
}

export function defaultPresentFields(): Omit<PresentOptions, keyof CommonOptions> {
  return { ...defaultServeFields(), resumeWithinMs: DEFAULTS.resumeWithinMs };
}

/** How one deck looks and splits (front matter, reveal-md compatible). */
export interface DeckOptions {
  title: string;
  theme: string;
  highlightTheme: string;
  separator: string;
  verticalSeparator: string;
  notesSeparator: string;
  revealOptions: Record<string, unknown>;
  mermaid: Record<string, unknown>;
  /** Extra stylesheets (reveal-md's `css:`), paths relative to the file that names them; bundled after the theme. */
  css: string[];
  /** Build-time math (KaTeX): `math: { macros: { '\\RR': '\\mathbb{R}' } }`; reveal-md's `revealOptions.math.macros` and `revealOptions.katex.macros` count too. */
  math: MathOptions;
}

export interface MathOptions {
  /** TeX macros every formula of the deck may use. */
  macros: Record<string, string>;
}

/**
 * Largest Markdown file Deckhand reads (bytes). marked's block rules are regular expressions
 * that run out of stack on a single paragraph of about 8 MB; 4 MB keeps well clear of that, and
 * no hand-written chapter comes near it (the flagship deck's largest is 12 kB).
 */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export function defaultDeckOptions(): DeckOptions {
  return {
    title: '',
    theme: 'deckhand',
    highlightTheme: 'github-dark',
    // A line holding only the marker, as reveal.js's Markdown plugin and reveal-md split.
    separator: '^---[ \\t]*$',
    verticalSeparator: '^----[ \\t]*$',
    notesSeparator: '^\\s*notes?:',
    revealOptions: {},
    mermaid: {},
    css: [],
    math: { macros: {} },
  };
}

/** reveal-md's defaults, for a deck that comes with a reveal-md.json or is built with `--reveal-md`. */
export function revealMdDeckOptions(): DeckOptions {
  return {
    ...defaultDeckOptions(),
    theme: 'black',
    highlightTheme: 'zenburn',
    separator: '^(\\r\\n?|\\n)---(\\r\\n?|\\n)$',
    verticalSeparator: '^(\\r\\n?|\\n)----(\\r\\n?|\\n)$',
    notesSeparator: '^note:',
  };
}

/** The defaults set a deck starts from. */
export function deckDefaults(set: 'deckhand' | 'reveal-md'): DeckOptions {
  return set === 'reveal-md' ? revealMdDeckOptions() : defaultDeckOptions();
}

/** mermaid.initialize() options Deckhand sets unless the deck's `mermaid:` front matter overrides them. */
export function defaultMermaidConfig(): Record<string, unknown> {
  return {
    // No `theme`: diagrams get one derived from the deck's theme (src/diagrams/palette.ts) unless the deck names one.
    securityLevel: 'strict',
    suppressErrorRendering: true,
    // Plain SVG text, not HTML in foreignObject: immune to the deck's CSS, so labels are never clipped.
    htmlLabels: false,
    // Room between a subgraph's title and the boxes under it: at 0 (mermaid's default) they touch.
    flowchart: { htmlLabels: false, defaultRenderer: 'dagre', useMaxWidth: true, subGraphTitleMargin: { top: 4, bottom: 10 } },
  };
}

/**
 * Later layers win, a diagram type's settings key by key, as mermaid itself merges them: a deck
 * that sets `flowchart: { nodeSpacing: 30 }` keeps Deckhand's other flowchart defaults.
 */
function mergeMermaidConfig(...layers: Array<Record<string, unknown> | undefined>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      const before = merged[key];
      merged[key] = isObject(before) && isObject(value) ? { ...before, ...value } : value;
    }
  }
  return merged;
}

/** Reveal.initialize() options Deckhand sets unless the deck overrides them. */
export function defaultRevealOptions(): Record<string, unknown> {
  return { hash: true, ...DEFAULTS.canvas, margin: 0.04, slideNumber: 'c/t', transition: 'slide' };
}

/** Where a deck's settings come from besides its front matter: its config files and the defaults set they imply. */
export interface DeckLayers {
  /** `reveal-md.json` settings, with `reveal.json` (and reveal.js keys of reveal-md.json) under `revealOptions`. */
  config?: FrontMatter;
  defaults?: 'deckhand' | 'reveal-md';
}

/**
 * Precedence, lowest first (reveal-md's order): defaults (Deckhand's or reveal-md's) < reveal-md.json
 * < the deck's front matter < `overrides` (command-line flags); and for reveal.js options
 * Deckhand's < reveal.json < front matter `revealOptions`.
 */
export function resolveDeckOptions(frontMatter: FrontMatter, fallbackTitle: string, overrides: DeckOverrides = {}, layers: DeckLayers = {}): Readonly<DeckOptions> {
  const defaults = deckDefaults(layers.defaults ?? (overrides.revealMd ? 'reveal-md' : 'deckhand'));
  const pick = (from: FrontMatter = {}) => {
    const picked: Partial<DeckOptions> = {};
    for (const key of Object.keys(defaults) as (keyof DeckOptions)[]) {
      if (from[key] !== undefined) (picked as Record<string, unknown>)[key] = from[key];
    }
    return picked;
  };
  const config = pick(layers.config);
  const own = pick(frontMatter);
  const { theme, highlightTheme } = overrides;
  const forced = Object.fromEntries(Object.entries({ theme, highlightTheme }).filter(([, v]) => v !== undefined));
  const merged = { ...defaults, ...config, ...own, ...forced };
  merged.title = String(merged.title || fallbackTitle);
  merged.css = listOf(merged.css);
  // Settings the deck leaves out keep Deckhand's defaults: both are merged here, once.
  merged.revealOptions = { ...defaultRevealOptions(), ...config.revealOptions, ...own.revealOptions };
  merged.mermaid = mergeMermaidConfig(defaultMermaidConfig(), config.mermaid, own.mermaid);
  merged.math = { macros: mathMacros(merged.revealOptions.katex, merged.revealOptions.math, merged.math) };
  return Object.freeze(merged);
}

function listOf(v: unknown): string[] {
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Macros from reveal-md's places for them and from `math:`, the later winning; only string definitions. */
function mathMacros(...sources: unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const source of sources) {
    const macros = (source as { macros?: unknown } | undefined)?.macros;
    if (macros && typeof macros === 'object') for (const [k, v] of Object.entries(macros)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}
