import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium } from '../helpers/chromium';
import { copyFixture } from '../helpers/fixtures';

const CLI = path.resolve(__dirname, '..', '..', 'bin', 'deckhand.js');

describe.runIf(hasChromium())('Ctrl+C on deckhand dev', () => {
  it('stops cleanly with exit code 0 once Chromium has drawn a diagram', async () => {
    const root = copyFixture('basic');
    const env = { ...process.env, DECKHAND_CACHE_DIR: path.join(root, '.cache'), DECKHAND_CHROMIUM: CHROMIUM };
    // Its own process group, like a terminal's foreground job: Ctrl+C reaches every process in it.
    const child = spawn(process.execPath, [CLI, 'dev', 'slides/basic', '--port', '0'], { cwd: root, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const serving = new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        if (stderr.includes('serving with live preview')) resolve();
      });
      child.once('exit', () => reject(new Error(`exited before serving:\n${stderr}`)));
    });
    const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
    await serving;
    expect(stderr).not.toContain('diagrams will render in the browser'); // Chromium did start
    // A page served proves the server is past start-up and waiting, as a user's Ctrl+C finds it.
    const url = /serving with live preview at (\S+)/.exec(stderr)![1];
    expect((await fetch(`${url}basic/`)).status).toBe(200);
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited, stderr).toBe(0);
  });
});
