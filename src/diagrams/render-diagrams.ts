import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root';
import type { Browser } from 'playwright-core';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { DiagramRef, DiagramResult } from '../types';
import { launchChromium, MermaidPage, type RenderPageAssets } from './browser';
import { installHint } from './find-chromium';
import { DEFAULTS } from '../options';
import { diagramKey, openDiagramCache } from './cache';
import { stepPlanOf } from './steps/ref-plan';
import { setsOwnTheme, withDerivedTheme } from './palette';

// mermaid's browser bundle and version, as scripts/bundle.mjs copies them into lib/runtime/.
const MERMAID_RUNTIME = path.join(packageRoot(), 'lib', 'runtime');
export const MERMAID_VERSION: string = (JSON.parse(fs.readFileSync(path.join(MERMAID_RUNTIME, 'mermaid.json'), 'utf8')) as { version: string }).version;
export const MERMAID_BROWSER_FILE: string = path.join(MERMAID_RUNTIME, 'mermaid.min.js');

export interface DiagramTheme extends Omit<RenderPageAssets, 'mermaidFile'> {
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
  /** A long-running server that closes the renderer itself on Ctrl+C; see `launchChromium`. */
  ownSignals?: boolean;
}

export interface DiagramBatch {
  results: Map<string, DiagramResult>;
  diagnostics: Diagnostic[];
  rendered: number;
  cached: number;
}

/**
 * Diagrams stage: Mermaid source → inline SVG. Cached by source, config, mermaid version and theme;
 * rendered by real mermaid in one headless Chromium per renderer; deferred to the viewer's
 * browser when there is no Chromium. The only module that knows how diagrams are drawn.
 */
export class DiagramRenderer {
  private readonly cache;
  private browser?: Promise<Browser | null>;
  private readonly pages = new Map<string, Promise<MermaidPage>>();
  private warnedNoBrowser = false;

  constructor(private readonly options: DiagramRendererOptions) {
    this.cache = openDiagramCache(options.cacheDir);
  }

  /**
   * `owner` (the dev server's deck name): what this owner's previous call used and this one does
   * not is dropped from memory, so a long editing session keeps only the current diagrams.
   */
  async render(refs: DiagramRef[], /** The deck's resolved mermaid config: `resolveDeckOptions().mermaid`. */ deckConfig: Record<string, unknown>, theme: DiagramTheme, owner?: string): Promise<DiagramBatch> {
    const batch: DiagramBatch = { results: new Map(), diagnostics: [], rendered: 0, cached: 0 };
    const derived = theme.variables ? withDerivedTheme(deckConfig, theme.variables) : deckConfig;
    const derivedId = JSON.stringify(derived) + theme.id;
    const plainId = JSON.stringify(deckConfig) + theme.id;
    const misses: Array<{ ref: DiagramRef; key: string; config: Record<string, unknown> }> = [];
    const configs = refs.map((ref) => (derived !== deckConfig && setsOwnTheme(ref.code) ? deckConfig : derived));
    const keys = refs.map((ref, i) => this.key(ref.code, configs[i], configs[i] === derived ? derivedId : plainId, theme.id));
    const plans = new Map(refs.map((ref) => [ref, stepPlanOf(ref, batch.diagnostics)]));
    if (owner !== undefined) this.use(owner, { keys: new Set(keys), theme: theme.id });
    for (const [i, ref] of refs.entries()) {
      const key = keys[i];
      const svg = this.cache.get(key);
      if (svg !== undefined) {
        batch.results.set(ref.id, { kind: 'svg', svg });
        batch.cached++;
      } else misses.push({ ref, key, config: configs[i] });
    }
    if (!misses.length) return batch;

    const page = await this.page(theme);
    if (!page) {
      for (const { ref } of misses) batch.results.set(ref.id, { kind: 'deferred', code: ref.code, steps: plans.get(ref) });
      return batch;
    }
    const unique = [...new Map(misses.map((m) => [m.key, m])).values()];
    const byKey = new Map<string, { svg?: string; error?: string }>();
    // Diagrams that pick their own theme are drawn apart from the rest, with the deck's config as it is.
    for (const config of new Set(unique.map((m) => m.config))) {
      const group = unique.filter((m) => m.config === config);
      const results = await page.render(
        group.map((m) => ({ renderId: `deck-m-${m.key.slice(0, 12)}`, code: m.ref.code, plan: plans.get(m.ref) })),
        { ...config, fontFamily: page.font, themeVariables: { fontFamily: page.font, ...(config.themeVariables as object) } },
      );
      group.forEach((m, i) => byKey.set(m.key, results[i]));
    }
    for (const { ref, key } of misses) {
      const r = byKey.get(key)!;
      if (r.svg) {
        this.cache.put(key, r.svg);
        batch.results.set(ref.id, { kind: 'svg', svg: r.svg });
      } else {
        const d = mermaidDiagnostic(r.error ?? 'unknown error', ref);
        batch.diagnostics.push(d);
        batch.results.set(ref.id, { kind: 'error', message: d.message, line: d.line });
      }
    }
    batch.rendered = unique.length;
    return batch;
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
    // A render page per theme: one for a theme no deck uses any more is closed.
    for (const [id, page] of this.pages) {
      if (themes.has(id)) continue;
      this.pages.delete(id);
      void page.then((p) => p.close()).catch(() => {});
    }
  }

  private key(code: string, config: Record<string, unknown>, configId: string, font: string): string {
    const memo = `${configId}\0${code}`;
    let key = this.keys.get(memo);
    if (!key) {
      if (this.keys.size > 5000) this.keys.clear();
      key = diagramKey({ code, config, mermaidVersion: MERMAID_VERSION, font });
      this.keys.set(memo, key);
    }
    return key;
  }

  /** What is held in memory: SVGs, remembered keys and open render pages (for tests and the soak bench). */
  memory(): { svgs: number; keys: number; pages: number } {
    return { svgs: this.cache.size, keys: this.keys.size, pages: this.pages.size };
  }

  async close(): Promise<void> {
    const browser = await this.browser;
    this.browser = undefined;
    this.pages.clear();
    await browser?.close();
  }

  private async page(theme: DiagramTheme): Promise<MermaidPage | null> {
    const browser = await (this.browser ??= this.launch());
    if (!browser) return null;
    let page = this.pages.get(theme.id);
    if (!page) {
      page = MermaidPage.open(browser, { ...theme, mermaidFile: MERMAID_BROWSER_FILE });
      this.pages.set(theme.id, page);
    }
    return page;
  }

  private async launch(): Promise<Browser | null> {
    const path = this.options.chromium;
    const reason = !path ? 'diagram rendering in Chromium is off' : !fs.existsSync(path) ? `no Chromium at ${path}` : '';
    if (!reason) {
      try {
        const browser = await launchChromium(path as string, this.options.ownSignals);
        // Found somewhere other than Debian's place: say which browser draws the diagrams.
        if (path !== DEFAULTS.chromium) this.options.log(`deckhand: drawing diagrams with ${path}`);
        return browser;
      } catch (e) {
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


/** Maps mermaid's "Parse error on line N" into the author's file. */
export function mermaidDiagnostic(message: string, ref: DiagramRef): Diagnostic {
  const line = /on line (\d+)/i.exec(message);
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  const expecting = lines.find((l) => /^Expecting/.test(l));
  const summary = `Mermaid: ${lines[0]}${expecting ? ` — ${expecting}` : ''}`;
  const at = line ? ref.origin.line + parseInt(line[1], 10) - 1 : ref.origin.line;
  return diagnostic('mermaid-syntax', summary, { file: ref.origin.file, line: at, column: 1 });
}
