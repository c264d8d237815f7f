import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { assembleIndexPage } from '../assemble/index-page';
import { RUNTIME_DIR } from '../compile-deck';
import { diagnostic, formatDiagnostic, type Diagnostic } from '../diagnostics';
import { DiagramRenderer, MERMAID_BROWSER_FILE } from '../diagrams/render-diagrams';
import { deckNameOf, findDecks, listDeckTargets } from '../load/find-decks';
import type { DevOptions, DrawProgress } from '../options';
import { resolveDevOptions } from '../resolve-options';
import { packageRoot } from '../package-root';
import { ContentChecks, relativeFile } from './content-checks';
import { DevDeck, versionMeta } from './dev-deck';
import { resolveDeckAsset, resolveRuntimeResource } from './deck-resources';
import { createHandler, type Resource } from './http-handler';
import { mimeType } from '../media-type';
import { parsePageRequest, type ServerMessage } from '../protocol/dev-messages';
import { DrawingBatches } from './drawing-batches';
import { Notifier } from './notifier';
import { allowedHostNames, browsableOrigin } from './host-names';
import { acceptSocketUpgrades } from './upgrade';
import { listen } from './listen';
import { DeckWatcher, type ChangeBatch, type WatchError } from './watcher';

export type DevServerOptions = Partial<DevOptions>;

/** How long diagrams wait for a first page to show the deck before they are drawn anyway. */
const FIRST_PAGE_WAIT_MS = 1500;

export interface DevServer {
  url: string;
  port: number;
  decks: DevDeck[];
  close(): Promise<void>;
}

/**
 * `deckhand dev`: compiles decks in memory, serves them, watches their sources and pushes
 * the smallest update to open pages. Bad input never stops it: errors go to the terminal and
 * to an overlay in the page, and the last good slides stay up.
 */
