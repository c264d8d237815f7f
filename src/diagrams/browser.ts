import fs from 'node:fs';
import path from 'node:path';
import { mimeType } from '../media-type';
import type { Browser, Page } from 'playwright-core';
import { renderInPage, themeFontInPage, type PageJob, type PageResult } from './mermaid-page';
import { decodeUrlPath } from '../url-path';

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
];

/**
 * `ownSignals`: the command handles Ctrl+C and SIGTERM itself and closes the browser in order
 * (the servers). Left to Playwright, its own handler kills Chromium and exits 130 first.
 */
export async function launchChromium(executablePath: string, ownSignals = false): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const signals = ownSignals ? { handleSIGINT: false, handleSIGTERM: false } : {};
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, ...signals });
}

/** What the render page needs: mermaid's browser build and the compiled theme with its fonts. */
export interface RenderPageAssets {
  mermaidFile: string;
  themeCss: string;
  /** Files the theme CSS refers to, by the relative URL it uses. */
  themeFiles: Map<string, Uint8Array>;
}

const ORIGIN = 'http://deckhand.invalid';

/** A warm page with mermaid loaded; renders any number of diagrams, one at a time. */
export class MermaidPage {
  private constructor(
    private readonly page: Page,
    readonly font: string,
  ) {}

  static async open(browser: Browser, assets: RenderPageAssets): Promise<MermaidPage> {
    const page = await browser.newPage();
    // Everything is served from memory: the render page makes no real network request.
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort();
      const rel = decodeUrlPath(url.pathname.slice(1));
      if (rel === '') return route.fulfill({ contentType: 'text/html', body: harness() });
      if (rel === 'mermaid.js') return route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(assets.mermaidFile) });
      // The step annotation, built next to mermaid's bundle from src/client/diagram-steps-render-page.ts.
      if (rel === 'diagram-steps.js') return route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(path.join(path.dirname(assets.mermaidFile), 'diagram-steps.js')) });
      if (rel === 'theme.css') return route.fulfill({ contentType: 'text/css', body: assets.themeCss });
      const data = assets.themeFiles.get(rel);
      if (data) return route.fulfill({ body: Buffer.from(data), contentType: mimeType(rel) });
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(ORIGIN + '/');
    const font = await page.evaluate(themeFontInPage);
    return new MermaidPage(page, font);
  }

  render(jobs: PageJob[], config: Record<string, unknown>): Promise<PageResult[]> {
    return this.page.evaluate(renderInPage, { jobs, config });
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

function harness(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="theme.css">
<script src="mermaid.js"></script><script src="diagram-steps.js"></script></head>
<body><div class="reveal"><div class="slides"><section>Deckhand</section></div></div></body></html>`;
}

