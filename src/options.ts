import type { FrontMatter } from './types';

/**
 * Every option with its default, in one place.
 * Precedence, lowest first: these defaults < the deck's front matter < command-line flags.
 * This module is pure (the parse stage reads it); defaults that come from the environment
 * (the current folder, DECKHAND_* variables, stderr) are filled in by build-options.ts.
 */

/** How a whole build runs (set by the CLI or the API caller). */
export interface BuildOptions {
  /** Project folder: decks, `themes/` and `diagrams/` are found from here. */
  root: string;
  /** Deck files or folders; empty means every deck under `<root>/slides`. */
  inputs: string[];
  /** Output folder, swapped in whole at the end of a successful build. */
  outDir: string;
  /** Chromium used to render diagrams; `false` renders them in the viewer's browser instead. */
  chromium: string | false;
  /** Where rendered diagram SVGs are kept between builds. */
  cacheDir: string;
  /** Replace an output folder that is not empty and was not made by Deckhand (never one holding sources). */
  force: boolean;
  /** Adds the live-preview client to every page (used by `deckhand dev`). */
  dev: boolean;
  /** Receives one-line progress and notice messages. */
  log: (line: string) => void;
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
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

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
  };
}

/** Reveal.initialize() options Deckhand sets unless the deck overrides them. */
export function defaultRevealOptions(): Record<string, unknown> {
  return { hash: true, width: 960, height: 700, margin: 0.04, slideNumber: 'c/t', transition: 'slide' };
}

export function resolveDeckOptions(frontMatter: FrontMatter, fallbackTitle: string): Readonly<DeckOptions> {
  const defaults = defaultDeckOptions();
  const picked: Partial<DeckOptions> = {};
  for (const key of Object.keys(defaults) as (keyof DeckOptions)[]) {
    if (frontMatter[key] !== undefined) (picked as Record<string, unknown>)[key] = frontMatter[key];
  }
  const merged = { ...defaults, ...picked };
  merged.title = String(merged.title || fallbackTitle);
  return Object.freeze(merged);
}
