/**
 * The render thread (see render-thread.ts): Playwright, Chromium, its render pages and the
 * server they load mermaid from, all off the main thread. Answers one message per call.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { keepPlaywrightCode, launchRenderBrowser, MermaidPage, playwright, type RenderBrowser } from './browser';
import { RenderAssets } from './render-assets';
import type { RenderThreadCalls, RenderThreadData, RenderThreadRequest } from './render-thread';

const data = workerData as RenderThreadData;
const assets = new RenderAssets(data.mermaidFile, data.mermaidVersion);
const pages = new Map<number, MermaidPage>();
let browser: RenderBrowser | undefined;
let nextPage = 0;

const pageOf = (id: number): MermaidPage => {
  const page = pages.get(id);
  if (!page) throw new Error(`no render page ${id}`);
  return page;
};

type Handlers = { [K in keyof RenderThreadCalls]: (args: RenderThreadCalls[K]['args']) => Promise<RenderThreadCalls[K]['result']> | RenderThreadCalls[K]['result'] };

const handlers: Handlers = {
  async launch({ chromium, profileBase }) {
    browser = await launchRenderBrowser(chromium, assets, profileBase);
  },
  async openPage() {
    if (!browser) throw new Error('Chromium has not been started');
    const id = nextPage++;
    pages.set(id, await MermaidPage.start(browser.context));
    // Does nothing after the first time, or when every file's code came from the cache.
    keepPlaywrightCode();
    return id;
  },
  addTheme: ({ id, assets: theme }) => assets.addTheme(id, theme),
  dropTheme: ({ id }) => assets.removeTheme(id),
  useTheme: async ({ page, href }) => (await pageOf(page).useTheme(href)).font,
  render: ({ page, jobs, config }) => pageOf(page).render(jobs, config),
  async closePage({ page }) {
    const open = pages.get(page);
    pages.delete(page);
    await open?.close();
  },
  async close() {
    pages.clear();
    await browser?.close();
    browser = undefined;
    await assets.close();
  },
};

parentPort!.on('message', (request: RenderThreadRequest) => {
  const handle = handlers[request.op] as (args: unknown) => unknown;
  Promise.resolve()
    .then(() => handle(request.args))
    .then(
      (result) => parentPort!.postMessage({ id: request.id, result }),
      (e: Error) => parentPort!.postMessage({ id: request.id, error: String(e?.message ?? e) }),
    );
});

// Loaded at once, while the main thread is still rendering the deck: ready when Chromium is asked for.
playwright();
