import { createHash } from 'node:crypto';
import { renderSection, renderSlidesHtml } from '../assemble/deck-page';
import { compileDeck, type CompileEnv, type CompiledDeck } from '../compile-deck';
import { DeckhandError, diagnostic, hasErrors, type Diagnostic } from '../diagnostics';
import { readDeck } from '../load/find-decks';
import type { SplitCache } from '../parse/parse-deck';
import { evictDependents, type RenderCache } from '../render/render-deck';
import type { DeckSource, RenderedSlide, SlideStack } from '../types';
import { UsedKeysMap } from './used-keys-map';
import type { ServerMessage, SlidePatch } from '../protocol/dev-messages';
import { matchSlideIds } from './slide-identity';

interface ShownSlide {
  id: string;
  hash: string;
  file: string;
  html: string;
}

let nextId = 1;
const freshId = () => `s${(nextId++).toString(36)}`;

/**
 * One deck as the dev server keeps it: the last good compile, each slide's stable identity and
 * markup, and the caches that make a recompile touch only what changed. `update()` turns a set
 * of changed files into the few messages that bring open pages up to date.
 */
export class DevDeck {
  readonly renderCache: RenderCache = new Map();
  private readonly splitCache: SplitCache & UsedKeysMap<string, SlideStack[]> = new UsedKeysMap();
  private compiled?: CompiledDeck;
  private source?: DeckSource;
  private shown: ShownSlide[] = [];
  private shape = '';
  private pageKey = '';
  private failing = false;
  private pageHtml?: string;

  constructor(
    readonly target: string,
    readonly name: string,
    private readonly env: CompileEnv,
  ) {}

  get current(): CompiledDeck | undefined {
    return this.compiled;
  }

  /** The last good compile with the sources it came from, as `deckhand check` takes it. */
  get checkable(): { source: DeckSource; compiled: CompiledDeck } | undefined {
    return this.compiled && this.source ? { source: this.source, compiled: this.compiled } : undefined;
  }

  /** Counts good compiles; pages know which one they show (see `hello` in messages.ts). */
  version = 0;

  /** The full page for a new visitor: the last good compile, with slide identities and its version. */
  page(): string | undefined {
    return (this.pageHtml ??= this.compiled?.html.replace('</head>', `${versionMeta(this.version)}</head>`));
  }

  /** Entries in the caches this deck fills: bounded by its current sources (tests, soak bench). */
  cacheSizes(): { split: number; render: number } {
    return { split: this.splitCache.size, render: this.renderCache.size };
  }

  /** Files whose change concerns this deck besides its own Markdown. */
  dependencies(): string[] {
    return this.compiled?.dependencies ?? [];
  }

