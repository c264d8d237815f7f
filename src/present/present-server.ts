import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { RUNTIME_DIR } from '../compile-deck';
import { DeckhandError, formatDiagnostic, type Diagnostic } from '../diagnostics';
import { MERMAID_BROWSER_FILE } from '../diagrams/render-diagrams';
import { findDecks } from '../load/find-decks';
import { packageRoot } from '../package-root';
import { resolveDeckAsset, resolveRuntimeResource } from '../server/deck-resources';
import { bodyVersion } from '../server/send-resource';
import { listen } from '../server/listen';
import { createHandler, type Resource } from '../server/http-handler';
import { mimeType } from '../media-type';
import { safeRequestPath } from '../server/security';
import { acceptSocketUpgrades } from '../server/upgrade';
import type { DeckSource } from '../types';
import { assembleFramePage, FRAME_CSP } from './frame-page';
import { LivePosition, START, type LiveState } from './position';
import { PresentChannel } from './present-channel';
import type { PresentOptions } from '../options';
import { resolvePresentOptions } from '../resolve-options';
import { TalkDeck } from './talk-deck';
import { assembleAudiencePage, assembleRemotePage, assembleSpeakerPage, type PresentPageConfig } from './present-pages';
import { loadSession, saveSession, sessionFile, type PresentSession } from './present-session';
import { allowedHostNames, lanAddresses } from '../server/host-names';
import { FRAME_PATH, presentUrls, REMOTE_PATH, SPEAKER_PATH, type PresentUrls } from './present-urls';
import { createPresenterToken } from './presenter-token';
import { renderSvgQr } from './qr';

export interface PresentServer {
  urls: PresentUrls;
  port: number;
  /** The presenter token (also in `urls.speaker` and `urls.remote`). */
  token: string;
  deck: { name: string; title: string; slides: number };
  /** The live position; `version` grows with every change. */
  live(): LiveState;
  /** Set when the talk went on from a saved session instead of starting anew. */
  resumed?: LiveState;
  /** Open pages (followers and drivers). */
  connections(): number;
  diagnostics: Diagnostic[];
  close(): Promise<void>;
}

/** The runtime bundles a talk's pages load (see scripts/bundle.mjs). */
const RUNTIME_FILES = ['deckhand.js', 'follow.js', 'speaker.js', 'remote.js', 'present.css'];

/**
 * `deckhand present`: compiles one deck in memory (as the dev server does), then serves it to
 * the room with a live position that the speaker view and the phone remote drive. The talk's
 * session (token, position, timer) is saved, so a restarted server picks up where it was.
 */
