import { placedDiagramIds, renderSection, type PageLinks } from '../assemble/deck-page';
import { compileDeck, type CompileEnv, type CompiledDeck } from '../compile-deck';
import { DeckhandError, hasErrors } from '../diagnostics';
import { DiagramRenderer } from '../diagrams/render-diagrams';
import { bundleCompiledDeck } from '../export/deck-bundle';
import { bundleLinks } from '../export/inline-html';
import type { DrawProgress, PresentOptions } from '../options';
import type { SlideHtml } from '../protocol/present-messages';
import type { RenderCache } from '../render/render-deck';
import type { SplitCache } from '../parse/parse-deck';
import { DrawingBatches } from '../server/drawing-batches';
import type { DeckSource, RenderedSlide } from '../types';

/** For each of `wanted`, the diagram SVG ids of the deck's slides before it (one pass over the deck). */
function earlierDiagramIds(compiled: CompiledDeck, wanted: ReadonlySet<RenderedSlide>): Map<RenderedSlide, Set<string>> {
  const seen = new Set<string>();
  const out = new Map<RenderedSlide, Set<string>>();
  for (const s of compiled.deck.stacks.flat()) {
    if (wanted.has(s)) out.set(s, new Set(seen));
    for (const id of placedDiagramIds(s, compiled.page.diagrams)) seen.add(id);
  }
  return out;
}

/** Slides whose diagrams were drawn, as the room's pages and as the views' deck frame show them. */
export interface DrawnSlides {
  /** The deck's count of drawing updates after this one. */
  drawn: number;
  room: SlideHtml[];
  frames: SlideHtml[];
}

export interface TalkDeckHooks {
  /** Slides whose diagrams were drawn since the last call: patch them into open pages. */
  drawn(update: DrawnSlides): void;
  /**
   * Every diagram is drawn (or failed, with its error in the slide) and Chromium is closed.
   * `reload`: some were left to the viewer's browser after all (Chromium went away), which
   * needs the page's mermaid settings too: open pages reload into the deck as it is now.
   */
  done(compiled: CompiledDeck, reload: boolean): void;
}

/**
 * The deck of a talk. Its sources do not change while it is presented; with diagrams not in the
 * cache it is served at once with placeholders, and as Chromium draws them (a few per update,
 * see DrawingBatches) it is compiled again from its caches and the slides whose placeholders
 * were drawn are handed to `hooks.drawn`. Chromium closes when the last one is drawn.
 */
export class TalkDeck {
  /** Each slide drawn into since the deck was first served: at which update, and its markup now. */
  private readonly changed = new Map<string, { at: number; room: string; frames: string }>();
  private updates = 0;
  private readonly batches: DrawingBatches;
  private finished = false;
  private closed = false;

  private constructor(
    private readonly source: DeckSource,
    private readonly env: CompileEnv,
    private readonly renderer: DiagramRenderer,
    public compiled: CompiledDeck,
    private readonly hooks: TalkDeckHooks,
    private readonly log: (line: string) => void,
  ) {
    // A failed update must not end the talk: the pages keep their placeholders, the speaker hears why.
    this.batches = new DrawingBatches(() => this.update().catch((e: Error) => this.log(`deckhand: could not patch drawn diagrams into open pages: ${e.message}`)));
  }

