import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject } from '../helpers/fixtures';
import { all, parsePage } from '../helpers/html';
import { TALK } from '../helpers/present-deck';

const BIN = path.resolve(__dirname, '../../bin/deckhand.js');

/** Starts `deckhand present …` in `cwd`, the way a presenter would. */
function startCli(cwd: string, args: string[]) {
  const child = spawn(process.execPath, [BIN, 'present', ...args], { cwd, env: { ...process.env, DECKHAND_CACHE_DIR: path.join(cwd, '.cache') } });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (out.stdout += d));
  child.stderr.on('data', (d) => (out.stderr += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => (clearTimeout(killer), resolve(code))));
  return { child, out, exited };
}

describe('deckhand present (command line)', () => {
  it('prints the three links, serves the deck and the views, and stops cleanly on SIGTERM', async () => {
    const root = makeProject({ 'slides/talk.md': TALK });
    const cli = startCli(root, ['--port', '0', '--no-chromium']);
    await expect.poll(() => cli.out.stdout, { timeout: 20_000 }).toContain('(Ctrl+C to stop)');
    const { stdout } = cli.out;
    const audience = /audience {2}(\S+)/.exec(stdout)?.[1] ?? '';
    const speaker = /speaker {3}(\S+)/.exec(stdout)?.[1] ?? '';
    const remote = /remote {4}(\S+)/.exec(stdout)?.[1] ?? '';
    expect(audience).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/talk\/$/);
    expect(speaker).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_deckhand\/speaker#token=[\w-]{32}$/);
    expect(remote).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_deckhand\/remote#token=[\w-]{32}$/);
    expect(stdout).toContain('--host 0.0.0.0'); // how to let the room join
    expect(stdout).not.toMatch(/[▀▄█]/); // and no QR code: nobody else can reach loopback
    const page = await fetch(audience);
    expect(page.status).toBe(200);
    // The audience page: the deck, with the script that follows the talk.
    expect(all(parsePage(await page.text()), 'script[src]').map((e) => e.getAttribute('src'))).toContainEqual(expect.stringMatching(/follow\.js(\?v=[\w-]+)?$/));
    expect((await fetch(speaker)).status).toBe(200);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('asks which deck when there are several (exit 2), and reports deck errors (exit 1)', async () => {
    const several = startCli(makeProject({ 'slides/a.md': '# A\n', 'slides/b.md': '# B\n' }), ['--port', '0', '--no-chromium']);
    expect(await several.exited).toBe(2);
    expect(several.out.stderr).toContain('several decks found; name the one to present: slides/a.md, slides/b.md');
    const broken = startCli(makeProject({ 'slides/talk.md': '# Talk\n\n![missing](nope.mmd)\n' }), ['--port', '0', '--no-chromium']);
    expect(await broken.exited).toBe(1);
    expect(broken.out.stderr).toContain('slides/talk.md:3:1: error: diagram not found: nope.mmd');
  });
});
