import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import send from 'send';
import { isText } from '../media-type';

/**
 * Sends what a server holds in memory (pages, the runtime, styles, fonts) or a file a deck
 * uses, with what a room of phones and a Safari video need: an ETag so a reconnecting page gets
 * 304s instead of the runtime again, brotli or gzip for text, and byte ranges for media (via `send`).
 * Responses are revalidated (`no-cache`): the dev server changes pages under the same URL. A URL
 * that names the content's version (`?v=`, see `bodyVersion`) is the exception: that URL can never
 * mean other bytes, so a page asking for it may keep it for a year without asking again.
 */
const REVALIDATE = 'no-cache';
const IMMUTABLE = 'max-age=31536000, immutable';

type Encoding = 'br' | 'gzip';

interface Prepared {
  /** Hash of the bytes: the ETag's core and the `?v=` of a versioned URL. */
  version: string;
  compressible: boolean;
  /** Made on the first request that accepts each encoding, then kept with the body. */
  encoded: Partial<Record<Encoding, Buffer>>;
}

// Bodies are mostly the same objects request after request (the runtime, a compiled style).
const prepared = new WeakMap<object, Prepared>();
const preparedText = new Map<string, Prepared>();

/** The version a URL names with `?v=` to be cached for good: changes whenever the bytes do. */
export function bodyVersion(body: string | Uint8Array, type: string): string {
  return prepare(body, type).version;
}

export function sendBody(req: IncomingMessage, res: ServerResponse, body: string | Uint8Array, type: string): void {
  const p = prepare(body, type);
  const encoding = p.compressible ? pickEncoding(req.headers['accept-encoding']) : undefined;
  // Each encoding is its own set of bytes, so its own strong ETag (RFC 9110 8.8.3.3).
  const etag = `"${p.version}${encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : ''}"`;
  const versioned = new URLSearchParams(req.url?.split('?')[1] ?? '').get('v') === p.version;
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': versioned ? IMMUTABLE : REVALIDATE, etag, vary: 'accept-encoding' };
  if (matches(req.headers['if-none-match'], p.version)) {
    res.writeHead(304, headers);
    return void res.end();
  }
  const data = encoding ? encoded(p, body, encoding) : typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(200, { ...headers, ...(encoding ? { 'content-encoding': encoding } : {}), 'content-length': String(data.byteLength) });
  res.end(req.method === 'HEAD' ? undefined : data);
}

/** A file on disk (already checked by the caller): ranges, ETag and Last-Modified from `send`. */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string, type: string): void {
  send(req, file, { etag: true, lastModified: true, cacheControl: false, dotfiles: 'allow', index: false })
    .on('headers', (r: ServerResponse) => {
      r.setHeader('content-type', type);
      r.setHeader('cache-control', REVALIDATE);
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
  const p: Prepared = {
    version: createHash('sha1').update(bytes).digest('base64url').slice(0, 22),
    // Below about a kilobyte compression saves less than a packet.
    compressible: isText(type) && bytes.byteLength > 1024,
    encoded: {},
  };
  if (typeof body === 'string') {
    // Pages are strings made anew on each change: keep only the latest few.
    if (preparedText.size > 32) preparedText.delete(preparedText.keys().next().value!);
    preparedText.set(body, p);
  } else prepared.set(body, p);
  return p;
}

function encoded(p: Prepared, body: string | Uint8Array, encoding: Encoding): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  // Brotli at quality 6: smaller than gzip and faster to make (mermaid's 3.5 MB: 0.85 MB in
  // ~150 ms); 11, its default, takes 14 s on that file for another 12 %.
  return (p.encoded[encoding] ??=
    encoding === 'br'
      ? brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 6, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } })
      : gzipSync(bytes));
}

/** Brotli when the client takes it, else gzip, else none (`;q=0` refuses one). */
function pickEncoding(header: string | string[] | undefined): Encoding | undefined {
  const accepted = new Set<string>();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((x) => /^\s*q=([\d.]+)/.exec(x)?.[1]).find((x) => x !== undefined);
    if (q === undefined || Number(q) > 0) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

/** Any of a body's ETags (whichever encoding the page got) shows it already has these bytes. */
function matches(header: string | string[] | undefined, version: string): boolean {
  if (!header) return false;
  return String(header)
    .split(',')
    .some((t) => {
      const tag = t.trim().replace(/^W\//, '');
      return tag === '*' || tag.replace(/\.(br|gz)"$/, '"') === `"${version}"`;
    });
}

/** Our own files (the runtime bundles, mermaid) read once and then served from memory. */
const ownFiles = new Map<string, Uint8Array>();
export function ownFile(file: string): Uint8Array {
  let data = ownFiles.get(file);
  if (!data) ownFiles.set(file, (data = fs.readFileSync(file)));
  return data;
}
