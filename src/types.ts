/** Every data shape that flows between the pipeline stages. */
import type { Diagnostic } from './protocol/diagnostic';
import type { StepPlan } from './protocol/diagram-steps';

/** A position in an author's source file (1-based line and column). */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** One Markdown file of a deck, as read from disk. */
export interface SourceFile {
  path: string;
  text: string;
}

/** A deck before parsing: a name and its Markdown files in deck order. */
export interface DeckSource {
  name: string;
  /** The `.md` file, or the folder holding the chapter files. */
  root: string;
  files: SourceFile[];
  /** Files that are not Markdown text (binary, not UTF-8, too large); their `text` is empty. */
  problems?: Diagnostic[];
  /** `reveal-md.json` and `reveal.json` that apply to the deck (see load/config-files.ts). */
  configFiles?: SourceFile[];
}

/** Front matter keys Deckhand understands (reveal-md compatible). */
export interface FrontMatter {
  title?: string;
  theme?: string;
  highlightTheme?: string;
  separator?: string;
  verticalSeparator?: string;
  notesSeparator?: string;
  revealOptions?: Record<string, unknown>;
  mermaid?: Record<string, unknown>;
  /** Extra stylesheets (reveal-md's `css:`), relative to the deck. */
  css?: string | string[];
  [key: string]: unknown;
}

/** One slide's Markdown, cut from its file, with the lines it spans. */
export interface SlideSource {
  /** Stable within a build: `<file index>-<slide ordinal in file>`. */
  key: string;
  file: string;
  /** First and last line (1-based, inclusive) of the slide in `file`. */
  line: number;
  endLine: number;
  body: string;
  /** File line where `body` begins (it may start with blank lines). */
  bodyLine: number;
  /** Speaker notes Markdown, if the slide has a notes separator. */
  notes?: string;
  notesLine?: number;
}

/** A horizontal slide with its vertical children (length 1 when none). */
export type SlideStack = SlideSource[];

export interface ParsedDeck {
  name: string;
  root: string;
  frontMatter: FrontMatter;
  /** Where each front matter key was written, for messages about its value. */
  frontMatterAt: Record<string, SourcePosition>;
  /** Settings from `reveal-md.json` and `reveal.json` (under `revealOptions`), below the front matter. */
  config?: FrontMatter;
  /** Which defaults the deck starts from: reveal-md's when it has a reveal-md.json or is built with --reveal-md. */
  defaults?: 'deckhand' | 'reveal-md';
  stacks: SlideStack[];
}

/** A file the slide refers to that must be copied into the output. */
export interface AssetRef {
  /** Absolute path on disk. */
  source: string;
  /** Path relative to the deck's output folder. */
  target: string;
}

/** A Mermaid diagram found in a slide (fence or `.mmd` image). */
export interface DiagramRef {
  /** Placeholder id used in the rendered HTML until the SVG is known. */
  id: string;
  code: string;
  alt: string;
  /** Where line 1 of `code` sits in the author's files. */
  origin: SourcePosition;
  /** The author's `.element` attributes for the diagram's wrapper. */
  attributes?: Record<string, string>;
}

/** What a slide says about itself, read off its tokens once: for checks and the deck title. */
export interface SlideOutline {
  headings: Array<{ depth: number; text: string; at: SourcePosition }>;
  /** Markdown links and raw `<a href>`, with the text a reader sees (empty when it is an image or unknown). */
  links: Array<{ href: string; text: string; at: SourcePosition }>;
  /** Images and diagrams; `named` when a screen reader has a name for them (alt text, `alt=""`, accTitle). */
  images: Array<{ kind: 'image' | 'html-img' | 'diagram-file' | 'diagram-fence'; src: string; alt: string | undefined; named: boolean; at: SourcePosition }>;
  /** Element ids the slide defines (attribute comments and raw HTML). */
  ids: string[];
  /** Markdown and raw HTML tables; `header` when a row of header cells names the columns. */
  tables: Array<{ header: boolean; at: SourcePosition }>;
  /** Raw HTML `<video>`s; `captions` when one of its `<track>`s has `kind="captions"`. */
  videos: Array<{ src: string; captions: boolean; at: SourcePosition }>;
  /**
   * List items revealed one by one, except one whose attribute comment made only its last word
   * (inline code, bold, a link) the fragment: `word` is that element's text, `at` its position.
   */
  splitBullets: Array<{ word: string; at: SourcePosition }>;
}

/** A place in a slide's HTML that a later stage fills: a diagram's slot, or the URL of a copied file. */
export type HtmlHole = { diagram: string } | { asset: string };

/** A slide's HTML as the render stage hands it on: markup, and the holes in it, in document order. */
export type HtmlPart = string | HtmlHole;

/** One slide after Markdown rendering, before diagrams are filled in. */
export interface RenderedSlide {
  key: string;
  file: string;
  line: number;
  endLine: number;
  attributes: Record<string, string>;
  /** The slide's HTML with its holes; assemble fills them (see html-parts.ts). */
  body: HtmlPart[];
  notes?: HtmlPart[];
  /** `body` with files next to the page and empty diagram slots: what checks read and the dev server compares. */
  html: string;
  notesHtml?: string;
  assets: AssetRef[];
  diagrams: DiagramRef[];
  outline: SlideOutline;
  /** The slide (or its notes) has math: the page needs KaTeX's stylesheet and fonts. */
  math?: boolean;
}

export interface RenderedDeck {
  name: string;
  title: string;
  frontMatter: FrontMatter;
  stacks: RenderedSlide[][];
}

/** A diagram after rendering: SVG markup, or the source for the browser fallback. */
export type DiagramResult =
  | { kind: 'svg'; svg: string }
  /** `steps`: a stepped diagram's plan, applied where the browser draws it. */
  | { kind: 'deferred'; code: string; steps?: StepPlan }
  /** Being drawn in Chromium while the page is already served (`dev`, `present`): a placeholder, patched in when drawn. */
  | { kind: 'drawing' }
  | { kind: 'error'; message: string; line?: number; column?: number };
