import { diagnostic, type Diagnostic } from '../diagnostics';
import { resolveReference, type ResolveContext } from '../render/references';
import type { SlideSource } from '../types';
import { htmlTags, slideTokens, tokenPosition } from './slide-tokens';

/** Mermaid's own accessible title and description: how a fenced diagram gets its alt text. */
const MERMAID_ACCESSIBLE = /^\s*acc(Title|Descr)\s*[:{]/m;

/**
 * Images and diagrams a screen reader cannot name: `![](x.png)`, `<img>` without `alt`
 * (`alt=""` is HTML's way to mark a decorative image, so it passes), `![](x.mmd)` and
 * mermaid fences with neither alt text nor mermaid's `accTitle:` / `accDescr:`.
 */
export function checkAltText(slide: SlideSource, ctx: ResolveContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (message: string, at: ReturnType<typeof tokenPosition>) => out.push(diagnostic('missing-alt', message, at, 'warning'));
  for (const t of slideTokens(slide)) {
    if (t.type === 'image' && !t.text.trim()) {
      const ref = resolveReference(t.href, slide.file, ctx);
      const isDiagram = /\.mmd([?#].*)?$/i.test(t.href);
      const code = isDiagram && ref.kind === 'local' ? (ctx.readText(ref.path) ?? '') : '';
      if (!isDiagram) warn(`image has no alt text: write what it shows in ![…](${t.href})`, tokenPosition(t, slide));
      else if (!MERMAID_ACCESSIBLE.test(code)) warn(`diagram has no alt text: write what it shows in ![…](${t.href}), or add accTitle: to the diagram`, tokenPosition(t, slide));
    }
    if (t.type === 'code' && /^mermaid\b/.test(t.lang ?? '') && !MERMAID_ACCESSIBLE.test(t.text)) {
      warn('diagram has no alt text: add an `accTitle: …` line (and `accDescr: …`) to the Mermaid code', tokenPosition(t, slide));
    }
    for (const tag of htmlTags(t, 'img', slide)) {
      if (tag.attrs.alt === undefined) warn(`image has no alt attribute: <img src="${tag.attrs.src ?? ''}"> (alt="" marks a decorative image)`, tag.at);
    }
  }
  return out;
}
