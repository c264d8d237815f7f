import { createHash } from 'node:crypto';
import path from 'node:path';
import { assembleDeckPage, placedDiagramIds, renderSection, renderSlidesHtml, type PageInputs } from '../assemble/deck-page';
import { compileDeck, type CompileEnv, type CompiledDeck } from '../compile-deck';
import { DeckhandError, diagnostic, hasErrors, type Diagnostic } from '../diagnostics';
import { readDeck } from '../load/find-decks';
import type { SplitCache } from '../parse/parse-deck';
import { evictDependents, type RenderCache } from '../render/render-deck';
import type { DeckSource, RenderedSlide, SlideStack } from '../types';
import { UsedKeysMap } from './used-keys-map';
import type { ServerMessage } from '../protocol/dev-messages';
import { planPageUpdate, type ShownDeck } from './page-update';
import { matchSlideIds } from './slide-identity';


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
  /** What open pages show; undefined until the deck first compiles. */
  private shown?: ShownDeck;
  /** The last good compile's page inputs, with this server's slide identities. */
  private pageInputs?: PageInputs;
  /** Slide identities, unique within this deck's pages for the server's lifetime. */
  private nextId = 1;
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
    return (this.pageHtml ??= this.pageInputs && assembleDeckPage(this.pageInputs).replace('</head>', `${versionMeta(this.version)}</head>`));
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
      source = readDeck(this.target, this.env.root);
      // Serve first, draw later: no compile waits for Chromium. A diagram not drawn yet shows what
      // it showed before (a theme edit redraws them all: the page gets the new CSS at once), or a
      // placeholder the first time; the drawings are patched in as they are done (see DrawingBatches).
      // (A Chromium that did not start is not tried again: its diagrams come back left to the viewer's browser.)
      next = await compileDeck(source, { ...this.env, renderCache: this.renderCache, splitCache: this.splitCache, stopOnParseErrors: true, diagramOwner: this.target, drawDiagramsLater: true });
    } catch (e) {
      this.splitCache.keepUsed();
      const diagnostics = e instanceof DeckhandError && e.diagnostics.length ? e.diagnostics : [diagnostic('deck-unreadable', (e as Error).message, { file: this.target })];
      return this.fail(diagnostics);
    }
    this.splitCache.keepUsed();
    this.awaitDrawing(next);
    if (hasErrors(next.diagnostics)) return this.fail(next.diagnostics);

    const version = this.version + 1;
    const slides = next.deck.stacks.flat();
    const fingerprints = slides.map((s) => ({ hash: this.fingerprint(s), file: s.file }));
    const ids = matchSlideIds(this.shown?.slides ?? [], fingerprints, () => `s${(this.nextId++).toString(36)}`);
    const slideIds = new Map(slides.map((s, i) => [s.key, ids[i]]));
    const page: PageInputs = { ...next.page, slideIds, diagrams: this.staleWhileDrawing(next.page.diagrams) };
    // A save whose drawing comes later is still "the slide being edited" when it arrives: Follow edits goes there then.
    const edited = new Set([...changed, ...this.editedWhileDrawing]);
    this.editedWhileDrawing = next.diagramsDrawn ? edited : new Set();
    const touchedIds = new Set(slides.filter((s) => touches(s, edited)).map((s) => slideIds.get(s.key)!));
    // Diagram SVG ids on the slides before each one: a later copy of a diagram is renamed, as in the whole page.
    const earlierIds = new Set<string>();
    const shown: ShownDeck = {
      slides: slides.map((s, i) => ({ id: ids[i], hash: fingerprints[i].hash, file: s.file, html: this.section(s, ids[i], page, earlierIds) })),
      shape: next.deck.stacks.map((s) => s.length).join(','),
      pageKey: JSON.stringify([next.title, next.page.reveal, next.page.mermaid]),
      style: next.style && { id: next.style.id, name: next.style.name },
      slidesHtml: () => renderSlidesHtml(page),
    };
    const messages = planPageUpdate({ deck: this.name, previous: this.shown, next: shown, wasFailing: this.failing, touched: (id) => touchedIds.has(id), version });
    this.failing = false;
    const previous = this.compiled;
    // A save that changes nothing a page shows keeps the version: a page reconnecting later
    // must not reload for it.
    if (!previous || messages.some((m) => m.type !== 'clear-error')) {
      this.version = version;
      this.remember(messages, !previous);
    }
    this.compiled = next;
    this.pageInputs = page;
    this.source = source;
    this.shown = shown;
    this.pageHtml = undefined;
    this.lastError = undefined;
    return { messages, diagnostics: next.diagnostics };
  }

  /** The version from which `catchUp` can bring a page up to date with patches alone. */
  private patchableFrom = 0;
  /** The version in which each slide (by identity) last changed, since `patchableFrom`. */
  private readonly changedAt = new Map<string, number>();

  private remember(messages: ServerMessage[], first: boolean): void {
    if (first || messages.some((m) => m.type === 'structure' || m.type === 'reload' || m.type === 'css')) {
      this.patchableFrom = this.version;
      this.changedAt.clear();
      return;
    }
    for (const m of messages) if (m.type === 'patch') for (const s of m.slides) this.changedAt.set(s.id, this.version);
  }

  /**
   * What a page served `from` needs to show the current version: the slides changed since, or a
   * reload when more than slides changed (or the page comes from before the first compile).
   * Diagrams patched in one by one move the version on every few hundred ms: a page still loading
   * meanwhile catches up with one patch instead of reloading again and again.
   */
  catchUp(from: number): ServerMessage[] {
    if (from === this.version) return [];
    if (!this.shown || from < this.patchableFrom || from > this.version) return [{ type: 'reload', deck: this.name }];
    const slides = this.shown.slides.filter((s) => (this.changedAt.get(s.id) ?? -1) > from).map((s) => ({ id: s.id, html: s.html }));
    return [{ type: 'patch', deck: this.name, slides, version: this.version }];
  }

  /** Files saved while their diagrams were being drawn: the update that patches the drawings in goes to them. */
  private editedWhileDrawing = new Set<string>();

  /** Each diagram still being drawn keeps what open pages show for it now, if anything. */
  private staleWhileDrawing(diagrams: PageInputs['diagrams']): PageInputs['diagrams'] {
    const shown = this.pageInputs?.diagrams;
    if (!shown || ![...diagrams.values()].some((r) => r.kind === 'drawing')) return diagrams;
    return new Map([...diagrams].map(([id, r]) => [id, r.kind === 'drawing' ? (shown.get(id) ?? r) : r]));
  }

  /** Diagrams left as placeholders by the last compile, being drawn; undefined when none. */
  private drawing?: Promise<void>;

  /**
   * Called when the diagrams the last compile left as placeholders are all drawn (or can be drawn
   * no further): the server then updates the deck again (nothing changed on disk), which patches
   * the last of them into open pages. Each one drawn before is patched in by the same update, run
   * as the renderer reports it (see DrawingBatches).
   */
  onDiagramsDrawn?: () => void;

  /** Whether a diagram drawn from `file` may be one of this deck's placeholders. */
  drawsFrom(file: string): boolean {
    return this.drawing !== undefined && (file === this.target || file.startsWith(this.target + path.sep) || this.dependencies().includes(file));
  }

  /** Whether diagrams are being drawn for this deck (tests wait on it). */
  get drawingDiagrams(): boolean {
    return this.drawing !== undefined;
  }

  private awaitDrawing(next: CompiledDeck): void {
    const drawn = next.diagramsDrawn;
    // A compile that found every diagram drawn ends the drawing, whatever earlier ones awaited.
    if (!drawn) {
      this.drawing = undefined;
      return;
    }
    // The newest compile's promise covers every diagram still missing, earlier ones included.
    const mine = (this.drawing = drawn.catch(() => {}));
    void mine.then(() => {
      if (this.drawing !== mine) return;
      this.drawing = undefined;
      this.onDiagramsDrawn?.();
    });
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
  private readonly sections = new WeakMap<RenderedSlide, { id: string; html: string; svgs: unknown[]; repeats: string }>();

  private fingerprint(s: RenderedSlide): string {
    let h = this.hashes.get(s);
    if (!h) this.hashes.set(s, (h = fingerprint(s)));
    return h;
  }

  /** `earlierIds`: the SVG ids of the slides before this one; this slide's are added. */
  private section(s: RenderedSlide, id: string, page: PageInputs, earlierIds: Set<string>): string {
    const svgs = s.diagrams.map((d) => {
      const r = page.diagrams.get(d.id);
      return r?.kind === 'svg' ? r.svg : r;
    });
    const placed = s.diagrams.length ? placedDiagramIds(s, page.diagrams) : [];
    // Which of its diagrams an earlier slide already shows: those are renamed.
    const repeats = placed.filter((d) => earlierIds.has(d)).join(' ');
    const hit = this.sections.get(s);
    let html = hit?.html;
    if (!hit || hit.id !== id || hit.repeats !== repeats || !svgs.every((v, i) => v === hit.svgs[i])) {
      html = renderSection(s, { ...page, usedIds: new Set(earlierIds) });
      this.sections.set(s, { id, html, svgs, repeats });
    }
    for (const d of placed) earlierIds.add(d);
    return html!;
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
