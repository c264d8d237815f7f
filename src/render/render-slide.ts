import path from 'node:path';
import { Marked, Renderer, type Token, type Tokens } from 'marked';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { AssetRef, DiagramRef, RenderedSlide, SlideSource, SourcePosition } from '../types';
import { applyAttributeComments, injectAttributes, type AttributedToken, type AttributePositions } from './attribute-comments';
import { parseFenceInfo, renderCodeBlock, escapeAttr } from './highlight';
import { locateTokens, type Located } from './locate';
import { resolveReference, type Reference, type ResolveContext } from './references';

/** Per-slide state the renderer fills while it walks one slide's tokens. */
interface SlideState {
  slide: SlideSource;
  assets: AssetRef[];
  diagrams: DiagramRef[];
  diagnostics: Diagnostic[];
}

/**
 * Render stage: one slide's Markdown → HTML plus what it refers to (assets, diagrams).
 * One Marked instance per build; marked's global defaults are never touched.
 */
export function createSlideRenderer(ctx: ResolveContext) {
  let state: SlideState;
  const renderer = new DeckRenderer(() => state, ctx);
  // setOptions on this instance (not marked's globals): `use()` would only see enumerable own methods.
  const md = new Marked({ gfm: true });
  md.setOptions({ renderer });

  const toHtml = (markdown: string, firstLine: number) => {
    const tokens = md.lexer(markdown);
    locateTokens(tokens, markdown, firstLine);
    const slideAttrsAt: AttributePositions = {};
    const slideAttrs = applyAttributeComments(tokens, slideAttrsAt);
    return { html: md.parser(tokens), slideAttrs, slideAttrsAt };
  };

  return function renderSlide(slide: SlideSource): { slide: RenderedSlide; diagnostics: Diagnostic[] } {
    state = { slide, assets: [], diagrams: [], diagnostics: [] };
    const body = toHtml(slide.body, slide.bodyLine);
    const attributes = { ...body.slideAttrs };
    resolveBackgrounds(attributes, body.slideAttrsAt, state, ctx);
    const rendered: RenderedSlide = {
      key: slide.key,
      file: slide.file,
      line: slide.line,
      endLine: slide.endLine,
      attributes,
      html: body.html,
      assets: state.assets,
      diagrams: state.diagrams,
    };
    if (slide.notes !== undefined && slide.notesLine !== undefined) {
      const notes = toHtml(slide.notes, slide.notesLine);
      rendered.notesHtml = notes.html;
    }
    return { slide: rendered, diagnostics: state.diagnostics };
  };
}

class DeckRenderer extends Renderer {
  constructor(
    private readonly current: () => SlideState,
    private readonly ctx: ResolveContext,
  ) {
    super();
  }

  override code(token: Tokens.Code): string {
    const info = parseFenceInfo(token.lang ?? '');
    const attrs = (token as AttributedToken).deckAttrs;
    if (info.lang === 'mermaid') {
      const line = ((token as Located).deckLine ?? 1) + 1;
      // mermaid's own accessible title doubles as the alt text a fence cannot otherwise have.
      const alt = /^\s*accTitle\s*:\s*(.+?)\s*$/m.exec(token.text)?.[1] ?? '';
      return injectAttributes(this.diagram(token.text, alt, { file: this.current().slide.file, line, column: 1 }), attrs);
    }
    return injectAttributes(renderCodeBlock(token.text, info), attrs);
  }

  override image(token: Tokens.Image): string {
    const state = this.current();
    const at = { file: state.slide.file, line: (token as Located).deckLine ?? state.slide.line, column: (token as Located).deckColumn ?? 1 };
    const attrs = (token as AttributedToken).deckAttrs;
    const ref = resolveReference(token.href, state.slide.file, this.ctx);
    if (ref.kind === 'missing' || ref.kind === 'refused') {
      const what = ref.href.endsWith('.mmd') ? 'diagram' : 'image';
      state.diagnostics.push(unusable(ref, what, at));
      return injectAttributes(`<img src="${escapeAttr(ref.kind === 'missing' ? token.href : '')}" alt="${escapeAttr(token.text)}">`, attrs);
    }
    if (ref.kind === 'local' && ref.path.endsWith('.mmd')) {
      const code = this.ctx.readText(ref.path) ?? '';
      return injectAttributes(this.diagram(code, token.text, { file: ref.path, line: 1, column: 1 }), attrs);
    }
    const src = ref.kind === 'local' ? this.asset(ref.path) : token.href;
    const title = token.title ? ` title="${escapeAttr(token.title)}"` : '';
    return injectAttributes(`<img src="${escapeAttr(src)}" alt="${escapeAttr(token.text)}"${title}>`, attrs);
  }

  override paragraph(token: Tokens.Paragraph): string {
    // A paragraph holding only diagrams renders them bare: a <p> cannot hold their <div>.
    const onlyDiagrams = token.tokens.every(
      (t) => (t.type === 'image' && /\.mmd$/i.test(t.href)) || (t.type === 'text' && !t.raw.trim()),
    );
    if (onlyDiagrams && token.tokens.some((t) => t.type === 'image')) return this.parser.parseInline(token.tokens) + '\n';
    return this.attributed(token, super.paragraph(token));
  }