export async function startPresentServer(overrides: Partial<PresentOptions> = {}): Promise<PresentServer> {
  const options = resolvePresentOptions(overrides);
  const source = pickDeck(options.root, options.input);
  const runtime = path.join(packageRoot(), 'lib', 'runtime');
  const runtimeFile = (sub: string) => resolveRuntimeResource(sub, runtime, RUNTIME_FILES, [talk.compiled.style]);
  const runtimeVersion = (file: string) => {
    const found = runtimeFile(file);
    return found && 'body' in found ? bodyVersion(found.body, found.type) : undefined;
  };
  // Served first with placeholders; each diagram drawn is patched into open pages, and pages
  // served later get the deck as it is then (both pages are made again on their next request).
  let audience: string | undefined;
  // Made on first request: inlining every image and font takes a moment.
  let framePage: string | undefined;
  // The hooks use `channel`, made below: they run from DrawingBatches' timer, so never before
  // this function has gone on to make it (nothing awaits in between).
  const talk: TalkDeck = await TalkDeck.open(source, options, {
    drawn: (update) => {
      audience = framePage = undefined;
      channel.slidesDrawn(update);
    },
    done: (next, reload) => {
      audience = framePage = undefined;
      for (const d of next.diagnostics) options.log(formatDiagnostic(d, options.root));
      if (reload) {
        channel.newBuild(sessionOf(audiencePage()));
        options.log(`deckhand: ${next.name}: some diagrams are left to the viewers' browsers; open pages reload once to draw them`);
      } else options.log(`deckhand: ${next.name}: diagrams drawn; patched into open pages`);
    },
  });
  // What drawings never change; the deck itself is always `talk.compiled`, its latest build.
  const { name, title, slideCount } = talk.compiled;
  const shape = talk.compiled.deck.stacks.map((s) => s.length);

  const file = sessionFile(options.cacheDir, name);
  const saved = options.resumeWithinMs > 0 ? loadSession(file, Date.now(), options.resumeWithinMs) : undefined;
  const session: PresentSession = saved ?? { token: createPresenterToken(), live: { position: START, version: 0 }, savedAt: Date.now() };
  const live = new LivePosition(shape, session.live);
  const save = (startedAt?: number) => {
    session.live = live.current;
    session.startedAt = startedAt;
    session.savedAt = Date.now();
    try {
      saveSession(file, session);
    } catch (e) {
      options.log(`deckhand: could not save the talk's session (a restart will start anew): ${(e as Error).message}`);
    }
  };

  const audiencePage = () => (audience ??= assembleAudiencePage(talk.compiled, runtimeVersion, talk.drawnCount));
  const deckUrl = `/${encodeURIComponent(name)}/`;
  const pageConfig: PresentPageConfig = { deck: name, frameUrl: FRAME_PATH, title };
  const pages = new Map<string, string>([
    [SPEAKER_PATH, assembleSpeakerPage(pageConfig)],
    [REMOTE_PATH, assembleRemotePage(pageConfig)],
  ]);
  const channel = new PresentChannel({
    // The build as first served: diagrams drawn later patch its pages and keep the session.
    session: sessionOf(audiencePage()),
    token: session.token,
    live,
    startedAt: session.startedAt,
    onChange: ({ startedAt }) => save(startedAt),
    log: options.log,
    drawn: () => talk.drawnCount,
    catchUp: (from, frames) => talk.catchUp(from, frames),
  });

  const hosts = allowedHostNames(options.host);
  let port = 0;
  const resolve = (pathname: string): Resource | undefined => {
    if (pathname === '/' || pathname === '/index.html') return { redirect: deckUrl };
    if (pathname === '/favicon.ico') return { body: '', type: 'image/x-icon' };
    const page = pages.get(pathname);
    if (page) return { body: page, type: mimeType('index.html') };
    if (pathname === FRAME_PATH) return { body: (framePage ??= assembleFramePage(source, talk.compiled, runtime, talk.drawnCount)), type: mimeType('index.html') };
    const [, first, ...rest] = pathname.split('/');
    const sub = rest.join('/');
    if (first === RUNTIME_DIR) return runtimeFile(sub);
    if (first !== name) return undefined;
    if (rest.length === 0) return { redirect: deckUrl };
    if (sub === '' || sub === 'index.html') return { body: audiencePage(), type: mimeType('index.html') };
    return resolveDeckAsset(talk.compiled, sub);
  };
  const handler = createHandler({ host: hosts, port: () => port, roots: [options.root, runtime, path.dirname(MERMAID_BROWSER_FILE)], bounds: { root: options.root, cacheDir: options.cacheDir }, resolve });
  const server = http.createServer((req, res) => {
    // The deck frame is sandboxed by its own header too, so it is opaque even opened directly.
    if (safeRequestPath(req.url) === FRAME_PATH) res.setHeader('content-security-policy', FRAME_CSP);
    handler(req, res);
  });
  acceptSocketUpgrades(server, hosts, () => port, (req, socket, head) => channel.accept(req, socket, head));
  port = await listen(server, options.port, options.host, options.portIsDefault);

  const urls = presentUrls(options.host, port, name, session.token, lanAddresses());
  if (urls.shared) channel.remote = { url: urls.remote, qrSvg: await renderSvgQr(urls.remote) };
  save(session.startedAt);

  return {
    urls,
    port,
    token: session.token,
    deck: { name, title, slides: slideCount },
    live: () => live.current,
    resumed: saved?.live,
    connections: () => channel.connections,
    get diagnostics() {
      return talk.compiled.diagnostics;
    },
    async close() {
      await talk.close();
      channel.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      // Pages keep HTTP connections open (keep-alive, a request in flight): close waits for them otherwise.
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The deck named, or the only one under `slides/`: a talk is one deck. */
function pickDeck(root: string, input: string | undefined): DeckSource {
  const decks = findDecks(root, input ? [input] : []);
  if (decks.length > 1) {
    const names = decks.map((d) => path.relative(root, d.root)).join(', ');
    throw new DeckhandError(`several decks found; name the one to present: ${names}`, [], 2);
  }
  return decks[0];
}

function sessionOf(page: string): string {
  return createHash('sha1').update(page).digest('base64url').slice(0, 16);
}
