import { Marked, Renderer, type MarkedExtension, type Token, type Tokens } from 'marked';
import type { Diagnostic } from '../diagnostics';
import type { MathOptions } from '../options';
import type { RenderedSlide, SlideSource } from '../types';
import { applyAttributeComments, type AttributedToken, type AttributePositions } from './attribute-comments';
import { escapeAttr } from './escape';
import { parseFenceInfo, renderCodeBlock } from './highlight';
import { diagramHole, relativeHtml, splitHoles, withoutNul } from './html-parts';
import { addAttributes as injectAttributes } from './html-tokens';
import { locateTokens } from './locate';
import { mathExtensions, mayHoldMath, typesetMath } from './math';
import type { ResolveContext } from './references';
import { highlightRawCode } from './raw-code';
import { outlineSlide } from './slide-outline';
import { resolveBackgrounds, resolveSlideReferences, type ReferencedToken, type SlideReferences } from './slide-references';

/** Block and inline tokens that `<!-- .element: -->` comments may give attributes to. */
const ATTRIBUTED = ['heading', 'listitem', 'blockquote', 'table', 'list', 'strong', 'em', 'codespan', 'del', 'link'] as const;

/**
 * Render stage: one slide's Markdown → HTML plus what it refers to (assets, diagrams).
 * The steps, each on plain tokens: lex → locate (file positions) → attribute comments →
 * references (images, diagrams, backgrounds) → parse. The renderer only reads what the earlier
 * steps wrote on the tokens, so it holds no per-slide state. One Marked instance per renderer;
 * marked's global defaults are never touched.
 */
export function createSlideRenderer(ctx: ResolveContext, math: MathOptions = { macros: {} }) {
  const md = new Marked({ gfm: true }, { renderer: deckRenderer(), extensions: mathExtensions() });

  const toHtml = (markdown: string, firstLine: number, slide: SlideSource, refs: SlideReferences) => {
    // NUL marks the holes the renderer leaves (html-parts.ts); a source's own become U+FFFD.
    const tokens = md.lexer(withoutNul(markdown));
    locateTokens(tokens, markdown, firstLine);
    const walk = (list: Token[], visit: (t: Token) => void) => void md.walkTokens(list, visit);
    const hasMath = mayHoldMath(markdown) && typesetMath(tokens, walk, slide, math, refs.diagnostics);
    const slideAttrsAt: AttributePositions = {};
    const slideAttrs = applyAttributeComments(tokens, slideAttrsAt);
    resolveSlideReferences(tokens, walk, slide, ctx, refs);
    const outline = outlineSlide(tokens, walk, slide, refs);
    return { html: md.parser(tokens), slideAttrs, slideAttrsAt, outline, hasMath };
  };

  return function renderSlide(slide: SlideSource): { slide: RenderedSlide; diagnostics: Diagnostic[] } {
    const refs: SlideReferences = { assets: [], diagrams: [], diagnostics: [] };
    const body = toHtml(slide.body, slide.bodyLine, slide, refs);
    const attributes = { ...body.slideAttrs };
    resolveBackgrounds(attributes, body.slideAttrsAt, slide, ctx, refs);
    const rendered: RenderedSlide = {
      key: slide.key,
      file: slide.file,
      line: slide.line,
      endLine: slide.endLine,
      attributes,
      body: [],
      html: '',
      assets: refs.assets,
      diagrams: refs.diagrams,
      outline: body.outline,
    };
    const notesOut = slide.notes !== undefined && slide.notesLine !== undefined ? toHtml(slide.notes, slide.notesLine, slide, refs) : undefined;
    const notes = notesOut?.html;
    if (body.hasMath || notesOut?.hasMath) rendered.math = true;
    // Cut once every asset is known: the notes may add some.
    rendered.body = splitHoles(body.html, refs.assets);
    rendered.html = relativeHtml(rendered.body, refs.diagrams);
    if (notes !== undefined) {
      rendered.notes = splitHoles(notes, refs.assets);
      rendered.notesHtml = relativeHtml(rendered.notes, refs.diagrams);
    }
    return { slide: rendered, diagnostics: refs.diagnostics };
  };
}

/** marked renderer overrides: attributes in one loop, then the few tokens Deckhand renders itself. */
function deckRenderer(): NonNullable<MarkedExtension['renderer']> {
  const base = Renderer.prototype as unknown as Record<string, (this: Renderer, t: Token) => string>;
  const overrides: Record<string, (this: Renderer, t: Token) => string> = {};
  for (const type of ATTRIBUTED) {
    overrides[type] = function (token) {
      return injectAttributes(base[type].call(this, token), (token as AttributedToken).deckAttrs);
    };
  }
  overrides.paragraph = function (token) {
    // A paragraph holding only diagrams renders them bare: a <p> cannot hold their <div>.
    const parts = (token as Tokens.Paragraph).tokens;
    const diagramOnly = parts.some(isDiagram) && parts.every((t) => isDiagram(t) || (t.type === 'text' && !t.raw.trim()));
    if (diagramOnly) return this.parser.parseInline(parts) + '\n';
    return injectAttributes(base.paragraph.call(this, token), (token as AttributedToken).deckAttrs);
  };
  overrides.code = function (token) {
    const t = token as Tokens.Code & ReferencedToken & AttributedToken;
    if (t.deckTarget?.kind === 'diagram') return diagramHole(t.deckTarget.id);
    return injectAttributes(renderCodeBlock(t.text, parseFenceInfo(t.lang ?? '')), t.deckAttrs);
  };
  overrides.image = function (token) {
    const t = token as Tokens.Image & ReferencedToken & AttributedToken;
    if (t.deckTarget?.kind === 'diagram') return diagramHole(t.deckTarget.id);
    const src = t.deckTarget?.kind === 'src' ? t.deckTarget.src : t.href;
    const title = t.title ? ` title="${escapeAttr(t.title)}"` : '';
    return injectAttributes(`<img src="${escapeAttr(src)}" alt="${escapeAttr(t.text)}"${title}>`, t.deckAttrs);
  };
  overrides.html = function (token) {
    const t = token as Tokens.HTML & ReferencedToken;
    return highlightRawCode(t.deckHtml ?? t.text);
  };
  return overrides as NonNullable<MarkedExtension['renderer']>;
}

function isDiagram(t: Token): boolean {
  return t.type === 'image' && (t as ReferencedToken).deckTarget?.kind === 'diagram';
}
