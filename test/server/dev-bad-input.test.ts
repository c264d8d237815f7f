import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/server/dev-server';
import { makeProject } from '../helpers/fixtures';
import { parsePage, texts } from '../helpers/html';

let server: DevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(files: Record<string, string | Buffer>) {
  const root = makeProject({});
  for (const [rel, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), data);
  }
  const logs: string[] = [];
  server = await startDevServer({ root, port: 0, chromium: false, cacheDir: path.join(root, '.cache'), log: (l) => logs.push(l) });
  return { root, logs, page: () => fetch(`${server!.url}talk/`).then((r) => r.text()) };
}

describe('deckhand dev on bad input', () => {
  it('starts and names a chapter that is not UTF-8 at its line:col, instead of refusing to start or showing "Caf\\uFFFD"', async () => {
    const { logs } = await serve({
      'slides/talk/01.md': '# Intro\n',
      'slides/talk/02.md': Buffer.concat([Buffer.from('# More\n\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    });
    expect(logs).toContainEqual(expect.stringMatching(/^slides\/talk\/02\.md:3:4: error: not valid UTF-8/));
    expect(logs).toContain('deckhand: talk: 1 error; showing the last good slides');
  });

  it('warns at the line of an unclosed comment or fence, and serves the deck', async () => {
    const { logs, page } = await serve({ 'slides/talk/01.md': '# Intro\n\n<!-- .slide: class="x"\n\n---\n\n```js\nlet a;\n' });
    expect(logs).toContainEqual(expect.stringMatching(/^slides\/talk\/01\.md:3:1: warning: <!-- \.slide: comment is never closed/));
    expect(logs).toContainEqual(expect.stringMatching(/^slides\/talk\/01\.md:7:1: warning: code fence ``` is never closed/));
    expect(texts(parsePage(await page()), '.slides > section > h1')).toContain('Intro');
  });
});