  /** Compiles the talk's deck (placeholders for diagrams not in the cache); refuses a deck with errors. */
  static async open(source: DeckSource, options: Readonly<PresentOptions>, hooks: TalkDeckHooks): Promise<TalkDeck> {
    // Drawings start once the deck is compiled, before `open` returns: they find the talk here.
    const made: { talk?: TalkDeck } = {};
    const onDrawn = (progress: DrawProgress) => {
      options.onDiagramDrawn?.(progress);
      made.talk?.batches.drawn();
    };
    const renderer = new DiagramRenderer({ chromium: options.chromium, cacheDir: options.cacheDir, log: options.log, onDrawn });
    // Recompiles take every slide and split from these: only the diagrams' slots are new.
    const renderCache: RenderCache = new Map();
    const splitCache: SplitCache = new Map();
    const env: CompileEnv = { root: options.root, cacheDir: options.cacheDir, diagrams: renderer, deckOverrides: options.deckOverrides, renderCache, splitCache };
    let compiled: CompiledDeck;
    try {
      compiled = await compileDeck(source, { ...env, drawDiagramsLater: true });
      if (hasErrors(compiled.diagnostics)) {
        const errors = compiled.diagnostics.filter((d) => d.severity === 'error').length;
        throw new DeckhandError(`${compiled.name} has ${errors} error${errors === 1 ? '' : 's'}; fix ${errors === 1 ? 'it' : 'them'} before presenting`, compiled.diagnostics);
      }
    } catch (e) {
      await renderer.close();
      throw e;
    }
    const talk = (made.talk = new TalkDeck(source, env, renderer, compiled, hooks, options.log));
    const drawn = compiled.diagramsDrawn;
    if (!drawn) {
      talk.finished = true;
      await renderer.close();
      return talk;
    }
    // This first compile's promise covers every diagram (the sources stay as they are): once it
    // settles, one more update finds them all drawn, or left to the viewers' browsers when
    // Chromium did not start (no diagram reports being drawn then).
    void drawn.catch(() => {}).then(() => talk.batches.drawn());
    return talk;
  }

  /** Updates since the deck was first served: what `hello` tells pages, and what they catch up from. */
  get drawnCount(): number {
    return this.updates;
  }

  /** The slides changed since a page was served `from` updates, as its kind of page shows them. */
  catchUp(from: number, frames: boolean): SlideHtml[] {
    const slides: SlideHtml[] = [];
    for (const [key, c] of this.changed) if (c.at > from) slides.push({ key, html: frames ? c.frames : c.room });
    return slides;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.batches.close();
    await this.renderer.close();
  }

  private async update(): Promise<void> {
    if (this.closed || this.finished) return;
    const next = await compileDeck(this.source, { ...this.env, drawDiagramsLater: true });
    // Covered by the first compile's promise; only its failure must not go unheard.
    next.diagramsDrawn?.catch(() => {});
    if (this.closed) return;
    const before = this.compiled.page.diagrams;
    const after = next.page.diagrams;
    const changed = next.deck.stacks.flat().filter((s) => s.diagrams.some((d) => before.get(d.id)?.kind === 'drawing' && after.get(d.id)?.kind !== 'drawing'));
    this.compiled = next;
    if (changed.length) this.hooks.drawn(this.record(changed, next));
    if (next.diagramsDrawn) return;
    this.finished = true;
    await this.renderer.close();
    this.hooks.done(next, [...after.values()].some((r) => r.kind === 'deferred'));
  }

  private record(slides: RenderedSlide[], compiled: CompiledDeck): DrawnSlides {
    const drawn = ++this.updates;
    const inputs = { diagrams: compiled.page.diagrams, root: compiled.page.root };
    // The frame's page carries its images as data: URLs (it cannot fetch); made only for slides with images.
    let frameLinks: PageLinks | undefined;
    const update: DrawnSlides = { drawn, room: [], frames: [] };
    const earlier = earlierDiagramIds(compiled, new Set(slides));
    for (const s of slides) {
      // As in the whole page: a diagram an earlier slide already shows is drawn with renamed ids.
      // (renderSection adds the slide's own ids to the set it is given: each render gets a copy.)
      const usedIds = () => new Set(earlier.get(s));
      // The room's slides link their files beside the page, as a build does.
      const room = renderSection(s, { ...inputs, usedIds: usedIds() });
      const frames = s.assets.length ? renderSection(s, { ...inputs, usedIds: usedIds(), links: (frameLinks ??= bundleLinks(bundleCompiledDeck(this.source, compiled), compiled.page.runtime)) }) : room;
      this.changed.set(s.key, { at: drawn, room, frames });
      update.room.push({ key: s.key, html: room });
      update.frames.push({ key: s.key, html: frames });
    }
    return update;
  }
}
