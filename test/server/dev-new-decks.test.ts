import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDevServer } from '../../src/server/dev-server';
import { makeProject } from '../helpers/fixtures';

describe('decks created while deckhand dev runs', () => {
  it('serves a new deck, and says why a deck whose name is taken is not served', async () => {
    const root = makeProject({ 'slides/talk.md': '# Talk\n' });
    const lines: string[] = [];
    const server = await startDevServer({ root, chromium: false, port: 0, log: (l) => lines.push(l) });
    try {
      fs.writeFileSync(path.join(root, 'slides', 'second.md'), '# Second\n');
      await expect.poll(async () => (await fetch(`${server.url}second/`)).status).toBe(200);

      fs.mkdirSync(path.join(root, 'slides', 'talk'));
      fs.writeFileSync(path.join(root, 'slides', 'talk', '01.md'), '# Clash\n');
      await expect.poll(() => lines.join('\n')).toContain('slides/talk is not served: another deck, slides/talk.md, is already at /talk/; rename one of them');
      expect(await (await fetch(`${server.url}talk/`)).text()).toContain('Talk');
      expect(lines.filter((l) => l.includes('is not served'))).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
