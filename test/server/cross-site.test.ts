import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/server/dev-server';
import { makeProject } from '../helpers/fixtures';
import { rawRequest } from '../helpers/raw-request';

/** What a browser sends when a page of another site asks for one of our URLs. */
function fromAnotherSite(port: number, path: string, mode: 'navigate' | 'no-cors' | 'cors', site = 'cross-site'): Promise<string> {
  return rawRequest(port, [`GET ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, `Sec-Fetch-Site: ${site}`, `Sec-Fetch-Mode: ${mode}`, 'Connection: close']);
}

describe('requests from other sites', () => {
  let server: DevServer;
  beforeAll(async () => {
    const root = makeProject({ 'slides/talk.md': '# Talk\n\n![Square](../images/a.png)\n', 'images/a.png': 'png' });
    server = await startDevServer({ root, chromium: false, port: 0, log: () => {} });
  });
  afterAll(() => server.close());

  it('may open a deck page by a link, and nothing else', async () => {
    expect(await fromAnotherSite(server.port, '/talk/', 'navigate')).toMatch(/^HTTP\/1.1 200/);
    expect(await fromAnotherSite(server.port, '/talk', 'navigate')).toMatch(/^HTTP\/1.1 302/);
    for (const path of ['/_deckhand/deckhand.js', '/_deckhand/dev.js']) {
      expect(await fromAnotherSite(server.port, path, 'no-cors'), path).toMatch(/^HTTP\/1.1 403/);
    }
    expect(await fromAnotherSite(server.port, '/talk/', 'cors')).toMatch(/^HTTP\/1.1 403/);
    expect(await fromAnotherSite(server.port, '/talk/', 'no-cors', 'same-site')).toMatch(/^HTTP\/1.1 403/);
  });

  it('marks every response same-origin only, and refuses a # in the request line', async () => {
    const page = await rawRequest(server.port, ['GET /talk/ HTTP/1.1', `Host: 127.0.0.1:${server.port}`, 'Connection: close']);
    expect(page).toMatch(/^HTTP\/1.1 200/);
    expect(page.toLowerCase()).toContain('cross-origin-resource-policy: same-origin');
    const hash = await rawRequest(server.port, ['GET /talk/#/1 HTTP/1.1', `Host: 127.0.0.1:${server.port}`, 'Connection: close']);
    expect(hash).toMatch(/^HTTP\/1.1 400/);
  });
});
