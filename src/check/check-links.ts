import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { resolveReference, type ResolveContext } from '../render/references';
import type { RenderedSlide, SourcePosition } from '../types';

/** What a link may point at inside the deck's own page. */
export interface LinkTargets {
  /** Every id in the page: slides' and elements'. */
  ids: ReadonlySet<string>;
  /** Vertical slide count of each horizontal slide, for `#/h/v` links. */
  stacks: readonly number[];
  /** reveal.js's `hashOneBasedIndex`: `#/1` is then the first slide. */
  oneBased: boolean;
}

/**
 * Links that point at nothing: a local file that is not there, or a `#/…` link to a slide
 * the deck does not have. Web links are not fetched: a check must work offline.
 */
export function checkLinks(slide: RenderedSlide, targets: LinkTargets, ctx: ResolveContext): Diagnostic[] {
  return slide.outline.links.flatMap((link) => checkHref(link.href, link.at, slide.file, targets, ctx));
}

function checkHref(href: string, at: SourcePosition, fromFile: string, targets: LinkTargets, ctx: ResolveContext): Diagnostic[] {
  if (href.startsWith('#')) {
    const problem = inPageProblem(decodeSafe(href), targets);
    return problem ? [diagnostic('broken-link', `link ${href} points at nothing: ${problem}`, at)] : [];
  }
  const ref = resolveReference(href, fromFile, ctx);
  if (ref.kind !== 'missing') return [];
  return [diagnostic('broken-link', `link points at nothing: ${href} (looked at ${ref.tried || path.relative(ctx.root, fromFile)})`, at)];
}

/** reveal.js reads `#/2/1` as slide indices and `#/name` or `#name` as an element id. */
function inPageProblem(hash: string, targets: LinkTargets): string | undefined {
  const name = hash.replace(/^#\/?/, '');
  if (!name) return undefined;
  const bits = name.split('/');
  if (/^\d+$/.test(bits[0])) {
    const shift = targets.oneBased ? 1 : 0;
    const h = parseInt(bits[0], 10) - shift;
    const v = bits[1] && /^\d+$/.test(bits[1]) ? parseInt(bits[1], 10) - shift : 0;
    if (h < 0 || h >= targets.stacks.length) return `the deck has ${targets.stacks.length} horizontal slides`;
    if (v < 0 || v >= targets.stacks[h]) return `horizontal slide ${h + shift} has ${targets.stacks[h]} vertical slide${targets.stacks[h] === 1 ? '' : 's'}`;
    return undefined;
  }
  return targets.ids.has(name) ? undefined : `no slide or element has id "${name}"`;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
