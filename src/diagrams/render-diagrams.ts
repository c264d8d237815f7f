import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../package-root';
import { readMermaidVersion } from '../mermaid-version';
import { renderProfileBase } from '../cache/cache-location';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { StepPlan } from '../protocol/diagram-steps';
import type { DiagramRef, DiagramResult } from '../types';
import { installHint } from './find-chromium';
import { DEFAULTS, type DrawProgress } from '../options';
import { countCachedDiagrams, diagramKey, openDiagramCache } from './cache';
import type { ThemeAssets } from './render-assets';
import { RemotePage, RenderThread } from './render-thread';
import { lanesByKind, takeNext } from './draw-order';
import { diagramKeyword } from './steps/split-steps';
import { stepPlanOf } from './steps/ref-plan';
import { setsOwnTheme, withDerivedTheme } from './palette';

// mermaid's browser bundle, as scripts/bundle.mjs copies it into lib/runtime/.
export const MERMAID_BROWSER_FILE: string = path.join(packageRoot(), 'lib', 'runtime', 'mermaid.min.js');
let mermaidVersion: string | undefined;
/** Part of every cache key; read when first needed (a deck without diagrams never needs it). */
export const mermaidVersionOnce = (): string => (mermaidVersion ??= readMermaidVersion());

export interface DiagramTheme extends ThemeAssets {
  /** Changes whenever the theme's font rules do: part of every cache key. */
  id: string;
  /**
   * The custom properties the deck's theme sets (`CompiledStyle.variables`): diagrams get Mermaid's
   * `base` theme coloured from them (src/diagrams/palette.ts). Without them, the deck's config as it is.
   */
  variables?: Readonly<Record<string, string>>;
}

export interface DiagramRendererOptions {
  chromium: string | false;
  cacheDir: string;
  log: (line: string) => void;
  /** Where Chromium keeps mermaid compiled between runs; default `renderProfileBase()`, `false` for none. */
  profileBase?: string | false;
  /** Pages drawing at once; default: one per `DIAGRAMS_PER_PAGE` diagrams to draw, up to the machine's cores. */
  workers?: number;
  /** Told as each diagram is drawn (the dev server's progress line). */
  onDrawn?: (progress: DrawProgress) => void;
}


export interface DiagramBatch {
  results: Map<string, DiagramResult>;
  diagnostics: Diagnostic[];
  rendered: number;
  cached: number;
  /** With `drawLater`: settles once every diagram left as `drawing` is drawn (and cached). */
  drawing?: Promise<void>;
}

export interface RenderRequest {
  /** The dev server's deck: the renderer keeps in memory only what each owner uses now. */
  owner?: string;
  /**
   * Do not wait for diagrams that are not in the cache: they come back as `drawing`, are drawn
   * in the background, and `drawing` settles when a compile would find them all cached.
   */
  drawLater?: boolean;
  /** With `drawLater`: when to start drawing (the dev server: once a page shows the deck, so drawing does not slow its first paint). */
  drawAfter?: Promise<void>;
}

/**
 * One page loads mermaid again (a CPU-second cold, a fifth of that from the profile's code
 * cache): a second page pays only when it has this many diagrams to draw.
 */
const DIAGRAMS_PER_PAGE = 6;

type Miss = { ref: DiagramRef; key: string; config: Record<string, unknown> };
type Drawn = { svg?: string; error?: string };

/**
 * Diagrams stage: Mermaid source → inline SVG. Cached by source, config, mermaid version and theme;
 * rendered by real mermaid in headless Chromium, on one page per core when there are many;
 * deferred to the viewer's browser when there is no Chromium. The only module that knows how
 * diagrams are drawn.
 */
export class DiagramRenderer {
  private readonly cache;
  /** Playwright and Chromium, in a thread of their own; started by `expect`, `prepare` or the first drawing. */
  private thread?: RenderThread;
  /** The thread once Chromium has started in it; null when there is none to draw with. */
  private launched?: Promise<RenderThread | null>;
  /** Each theme's stylesheet path in the render thread. */
  private readonly themeHrefs = new Map<string, Promise<string>>();
  /** Render pages per theme, each with mermaid loaded and the theme applied. */
  private readonly pages = new Map<string, Array<Promise<RemotePage | null>>>();
  /** Pages started by `prepare` before the theme is known: mermaid loads while the deck compiles. */
  private spare: Array<Promise<RemotePage | null>> = [];
  /** Diagrams being drawn now, by key: a compile asking again waits for the same drawing. */
  private readonly inflight = new Map<string, Promise<Drawn>>();
  /** Mermaid's errors, by key: a broken diagram is not drawn again until its source or theme changes. */
  private readonly failed = new Map<string, string>();
  private progress = { done: 0, total: 0 };
  private warnedNoBrowser = false;
  private preparedFor = 0;
  private closed = false;

