import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import send from 'send';
import { isText } from '../media-type';

/**
 * Sends what a server holds in memory (pages, the runtime, styles, fonts) or a file a deck
 * uses, with what a room of phones and a Safari video need: an ETag so a reconnecting page gets
 * 304s instead of the runtime again, gzip for text, and byte ranges for media (via `send`).
 * Every response is revalidated (`no-cache`): the dev server changes pages under the same URL.
 */
const CACHE_CONTROL = 'no-cache';

interface Prepared {
  etag: string;
  gzip?: Buffer;
}

// Bodies are mostly the same objects request after request (the runtime, a compiled style).
const prepared = new WeakMap<object, Prepared>();
const preparedText = new Map<string, Prepared>();

export function sendBody(req: IncomingMessage, res: ServerResponse, body: string | Uint8Array, type: string): void {
  const p = prepare(body, type);
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': CACHE_CONTROL, etag: p.etag, vary: 'accept-encoding' };
  if (matches(req.headers['if-none-match'], p.etag)) {
    res.writeHead(304, headers);
    return void res.end();
  }
  const gzip = p.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const data = gzip ? p.gzip! : typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(200, { ...headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': String(data.byteLength) });
  res.end(req.method === 'HEAD' ? undefined : data);
}

/** A file on disk (already checked by the caller): ranges, ETag and Last-Modified from `send`. */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string, type: string): void {
  send(req, file, { etag: true, lastModified: true, cacheControl: false, dotfiles: 'allow', index: false })
    .on('headers', (r: ServerResponse) => {
      r.setHeader('content-type', type);
      r.setHeader('cache-control', CACHE_CONTROL);
    })
    .on('error', (e: { status?: number }) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(e.status ?? 500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(e.status === 404 ? 'Not found\n' : 'Cannot read the file\n');
    })
    .pipe(res);
}

function prepare(body: string | Uint8Array, type: string): Prepared {
  const known = typeof body === 'string' ? preparedText.get(body) : prepared.get(body);
  if (known) return known;
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const p: Prepared = { etag: `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"` };
  if (isText(type) && bytes.byteLength > 1024) p.gzip = gzipSync(bytes);
  if (typeof body === 'string') {
    // Pages are strings made anew on each change: keep only the latest few.
    if (preparedText.size > 32) preparedText.delete(preparedText.keys().next().value!);
    preparedText.set(body, p);
  } else prepared.set(body, p);
  return p;
}

function matches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  return String(header).split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*');
}

/** Our own files (the runtime bundles, mermaid) read once and then served from memory. */
const ownFiles = new Map<string, Uint8Array>();
export function ownFile(file: string): Uint8Array {
  let data = ownFiles.get(file);
  if (!data) ownFiles.set(file, (data = fs.readFileSync(file)));
  return data;
}