export async function startDevServer(overrides: DevServerOptions = {}): Promise<DevServer> {
  const options = resolveDevOptions(overrides);
  const host = options.host;
  const hosts = allowedHostNames(host);
  const session = randomBytes(8).toString('hex');
  const runtime = path.join(packageRoot(), 'lib', 'runtime');
  // Each diagram drawn is patched into the pages of the decks that wait for it, a few at a time.
  const onDrawn = (progress: DrawProgress) => {
    options.onDiagramDrawn?.(progress);
    for (const deck of decks) if (deck.drawsFrom(progress.file)) batchesOf(deck).drawn();
  };
  const diagrams = new DiagramRenderer({ chromium: options.chromium, cacheDir: options.cacheDir, log: options.log, onDrawn });
  // Diagrams not in the cache are drawn once a page has shown the deck (its dev client connects),
  // or after a moment if none does: Chromium starting would slow the first paint on a small machine.
  let pageShown: () => void = () => {};
  const firstPageShown = new Promise<void>((resolve) => (pageShown = resolve));
  setTimeout(pageShown, FIRST_PAGE_WAIT_MS).unref();
  const env = { root: options.root, cacheDir: options.cacheDir, deckOverrides: options.deckOverrides, diagrams, drawDiagramsAfter: firstPageShown, extraScripts: `<script src="../${RUNTIME_DIR}/dev.js"></script>\n` };
  // Every deck, served from the start or found later, patches its drawings in through the update lane (`drawn`).
  const batches = new Map<DevDeck, DrawingBatches>();
  const batchesOf = (deck: DevDeck) => {
    let b = batches.get(deck);
    if (!b) batches.set(deck, (b = new DrawingBatches(() => drawn(deck))));
    return b;
  };
  const newDeck = (target: string, name: string): DevDeck => {
    const deck = new DevDeck(target, name, env);
    deck.onDiagramsDrawn = () => batchesOf(deck).drawn();
    return deck;
  };
  const decks = findDecks(options.root, options.inputs).map((s) => newDeck(s.root, s.name));
  const refusedDecks = new Set<string>();
  const report = (deck: DevDeck, diagnostics: Diagnostic[], ms: number) => {
    for (const d of diagnostics) options.log(formatDiagnostic(d, options.root));
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    options.log(errors ? `deckhand: ${deck.name}: ${errors} error${errors === 1 ? '' : 's'}; showing the last good slides` : `deckhand: ${deck.name} updated in ${ms} ms`);
  };

  // Every update goes through one lane: saves, and the redraw once diagrams drawn in the background are ready.
  let lane: Promise<unknown> = Promise.resolve();
  const serially = (work: () => Promise<void>): Promise<void> => {
    const run = lane.then(work);
    lane = run.catch(() => {});
    return run;
  };
  const started = new Map<DevDeck, number>();
  let closing = false;
  const drawn = (deck: DevDeck) =>
    serially(async () => {
      if (closing) return;
      const { messages, diagnostics } = await deck.update(new Set(), false);
      for (const m of messages) notifier.broadcast(forPage(m));
      for (const d of diagnostics) options.log(formatDiagnostic(d, options.root));
      const count = deck.current?.diagramCounts;
      const since = started.get(deck);
      if (count && since !== undefined && !deck.drawingDiagrams) {
        started.delete(deck);
        options.log(`deckhand: ${deck.name}: diagrams drawn in ${((performance.now() - since) / 1000).toFixed(1)} s`);
      }
      checks.schedule(deck);
    }).catch((e) => options.log(`deckhand: internal error while drawing diagrams: ${(e as Error).stack ?? e}`));
  for (const deck of decks) {
    const t0 = performance.now();
    const { diagnostics } = await deck.update(new Set(), true);
    report(deck, diagnostics, Math.round(performance.now() - t0));
    if (deck.drawingDiagrams) {
      started.set(deck, t0);
      options.log(`deckhand: ${deck.name}: serving now; diagrams not drawn before are drawn in the background and appear as they are ready`);
    }
  }

  let port = 0;
  const forPage = (m: ServerMessage): ServerMessage => (m.type === 'error' ? { ...m, diagnostics: m.diagnostics.map((d) => relativeFile(d, options.root)) } : m);
  const notifier = new Notifier((send, socket) => {
    pageShown();
    send({ type: 'hello', session, versions: Object.fromEntries(decks.map((d) => [d.name, d.version])) });
    for (const d of decks) if (d.lastError) send(forPage(d.lastError));
    for (const m of checks.current()) send(m);
    // A page served an older version than `hello` says asks for what it missed.
    socket.on('message', (data, isBinary) => {
      const request = isBinary ? undefined : parsePageRequest(data.toString());
      const deck = request && decks.find((d) => d.name === request.deck);
      if (deck && request) for (const m of deck.catchUp(request.version)) send(forPage(m));
    });
  });
  const checks = new ContentChecks(options.root, (m) => notifier.broadcast(m), options.log);
  for (const deck of decks) checks.schedule(deck);
  const handler = createHandler({ host: hosts, port: () => port, roots: [options.root, runtime, path.dirname(MERMAID_BROWSER_FILE)], bounds: { root: options.root, cacheDir: options.cacheDir }, resolve: (p) => resolveResource(p, decks, runtime) });
  const server = http.createServer(handler);
  acceptSocketUpgrades(server, hosts, () => port, (req, socket, head) => notifier.accept(req, socket, head));
  port = await listen(server, options.port, host, options.portIsDefault);

  const handle = async (batch: ChangeBatch) => {
    // A new one-file deck arrives as a plain file add, not a structural change; an edit never brings one.
    if (!options.inputs.length && batch.appeared) addNewDecks(decks, options.root, newDeck, options.log, refusedDecks);
    for (const deck of decks) {
      if (!concerns(deck, batch.files)) continue;
      const started = performance.now();
      const { messages, diagnostics } = await deck.update(batch.files, batch.structural);
      for (const m of messages) notifier.broadcast(forPage(m));
      report(deck, diagnostics, Math.round(performance.now() - started));
      checks.schedule(deck);
    }
    watcher.add(watchList(decks, options.root));
  };
  // The watcher cannot read a folder or meets a loop of links: say so, and keep serving.
  const onWatchError = (e: WatchError) => {
    const where = e.path ? path.resolve(options.root, e.path) : undefined;
    const d = diagnostic('watch-failed', `cannot watch ${where ? path.relative(options.root, where) || where : 'a folder'}: ${e.message}; changes there are not seen`, where ? { file: where } : undefined, 'warning');
    const mine = decks.filter((deck) => where && (where === deck.target || where.startsWith(deck.target + path.sep)));
    let shown = false;
    for (const deck of mine.length ? mine : decks) {
      for (const m of deck.reportProblem(d)) {
        shown = true;
        notifier.broadcast(forPage(m));
      }
    }
    if (shown) options.log(formatDiagnostic(d, options.root));
  };
  const watcher = new DeckWatcher(
    watchList(decks, options.root),
    [options.outDir, options.cacheDir],
    (batch) =>
      serially(() => handle(batch)).catch((e) => {
        options.log(`deckhand: internal error while updating: ${(e as Error).stack ?? e}`);
      }),
    { root: options.root, onError: onWatchError },
  );
  await watcher.ready();

  return {
    url: `${browsableOrigin(host, port)}/`,
    port,
    decks,
    async close() {
      closing = true;
      for (const b of batches.values()) b.close();
      await watcher.close();
      checks.close();
      notifier.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Open pages hold keep-alive connections; close() alone would wait for them to go idle.
      server.closeAllConnections();
      await closed;
      await diagrams.close();
    },
  };
}

