import type { Token, Tokens } from 'marked';
import type { SlideOutline, SlideSource, SourcePosition } from '../types';
import type { AttributedToken } from './attribute-comments';
import { htmlTags } from './html-tags';
import type { ReferencedToken, SlideReferences } from './slide-references';

type Walk = (tokens: Token[], visit: (t: Token) => void) => void;

/** Mermaid's own accessible title and description: how a fenced diagram gets its alt text. */
const MERMAID_ACCESSIBLE = /^\s*acc(Title|Descr)\s*[:{]/m;

/**
 * What `check`, the dev server's content checks and the deck title need to know about a slide,
 * read off the tokens the render stage already made: its headings, links, images and diagrams
 * (with whether a screen reader can name them) and the element ids it defines. Nothing lexes a
 * slide a second time.
 */
export function outlineSlide(tokens: Token[], walk: Walk, slide: SlideSource, refs: SlideReferences): SlideOutline {
  const outline: SlideOutline = { headings: [], links: [], images: [], ids: [], tables: [], videos: [], splitBullets: [] };
  const at = (t: ReferencedToken): SourcePosition => ({ file: slide.file, line: t.deckLine ?? slide.line, column: t.deckColumn ?? 1 });
  const codeOf = (id: string) => refs.diagrams.find((d) => d.id === id)?.code ?? '';

  // Raw HTML elements whose end tag may come in a later token: an inline `<a>` (its text comes as
  // text tokens), or a `<table>`/`<video>` block with blank lines inside.
  let openLink: SlideOutline['links'][number] | undefined;
  let openTable: SlideOutline['tables'][number] | undefined;
  let openVideo: SlideOutline['videos'][number] | undefined;

  walk(tokens, (token) => {
    const t = token as ReferencedToken & AttributedToken;
    if (t.deckAttrs?.id) outline.ids.push(t.deckAttrs.id);
    if (openLink && t.type !== 'html' && 'text' in t && !('tokens' in t && t.tokens)) openLink.text += String(t.text);
    switch (t.type) {
      case 'heading':
        outline.headings.push({ depth: (t as Tokens.Heading).depth, text: plainText((t as Tokens.Heading).tokens), at: at(t) });
        break;
      case 'link':
        outline.links.push({ href: (t as Tokens.Link).href, text: plainText((t as Tokens.Link).tokens), at: at(t) });
        break;
      case 'image': {
        const image = t as Tokens.Image;
        const diagram = t.deckTarget?.kind === 'diagram' ? t.deckTarget.id : undefined;
        const alt = image.text.trim();
        const named = !!alt || (diagram !== undefined && MERMAID_ACCESSIBLE.test(codeOf(diagram)));
        outline.images.push({ kind: diagram !== undefined ? 'diagram-file' : 'image', src: image.href, alt: image.text, named, at: at(t) });
        break;
      }
      case 'code':
        if (t.deckTarget?.kind === 'diagram') {
          outline.images.push({ kind: 'diagram-fence', src: '', alt: undefined, named: MERMAID_ACCESSIBLE.test((t as Tokens.Code).text), at: at(t) });
        }
        break;
      case 'html':
        for (const tag of htmlTags(t.raw, at(t))) {
          if (typeof tag.attrs.id === 'string') outline.ids.push(tag.attrs.id);
          if (tag.name === 'a' && typeof tag.attrs.href === 'string') {
            const link = { href: tag.attrs.href, text: tag.inner === undefined ? '' : htmlText(tag.inner), at: tag.at };
            outline.links.push(link);
            if (tag.inner === undefined) openLink = link;
          }
          if (tag.name === 'table') outline.tables.push((openTable = { header: false, at: tag.at }));
          if (openTable && (tag.name === 'th' || tag.name === 'thead')) openTable.header = true;
          if (tag.name === 'video') outline.videos.push((openVideo = { src: typeof tag.attrs.src === 'string' ? tag.attrs.src : '', captions: false, at: tag.at }));
          if (openVideo && tag.name === 'track' && tag.attrs.kind?.toLowerCase() === 'captions') openVideo.captions = true;
          if (tag.name === 'img') {
            const alt = typeof tag.attrs.alt === 'string' ? tag.attrs.alt : undefined;
            // alt="" is HTML's way to mark a decorative image: named, on purpose, as nothing.
            outline.images.push({ kind: 'html-img', src: typeof tag.attrs.src === 'string' ? tag.attrs.src : '', alt, named: alt !== undefined, at: tag.at });
          }
        }
        if (/<\/a\s*>/i.test(t.raw)) openLink = undefined;
        if (/<\/table\s*>/i.test(t.raw)) openTable = undefined;
        if (/<\/video\s*>/i.test(t.raw)) openVideo = undefined;
        break;
      case 'list':
        outline.splitBullets.push(...splitBullets(t as Tokens.List).map((word) => ({ word: plainText([word]), at: at(word) })));
        break;
      case 'table':
        // GFM requires a header row, but an author may leave it empty to draw a plain grid.
        outline.tables.push({ header: (t as Tokens.Table).header.some((cell) => cell.text.trim() !== ''), at: at(t) });
        break;
    }
  });
  return outline;
}

/** The text of a piece of raw HTML: tags and entities' markup dropped (entities are rare in link text). */
function htmlText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

const isFragment = (t: Token): boolean => /(^|\s)fragment(\s|$)/.test((t as AttributedToken).deckAttrs?.class ?? '');

/**
 * In a list whose items are fragments, the items that are not, because the comment after their
 * text went to the inline element just before it (as reveal.js places it): their text shows at
 * once and only that last word waits for a key press. Returns those last words' tokens.
 */
function splitBullets(list: Tokens.List): Token[] {
  if (!list.items.some(isFragment)) return [];
  const words: Token[] = [];
  for (const item of list.items) {
    if (isFragment(item)) continue;
    // The item's own line of text; a removed comment leaves an empty text token behind.
    const inline = (item.tokens[0] as Tokens.Text | Tokens.Paragraph | undefined)?.tokens ?? [];
    const shown = inline.filter((t) => !(t.type === 'text' && !(t as Tokens.Text).text.trim()));
    const last = shown[shown.length - 1];
    if (shown.length > 1 && last && isFragment(last)) words.push(last);
  }
  return words;
}

/** The text a reader sees in inline tokens: no Markdown, no HTML tags. */
function plainText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  return tokens
    .map((t) => {
      if (t.type === 'html') return '';
      if ('tokens' in t && Array.isArray(t.tokens) && t.type !== 'codespan') return plainText(t.tokens);
      return 'text' in t ? String(t.text) : '';
    })
    .join('')
    .trim();
}
