import type { Diagnostic } from '../diagnostics';
import type { ParsedDeck, RenderedDeck } from '../types';
import type { ResolveContext } from './references';
import { createSlideRenderer } from './render-slide';

/** Render stage for a whole deck: every slide's Markdown → HTML, collecting what they refer to. */
export function renderDeck(deck: ParsedDeck, title: string, ctx: ResolveContext): { deck: RenderedDeck; diagnostics: Diagnostic[] } {
  const renderSlide = createSlideRenderer(ctx);
  const diagnostics: Diagnostic[] = [];
  const stacks = deck.stacks.map((stack) =>
    stack.map((slide) => {
      const out = renderSlide(slide);
      diagnostics.push(...out.diagnostics);
      return out.slide;
    }),
  );
  return { deck: { name: deck.name, title, frontMatter: deck.frontMatter, stacks }, diagnostics };
}
