import { diagnostic, type Diagnostic } from '../diagnostics';
import type { MathOptions } from '../options';
import type { ParsedDeck, RenderedDeck, RenderedSlide, SlideSource } from '../types';
import type { ResolveContext } from './references';
import type { createSlideRenderer } from './render-slide';

type SlideRenderer = ReturnType<typeof createSlideRenderer>;

/** Slides rendered earlier, by everything that decides their output; see `slideCacheKey`. */
export type RenderCache = Map<string, { slide: RenderedSlide; diagnostics: Diagnostic[] }>;

/**
 * Render stage for a whole deck: every slide's Markdown → HTML, collecting what they refer to.
 * The renderer (marked, highlight.js, KaTeX) is loaded only when a slide is not in the cache: a
 * warm build, whose slides all come from it, never loads them.
 */
export async function renderDeck(deck: ParsedDeck, title: string, ctx: ResolveContext, cache?: RenderCache, math?: MathOptions): Promise<{ deck: RenderedDeck; diagnostics: Diagnostic[] }> {
  const salt = cacheSalt(math);
  const misses = !cache || deck.stacks.some((stack) => stack.some((slide) => !cache.has(salt + slideCacheKey(slide))));
  const renderSlide = misses ? (await import('./render-slide')).createSlideRenderer(ctx, math) : undefined;
  return renderDeckWith(renderSlide, deck, title, cache, math);
}

/** `renderDeck` with the slide renderer given (undefined: every slide is in `cache`); synchronous. */
export function renderDeckWith(renderSlide: SlideRenderer | undefined, deck: ParsedDeck, title: string, cache?: RenderCache, math?: MathOptions): { deck: RenderedDeck; diagnostics: Diagnostic[] } {
  const salt = cacheSalt(math);
  const diagnostics: Diagnostic[] = [];
  const used = new Set<string>();
  const stacks = deck.stacks.map((stack) =>
    stack.map((slide) => {
      const key = cache && salt + slideCacheKey(slide);
      let out = key ? cache.get(key) : undefined;
      if (!out) {
        if (!renderSlide) throw new Error(`slide ${slide.file}:${slide.line} is not in the render cache and no renderer was given`);
        out = renderWithinStack(renderSlide, slide);
        if (key) cache.set(key, out);
      }
      if (key) used.add(key);
      diagnostics.push(...out.diagnostics);
      return out.slide.key === slide.key ? out.slide : { ...out.slide, key: slide.key };
    }),
  );
  // Keep only what this deck still has, so a long editing session does not grow the cache.
  if (cache) for (const key of cache.keys()) if (!used.has(key)) cache.delete(key);
  return { deck: { name: deck.name, title, frontMatter: deck.frontMatter, stacks }, diagnostics };
}

/** Macros change how every formula renders: slides cached under other macros are not reused. */
function cacheSalt(math: MathOptions | undefined): string {
  return math && Object.keys(math.macros).length ? JSON.stringify(math.macros) + '\0' : '';
}

/**
 * marked parses with recursive functions and backtracking regular expressions: thousands of
 * nested `>` or one enormous paragraph exhaust the stack. That is the author's slide, not a bug,
 * so it becomes an error at the slide instead of an internal error without a file.
 */
function renderWithinStack(render: SlideRenderer, slide: SlideSource): ReturnType<SlideRenderer> {
  try {
    return render(slide);
  } catch (e) {
    if (!(e instanceof RangeError) || !/call stack/i.test(e.message)) throw e;
    const message = 'this slide is too deeply nested or too long for the Markdown parser (it ran out of stack); split it into smaller slides';
    const empty = { key: slide.key, file: slide.file, line: slide.line, endLine: slide.endLine, attributes: {}, body: [], html: '', assets: [], diagrams: [], outline: { headings: [], links: [], images: [], ids: [], tables: [], videos: [], splitBullets: [] } };
    return { slide: empty, diagnostics: [diagnostic('slide-too-complex', message, { file: slide.file, line: slide.line })] };
  }
}

/** A slide renders the same while its file, position and text do (files it names are tracked apart). */
export function slideCacheKey(s: SlideSource): string {
  return `${s.file}\0${s.bodyLine}\0${s.notesLine ?? ''}\0${s.body}\0${s.notes ?? ''}`;
}

/** Drops cached slides that used one of these files (a diagram file or image that changed). */
export function evictDependents(cache: RenderCache, files: ReadonlySet<string>): void {
  for (const [key, { slide }] of cache) {
    // A fence diagram's origin is the slide's own file, whose text is already part of the key.
    const uses = slide.assets.some((a) => files.has(a.source)) || slide.diagrams.some((d) => d.origin.file !== slide.file && files.has(d.origin.file));
    if (uses) cache.delete(key);
  }
}