/**
 * With no deck named, every deck under slides/ is served, including ones created while running.
 * A new deck whose name another deck already has cannot be served (both would be at the same
 * URL): the terminal says so, once.
 */
function addNewDecks(decks: DevDeck[], root: string, newDeck: (target: string, name: string) => DevDeck, log: (line: string) => void, refused: Set<string>): void {
  let targets: string[];
  try {
    targets = listDeckTargets(root);
  } catch (e) {
    log(`deckhand: cannot look for new decks: ${(e as Error).message}`);
    return;
  }
  for (const target of targets) {
    if (decks.some((d) => d.target === target)) continue;
    const name = deckNameOf(target);
    const taken = decks.find((d) => d.name === name);
    if (!taken) decks.push(newDeck(target, name));
    else if (!refused.has(target)) {
      refused.add(target);
      log(`deckhand: ${path.relative(root, target)} is not served: another deck, ${path.relative(root, taken.target)}, is already at /${name}/; rename one of them`);
    }
  }
}

/** Every URL the dev server answers, looked up by exact name. */
function resolveResource(pathname: string, decks: DevDeck[], runtime: string): Resource | undefined {
  if (pathname === '/' || pathname === '/index.html') {
    const list = decks.map((d) => ({ name: d.name, title: d.current?.title ?? d.name, slides: d.current?.slideCount ?? 0 }));
    const style = decks.find((d) => d.current?.style)?.current?.style;
    return { body: assembleIndexPage(list, style ? `${RUNTIME_DIR}/${style.name}` : ''), type: mimeType('index.html') };
  }
  if (pathname === '/favicon.ico') return { body: '', type: 'image/x-icon' };
  const [, first, ...rest] = pathname.split('/');
  const sub = rest.join('/');
  if (first === RUNTIME_DIR) return resolveRuntimeResource(sub, runtime, ['deckhand.js', 'dev.js'], decks.map((d) => d.current?.style));
  const deck = decks.find((d) => d.name === first);
  if (!deck) return undefined;
  if (rest.length === 0) return { redirect: `/${first}/` };
  if (sub === '' || sub === 'index.html') return { body: deck.page() ?? errorPage(deck.name), type: mimeType('index.html') };
  return resolveDeckAsset(deck.current, sub);
}

/** Served before a deck has ever compiled: the dev client shows the error and reloads when fixed. */
function errorPage(name: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${versionMeta(0)}<title>${name}: build error</title></head><body><p>Deckhand: this deck has errors; see the overlay.</p><script src="../${RUNTIME_DIR}/dev.js"></script></body></html>`;
}

function concerns(deck: DevDeck, files: ReadonlySet<string>): boolean {
  const deps = new Set(deck.dependencies());
  for (const f of files) {
    if (f === deck.target || f.startsWith(deck.target + path.sep) || deps.has(f)) return true;
    // A file or folder that appears may be what a missing reference was waiting for.
    if (deck.lastError) return true;
  }
  return false;
}

/** Folders to watch: each deck's own, the folders of its diagrams, images and theme, the project's themes/. */
function watchList(decks: DevDeck[], root: string): string[] {
  const dirs = new Set<string>([path.join(root, 'themes'), path.join(root, 'slides')]);
  for (const d of decks) {
    // A one-file deck is watched through its folder, so an editor's rename-over save is seen.
    dirs.add(d.target.endsWith('.md') ? path.dirname(d.target) : d.target);
    for (const dep of d.dependencies()) if (!dep.includes(`${path.sep}node_modules${path.sep}`)) dirs.add(path.dirname(dep));
  }
  return [...dirs].filter((d) => fs.existsSync(d));
}