  override heading(token: Tokens.Heading): string {
    return this.attributed(token, super.heading(token));
  }
  override listitem(token: Tokens.ListItem): string {
    return this.attributed(token, super.listitem(token));
  }
  override blockquote(token: Tokens.Blockquote): string {
    return this.attributed(token, super.blockquote(token));
  }
  override table(token: Tokens.Table): string {
    return this.attributed(token, super.table(token));
  }
  override list(token: Tokens.List): string {
    return this.attributed(token, super.list(token));
  }
  override strong(token: Tokens.Strong): string {
    return this.attributed(token, super.strong(token));
  }
  override em(token: Tokens.Em): string {
    return this.attributed(token, super.em(token));
  }
  override codespan(token: Tokens.Codespan): string {
    return this.attributed(token, super.codespan(token));
  }
  override del(token: Tokens.Del): string {
    return this.attributed(token, super.del(token));
  }
  override link(token: Tokens.Link): string {
    return this.attributed(token, super.link(token));
  }

  override html(token: Tokens.HTML | Tokens.Tag): string {
    // Images in raw HTML are assets too: rewrite the src of <img> tags this token holds.
    return token.text.replace(/(<img\b[^>]*?\ssrc\s*=\s*)(["'])([^"']+)\2/gi, (all, head: string, q: string, href: string) => {
      const state = this.current();
      const ref = resolveReference(href, state.slide.file, this.ctx);
      if (ref.kind === 'local') return `${head}${q}${this.asset(ref.path)}${q}`;
      if (ref.kind === 'missing' || ref.kind === 'refused') {
        const at = { file: state.slide.file, line: (token as Located).deckLine ?? state.slide.line, column: (token as Located).deckColumn ?? 1 };
        state.diagnostics.push(unusable(ref, 'image', at));
        if (ref.kind === 'refused') return `${head}${q}${q}`;
      }
      return all;
    });
  }

  private attributed(token: Token, html: string): string {
    return injectAttributes(html, (token as AttributedToken).deckAttrs);
  }

  private asset(file: string): string {
    const state = this.current();
    const target = assetTarget(file);
    if (!state.assets.some((a) => a.source === file)) state.assets.push({ source: file, target });
    return target;
  }

  private diagram(code: string, alt: string, origin: DiagramRef['origin']): string {
    const state = this.current();
    // Named after the slide's place in its file, not its place in the deck, so a cached slide keeps valid ids.
    const id = `${placeHash(state.slide.file, state.slide.bodyLine)}-${state.diagrams.length}`;
    state.diagrams.push({ id, code, alt, origin });
    // The wrapper may take the author's attributes; the marker inside is what the diagram replaces.
    return `<div class="deck-diagram" data-deck-diagram="${id}">${diagramMarker(id)}</div>\n`;
  }
}

/** A reference the deck cannot use: missing, or a file that may not leave the machine inside a deck. */
function unusable(ref: Extract<Reference, { kind: 'missing' | 'refused' }>, what: string, at: Partial<SourcePosition>): Diagnostic {
  if (ref.kind === 'refused') return diagnostic('outside-project', `${what} ${ref.href} cannot be used: ${ref.reason}; decks may only use files inside the project, never hidden files, node_modules/ or Deckhand's cache`, at);
  return diagnostic(what === 'diagram' ? 'missing-diagram' : 'missing-image', `${what} not found: ${ref.href} (looked at ${ref.tried})`, at);
}

export function diagramMarker(id: string): string {
  return `<!--deck-diagram:${id}-->`;
}

function resolveBackgrounds(attrs: Record<string, string>, at: AttributePositions, state: SlideState, ctx: ResolveContext): void {
  for (const key of ['data-background', 'data-background-image', 'data-background-video', 'data-background-iframe']) {
    const value = attrs[key];
    if (!value || key === 'data-background-iframe' || !looksLikePath(value)) continue;
    const ref = resolveReference(value, state.slide.file, ctx);
    if (ref.kind === 'local') {
      const target = assetTarget(ref.path);
      if (!state.assets.some((a) => a.source === ref.path)) state.assets.push({ source: ref.path, target });
      attrs[key] = target;
    } else if (ref.kind === 'missing' || ref.kind === 'refused') {
      state.diagnostics.push(unusable(ref, 'background', { file: state.slide.file, line: at[key]?.line ?? state.slide.line, column: at[key]?.column }));
      if (ref.kind === 'refused') delete attrs[key];
    }
  }
}

/** A color or gradient is not a file; anything with a file extension is. */
function looksLikePath(value: string): boolean {
  return /\.[a-z0-9]{2,5}([?#].*)?$/i.test(value) && !/^(#|rgb|hsl|linear-gradient|radial-gradient)/i.test(value);
}

/** Output path for a copied asset: its name plus a short hash of its source path, so names never clash. */
export function assetTarget(file: string): string {
  const ext = path.extname(file);
  const base = path.basename(file, ext).replace(/[^\w.-]+/g, '-');
  return `assets/${base}-${shortHash(file)}${ext.toLowerCase()}`;
}

function placeHash(file: string, line: number): string {
  return `${shortHash(file)}-${line}`;
}

function shortHash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
