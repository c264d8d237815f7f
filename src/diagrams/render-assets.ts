import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { mimeType } from '../media-type';
import { decodeUrlPath } from '../url-path';
import { copyConfig, withFasterGetConfig } from './faster-mermaid';

/** Where render pages load from: a name that exists only inside the render browser (see `start`). */
export const RENDER_ORIGIN = 'http://render.deckhand.invalid';

const themeKey = (id: string): string => createHash('sha1').update(id).digest('hex').slice(0, 16);

/** What a render page is styled with: the compiled theme and the files its CSS refers to. */
export interface ThemeAssets {
  themeCss: string;
  /** Files the theme CSS refers to, by the relative URL it uses. */
  themeFiles: Map<string, Uint8Array>;
}

/**
 * Everything the render pages load, served from memory on a loopback port. A real HTTP server,
 * not request interception, because interception turns Chromium's cache off: served from here
 * with a versioned URL and an immutable cache header, mermaid's 3.5 MB bundle is kept compiled
 * in the render profile's code cache, and a warm start loads it in a fraction of the time. The
 * page's Content-Security-Policy and the browser's resolver rules let it reach nothing else.
 */
export class RenderAssets {
  private readonly themes = new Map<string, ThemeAssets>();
  private readonly server: http.Server;
  private listening?: Promise<string>;
  private mermaid?: { url: string; body: Buffer };
  private readonly stepsUrl: string;

  constructor(
    private readonly mermaidFile: string,
    private readonly mermaidVersion: string,
  ) {
    const steps = fs.readFileSync(this.stepsFile());
    this.stepsUrl = `/diagram-steps-${createHash('sha1').update(steps).digest('hex').slice(0, 12)}.js`;
    this.server = http.createServer((req, res) => this.answer(req, res));
  }

  /**
   * Starts listening (on first use) and returns the Chromium flag that sends `RENDER_ORIGIN` here.
   * The port changes every run, the origin does not: Chromium's cache is keyed by URL, so only a
   * fixed origin lets it find mermaid's compiled code from the last run.
   */
  start(): Promise<string> {
    return (this.listening ??= new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        const port = (this.server.address() as AddressInfo).port;
        // Every other name resolves to nothing: the render page reaches no network.
        resolve(`--host-resolver-rules=MAP ${new URL(RENDER_ORIGIN).hostname} 127.0.0.1:${port}, MAP * ~NOTFOUND`);
        // Prepared while Chromium starts, which takes longer: ready when the first page asks.
        setImmediate(() => this.mermaidBundle());
      });
    }));
  }

  /** Makes a theme available to pages; returns its stylesheet's path. */
  addTheme(id: string, assets: ThemeAssets): string {
    const key = themeKey(id);
    this.themes.set(key, assets);
    return `/theme/${key}/theme.css`;
  }

  removeTheme(id: string): void {
    this.themes.delete(themeKey(id));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The harness: mermaid and the step annotation, a slide to read the theme's font from. */
  private harness(): string {
    return `<!doctype html><html><head><meta charset="utf-8">
<script src="${this.mermaidBundle().url}"></script><script src="${this.stepsUrl}"></script></head>
<body><div class="reveal"><div class="slides"><section>Deckhand</section></div></div></body></html>`;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = decodeUrlPath((req.url ?? '/').split('?')[0]);
    const send = (status: number, type: string, body: string | Uint8Array, cache: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': cache, 'x-content-type-options': 'nosniff' });
      res.end(body);
    };
    if (req.method !== 'GET') return send(405, 'text/plain', '', 'no-store');
    if (url === '/') {
      res.setHeader('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:");
      return send(200, 'text/html; charset=utf-8', this.harness(), 'no-store');
    }
    // Versioned URLs: the same URL always holds the same bytes, so Chromium may keep them (and their compiled code).
    const mermaid = this.mermaidBundle();
    if (url === mermaid.url) return send(200, 'text/javascript', mermaid.body, 'public, max-age=31536000, immutable');
    if (url === this.stepsUrl) return send(200, 'text/javascript', fs.readFileSync(this.stepsFile()), 'public, max-age=31536000, immutable');
    const theme = /^\/theme\/([0-9a-f]{16})\/(.+)$/.exec(url);
    const assets = theme && this.themes.get(theme[1]);
    if (theme && assets) {
      // A theme changes under the same id while it is edited: never kept.
      if (theme[2] === 'theme.css') return send(200, 'text/css; charset=utf-8', assets.themeCss, 'no-store');
      const data = assets.themeFiles.get(theme[2]);
      if (data) return send(200, mimeType(theme[2]), data, 'no-store');
    }
    send(404, 'text/plain', '', 'no-store');
  }

  /**
   * Mermaid's bundle with the faster getConfig (see faster-mermaid.ts), or as it ships if that
   * cannot be applied. The URL names both, so Chromium's cache never mixes the two.
   */
  private mermaidBundle(): { url: string; body: Buffer } {
    if (this.mermaid) return this.mermaid;
    const shipped = fs.readFileSync(this.mermaidFile, 'utf8');
    const faster = withFasterGetConfig(shipped);
    const variant = faster ? `-${createHash('sha1').update(copyConfig.toString()).digest('hex').slice(0, 8)}` : '';
    return (this.mermaid = { url: `/mermaid-${encodeURIComponent(this.mermaidVersion)}${variant}.js`, body: Buffer.from(faster ?? shipped) });
  }

  // The step annotation, built next to mermaid's bundle from src/client/diagram-steps-render-page.ts.
  private stepsFile(): string {
    return path.join(path.dirname(this.mermaidFile), 'diagram-steps.js');
  }
}
