import path from 'node:path';
import type { Token, Tokens } from 'marked';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { AssetRef, DiagramRef, SlideSource, SourcePosition } from '../types';
import type { AttributedToken, AttributePositions } from './attribute-comments';
import { assetHole } from './html-parts';
import { rewriteMediaUrls } from './html-tokens';
import type { Located } from './locate';
import { resolveReference, type Reference, type ResolveContext } from './references';

/**
 * What a token turned out to point at, written onto the token by `resolveSlideReferences` so
 * the renderer only reads tokens and keeps no state of its own.
 */
export type ImageTarget = { kind: 'src'; src: string } | { kind: 'diagram'; id: string };
export type ReferencedToken = Token & Located & { deckTarget?: ImageTarget; deckHtml?: string };

/** Everything one slide refers to, found in one walk over its tokens. */
export interface SlideReferences {
  assets: AssetRef[];
  diagrams: DiagramRef[];
  diagnostics: Diagnostic[];
}

type Walk = (tokens: Token[], visit: (t: Token) => void) => void;

const BACKGROUND_KEYS = ['data-background', 'data-background-image', 'data-background-video'];

/**
 * Resolves every image, diagram (fence or `.mmd` image), raw `<img>`, `<video>`, `<audio>`,
 * `<source>` and background of a slide,
 * in document order, so diagram ids follow the order they appear in.
 */
export function resolveSlideReferences(
  tokens: Token[],
  walk: Walk,
  slide: SlideSource,
  ctx: ResolveContext,
  refs: SlideReferences,
): void {
  // The URL is a hole the assemble stage fills (a relative URL, or a data: URL in a single-file export).
  const assetFor = (file: string) => {
    let index = refs.assets.findIndex((a) => a.source === file);
    if (index < 0) index = refs.assets.push({ source: file, target: assetTarget(file) }) - 1;
    return assetHole(index);
  };
  const diagramFor = (code: string, alt: string, origin: SourcePosition, token: AttributedToken) => {
    // Named after the slide's place in its file, not its place in the deck, so a cached slide keeps valid ids.
    const id = `${shortHash(slide.file)}-${slide.bodyLine}-${refs.diagrams.length}`;
    refs.diagrams.push({ id, code, alt, origin, ...(token.deckAttrs ? { attributes: token.deckAttrs } : {}) });
    return id;
  };
  const at = (t: ReferencedToken): SourcePosition => ({ file: slide.file, line: t.deckLine ?? slide.line, column: t.deckColumn ?? 1 });

  walk(tokens, (token) => {
    const t = token as ReferencedToken;
    if (t.type === 'code' && /^mermaid\b/.test((t as Tokens.Code).lang ?? '')) {
      const code = (t as Tokens.Code).text;
      // mermaid's own accessible title doubles as the alt text a fence cannot otherwise have.
      const alt = /^\s*accTitle\s*:\s*(.+?)\s*$/m.exec(code)?.[1] ?? '';
      t.deckTarget = { kind: 'diagram', id: diagramFor(code, alt, { file: slide.file, line: (t.deckLine ?? 1) + 1, column: 1 }, t) };
    } else if (t.type === 'image') {
      const image = t as Tokens.Image;
      const ref = resolveReference(image.href, slide.file, ctx);
      if (ref.kind === 'local' && /\.mmd$/i.test(ref.path)) {
        t.deckTarget = { kind: 'diagram', id: diagramFor(ctx.readText(ref.path) ?? '', image.text, { file: ref.path, line: 1, column: 1 }, t) };
      } else if (ref.kind === 'local') {
        t.deckTarget = { kind: 'src', src: assetFor(ref.path) };
      } else if (ref.kind === 'remote') {
        t.deckTarget = { kind: 'src', src: image.href };
      } else {
        refs.diagnostics.push(unusable(ref, /\.mmd([?#].*)?$/i.test(ref.href) ? 'diagram' : 'image', at(t)));
        t.deckTarget = { kind: 'src', src: ref.kind === 'missing' ? image.href : '' };
      }
    } else if (t.type === 'html') {
      t.deckHtml = rewriteMediaUrls((t as Tokens.HTML).text, (href) => {
        const ref = resolveReference(href, slide.file, ctx);
        if (ref.kind === 'local') return assetFor(ref.path);
        if (ref.kind === 'remote') return href;
        refs.diagnostics.push(unusable(ref, 'image', at(t)));
        return ref.kind === 'missing' ? href : '';
      });
    }
  });
}

/** Background files named in `.slide` attributes become assets; their value becomes the asset's URL. */
export function resolveBackgrounds(attrs: Record<string, string>, positions: AttributePositions, slide: SlideSource, ctx: ResolveContext, refs: SlideReferences): void {
  for (const key of BACKGROUND_KEYS) {
    const value = attrs[key];
    if (!value || !looksLikePath(value)) continue;
    const ref = resolveReference(value, slide.file, ctx);
    if (ref.kind === 'local') {
      const target = assetTarget(ref.path);
      if (!refs.assets.some((a) => a.source === ref.path)) refs.assets.push({ source: ref.path, target });
      attrs[key] = target;
    } else if (ref.kind !== 'remote') {
      refs.diagnostics.push(unusable(ref, 'background', { file: slide.file, line: positions[key]?.line ?? slide.line, column: positions[key]?.column }));
      if (ref.kind === 'refused') delete attrs[key];
    }
  }
}

/** A reference the deck cannot use: missing, or a file that may not leave the machine inside a deck. */
function unusable(ref: Extract<Reference, { kind: 'missing' | 'refused' | 'unreadable' }>, what: string, at: Partial<SourcePosition>): Diagnostic {
  if (ref.kind === 'unreadable') return diagnostic('unreadable-file', `${what} ${ref.href} cannot be read: ${ref.reason}; check its permissions`, at);
  if (ref.kind === 'refused') return diagnostic('outside-project', `${what} ${ref.href} cannot be used: ${ref.reason}; decks may only use files inside the project, never hidden files, node_modules/ or Deckhand's cache`, at);
  // A missing image leaves a hole in one slide, so build and dev go on (check and build --strict fail);
  // a missing diagram has nothing to show at all.
  if (what === 'diagram') return diagnostic('missing-diagram', `${what} not found: ${ref.href} (looked at ${ref.tried})`, at);
  return diagnostic('missing-image', `${what} not found: ${ref.href} (looked at ${ref.tried})`, at, 'warning');
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

function shortHash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
