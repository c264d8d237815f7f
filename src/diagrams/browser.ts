import { codeCacheDir } from '../cache/cache-location';
import { requireWithCodeCache, type CodeCached } from '../cache/code-cache';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { renderInPage, themeFontInPage, type PageJob, type PageResult } from './mermaid-page';
import { freeProfileSlot } from './profile-slot';
import { RENDER_ORIGIN, type RenderAssets } from './render-assets';

/**
 * Chromium features turned off. Chromium honours only the last `--disable-features`, and the
 * one given here comes after Playwright's: so it repeats Playwright's list (a test checks it still
 * does) and adds the omnibox popup, a page of the browser's own UI that headless Chromium preloads
 * in a renderer of its own: ~0.75 s of CPU at every launch, on a 2-core machine the time of five diagrams.
 */
export const DISABLED_FEATURES = [
  // Playwright 1.65's list (chromiumSwitches)
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  // Deckhand's
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
];

/** Flags that keep Chromium quiet on a machine with no network and no display. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
];

let loaded: CodeCached<typeof import('playwright-core')> | undefined;

/**
 * Playwright, loaded on first use. Required, not imported: playwright-core is CommonJS, and
 * through Node's ESM loader its 3.6 MB bundle takes ~130 ms longer to load (~400 vs ~260 ms).
 * With V8's code from earlier runs (see code-cache.ts) it takes ~180 ms.
 */
export function playwright(): typeof import('playwright-core') {
  loaded ??= requireWithCodeCache('playwright-core', import.meta.url, codeCacheDir());
  return loaded.exports;
}

/** Once Chromium is launched (and a page open): keeps the code Playwright compiled to get there, for the next run. */
export function keepPlaywrightCode(): void {
  loaded?.save();
}

/** The browser `check` and `export` measure and print with. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const browser = await playwright().chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  keepPlaywrightCode();
  return browser;
}

/**
 * The browser diagrams are drawn in. With a profile folder (a free slot under `profileBase`, see
 * profile-slot.ts), Chromium keeps what it compiled between runs; without a free one, or when that launch fails, a throwaway
 * profile: slower to start, never wrong.
 */
export interface RenderBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launched in the render thread, where signals never arrive: Playwright's own Ctrl+C handler stays
 * off, the main thread closes the browser, or Chromium quits when the process ends (its pipe closes).
 */
export async function launchRenderBrowser(executablePath: string, assets: RenderAssets, profileBase: string | undefined): Promise<RenderBrowser> {
  const listening = assets.start();
  const { chromium } = playwright();
  const resolverRule = await listening;
  const signals = { handleSIGINT: false, handleSIGTERM: false };
  const args = [...CHROMIUM_ARGS, resolverRule];
  const profile = profileBase ? freeProfileSlot(profileBase) : undefined;
  if (profile) {
    try {
      const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args, ...signals });
      return { context, close: () => context.close() };
    } catch {
      // Taken between the check and the launch, or written by another Chromium version: go on without it.
    }
  }
  const browser = await chromium.launch({ executablePath, headless: true, args, ...signals });
  const context = await browser.newContext();
  return { context, close: () => browser.close() };
}

/**
 * A page with mermaid loaded that draws diagrams, one call at a time. Opened in two steps, so
 * the slow one (mermaid's bundle) can run while the deck is still being compiled: `start` loads
 * mermaid, `useTheme` adds the deck's theme and reads its font once the theme is known.
 */
export class MermaidPage {
  font = '';
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly page: Page) {}

  static async start(context: BrowserContext): Promise<MermaidPage> {
    // The persistent context opens with one blank tab: the first page takes it.
    const blank = context.pages().find((p) => p.url() === 'about:blank' && !claimed.has(p));
    const page = blank ?? (await context.newPage());
    claimed.add(page);
    await page.goto(RENDER_ORIGIN + '/');
    return new MermaidPage(page);
  }

  /** Styles the page with the deck's theme and reads the font diagrams are measured with. */
  async useTheme(stylesheet: string): Promise<this> {
    await this.page.evaluate(addStylesheetInPage, stylesheet);
    this.font = await this.page.evaluate(themeFontInPage);
    return this;
  }

  /** Draws in order: mermaid keeps global state, so calls on one page never overlap. */
  render(jobs: PageJob[], config: Record<string, unknown>): Promise<PageResult[]> {
    const run = this.queue.then(() => this.page.evaluate(renderInPage, { jobs, config }));
    this.queue = run.catch(() => {});
    return run;
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

const claimed = new WeakSet<Page>();

/** Runs in the render page: links the theme's stylesheet and waits until it applies. */
function addStylesheetInPage(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error('the theme stylesheet did not load in the render page'));
    document.head.append(link);
  });
}
