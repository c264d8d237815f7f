import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeType } from '../../src/media-type';
import { startDevServer, type DevServer } from '../../src/server/dev-server';
import { makeProject } from '../helpers/fixtures';

describe('how the servers send files', () => {
  let server: DevServer;
  beforeAll(async () => {
    const video = Buffer.alloc(4096, 1);
    const root = makeProject({ 'slides/talk.md': '# Talk\n\n<video src="../media/clip.mp4" controls></video>\n', 'media/clip.mp4': video.toString('latin1') });
    server = await startDevServer({ root, chromium: false, port: 0, log: () => {} });
  });
  afterAll(() => server.close());

  it('compresses the runtime, tags it, and answers 304 when the page already has it', async () => {
    const url = `${server.url}_deckhand/deckhand.js`;
    const first = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+\.gz"$/); // gzip's bytes have their own strong ETag
    expect((await first.text()).length).toBeGreaterThan(10_000); // fetch decompressed it
    const again = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves byte ranges of media, as Safari needs to play a video', async () => {
    const page = await (await fetch(`${server.url}talk/`)).text();
    const src = /<video src="([^"]+)"/.exec(page)![1];
    const part = await fetch(`${server.url}talk/${src}`, { headers: { range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 0-99/4096');
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect((await part.arrayBuffer()).byteLength).toBe(100);
  });

  it('knows the media types decks use', () => {
    expect(mimeType('captions.vtt')).toBe('text/vtt; charset=utf-8');
    expect(mimeType('clip.mov')).toBe('video/quicktime');
    expect(mimeType('voice.m4a')).toBe('audio/mp4');
    expect(mimeType('data.csv')).toBe('text/csv; charset=utf-8');
    expect(mimeType('deckhand.js')).toBe('text/javascript; charset=utf-8');
  });
});
