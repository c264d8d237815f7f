import { fileContext, readSourceText } from '../load/file-context';
import { sourceLines, withFrame, type Diagnostic, type SourceLines } from '../diagnostics';
import { bundleDecks, type DeckBundle } from '../export/deck-bundle';
import { launchRequiredChromium, requireChromium } from '../export/chromium';
import { UNCLOSED_BLOCK_CODES } from '../parse/unclosed-blocks';
import { checkAccessibility } from './check-accessibility';
import { checkAltText } from './check-alt-text';
import { checkLinks, type LinkTargets } from './check-links';
import { checkOverflow, relativeSource } from './check-overflow';
import { checkSlides, checkSplitBullets } from './check-slides';
import type { CheckOptions } from '../options';
import { resolveCheckOptions } from '../resolve-options';

export interface CheckResult {
  decks: Array<{ name: string; title: string; slides: number }>;
  /** Every finding, in file and line order: build errors too (missing images, Mermaid syntax). */
  diagnostics: Diagnostic[];
}

/**
 * `deckhand check`: compiles each deck as `build` would (which reports missing images and
 * Mermaid syntax errors), checks its Markdown (links, alt text, empty slides, slide ids),
 * then measures every slide in headless Chromium for content that overflows the canvas.
 */
export async function checkDecks(overrides: Partial<CheckOptions> = {}): Promise<CheckResult> {
  const options = resolveCheckOptions(overrides);
  const executable = requireChromium(options.chromium, 'deckhand check');
  const browser = launchRequiredChromium(executable, 'deckhand check');
  browser.catch(() => undefined);
  try {
    const bundles = await bundleDecks(options.inputs, options);
    const diagnostics: Diagnostic[] = [];
    for (const bundle of bundles) {
      diagnostics.push(...bundle.compiled.diagnostics.map(escalate));
      diagnostics.push(...checkContent(bundle, options.root));
      // Without its stylesheet (an unknown theme, already reported) a deck's layout means nothing.
      if (bundle.compiled.style) diagnostics.push(...withFrames(await checkOverflow(await browser, bundle), bundle));
    }
    return {
      decks: bundles.map(({ compiled }) => ({ name: compiled.name, title: compiled.title, slides: compiled.slideCount })),
      diagnostics: sortDiagnostics(diagnostics),
    };
  } finally {
    await (await browser.catch(() => undefined))?.close();
  }
}

/**
 * Warnings `build` lets pass but `check` fails on: an unclosed comment or fence hides part of
 * the deck, a missing image leaves a hole in a slide, and a TeX error shows red source instead of
 * a formula, which is exactly what a check before the talk is for.
 */
const ERRORS_IN_CHECK = new Set([...UNCLOSED_BLOCK_CODES, 'missing-image', 'math-error']);

function escalate(d: Diagnostic): Diagnostic {
  return d.severity === 'warning' && ERRORS_IN_CHECK.has(d.code) ? { ...d, severity: 'error' } : d;
}

/** A deck as the content checks need it: its sources and their compiled form. */
export type CheckedDeck = Pick<DeckBundle, 'source' | 'compiled'>;

/**
 * The checks that need only the deck's sources and rendered HTML, with code frames: fast
 * enough for the dev server to run after every save.
 */
export function checkContent(bundle: CheckedDeck, root: string): Diagnostic[] {
  const ctx = fileContext(root);
  const { deck } = bundle.compiled;
  const targets = linkTargets(bundle);
  const out = [...checkSlides(deck, relativeSource(root)), ...checkAccessibility(deck)];
  for (const slide of deck.stacks.flat()) out.push(...checkLinks(slide, targets, ctx), ...checkAltText(slide), ...checkSplitBullets(slide));
  return withFrames(out, bundle);
}

function linkTargets(bundle: CheckedDeck): LinkTargets {
  const { deck, page } = bundle.compiled;
  const ids = new Set<string>();
  for (const slide of deck.stacks.flat()) {
    if (slide.attributes.id) ids.add(slide.attributes.id);
    for (const id of slide.outline.ids) ids.add(id);
  }
  return { ids, stacks: deck.stacks.map((s) => s.length), oneBased: page.reveal.hashOneBasedIndex === true };
}

/** Code frames for a deck's findings; each file is read and split once, however many findings it has. */
function withFrames(list: Diagnostic[], bundle: CheckedDeck): Diagnostic[] {
  const texts = new Map(bundle.source.files.map((f) => [f.path, f.text]));
  const lines = new Map<string, SourceLines | undefined>();
  const linesOf = (file: string) => {
    if (!lines.has(file)) {
      const text = texts.get(file) ?? readSourceText(file);
      lines.set(file, text === undefined ? undefined : sourceLines(text));
    }
    return lines.get(file);
  };
  return list.map((d) => withFrame(d, d.file ? linesOf(d.file) : undefined));
}

/** File, then line, then column; a diagnostic without a file first (it is about the whole run). */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