  constructor(private readonly options: DiagramRendererOptions) {
    this.cache = openDiagramCache(options.cacheDir);
  }

  /**
   * Called before the deck is rendered, with a guess at how many diagrams it has (`guessDiagramCount`):
   * when the cache cannot hold them all, the render thread starts loading Playwright now, beside
   * the render. Only `prepare` starts Chromium, once the diagrams are known for sure.
   */
  expect(guess: number): void {
    if (this.thread || !guess || !this.canLaunch()) return;
    if (this.cachedCount() >= guess) return;
    this.startThread();
  }

  /**
   * Called once the deck's diagrams are known, before its theme is: when some of them cannot be
   * in the cache (it holds fewer SVGs than the deck has distinct diagrams), Chromium starts and
   * loads mermaid now, alongside the rest of the compile. A deck whose diagrams are all cached
   * never launches Chromium (render() decides that for sure).
   */
  prepare(refs: DiagramRef[]): void {
    if (this.launched || !refs.length || !this.canLaunch()) return;
    const distinct = new Set(refs.map((r) => r.code)).size;
    // The dev server asks on every edit: only a deck that gains diagrams is looked at again.
    if (distinct <= this.preparedFor) return;
    this.preparedFor = distinct;
    if (this.cachedCount() >= distinct) return;
    for (let i = 0; i < this.workersFor(distinct); i++) this.spare.push(this.startPage());
  }

  /** SVGs in the cache folder: listed once (a build asks twice, the dev server on every new diagram), then counted as they are drawn. */
  private cachedSvgs?: number;

  private cachedCount(): number {
    return (this.cachedSvgs ??= countCachedDiagrams(this.options.cacheDir));
  }

  async render(refs: DiagramRef[], /** The deck's resolved mermaid config: `resolveDeckOptions().mermaid`. */ deckConfig: Record<string, unknown>, theme: DiagramTheme, request: RenderRequest = {}): Promise<DiagramBatch> {
    const batch: DiagramBatch = { results: new Map(), diagnostics: [], rendered: 0, cached: 0 };
    const derived = theme.variables ? withDerivedTheme(deckConfig, theme.variables) : deckConfig;
    const derivedId = JSON.stringify(derived) + theme.id;
    const plainId = JSON.stringify(deckConfig) + theme.id;
    const misses: Miss[] = [];
    const configs = refs.map((ref) => (derived !== deckConfig && setsOwnTheme(ref.code) ? deckConfig : derived));
    const keys = refs.map((ref, i) => this.key(ref.code, configs[i], configs[i] === derived ? derivedId : plainId, theme.id));
    const plans = new Map(refs.map((ref) => [ref, stepPlanOf(ref, batch.diagnostics)]));
    if (request.owner !== undefined) this.use(request.owner, { keys: new Set(keys), theme: theme.id });
    for (const [i, ref] of refs.entries()) {
      const key = keys[i];
      const svg = this.cache.get(key);
      const error = this.failed.get(key);
      if (svg !== undefined) {
        batch.results.set(ref.id, { kind: 'svg', svg });
        batch.cached++;
      } else if (error !== undefined) this.addError(batch, ref, error);
      else misses.push({ ref, key, config: configs[i] });
    }
    if (!misses.length) return batch;
    const unique = [...new Map(misses.map((m) => [m.key, m])).values()];

    if (request.drawLater && this.canLaunch()) {
      for (const { ref } of misses) batch.results.set(ref.id, { kind: 'drawing' });
      batch.drawing = (request.drawAfter ?? Promise.resolve()).then(() => this.draw(unique, theme, plans)).then(() => {});
      return batch;
    }
    const drawn = await this.draw(unique, theme, plans);
    if (!drawn) {
      for (const { ref } of misses) batch.results.set(ref.id, { kind: 'deferred', code: ref.code, steps: plans.get(ref) });
      return batch;
    }
    for (const { ref, key } of misses) {
      const r = drawn.get(key)!;
      if (r.svg) batch.results.set(ref.id, { kind: 'svg', svg: r.svg });
      else this.addError(batch, ref, r.error ?? 'unknown error');
    }
    batch.rendered = unique.length;
    return batch;
  }

  private addError(batch: DiagramBatch, ref: DiagramRef, error: string): void {
    const d = mermaidDiagnostic(error, ref);
    batch.diagnostics.push(d);
    batch.results.set(ref.id, { kind: 'error', message: d.message, line: d.line });
  }

