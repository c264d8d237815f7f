import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPresentServer, type PresentServer } from '../../src/present/present-server';
import { makeProject } from '../helpers/fixtures';
import { TALK } from '../helpers/present-deck';

/**
 * A room of phones reconnecting must not fetch the runtime again: the audience page links to
 * versioned runtime URLs kept for good, the page itself revalidates (304 while the deck is the
 * same), and text goes out compressed.
 */
describe('deckhand present: what the audience page costs a room', () => {
  let root: string;
  let server: PresentServer;
  let base: string;
  const start = () => startPresentServer({ root, input: 'slides/talk.md', port: 0, chromium: false, cacheDir: path.join(root, '.cache'), log: () => {} });
  const get = (url: string, headers: Record<string, string> = {}) => fetch(new URL(url, base), { headers });

  beforeAll(async () => {
    root = makeProject({ 'slides/talk.md': TALK });
    server = await start();
    base = server.urls.audience;
  });
  afterAll(() => server?.close());

  /** The runtime files the audience page links to, as written in the page. */
  const runtimeLinks = async () => {
    const page = await (await get(base)).text();
    return [...page.matchAll(/(?:src|href)="([^"]*_deckhand\/[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  };

  it('has the page revalidated each time, and answers 304 while it is the same', async () => {
    const first = await get(base);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w.-]+"$/);
    const again = await get(base, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('links the runtime, follow plugin and stylesheet by version, and lets a phone keep them for good', async () => {
    const links = await runtimeLinks();
    const names = links.map((l) => l.split('?')[0].split('/').pop()!);
    expect(names).toHaveLength(3);
    expect(names).toEqual(expect.arrayContaining(['deckhand.js', 'follow.js']));
    expect(names.some((n) => /^style-.*\.css$/.test(n))).toBe(true);
    for (const link of links) {
      expect(link).toMatch(/\?v=[\w-]{22}$/);
      const res = await get(link);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('max-age=31536000, immutable');
    }
  });

  it('never promises to keep bytes a URL does not name: an unknown or stale version revalidates', async () => {
    const [link] = await runtimeLinks();
    const file = link.split('?')[0];
    expect((await get(file)).headers.get('cache-control')).toBe('no-cache');
    expect((await get(`${file}?v=AAAAAAAAAAAAAAAAAAAAAA`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('sends brotli or gzip as the phone accepts, each with its own ETag, and 304 for any of them', async () => {
    const link = (await runtimeLinks()).find((l) => l.includes('deckhand.js'))!;
    const plain = await get(link, { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    const br = await get(link, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('accept-encoding');
    const brBytes = Number(br.headers.get('content-length'));
    expect(await br.text()).toBe(text); // fetch decoded it
    const gzip = await get(link, { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe(text);
    // Smaller than gzip's own best effort on the same bytes: brotli is worth sending.
    expect(brBytes).toBeLessThan(gzipSync(text).byteLength);
    const tags = [plain, br, gzip].map((r) => r.headers.get('etag'));
    expect(new Set(tags).size).toBe(3);
    for (const tag of tags) expect((await get(link, { 'if-none-match': tag!, 'accept-encoding': 'br' })).status).toBe(304);
  });

  it('does not compress what would not shrink: fonts and small files go as they are', async () => {
    const css = (await runtimeLinks()).find((l) => l.includes('.css'))!;
    const style = await (await get(css)).text();
    const font = /url\(["']?([^"')]+\.woff2)/.exec(style)?.[1];
    expect(font).toBeDefined();
    const res = await get(new URL(font!, new URL(css, base)).href, { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect((await get(res.url, { 'if-none-match': res.headers.get('etag')! })).status).toBe(304);
  });

  it('gives an edited deck a new ETag, so every phone gets the new page', async () => {
    const etag = (await get(base)).headers.get('etag')!;
    await server.close();
    fs.writeFileSync(path.join(root, 'slides/talk.md'), TALK + '\n---\n\n## One more slide\n');
    server = await start();
    base = server.urls.audience;
    const res = await get(base, { 'if-none-match': etag });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(etag);
    expect(await res.text()).toContain('One more slide');
  });
});
