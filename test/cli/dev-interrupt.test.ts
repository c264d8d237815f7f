import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium } from '../helpers/chromium';
import { copyFixture } from '../helpers/fixtures';
import { serveCli } from '../helpers/serve-cli';


describe.runIf(hasChromium())('Ctrl+C on deckhand dev', () => {
  it('stops cleanly with exit code 0 once Chromium has drawn a diagram', async () => {
    const root = copyFixture('basic');
    const env = { DECKHAND_CACHE_DIR: path.join(root, '.cache'), DECKHAND_CHROMIUM: CHROMIUM };
    const dev = await serveCli(root, ['dev', 'slides/basic', '--port', '0'], env);
    expect(dev.stderr()).not.toContain('diagrams will render in the browser'); // Chromium did start
    // A page served proves the server is past start-up and waiting, as a user's Ctrl+C finds it.
    expect((await fetch(`${dev.url}basic/`)).status).toBe(200);
    dev.interrupt();
    expect(await dev.exited, dev.stderr()).toBe(0);
  });
});