  /**
   * Draws the diagrams not drawn yet, spread over the theme's pages (grouped by kind, see
   * draw-order.ts; one page draws in the deck's order), caching each as it is done. Null when
   * there is no Chromium to draw with.
   */
  private async draw(unique: Miss[], theme: DiagramTheme, plans: Map<DiagramRef, StepPlan | undefined>): Promise<Map<string, Drawn> | null> {
    const queue = unique.filter((m) => !this.inflight.has(m.key));
    // The progress counts from the moment the renderer had nothing left to draw.
    if (!this.inflight.size) this.progress = { done: 0, total: 0 };
    this.progress.total += queue.length;
    const waiting = new Map<string, (d: Drawn) => void>();
    for (const m of queue) this.inflight.set(m.key, new Promise((resolve) => waiting.set(m.key, resolve)));
    const all = unique.map((m) => this.inflight.get(m.key)!);
    const settle = (m: Miss, d: Drawn) => {
      if (d.svg) {
        this.cache.put(m.key, d.svg);
        if (this.cachedSvgs !== undefined) this.cachedSvgs++;
      }
      else if (d.error !== undefined) this.failed.set(m.key, d.error);
      this.inflight.delete(m.key);
      waiting.get(m.key)!(d);
      if (d.error === undefined && !d.svg) return;
      this.progress.done++;
      this.options.onDrawn?.({ ...this.progress, file: m.ref.origin.file });
    };
    const pages = queue.length ? this.pagesFor(theme, queue.length) : [];
    const lanes = lanesByKind(queue, (m) => diagramKeyword(m.ref.code), pages.length);
    // Each page draws as soon as it is ready; one that never is (no Chromium) leaves its share to the others.
    const opened = await Promise.all(
      pages.map(async (pending, lane) => {
        const page = await pending;
        if (!page) return false;
        for (let m = takeNext(lanes, lane); m; m = takeNext(lanes, lane)) {
          const job = { renderId: `deck-m-${m.key.slice(0, 12)}`, code: m.ref.code, plan: plans.get(m.ref) };
          const config = { ...m.config, fontFamily: page.font, themeVariables: { fontFamily: page.font, ...(m.config.themeVariables as object) } };
          settle(m, await page.render([job], config).then(([r]) => r, (e: Error) => ({ error: e.message })));
        }
        return true;
      }),
    );
    if (!opened.every(Boolean)) this.pages.delete(theme.id);
    if (queue.length && !opened.some(Boolean)) {
      for (const m of lanes.flat()) settle(m, {});
      return null;
    }
    const results = await Promise.all(all);
    // Drawn by an earlier call that had no Chromium: left to the viewer's browser here too.
    if (results.some((r) => r.svg === undefined && r.error === undefined)) return null;
    return new Map(unique.map((m, i) => [m.key, results[i]]));
  }

  // Hashing every diagram's source on every dev-server update adds up; remember the keys.
  private readonly keys = new Map<string, string>();
  private readonly inUse = new Map<string, { keys: Set<string>; theme: string }>();

  private use(owner: string, used: { keys: Set<string>; theme: string }): void {
    this.inUse.set(owner, used);
    const keys = new Set<string>();
    const themes = new Set<string>();
    for (const u of this.inUse.values()) {
      for (const k of u.keys) keys.add(k);
      themes.add(u.theme);
    }
    this.cache.retain(keys);
    for (const [memo, key] of this.keys) if (!keys.has(key)) this.keys.delete(memo);
    for (const key of this.failed.keys()) if (!keys.has(key)) this.failed.delete(key);
    // Render pages per theme: those of a theme no deck uses any more are closed, and the theme dropped.
    for (const [id, pages] of this.pages) {
      if (themes.has(id)) continue;
      this.pages.delete(id);
      for (const page of pages) void page.then((p) => p?.close()).catch(() => {});
      if (this.themeHrefs.delete(id)) void this.thread?.call('dropTheme', { id }).catch(() => {});
    }
  }

  private key(code: string, config: Record<string, unknown>, configId: string, font: string): string {
    const memo = `${configId}\0${code}`;
    let key = this.keys.get(memo);
    if (!key) {
      if (this.keys.size > 5000) this.keys.clear();
      key = diagramKey({ code, config, mermaidVersion: mermaidVersionOnce(), font });
      this.keys.set(memo, key);
    }
    return key;
  }

  /** What is held in memory: SVGs, remembered keys and open render pages (for tests and the soak bench). */
  memory(): { svgs: number; keys: number; pages: number } {
    return { svgs: this.cache.size, keys: this.keys.size, pages: [...this.pages.values()].reduce((n, p) => n + p.length, 0) };
  }