  async update(changed: ReadonlySet<string>, structural: boolean): Promise<{ messages: ServerMessage[]; diagnostics: Diagnostic[] }> {
    if (structural) this.renderCache.clear();
    else evictDependents(this.renderCache, changed);
    let next: CompiledDeck;
    let source: DeckSource;
    try {
      source = readDeck(this.target);
      next = await compileDeck(source, { ...this.env, renderCache: this.renderCache, splitCache: this.splitCache, stopOnParseErrors: true, diagramOwner: this.target });
    } catch (e) {
      this.splitCache.keepUsed();
      const diagnostics = e instanceof DeckhandError && e.diagnostics.length ? e.diagnostics : [diagnostic('deck-unreadable', (e as Error).message, { file: this.target })];
      return this.fail(diagnostics);
    }
    this.splitCache.keepUsed();
    if (hasErrors(next.diagnostics)) return this.fail(next.diagnostics);

    const messages: ServerMessage[] = [];
    const version = this.version + 1;
    if (this.failing) messages.push({ type: 'clear-error', deck: this.name });
    const previous = this.compiled;
    // A deck that never compiled before was served as an error page: it needs the real one.
    if (!previous && this.failing) messages.push({ type: 'reload', deck: this.name });
    this.failing = false;
    const slides = next.deck.stacks.flat();
    const fingerprints = slides.map((s) => ({ hash: this.fingerprint(s), file: s.file }));
    const ids = matchSlideIds(this.shown, fingerprints, freshId);
    next.page.slideIds = new Map(slides.map((s, i) => [s.key, ids[i]]));
    const shown = slides.map((s, i) => ({ id: ids[i], hash: fingerprints[i].hash, file: s.file, html: this.section(s, ids[i], next) }));
    const shape = next.deck.stacks.map((s) => s.length).join(',');
    const pageKey = JSON.stringify([next.title, next.page.reveal, next.page.mermaid]);

    if (previous) {
      if (pageKey !== this.pageKey) messages.push({ type: 'reload', deck: this.name });
      else {
        if (next.style && previous.style?.id !== next.style.id) {
          messages.push({ type: 'css', deck: this.name, href: `../_deckhand/${next.style.name}?v=${next.style.id}`, version });
        }
        const before = new Map(this.shown.map((s) => [s.id, s.html]));
        const focus = shown.find((s, i) => before.get(s.id) !== s.html && touches(slides[i], changed))?.id;
        const sameOrder = shape === this.shape && ids.every((id, i) => this.shown[i]?.id === id);
        if (sameOrder) {
          const patches: SlidePatch[] = shown.filter((s) => before.get(s.id) !== s.html).map((s) => ({ id: s.id, html: s.html }));
          if (patches.length) messages.push({ type: 'patch', deck: this.name, slides: patches, focus, version });
        } else {
          messages.push({ type: 'structure', deck: this.name, html: renderSlidesHtml(next.page), focus, version });
        }
      }
    }
    // A save that changes nothing a page shows keeps the version: a page reconnecting later
    // must not reload for it.
    if (!previous || messages.some((m) => m.type !== 'clear-error')) this.version = version;
    this.compiled = next;
    this.source = source;
    this.shown = shown;
    this.shape = shape;
    this.pageKey = pageKey;
    this.pageHtml = undefined;
    this.lastError = undefined;
    return { messages, diagnostics: next.diagnostics };
  }

  /** The error message a page connecting now should see, if the deck is failing. */
  lastError?: Extract<ServerMessage, { type: 'error' }>;

  /**
   * A problem from outside the sources (a folder the watcher cannot read): shown with the deck's
   * own diagnostics, in the overlay, until the deck's next update clears them.
   */
  reportProblem(problem: Diagnostic): ServerMessage[] {
    const known = this.lastError?.diagnostics ?? [];
    if (known.some((d) => d.message === problem.message)) return [];
    return this.fail([...known, problem]).messages;
  }

  // Unchanged slides come back from the render cache as the same objects: their markup and
  // hash are reused, so an edit costs the changed slide, not the whole deck.
  private readonly hashes = new WeakMap<RenderedSlide, string>();
  private readonly sections = new WeakMap<RenderedSlide, { id: string; html: string; svgs: unknown[] }>();

  private fingerprint(s: RenderedSlide): string {
    let h = this.hashes.get(s);
    if (!h) this.hashes.set(s, (h = fingerprint(s)));
    return h;
  }

  private section(s: RenderedSlide, id: string, deck: CompiledDeck): string {
    const svgs = s.diagrams.map((d) => {
      const r = deck.page.diagrams.get(d.id);
      return r?.kind === 'svg' ? r.svg : r;
    });
    const hit = this.sections.get(s);
    if (hit && hit.id === id && svgs.every((v, i) => v === hit.svgs[i])) return hit.html;
    const html = renderSection(s, deck.page);
    this.sections.set(s, { id, html, svgs });
    return html;
  }

  private fail(diagnostics: Diagnostic[]) {
    this.failing = true;
    this.lastError = { type: 'error', deck: this.name, diagnostics };
    return { messages: [this.lastError], diagnostics };
  }
}

/** Whether a changed file is the slide's own, or a diagram file or image it shows: Follow edits goes there. */
function touches(s: RenderedSlide, changed: ReadonlySet<string>): boolean {
  return changed.has(s.file) || s.diagrams.some((d) => changed.has(d.origin.file)) || s.assets.some((a) => changed.has(a.source));
}

/** Tells the page's dev client which version of the deck it was served. */
export function versionMeta(version: number): string {
  return `<meta name="deck-dev-version" content="${version}">`;
}

function fingerprint(s: RenderedSlide): string {
  return createHash('sha1').update(s.html).update('\0').update(JSON.stringify(s.attributes)).update('\0').update(s.notesHtml ?? '').digest('base64url');
}
