import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { refuseProjectFile } from '../project-files';
import { isAllowedHost, safeRequestPath } from './security';
import { sendBody, sendFile } from './send-resource';

/** What a server can send: content it holds, or a file it was told about by name. */
export type Resource =
  | { body: string | Uint8Array; type: string }
  /** `deckFile`: a file a deck uses, which must also pass the project rule (project-files.ts). */
  | { file: string; type: string; deckFile?: boolean }
  | { redirect: string };

export interface HandlerOptions {
  /** The name(s) the server answers to besides loopback; see `isAllowedHost`. */
  host: string | readonly string[];
  port: () => number;
  /** Folders every served file must really be inside (symlinks leading out are refused). */
  roots: string[];
  resolve(pathname: string): Resource | undefined;
  /** The project's bounds, for files a deck uses: the same rule as build and export. */
  bounds?: { root: string; cacheDir?: string };
}


/** The HTTP side of the dev and presenter servers: checks first, then an exact lookup. */
export function createHandler(opts: HandlerOptions) {
  const realRoots = opts.roots.filter((r) => fs.existsSync(r)).map((r) => fs.realpathSync(r));
  const realOf = (p: string) => (fs.existsSync(p) ? fs.realpathSync(p) : path.resolve(p));
  const realBounds = opts.bounds && { root: realOf(opts.bounds.root), cacheDir: opts.bounds.cacheDir && realOf(opts.bounds.cacheDir) };
  return (req: IncomingMessage, res: ServerResponse) => {
    // Another site's page may not read anything of ours (no-cors loads, Spectre-style reads).
    res.setHeader('cross-origin-resource-policy', 'same-origin');
    res.setHeader('x-content-type-options', 'nosniff');
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(body);
    };
    if (!isAllowedHost(req.headers.host, opts.host, opts.port())) return send(403, 'Forbidden host\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed\n');
    const pathname = safeRequestPath(req.url);
    if (!pathname) return send(400, 'Bad request path\n');
    const found = opts.resolve(pathname);
    if (!isWelcomeFrom(req.headers['sec-fetch-site'], req.headers['sec-fetch-mode'], pathname, found)) return send(403, 'Forbidden: requested by another site\n');
    if (!found) return send(404, 'Not found\n');
    if ('redirect' in found) {
      res.writeHead(302, { location: found.redirect });
      return res.end();
    }
    if ('body' in found) return sendBody(req, res, found.body, found.type);
    let real: string;
    try {
      real = fs.realpathSync(found.file);
    } catch {
      return send(404, 'Not found\n');
    }
    const inside = realRoots.some((r) => real.startsWith(r + path.sep));
    if (!inside) return send(403, 'Forbidden\n');
    if (found.deckFile && opts.bounds && refuseProjectFile(real, realBounds!)) return send(403, 'Forbidden\n');
    sendFile(req, res, real, found.type);
  };
}

/**
 * Browsers say who asked (Sec-Fetch-Site). Another site may link to a deck page, so a link in a
 * chat opens the talk, but nothing else: not the runtime, not images, not the speaker view.
 * Clients that send no such header (curl, old browsers) are judged by the other checks alone.
 */
function isWelcomeFrom(site: string | string[] | undefined, mode: string | string[] | undefined, pathname: string, found: Resource | undefined): boolean {
  if (site === undefined || site === 'same-origin' || site === 'none') return true;
  const page = found !== undefined && ('redirect' in found || ('body' in found && found.type.startsWith('text/html')));
  return mode === 'navigate' && page && !pathname.startsWith('/_deckhand/');
}