  /** `wait: false`: see `RenderThread.close` (a build, whose process is about to end). */
  async close({ wait = true } = {}): Promise<void> {
    // Closed for good: a drawing still under way ends with errors, and nothing starts Chromium again.
    this.closed = true;
    const thread = this.thread;
    this.thread = undefined;
    this.launched = undefined;
    this.pages.clear();
    this.themeHrefs.clear();
    this.spare = [];
    await thread?.close({ wait });
  }

  private workersFor(diagrams: number): number {
    return this.options.workers ?? Math.max(1, Math.min(os.availableParallelism(), Math.ceil(diagrams / DIAGRAMS_PER_PAGE)));
  }

  /** The theme's pages, more of them when there are many diagrams to draw; each null without Chromium. */
  private pagesFor(theme: DiagramTheme, count: number): Array<Promise<RemotePage | null>> {
    let list = this.pages.get(theme.id);
    if (!list) this.pages.set(theme.id, (list = []));
    while (list.length < this.workersFor(count)) {
      const started = this.spare.shift() ?? this.startPage();
      list.push(started.then(async (page) => page && page.useTheme(await this.themeHref(theme))));
    }
    return [...list];
  }

  /** The theme's stylesheet, handed to the render thread once per theme. */
  private themeHref(theme: DiagramTheme): Promise<string> {
    let href = this.themeHrefs.get(theme.id);
    if (!href) this.themeHrefs.set(theme.id, (href = this.thread!.call('addTheme', { id: theme.id, assets: { themeCss: theme.themeCss, themeFiles: theme.themeFiles } })));
    return href;
  }

  /** A page with mermaid loaded (and no theme yet), or null when there is no Chromium. */
  private startPage(): Promise<RemotePage | null> {
    const page = (async () => {
      const thread = await (this.launched ??= this.launch());
      return thread && RemotePage.open(thread);
    })();
    // Observed later by pagesFor(); a failure here must not surface as an unhandled rejection first.
    page.catch(() => {});
    return page;
  }

  private canLaunch(): boolean {
    return !this.closed && !this.launchFailed && !!this.options.chromium && fs.existsSync(this.options.chromium);
  }

  /** Chromium was there but did not start: later compiles leave diagrams to the viewer's browser at once, not after trying again. */
  private launchFailed = false;

  private startThread(): RenderThread {
    return (this.thread ??= new RenderThread({ mermaidFile: MERMAID_BROWSER_FILE, mermaidVersion: mermaidVersionOnce() }));
  }

  private async launch(): Promise<RenderThread | null> {
    if (this.closed) return null;
    const path = this.options.chromium;
    const reason = !path ? 'diagram rendering in Chromium is off' : !fs.existsSync(path) ? `no Chromium at ${path}` : '';
    if (!reason) {
      try {
        const profile = this.options.profileBase === false ? undefined : (this.options.profileBase ?? renderProfileBase());
        const thread = this.startThread();
        await thread.call('launch', { chromium: path as string, profileBase: profile });
        // Found somewhere other than Debian's place: say which browser draws the diagrams.
        if (path !== DEFAULTS.chromium) this.options.log(`deckhand: drawing diagrams with ${path}`);
        return thread;
      } catch (e) {
        // Closed while starting (a build that stopped on errors): nothing to report.
        if (this.closed) return null;
        this.launchFailed = true;
        return this.noBrowser(`Chromium at ${path} did not start (${(e as Error).message.split('\n')[0]})`);
      }
    }
    return this.noBrowser(reason);
  }

  private noBrowser(reason: string): null {
    if (!this.warnedNoBrowser) {
      this.options.log(`deckhand: ${reason}; diagrams will render in the browser (to draw them at build time, ${installHint()} or set DECKHAND_CHROMIUM)`);
      this.warnedNoBrowser = true;
    }
    return null;
  }
}


/**
 * About how many diagrams these sources hold (mermaid fences and `.mmd` references), counted
 * without parsing them: enough to decide, before the deck is rendered, whether Chromium may be needed.
 */
export function guessDiagramCount(texts: readonly string[]): number {
  let count = 0;
  for (const text of texts) count += text.match(/^[ \t]*(?:`{3,}|~{3,})[ \t]*mermaid\b|\.mmd\b/gim)?.length ?? 0;
  return count;
}

/** Maps mermaid's "Parse error on line N" into the author's file. */
export function mermaidDiagnostic(message: string, ref: DiagramRef): Diagnostic {
  const line = /on line (\d+)/i.exec(message);
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  const expecting = lines.find((l) => /^Expecting/.test(l));
  const summary = `Mermaid: ${lines[0]}${expecting ? ` — ${expecting}` : ''}`;
  const at = line ? ref.origin.line + parseInt(line[1], 10) - 1 : ref.origin.line;
  return diagnostic('mermaid-syntax', summary, { file: ref.origin.file, line: at, column: 1 });
}
